// `kg ner --jsonl FILE [--lang de|en]`: tags pre-tokenized sentences with the trained tagger.
// Reads {"tokens": [...]} per line, writes {"tags": [...]} per line, in order.
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { countFunctionWords } from "../../extractors/function-words.ts";
import { unreadableReason } from "../unreadable.ts";

/**
 * Guesses German or English from the first sentences' words: by their function words, which
 * decide at once for any run of sentences and cost nothing; franc (restricted to the two)
 * when there are too few of them to tell.
 */
export async function guessLanguage(sentences: readonly string[][]): Promise<"de" | "en"> {
  const { de, en } = countFunctionWords(
    sentences.slice(0, 200).flatMap((t) => t.map((w) => w.toLowerCase())),
  );
  if (de + en >= 20 && (de >= 3 * en || en >= 3 * de)) return de > en ? "de" : "en";
  const { franc } = await import("franc");
  const sample = sentences
    .slice(0, 200)
    .map((t) => t.join(" "))
    .join(" ")
    .slice(0, 5000);
  return franc(sample, { only: ["deu", "eng"], minLength: 3 }) === "deu" ? "de" : "en";
}

export function register(program: Command): void {
  program
    .command("ner")
    .description("Tag pre-tokenized sentences with the trained NER tagger (BIO over PER, ORG, LOC, MISC)")
    .requiredOption("--jsonl <file>", 'input: one JSON line {"tokens": [...]} per sentence')
    .option("--lang <lang>", "de or en (default: guessed from the text)")
    .action(async (opts: { jsonl: string; lang?: string }) => {
      const [{ loadNerModel }, { tagTokens }] = await Promise.all([
        import("../models.ts"),
        import("../../extractors/tagger/index.ts"),
      ]);
      const sentences: string[][] = [];
      let text: string;
      try {
        text = readFileSync(opts.jsonl, "utf8");
      } catch (err) {
        throw new Error(`cannot read ${opts.jsonl}: ${unreadableReason(err)}`);
      }
      const lines = text.split("\n");
      for (const [i, line] of lines.entries()) {
        if (!line.trim()) continue;
        let tokens: unknown;
        try {
          tokens = (JSON.parse(line) as { tokens?: unknown }).tokens;
        } catch {
          throw new Error(
            `${opts.jsonl}:${i + 1}: expected a JSON object {"tokens": [...]}, found invalid JSON`,
          );
        }
        if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === "string")) {
          throw new Error(`${opts.jsonl}:${i + 1}: expected "tokens" to be an array of strings`);
        }
        sentences.push(tokens as string[]);
      }
      if (opts.lang !== undefined && opts.lang !== "de" && opts.lang !== "en") {
        throw new Error(`--lang: expected "de" or "en", found "${opts.lang}"`);
      }
      const lang = (opts.lang as "de" | "en" | undefined) ?? (await guessLanguage(sentences));
      const model = loadNerModel(lang);
      const out: string[] = [];
      for (const tokens of sentences) out.push(JSON.stringify({ tags: tagTokens(model, tokens).tags }));
      process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
    });
}
