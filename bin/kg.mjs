#!/usr/bin/env node
// Entry point of the `kg` command: runs the TypeScript CLI through tsx, so that
// `npx kg ...` works right after `npm ci` with no build step. `kg ner`, timed with its
// process start, runs from an esbuild bundle built on first use (cli/ner-bundle.mjs).
const bundle = process.argv[2] === "ner" ? await (await import("../cli/ner-bundle.mjs")).nerBundle() : null;
if (bundle) await import(bundle);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../cli/main.ts");
}
