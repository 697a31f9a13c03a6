// Turns per-piece label scores into whole entity spans: pieces are grouped into words (a word
// takes the label of its first piece: 'Alt' B-PER + '##mans' -> the word 'Altmans' is B-PER),
// then B-/I- tags over words into spans with the article's offsets. Pure.
import type { NerSpan } from "../types.ts";
import type { AlignedPiece } from "./align.ts";

export type NerLabel = NerSpan["label"];

/** The model's guess for one piece. */
export interface PieceLabel {
  /** The model's label name, e.g. "B-PER", "I-ORG", "O", "B-DATE". */
  label: string;
  /** Its probability, 0..1. */
  score: number;
}

const TYPES: Readonly<Record<string, NerLabel>> = {
  PER: "PER",
  PERSON: "PER",
  ORG: "ORG",
  ORGANIZATION: "ORG",
  LOC: "LOC",
  LOCATION: "LOC",
  GPE: "LOC",
  MISC: "MISC",
};

/** "B-PER" -> ["B", "PER"]; "O" -> ["O", null]; "PER" -> ["I", "PER"]; unknown types -> null. */
export function parseLabel(label: string): [prefix: "B" | "I" | "O", type: NerLabel | null] {
  const m = /^([BIESLU])[-_](.+)$/.exec(label);
  const prefix = m ? m[1] : label === "O" ? "O" : "I";
  const type = TYPES[(m ? m[2] : label).toUpperCase()] ?? null;
  if (prefix === "O" || type === null) return ["O", null];
  return [prefix === "B" || prefix === "S" || prefix === "U" ? "B" : "I", type];
}

interface Word {
  start: number;
  end: number;
  label: string;
  score: number;
}

/** Words from pieces: a word is a word-start piece and the pieces that continue it. */
export function groupWords(pieces: readonly AlignedPiece[], labels: readonly PieceLabel[]): Word[] {
  const words: Word[] = [];
  pieces.forEach((p, i) => {
    const last = words[words.length - 1];
    if (!p.wordStart && last && p.start <= last.end) {
      last.end = Math.max(last.end, p.end);
      return;
    }
    if (p.end <= p.start) return;
    words.push({ start: p.start, end: p.end, label: labels[i]?.label ?? "O", score: labels[i]?.score ?? 0 });
  });
  return words;
}

const PUNCT_ONLY = /^[\p{P}\p{S}]+$/u;
const HAS_LETTER = /\p{L}/u;

/** Drops leading and trailing words that are only punctuation, keeping 'Inc.' and '(Hrsg.)'-like dots. */
function trim(text: string, words: Word[]): Word[] {
  let a = 0;
  let b = words.length;
  while (a < b && PUNCT_ONLY.test(text.slice(words[a].start, words[a].end))) a++;
  while (b > a && PUNCT_ONLY.test(text.slice(words[b - 1].start, words[b - 1].end))) {
    const w = words[b - 1];
    const prev = words[b - 2];
    // 'Inc.' / 'Co.': a dot glued to a short capitalised word stays.
    if (
      text.slice(w.start, w.end) === "." &&
      prev &&
      prev.end === w.start &&
      b - 1 > a &&
      /^\p{Lu}\p{L}{0,3}$/u.test(text.slice(prev.start, prev.end))
    )
      break;
    // 'Meta (Facebook)': a closing bracket whose opening one is inside stays.
    if (
      text.slice(w.start, w.end) === ")" &&
      words.slice(a, b - 1).some((x) => text.slice(x.start, x.end) === "(")
    )
      break;
    b--;
  }
  return words.slice(a, b);
}

const EDGE_PUNCT = /[\s.,;:!?"'„“”‚‘’«»()[\]{}<>\-–—…/]/u;

/** 'Meta (Facebook)': a closing bracket whose opening one is inside stays. */
function closesBracket(text: string, start: number, end: number): boolean {
  return text[end - 1] === ")" && text.slice(start, end - 1).includes("(");
}

/** 'Inc.', 'Co.': a final dot after a short capitalised word belongs to the name. */
function keepsDot(text: string, start: number, end: number): boolean {
  return text[end - 1] === "." && /(?:^|[\s(])\p{Lu}\p{L}{0,3}$/u.test(text.slice(start, end - 1));
}

/** One span from the words of an entity, or null when nothing name-like is left. */
function toSpan(
  text: string,
  type: NerLabel,
  entityWords: Word[],
  source: NerSpan["source"],
): NerSpan | null {
  const words = trim(text, entityWords);
  if (words.length === 0) return null;
  let start = words[0].start;
  let end = words[words.length - 1].end;
  // Punctuation glued to a word (SentencePiece pieces: '▁München' ','): 'München,' -> 'München'.
  while (start < end && EDGE_PUNCT.test(text[start])) start++;
  while (
    end > start &&
    EDGE_PUNCT.test(text[end - 1]) &&
    !keepsDot(text, start, end) &&
    !closesBracket(text, start, end)
  )
    end--;
  const spanText = text.slice(start, end);
  if (!HAS_LETTER.test(spanText)) return null;
  const score = words.reduce((sum, w) => sum + w.score, 0) / words.length;
  return { start, end, text: spanText, label: type, score: Math.round(score * 1e4) / 1e4, source };
}

/** Entity spans from labelled pieces. `source` says who proposed them. */
export function decodeSpans(
  text: string,
  pieces: readonly AlignedPiece[],
  labels: readonly PieceLabel[],
  source: NerSpan["source"] = "transformer",
): NerSpan[] {
  const spans: NerSpan[] = [];
  let type: NerLabel | null = null;
  let words: Word[] = [];
  const flush = () => {
    const span = type === null ? null : toSpan(text, type, words, source);
    if (span) spans.push(span);
    type = null;
    words = [];
  };
  for (const w of groupWords(pieces, labels)) {
    const [prefix, t] = parseLabel(w.label);
    if (t !== null && prefix === "I" && t === type) {
      words.push(w);
      continue;
    }
    flush();
    if (t !== null) {
      type = t;
      words = [w];
    }
  }
  flush();
  return spans;
}
