// Packs hand re-annotations of WikiANN sentences into scripts/data/wikiann-reannotated.jsonl.gz:
// per sentence its file, line, a hash of its tokens and the new tags, never the text (the
// data folder's files stay outside the project; train-ner joins the tags to them by line).
//
//   node --import tsx scripts/pack-reannotated.ts [--data DIR] [heldout:]SOURCE=ANNOTATED.jsonl ...
//
// SOURCE is a WikiANN file of the data folder (wikiann-en.train.jsonl); ANNOTATED holds JSON
// lines {"line"?: N, "tokens": [...], "tags": [...]}, the line (0-based) found by the tokens
// where it is missing. "heldout:" marks sentences kept for figures, never trained on.
// Existing entries are kept unless re-annotated.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { readReannotations, tokensHash, type Reannotation } from "./reannotated.ts";
import { TAGS } from "../extractors/tagger/tags.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "scripts", "data", "wikiann-reannotated.jsonl.gz");

const program = new Command("pack-reannotated")
  .option("--data <dir>", "folder of the NER corpora", process.env.KG_NER_DATA ?? "../shared/data/ner")
  .argument("<pairs...>", "[heldout:]SOURCE=ANNOTATED.jsonl")
  .parse(process.argv);
const dataDir = resolve(program.opts<{ data: string }>().data);
const entries = new Map<string, Reannotation>();
if (existsSync(OUT)) for (const r of readReannotations(OUT)) entries.set(`${r.file}:${r.line}`, r);
for (const pair of program.args) {
  const heldout = pair.startsWith("heldout:");
  const [file, annotated] = pair.replace(/^heldout:/, "").split("=");
  const lines = readFileSync(join(dataDir, file), "utf8").split("\n");
  const byTokens = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    const key = (JSON.parse(l) as { tokens: string[] }).tokens.join(" ");
    if (!byTokens.has(key)) byTokens.set(key, i);
  });
  let n = 0;
  for (const l of readFileSync(annotated, "utf8").split("\n")) {
    if (!l.trim()) continue;
    const a = JSON.parse(l) as { line?: number; tokens: string[]; tags: string[] };
    const line = a.line ?? byTokens.get(a.tokens.join(" "));
    if (line === undefined) throw new Error(`${annotated}: sentence not in ${file}: ${a.tokens.join(" ")}`);
    const source = (JSON.parse(lines[line]) as { tokens: string[] }).tokens;
    if (source.join(" ") !== a.tokens.join(" "))
      throw new Error(`${annotated}: line ${line} of ${file} differs`);
    if (a.tags.length !== a.tokens.length || a.tags.some((t) => !(TAGS as readonly string[]).includes(t)))
      throw new Error(`${annotated}: bad tags on line ${line}`);
    entries.set(`${file}:${line}`, { file, line, hash: tokensHash(a.tokens), tags: a.tags, heldout });
    n++;
  }
  console.log(`${file}: ${n} sentences from ${annotated}${heldout ? " (held out)" : ""}`);
}
const sorted = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
const text = sorted
  .map((r) =>
    JSON.stringify({
      file: r.file,
      line: r.line,
      hash: r.hash,
      tags: r.tags.join(" "),
      ...(r.heldout ? { heldout: true } : {}),
    }),
  )
  .join("\n");
writeFileSync(OUT, gzipSync(text + "\n", { level: 9 }));
console.log(`wrote ${OUT}: ${sorted.length} sentences`);
