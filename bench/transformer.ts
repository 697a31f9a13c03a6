// npm run bench:transformer [-- --bert-base] — speed of the transformer NER model next to the
// rules, on the fixture articles. Uses the configured model (KG_NER_MODEL in KG_MODEL_DIR) when
// it loads, else the tiny test model (which measures our windowing/merging and ONNX Runtime
// overhead, not a real BERT), or with --bert-base a BERT-base-shaped encoder with random weights
// (fp32; what a real model costs per token, but its vocabulary is the tiny one, so words/s is
// not comparable). Prints words/s for both and model pieces (WordPiece tokens)/s.
import { readFileSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import fg from "fast-glob";
import { createContext, extract } from "../extractors/pipeline.ts";
import {
  loadTransformer,
  transformerConfig,
  tryLoadTransformer,
  type TransformerModel,
} from "../cli/transformer-model.ts";
import { buildTinyModel } from "../test/support/tiny-model/build.ts";
import { buildBertLikeModel } from "../test/support/tiny-model/bert-like.ts";

const MIN_MS = Number(process.env.BENCH_MS ?? 3000);

const files = await fg("fixtures/{de,en}/*.{txt,md}", {
  cwd: new URL("..", import.meta.url).pathname,
  absolute: true,
});
const articles = files.map((f) => readFileSync(f, "utf8"));
if (articles.length === 0) throw new Error("no fixture articles under fixtures/{de,en}");
const words = articles.reduce((n, a) => n + (a.match(/\S+/g)?.length ?? 0), 0);

/** Runs `once` over all articles until MIN_MS passed; returns passes and milliseconds. */
async function time(once: () => Promise<void> | void): Promise<{ passes: number; ms: number }> {
  await once(); // warm-up
  let passes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < MIN_MS) {
    await once();
    passes++;
  }
  return { passes, ms: performance.now() - t0 };
}

const ctx = createContext();
const rules = await time(() => {
  for (const a of articles) extract(a, ctx);
});

let model: TransformerModel;
let label: string;
let cleanup = () => {};
const bertBase = process.argv.includes("--bert-base");
const configured = bertBase ? null : await tryLoadTransformer();
if (bertBase) {
  const synthetic = buildBertLikeModel();
  cleanup = () => rmSync(synthetic.root, { recursive: true, force: true });
  model = await loadTransformer(
    transformerConfig({ KG_MODEL_DIR: synthetic.root, KG_NER_MODEL: synthetic.name }),
  );
  label = "BERT-base-shaped encoder, random weights, fp32 (12 layers, 768 hidden)";
} else if (configured?.ok) {
  model = configured.model;
  label = `${model.model} (${model.dtype})`;
} else {
  const tiny = buildTinyModel();
  cleanup = () => rmSync(tiny.root, { recursive: true, force: true });
  model = await loadTransformer(transformerConfig({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name }));
  label = "tiny test model (no real model configured: see `kg models status`)";
}
let pieces = 0;
let windows = 0;
const tr = await time(async () => {
  pieces = 0;
  windows = 0;
  for (const a of articles) {
    const r = await model.recognize(a);
    pieces += r.pieces;
    windows += r.windows;
  }
});
cleanup();

const perSec = (n: number, t: { passes: number; ms: number }) => Math.round((n * t.passes) / (t.ms / 1000));
console.log(
  `articles: ${articles.length} (${words} words), each pass over all of them, at least ${MIN_MS} ms`,
);
console.log(
  `rules (pipeline, --ner rules):  ${perSec(words, rules)} words/s  (${(rules.ms / rules.passes).toFixed(1)} ms/pass)`,
);
console.log(
  `transformer NER, ${label}:\n` +
    `                                 ${perSec(words, tr)} words/s, ${perSec(pieces, tr)} model tokens/s  ` +
    `(${(tr.ms / tr.passes).toFixed(1)} ms/pass, ${pieces} tokens in ${windows} windows per pass)`,
);
