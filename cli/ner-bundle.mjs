// The ahead-of-time build of `kg ner`: cli/ner-main.ts and what it imports from the project,
// bundled by esbuild into .cache/ner/ (ner-main.js and lazy chunks) (npm packages stay imports). The bundle is
// rebuilt when any of its inputs is newer than it; when it cannot be built or written, the
// caller falls back to running the TypeScript through tsx. Plain JavaScript: it runs before
// any TypeScript loader exists.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, ".cache", "ner");
const OUT = join(OUT_DIR, "ner-main.js");
const INPUTS = join(OUT_DIR, "inputs.json");

/**
 * Whether a bundle is current: it and its list of inputs (paths relative to `root`) exist and
 * no input is newer than it.
 */
export function isFresh(out, inputsFile, root) {
  if (!existsSync(out) || !existsSync(inputsFile)) return false;
  const built = statSync(out).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
    return inputs.length > 0 && inputs.every((f) => statSync(join(root, f)).mtimeMs <= built);
  } catch {
    return false;
  }
}

/** Builds the bundle when it is missing or stale; returns its file URL, or null when it cannot. */
export async function nerBundle() {
  if (isFresh(OUT, INPUTS, ROOT)) return pathToFileURL(OUT).href;
  try {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [join(ROOT, "cli", "ner-main.ts")],
      bundle: true,
      // dynamic imports stay lazy chunks: franc, for one, loads only when it is asked
      splitting: true,
      outdir: OUT_DIR,
      outExtension: { ".js": ".js" },
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      metafile: true,
      write: false,
      logLevel: "silent",
      absWorkingDir: ROOT,
      // every module of the bundle sees itself in cli/, where the entry is: paths made from
      // import.meta.url ("../models" in cli/models.ts) resolve as they do unbundled
      define: { "import.meta.url": JSON.stringify(pathToFileURL(join(ROOT, "cli", "ner-main.ts")).href) },
    });
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
    const inputs = Object.keys(result.metafile.inputs);
    for (const f of result.outputFiles) writeFileSync(f.path, f.contents);
    writeFileSync(INPUTS, JSON.stringify(inputs));
    return pathToFileURL(OUT).href;
  } catch {
    return null;
  }
}
