// Sentences written and annotated for the project (scripts/data/written-news-de.jsonl): our own
// text, so it is read strictly. A line that is not a well-formed BIO sentence is an error with its
// line number, never skipped: a silent drop would change the models unnoticed.
import { readFileSync } from "node:fs";
import { TAG_INDEX, allowedTransition } from "../extractors/tagger/tags.ts";
import type { Sentence } from "./silver-spans.ts";

/** Why `s` is not a well-formed annotated sentence, or undefined when it is. */
export function annotationProblem(s: unknown): string | undefined {
  const { tokens, tags } = (s ?? {}) as Partial<Sentence>;
  if (!Array.isArray(tokens) || !Array.isArray(tags)) return "needs tokens and tags arrays";
  if (tokens.length === 0) return "has no tokens";
  if (tokens.length !== tags.length) return `has ${tokens.length} tokens but ${tags.length} tags`;
  let prev = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (typeof tokens[i] !== "string" || !/^\S+$/u.test(tokens[i]))
      return `token ${i + 1} is empty or has spaces`;
    const tag = TAG_INDEX.get(tags[i]);
    if (tag === undefined) return `tag ${i + 1} "${tags[i]}" is not a BIO tag over PER, ORG, LOC, MISC`;
    if (!allowedTransition(prev, tag))
      return `tag ${i + 1} "${tags[i]}" continues no ${tags[i].slice(2)} name`;
    prev = tag;
  }
  return undefined;
}

/** The annotated sentences of a JSON-lines file with their 0-based line numbers; throws on a bad line. */
export function readAnnotated(path: string): { s: Sentence; line: number }[] {
  const out: { s: Sentence; line: number }[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((text, line) => {
      if (!text.trim()) return;
      let s: unknown;
      try {
        s = JSON.parse(text);
      } catch {
        throw new Error(`${path} line ${line + 1} is not JSON`);
      }
      const problem = annotationProblem(s);
      if (problem) throw new Error(`${path} line ${line + 1} ${problem}`);
      out.push({ s: s as Sentence, line });
    });
  return out;
}
