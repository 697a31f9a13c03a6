// The analysed article every extractor reads, and the candidate shape entity finders return.
import type { EntityType, Language, NerSpan } from "./types.ts";
import type { Lexicons, LanguageLexicon } from "./lexicon/index.ts";
import type { Segmentation } from "./sentences.ts";

export interface ExtractContext {
  /** Forces the language ('--lang'); otherwise franc decides. */
  language?: Language;
  /** Article date (ISO 'YYYY-MM-DD'), for relative dates; never the clock. */
  date?: string | null;
  lexicons: Lexicons;
  /** Name spans from a statistical tagger, computed outside the pipeline. */
  nerSpans?: readonly NerSpan[];
}

export interface Doc extends Segmentation {
  text: string;
  language: Language;
  lex: LanguageLexicon;
  lexicons: Lexicons;
}

export type CandidateSource = "lexicon" | "pattern" | "people" | "tagger" | "transformer";

/** A proposed entity mention before merging. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The canonical name this mention points to ('Stargate' for 'Stargate-Projekt'). */
  name: string;
  source: CandidateSource;
  confidence: number;
  /** True for a lexicon entry's own canonical name (not an alias). */
  canonical?: boolean;
  /** Named outright by the text ('dubbed "Mistral Compute"', 'namens Colossus'). */
  named?: boolean;
}

export interface TokenOffsets {
  /** Token index by the character offset where the token starts. */
  byStart: ReadonlyMap<number, number>;
  /** Token index by the character offset where the token ends. */
  byEnd: ReadonlyMap<number, number>;
}

const tokenOffsets = new WeakMap<Doc["tokens"], TokenOffsets>();
/** Which token starts or ends at a character offset; built once per document. */
export function tokenOffsetsOf(doc: Doc): TokenOffsets {
  let hit = tokenOffsets.get(doc.tokens);
  if (!hit) {
    const byStart = new Map<number, number>();
    const byEnd = new Map<number, number>();
    doc.tokens.forEach((t, i) => {
      byStart.set(t.start, i);
      byEnd.set(t.end, i);
    });
    tokenOffsets.set(doc.tokens, (hit = { byStart, byEnd }));
  }
  return hit;
}

/** Lower-cased first letter? ('nutzt' yes, 'OpenAI' no, 'xAI' yes.) */
export const startsLower = (s: string): boolean => {
  const c = s.charAt(0);
  return c !== c.toUpperCase();
};
export const startsUpper = (s: string): boolean => {
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
/** 'xAI', 'iPhone', 'eBay': lowercase start with an inner capital. */
export const isCamelLower = (s: string): boolean => /^\p{Ll}+\p{Lu}/u.test(s);

/** German genitive / English possessive stripped from a name: 'Musks' → 'Musk' where 'Musk' is known. */
export function stripGenitive(name: string, known: ReadonlySet<string>): string {
  if (/['’]s?$/.test(name)) return name.replace(/['’]s?$/, "");
  if (name.length > 3 && /[^s]s$/.test(name) && known.has(name.slice(0, -1))) return name.slice(0, -1);
  return name;
}
