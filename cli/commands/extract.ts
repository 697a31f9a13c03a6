// `kg extract [--json] [--lang de|en] [--ner rules|tagger|transformer|hybrid] FILE...`
// One JSON object a line per file with --json; a readable summary without.
import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { extract, createContext } from "../../extractors/pipeline.ts";
import type { ExtractionResult, Language } from "../../extractors/types.ts";
import { NER_MODES, nerSpansFor, resolveNerMode, type NerMode } from "../ner-mode.ts";
import { unreadableReason } from "../unreadable.ts";
export type { NerMode } from "../ner-mode.ts";

export class UnreadableFileError extends Error {
  readonly code = "E_UNREADABLE_FILE";
}

/** Reads a file as strict UTF-8: invalid bytes or binary content give a clear error. */
export async function readArticle(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UnreadableFileError(`cannot read ${file}: ${unreadableReason(err)}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError(`cannot read ${file}: not valid UTF-8 text (expected a UTF-8 article, found undecodable bytes)`);
  }
  if (text.includes("\u0000")) throw new UnreadableFileError(`cannot read ${file}: binary content (NUL bytes), expected a UTF-8 article`);
  return text.replace(/^\uFEFF/, "");
}

function summary(file: string, r: ExtractionResult): string {
  const lines = [`${file} (${r.language})`];
  const byType = new Map<string, string[]>();
  for (const e of r.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e.name]);
  for (const [type, names] of byType) lines.push(`  ${type}: ${names.join(", ")}`);
  for (const x of r.roles) lines.push(`  role: ${x.person} — ${x.role}${x.org ? ` @ ${x.org}` : ""}  ("${x.text}")`);
  for (const q of r.quantities) lines.push(`  quantity: ${q.value} ${q.unit}${q.qualifier ? ` (${q.qualifier})` : ""}${q.subject ? ` → ${q.subject}` : ""}  ("${q.text}")`);
  for (const rel of r.relations) lines.push(`  relation: ${rel.subject} ${rel.type} ${rel.object}`);
  if (r.entities.length + r.roles.length + r.quantities.length + r.relations.length === 0) lines.push("  (no findings)");
  return lines.join("\n");
}

export function register(program: Command): void {
  program
    .command("extract")
    .description("Extract people, roles, organizations, projects, quantities and relations from articles")
    .argument("<files...>", "UTF-8 article files")
    .option("--json", "print one JSON object per file, one per line")
    .option("--lang <lang>", "force the language (de or en) instead of detecting it")
    .option(
      "--ner <mode>",
      `name finder: ${NER_MODES.join(", ")} (rules: lexicons and patterns only; default: hybrid when a transformer model loads, else tagger)`,
    )
    .action(async (files: string[], opts: { json?: boolean; lang?: string; ner?: string }) => {
      if (opts.lang !== undefined && opts.lang !== "de" && opts.lang !== "en") {
        program.error(`error: --lang expects de or en, got "${opts.lang}"`);
      }
      if (opts.ner !== undefined && !NER_MODES.includes(opts.ner as NerMode)) program.error(`error: --ner expects one of ${NER_MODES.join(", ")}, got "${opts.ner}"`);
      let mode: NerMode;
      try {
        mode = await resolveNerMode(opts.ner ?? (process.env.KG_NER || undefined));
      } catch (err) {
        process.stderr.write(`kg extract: --ner ${opts.ner ?? process.env.KG_NER}: ${(err as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const language = opts.lang as Language | undefined;
      let failed = 0;
      for (const file of files) {
        let text: string;
        try {
          text = await readArticle(file);
        } catch (err) {
          failed++;
          const message = err instanceof Error ? err.message : String(err);
          if (opts.json) process.stdout.write(JSON.stringify({ file, error: { code: "E_UNREADABLE_FILE", message } }) + "\n");
          process.stderr.write(`kg extract: ${message}\n`);
          continue;
        }
        const nerSpans = await nerSpansFor(mode, text, language);
        const result = extract(text, createContext({ language, nerSpans }));
        if (opts.json) {
          const { sentences: _s, ...rest } = result;
          void _s;
          process.stdout.write(JSON.stringify({ file, ...rest }) + "\n");
        } else process.stdout.write(summary(file, result) + "\n\n");
      }
      if (failed > 0) process.exitCode = failed === files.length ? 1 : 0;
    });
}
