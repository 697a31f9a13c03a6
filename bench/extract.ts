// npm run bench:extract — extraction speed on one core (rules only, no statistical tagger):
// KB/s and articles/s over the fixture articles, and the time for synthetic articles of
// 10 KB, 100 KB and 1 MB built from them (growth should be near linear).
import { readdirSync, readFileSync } from "node:fs";
import { extract, createContext } from "../extractors/pipeline.ts";

const root = new URL("../fixtures/", import.meta.url);
const articles = ["de", "en"].flatMap((lang) =>
  readdirSync(new URL(`${lang}/`, root))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ lang, text: readFileSync(new URL(`${lang}/${f}`, root), "utf8") })),
);
const ctx = createContext();
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

// Warm up the lexicon indexes and the JIT.
for (let i = 0; i < 5; i++) for (const a of articles) extract(a.text, ctx);

const total = articles.reduce((n, a) => n + bytes(a.text), 0);
let rounds = 0;
const t0 = performance.now();
while (performance.now() - t0 < 3000) {
  for (const a of articles) extract(a.text, ctx);
  rounds++;
}
const secs = (performance.now() - t0) / 1000;
console.log(`fixtures: ${articles.length} articles, ${(total / 1024).toFixed(1)} KB`);
console.log(
  `  ${((total * rounds) / 1024 / secs).toFixed(0)} KB/s, ${((articles.length * rounds) / secs).toFixed(0)} articles/s (${rounds} rounds in ${secs.toFixed(1)} s)`,
);

for (const lang of ["de", "en"] as const) {
  const parts = articles.filter((a) => a.lang === lang).map((a) => a.text);
  let prev: number | undefined;
  for (const size of [10 * 1024, 100 * 1024, 1024 * 1024]) {
    let text = "";
    for (let i = 0; bytes(text) < size; i++) text += parts[i % parts.length] + "\n\n";
    extract(text.slice(0, 2000), createContext({ language: lang }));
    const t = performance.now();
    const r = extract(text, createContext({ language: lang }));
    const ms = performance.now() - t;
    const kb = bytes(text) / 1024;
    const growth = prev === undefined ? "" : `  (×${(ms / prev).toFixed(1)} for ×10 text)`;
    console.log(
      `${lang} synthetic ${kb.toFixed(0).padStart(5)} KB: ${ms.toFixed(0).padStart(6)} ms, ${(kb / (ms / 1000)).toFixed(0)} KB/s, ${r.entities.length} entities${growth}`,
    );
    prev = ms;
  }
}

// The transformer NER model, when one is configured and loads (`kg models status`): its speed next to the rules'.
const { tryLoadTransformer } = await import("../cli/transformer-model.ts");
const loaded = await tryLoadTransformer();
if (!loaded.ok) {
  console.log(
    "transformer NER: no model configured (kg models status); npm run bench:transformer measures test models",
  );
} else {
  const model = loaded.model;
  for (const a of articles) await model.recognize(a.text);
  let tokens = 0;
  let passes = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 3000) {
    for (const a of articles) tokens += (await model.recognize(a.text)).pieces;
    passes++;
  }
  const s = (performance.now() - t1) / 1000;
  console.log(
    `transformer NER ${model.model} (${model.dtype}): ${((total * passes) / 1024 / s).toFixed(1)} KB/s, ` +
      `${(tokens / s).toFixed(0)} model tokens/s, ${((articles.length * passes) / s).toFixed(1)} articles/s (rules: above)`,
  );
}
