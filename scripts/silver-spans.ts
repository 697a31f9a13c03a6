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

/** Tags of the span [start, end) become one name of `label` (B- then I-). */
function retag(tags: string[], sp: { start: number; end: number }, label: string): void {
  for (let i = sp.start; i < sp.end; i++) tags[i] = (i === sp.start ? "B-" : "I-") + label;
}

/** Tokens unknown in either mask (masks of the same sentence). */
export function eitherFree(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((v, i) => v | b[i]);
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

/**
 * A silver ORG between Wikipedia's title markup (`` ... '' for songs, '' ... '' for italic
 * titles of albums, films, shows and books) names a work, which news guidelines call MISC
 * (CoNLL, GermEval's OTH); WikiANN types it by its page. A bold list head ("' '' Name '' '")
 * is not a title and keeps its label.
 */
export function relabelTitles(s: Sentence): Sentence {
  let tags: string[] | undefined;
  for (const sp of bioSpans(s.tags)) {
    if (sp.label !== "ORG") continue;
    const before = s.tokens[sp.start - 1];
    const after = s.tokens[sp.end];
    const bold = after === "''" && s.tokens[sp.end + 1] === "'";
    if (!(before === "``" || (after === "''" && !bold))) continue;
    retag((tags ??= [...s.tags]), sp, "MISC");
  }
  return tags ? { tokens: s.tokens, tags } : s;
}

/**
 * Tokens of silver names shaped like a binomial ("Xanthia togata", "Antarctic prion": a
 * capitalized word and lowercase ones), which WikiANN types by the linked page (a species as
 * LOC): no guideline calls them names, so they become unknown.
 */
export function binomialTokens(s: Sentence): Uint8Array {
  const free = new Uint8Array(s.tokens.length);
  for (const sp of bioSpans(s.tags)) {
    if (sp.end - sp.start < 2 || !/^\p{Lu}\p{Ll}+$/u.test(s.tokens[sp.start])) continue;
    let rest = true;
    for (let i = sp.start + 1; i < sp.end; i++) if (!/^\p{Ll}+$/u.test(s.tokens[i])) rest = false;
    if (rest) for (let i = sp.start; i < sp.end; i++) free[i] = 1;
  }
  return free;
}

/**
 * Wikipedia's italic and bold markup ('' and ''') left in WikiANN's text, which news and
 * plain-text Wikipedia (WikiGold) never show: dropped, so that no tag is learned from it.
 * Quotation marks (`` ... '') stay. BIO is repaired where a name lost its first token.
 */
export function stripMarkup(s: Sentence): Sentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  let open = 0;
  s.tokens.forEach((t, i) => {
    if (t === "``") open++;
    else if (t === "''") {
      if (open === 0) return;
      open--;
    } else if (t === "'" && (s.tokens[i - 1] === "''" || s.tokens[i + 1] === "''")) return;
    const w = t.length > 2 && t.startsWith("''") ? t.slice(2) : t;
    let tag = s.tags[i];
    const prev = tags.length ? tags[tags.length - 1] : "O";
    if (tag.startsWith("I-") && prev.slice(2) !== tag.slice(2)) tag = "B-" + tag.slice(2);
    tokens.push(w);
    tags.push(tag);
  });
  return tokens.length === s.tokens.length ? s : { tokens, tags };
}

/** Head words of facility names, as scripts/data/facility-heads.json gives them per language. */
export interface FacilityHeads {
  /** The name's last word ("Citi Field"). */
  last: string[];
  /** Its first word ("Schloss Frederiksborg"). */
  first: string[];
  /** The end of a compound ("Olympiastadion"). */
  suffix: string[];
}

/** Whether the name tokens[start, end) is a facility by its head words (sets built once). */
export type IsFacility = (tokens: readonly string[], start: number, end: number) => boolean;

export function facilityTest(heads: FacilityHeads): IsFacility {
  const last = new Set(heads.last);
  const first = new Set(heads.first);
  return (tokens, start, end) => {
    const lower = tokens[end - 1].toLowerCase();
    return (
      (end - start > 1 && (last.has(tokens[end - 1]) || first.has(tokens[start]))) ||
      heads.suffix.some((x) => lower.endsWith(x) && lower.length > x.length + 2)
    );
  };
}

/**
 * A silver ORG that names a facility ("Citi Field", "Schloss Frederiksborg", "Olympiastadion")
 * is a LOC in news guidelines (CoNLL, GermEval, Universal NER); WikiANN types it by its page,
 * mostly ORG.
 */
export function relabelFacilities(s: Sentence, isFacility: IsFacility): Sentence {
  let tags: string[] | undefined;
  for (const sp of bioSpans(s.tags)) {
    if (sp.label === "ORG" && isFacility(s.tokens, sp.start, sp.end))
      retag((tags ??= [...s.tags]), sp, "LOC");
  }
  return tags ? { tokens: s.tokens, tags } : s;
}

const TITLE_LINKS = new Set(["of", "the", "von", "der", "des", "zu", "und", "and"]);

/**
 * A silver name of two or more words that opens with a title ("Governor of Gibraltar",
 * "Prince Charles", "Herzog von Sachsen"): the title words (with "of", "von" after them)
 * become O, the rest of the name unknown (free) tokens, since its type is the linked
 * office's, not its own. Titles are data (scripts/data/office-titles.json).
 */
export function relabelOffices(s: Sentence, titles: ReadonlySet<string>): { s: Sentence; free: Uint8Array } {
  const free = new Uint8Array(s.tokens.length);
  let tags: string[] | undefined;
  for (const sp of bioSpans(s.tags)) {
    if (sp.end - sp.start < 2 || !titles.has(s.tokens[sp.start])) continue;
    tags ??= [...s.tags];
    let i = sp.start;
    while (i < sp.end && (titles.has(s.tokens[i]) || TITLE_LINKS.has(s.tokens[i]))) tags[i++] = "O";
    for (; i < sp.end; i++) {
      tags[i] = "O";
      free[i] = 1;
    }
  }
  return { s: tags ? { tokens: s.tokens, tags } : s, free };
}
