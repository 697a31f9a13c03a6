// Tokens and sentences with half-open offsets: `text === source.slice(start, end)`.
// A period ends a sentence unless it closes an abbreviation ('1,2 Mrd. Euro', 'z. B.',
// 'Mr. Altman', 'Nvidia Corp. said'), an initial ('J. Smith') or a German ordinal
// ('am 1. Januar'). A line break always ends a sentence (headlines have no period).
import type { Span } from "./types.ts";

export type TokenKind = "word" | "number" | "punct" | "possessive";

export interface Token extends Span {
  kind: TokenKind;
  /** Whitespace (or the text start) directly before the token. */
  spaceBefore: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last token of the sentence. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Segmentation {
  tokens: Token[];
  sentences: Sentence[];
}

// Numbers with German or English separators ('1,5', '100.000', '1,200.50'), words
// (letters, digits, combining marks: 'H100', 'xAI'), English possessives, any other
// non-space character on its own.
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}\p{M}]+|['’]s(?![\p{L}\p{N}])|\S/gu;

const MONTHS = new Set([
  "januar",
  "jänner",
  "februar",
  "märz",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "dezember",
  "jahrhundert",
  "quartal",
  "platz",
  "stelle",
  "mal",
]);

const CLOSERS = new Set(['"', "”", "“", "«", "»", "’", "'", ")", "]"]);

function isLower(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

export function tokenize(text: string): Omit<Token, "sentence">[] {
  const out: Omit<Token, "sentence">[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const t = m[0];
    const start = m.index;
    const first = t.charAt(0);
    let kind: TokenKind;
    if (/^\p{N}/u.test(first)) kind = /^[\p{N}.,]+$/u.test(t) ? "number" : "word";
    else if (/^[\p{L}\p{M}]/u.test(first)) kind = "word";
    else if (t.length > 1) kind = "possessive";
    else kind = "punct";
    const prev = start > 0 ? text.charAt(start - 1) : " ";
    out.push({ start, end: start + t.length, text: t, kind, spaceBefore: /\s/.test(prev) });
  }
  return out;
}

/**
 * Splits `text` into tokens and sentences. `abbreviations` are lowercase tokens without
 * their period ("mrd", "z", "inc").
 */
export function segment(text: string, abbreviations: ReadonlySet<string>): Segmentation {
  const raw = tokenize(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentStartTok = 0;
  const close = (endTok: number) => {
    if (endTok <= sentStartTok) return;
    const first = raw[sentStartTok];
    const last = raw[endTok - 1];
    const idx = sentences.length;
    for (let k = sentStartTok; k < endTok; k++) tokens.push({ ...raw[k], sentence: idx });
    sentences.push({
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      tokenStart: sentStartTok,
      tokenEnd: endTok,
    });
    sentStartTok = endTok;
  };
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i];
    const next = raw[i + 1];
    // A line break between this token and the next ends the sentence.
    if (next && text.slice(tok.end, next.start).includes("\n")) {
      close(i + 1);
      continue;
    }
    if (tok.kind !== "punct") continue;
    const c = tok.text;
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    if (!next) continue;
    // '...' or '?!' runs: decide at the last one.
    if (
      next.kind === "punct" &&
      (next.text === "." || next.text === "!" || next.text === "?") &&
      !next.spaceBefore
    )
      continue;
    // Closing quotes/brackets stay with the sentence they close.
    let endTok = i + 1;
    while (endTok < raw.length && CLOSERS.has(raw[endTok].text) && !raw[endTok].spaceBefore) endTok++;
    const after = raw[endTok];
    if (!after) {
      i = endTok - 1;
      continue;
    }
    if (c === ".") {
      const prev = raw[i - 1];
      if (prev && !tok.spaceBefore) {
        const low = prev.text.toLowerCase();
        if (prev.kind === "word" && abbreviations.has(low)) continue;
        // An initial ('J. Smith', 'U.S.').
        if (prev.kind === "word" && prev.text.length === 1 && /\p{Lu}/u.test(prev.text)) continue;
        // A German ordinal ('am 1. Januar', 'die 2. Stufe').
        if (
          prev.kind === "number" &&
          /^\d{1,2}$/.test(prev.text) &&
          (isLower(after.text) || MONTHS.has(after.text.toLowerCase()))
        )
          continue;
        // A domain or version ('heise.de', 'v1.2'): no space after the period.
        if (!after.spaceBefore && after.kind !== "punct") continue;
      }
      // A lowercase continuation is no new sentence ('ca. zehn', 'etc. und').
      if (isLower(after.text) && after.kind === "word") continue;
    }
    close(endTok);
    i = endTok - 1;
  }
  close(raw.length);
  return { tokens, sentences };
}
