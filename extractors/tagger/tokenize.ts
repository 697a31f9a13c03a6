// A CoNLL-style tokenizer with character offsets, following GermEval's conventions:
// punctuation is split off, hyphenated compounds ("OpenAI-Chef") and abbreviations ("z.B.",
// "Dr.", "Inc.") stay whole, an English possessive "'s" becomes its own token.
import type { Span } from "../types.ts";

export type Token = Span;

const LEADING = new Set([..."\"'([{„“‚‘«»‹›<*"]);
const TRAILING = new Set([..."\",;:!?)]}'“”‘’«»‹›>*"]);
const ABBREVIATIONS = new Set(
  (
    "dr prof bzw ca inc corp co ltd st nr mio mrd etc vs mr mrs ms jr sr no hr fr u.a z.b d.h " +
    "usw vgl evtl ggf inkl bzw jan feb mär apr jun jul aug sep sept okt oct nov dez dec gen " +
    "sen rep gov lt col gen dipl ing mag abs tel str e.v mbh jh jhd bd s"
  ).split(" "),
);
const MONTHS = new Set(
  "januar februar märz april mai juni juli august september oktober november dezember jänner".split(" "),
);

function isAbbreviation(word: string, next: string | undefined): boolean {
  const w = word.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // "U.S", "z.B", "J" (an initial before a capitalized name)
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  // German ordinals: "am 3. Mai", "der 2. Weltkrieg" (not "im Jahr 2020.")
  if (/^\d{1,2}$/.test(word) && next !== undefined) {
    return MONTHS.has(next.toLowerCase()) || /^\p{Ll}/u.test(next);
  }
  return false;
}

/** Splits text into tokens with half-open offsets: text.slice(t.start, t.end) === t.text. */
export function tokenize(text: string): Token[] {
  const chunks: { s: number; e: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) chunks.push({ s: m.index, e: m.index + m[0].length });
  const out: Token[] = [];
  const push = (s: number, e: number) => {
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  chunks.forEach(({ s, e }, ci) => {
    const next = ci + 1 < chunks.length ? text.slice(chunks[ci + 1].s, chunks[ci + 1].e) : undefined;
    const nextWord = next?.replace(/^[^\p{L}\p{N}]+/u, "");
    while (s < e && LEADING.has(text[s]) && e - s > 1) push(s, ++s);
    const tail: { s: number; e: number }[] = [];
    for (;;) {
      if (e - s <= 1) break;
      const ch = text[e - 1];
      if (text.endsWith("...", e) && e - s > 3) {
        tail.push({ s: e - 3, e });
        e -= 3;
        continue;
      }
      if (ch === ".") {
        const body = text.slice(s, e - 1);
        if (!/[.]$/.test(body) && isAbbreviation(body, nextWord)) break;
        tail.push({ s: e - 1, e });
        e--;
        continue;
      }
      if (TRAILING.has(ch)) {
        tail.push({ s: e - 1, e });
        e--;
        continue;
      }
      break;
    }
    const word = text.slice(s, e);
    const poss = /^(.+\p{L})(['’]s)$/u.exec(word);
    if (poss && /^\p{Lu}/u.test(word)) {
      push(s, s + poss[1].length);
      push(s + poss[1].length, e);
    } else push(s, e);
    for (let i = tail.length - 1; i >= 0; i--) push(tail[i].s, tail[i].e);
  });
  return out;
}

const SENTENCE_END = new Set([".", "!", "?", "...", "…"]);

/** Groups tokens into sentences: after . ! ? when the next token opens a sentence, at blank lines, or every 120 tokens. */
export function splitSentences(text: string, tokens: readonly Token[], maxLen = 120): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    cur.push(t);
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(t.end, next.start);
    const end =
      /\n\s*\n/.test(gap) ||
      (SENTENCE_END.has(t.text) && /^[\p{Lu}\p{N}"„“'«(]/u.test(next.text)) ||
      cur.length >= maxLen;
    if (end) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
