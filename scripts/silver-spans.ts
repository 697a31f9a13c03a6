// Silver training sentences (WikiANN) brought closer to news annotation guidelines.
import { bioSpans } from "../extractors/tagger/index.ts";

export interface Sentence {
  tokens: string[];
  tags: string[];
}

/** Punctuation that no news-style name crosses ("Atlantic City , New Jersey", "Church ( Ohio )"). */
const SPAN_BREAKS = new Set([",", "(", ")", ";", ":", "/", "–", "—", "|", "''", "``", '"']);

/**
 * WikiANN labels a whole link text as one name: "Atlantic City , New Jersey" is one LOC there,
 * two in news guidelines; "St. Mary 's Church ( Sandusky , Ohio )" one ORG. Spans are cut at
 * punctuation: the first part keeps the label, a LOC after a comma is a LOC of its own, and
 * the other parts become unknown (free) tokens. KG_NER_SPLIT=0 keeps the spans as they are.
 */
export function splitSilverSpans(
  s: Sentence,
  enabled = process.env.KG_NER_SPLIT !== "0",
): { s: Sentence; free: Uint8Array } {
  const free = new Uint8Array(s.tokens.length);
  if (!enabled) return { s, free };
  const tags = [...s.tags];
  for (const sp of bioSpans(s.tags)) {
    let part = 0;
    let begin = true;
    let afterComma = false;
    for (let i = sp.start; i < sp.end; i++) {
      const t = s.tokens[i];
      if (SPAN_BREAKS.has(t)) {
        tags[i] = "O";
        part++;
        begin = true;
        afterComma = t === ",";
        continue;
      }
      if (part === 0 || (sp.label === "LOC" && afterComma)) tags[i] = (begin ? "B-" : "I-") + sp.label;
      else {
        tags[i] = "O";
        free[i] = 1;
      }
      begin = false;
    }
  }
  return { s: { tokens: s.tokens, tags }, free };
}

/**
 * A silver name that is a nationality or language adjective and nothing else ("British"
 * linked to the United Kingdom, "deutschen" linked to Germany) is no place in news guidelines:
 * English (CoNLL style, as in WikiGold) calls it MISC, German (GermEval, Universal NER) O.
 */
export function relabelAdjectives(
  s: Sentence,
  isAdjective: (w: string) => boolean,
  label: "MISC" | "O",
): Sentence {
  let tags: string[] | undefined;
  for (const sp of bioSpans(s.tags)) {
    if (sp.end - sp.start !== 1 || sp.label === "MISC" || !isAdjective(s.tokens[sp.start])) continue;
    tags ??= [...s.tags];
    tags[sp.start] = label === "O" ? "O" : "B-MISC";
  }
  return tags ? { tokens: s.tokens, tags } : s;
}
