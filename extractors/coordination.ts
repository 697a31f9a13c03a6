// Organizations named in a coordination with a known one: 'Lidl und Kaufland', 'Oracle and
// Crusoe'. A capitalized word joined by 'und'/'and'/'sowie'/'&' to an organization the lexicon or a
// cue found is an organization too, when nothing says it is a common noun, a place or a person.
import type { Candidate, Doc } from "./doc.ts";
import { startsUpper, tokenOffsetsOf } from "./doc.ts";
import { isPlace } from "./organizations.ts";

const CONJUNCTIONS = new Set(["und", "and", "sowie", "&"]);
/** Below this, an organization candidate is too unsure to vouch for its neighbour. */
const MIN_ANCHOR = 0.7;
const CONFIDENCE = 0.6;

export function findCoordinatedOrganizations(doc: Doc, candidates: readonly Candidate[]): Candidate[] {
  const toks = doc.tokens;
  const { byStart, byEnd } = tokenOffsetsOf(doc);
  const covered = new Set<number>();
  for (const c of candidates) {
    const a = byStart.get(c.start);
    const b = byEnd.get(c.end);
    if (a !== undefined && b !== undefined) for (let k = a; k <= b; k++) covered.add(k);
  }
  // 'Altman and OpenAI': a surname of a person named in the article is no company.
  const surnames = new Set<string>();
  for (const c of candidates) if (c.type === "Person") for (const w of c.name.split(/\s+/)) surnames.add(w);
  const de = doc.language === "de";
  const stop = new Set(doc.lex.cues.stopwords);
  /** A lone capitalized word that can be a company name. */
  const nameWord = (i: number): boolean => {
    const t = toks[i];
    if (!t || t.kind !== "word" || covered.has(i) || !startsUpper(t.text) || t.text.length < 3) return false;
    if (doc.sentences[t.sentence].tokenStart === i || stop.has(t.text)) return false;
    if (doc.lexicons.nonNames.has(t.text.toLowerCase()) || doc.lexicons.firstNames.has(t.text)) return false;
    if (surnames.has(t.text) || surnames.has(t.text.replace(/s$/, ""))) return false;
    if (de ? doc.lex.commonNouns.has(t.text) : doc.lex.commonNouns.has(t.text.toLowerCase())) return false;
    // glued to a neighbour ('Kaufland-Filialen'): part of a compound, not a name on its own
    if (toks[i + 1] && !toks[i + 1].spaceBefore && toks[i + 1].kind !== "punct") return false;
    if (toks[i + 1]?.text === "-" && !toks[i + 1].spaceBefore) return false;
    return !isPlace(doc, t.text);
  };
  const out: Candidate[] = [];
  const push = (i: number) => {
    const t = toks[i];
    covered.add(i);
    out.push({
      start: t.start,
      end: t.end,
      text: t.text,
      type: "Organization",
      name: t.text,
      source: "pattern",
      confidence: CONFIDENCE,
    });
  };
  for (const c of candidates) {
    if (c.type !== "Organization" || c.confidence < MIN_ANCHOR) continue;
    const a = byStart.get(c.start);
    const b = byEnd.get(c.end);
    if (a === undefined || b === undefined) continue;
    // 'X und Y'
    if (CONJUNCTIONS.has(toks[b + 1]?.text.toLowerCase() ?? "") && nameWord(b + 2)) {
      const next = toks[b + 3];
      // 'X und Y' must end there: 'und Kaufland gehören' yes, 'und Partner Nvidia' no (nameWord fails on common nouns).
      if (!next || next.kind === "punct" || !startsUpper(next.text)) push(b + 2);
    }
    // 'Y und X'
    if (CONJUNCTIONS.has(toks[a - 1]?.text.toLowerCase() ?? "") && nameWord(a - 2)) {
      const prev = toks[a - 3];
      if (!prev || prev.kind === "punct" || !startsUpper(prev.text)) push(a - 2);
    }
  }
  return out;
}
