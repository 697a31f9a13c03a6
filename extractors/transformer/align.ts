// Maps a tokenizer's pieces back to character offsets in the text it was given.
// Tokenizers.js returns pieces without offsets, so we walk the text and find each piece:
// 'Altmans' -> 'Alt' [0,3), '##mans' [3,7). Matching folds case and accents so that uncased
// models ('sam' for 'Sam', 'munchen' for 'München') align too. Pure.

/** How a tokenizer marks word boundaries in its pieces. */
export interface PieceScheme {
  /** WordPiece marks pieces inside a word ("##"); SentencePiece marks word starts ("▁"). */
  kind: "continuation" | "word-start";
  /** "##" or "▁". */
  marker: string;
  /** The piece that stands for an unknown word, e.g. "[UNK]". */
  unknown: string;
}

export const WORDPIECE: PieceScheme = Object.freeze({ kind: "continuation", marker: "##", unknown: "[UNK]" });

export interface AlignedPiece {
  /** Half-open offsets into the text. */
  start: number;
  end: number;
  /** True for the first piece of a word ('Alt' in 'Alt ##mans'). */
  wordStart: boolean;
}

/** Lower case without accents, as uncased tokenizers see a character; "" for combining marks. */
function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// What BERT-style normalizers drop or turn into word breaks: white space, control and format characters.
const SKIP = /[\s\p{Cc}\p{Cf}\uFFFD]/u;
const PUNCT = /[\p{P}\p{S}]/u;

function isSkip(ch: string): boolean {
  return SKIP.test(ch);
}

/** The end of the word that starts at `i`: one punctuation character, or up to a space or punctuation ('Sam\u200bAltman' is one word). */
function wordEnd(text: string, i: number): number {
  const first = String.fromCodePoint(text.codePointAt(i)!);
  if (PUNCT.test(first)) return i + first.length;
  let j = i;
  while (j < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(j)!);
    if (/\s/.test(ch) || PUNCT.test(ch)) break; // control and format characters stay inside the word
    j += ch.length;
  }
  return j;
}

/** Matches `body` at `i` (folded); returns the end offset, or -1. */
function matchAt(text: string, i: number, body: string): number {
  const target = fold(body);
  let k = 0;
  let j = i;
  while (k < target.length) {
    if (j >= text.length) return -1;
    const ch = String.fromCodePoint(text.codePointAt(j)!);
    const f = fold(ch);
    if ((f === "" || (isSkip(ch) && !/\s/.test(ch))) && k > 0) {
      j += ch.length; // a combining mark or soft hyphen the tokenizer dropped
      continue;
    }
    if (f === "" || !target.startsWith(f, k)) {
      // A character the tokenizer expanded or contracted differently: accept an exact match only.
      if (target.startsWith(ch, k)) k += ch.length;
      else return -1;
    } else k += f.length;
    j += ch.length;
  }
  // Trailing combining marks belong to the last character.
  while (j < text.length && fold(text[j]) === "" && /\p{M}/u.test(text[j])) j++;
  return j;
}

/** Whether a piece starts a word by its marker, and its text without the marker. */
function parsePiece(piece: string, scheme: PieceScheme): { marked: boolean; body: string } {
  if (scheme.kind === "continuation") {
    const cont = piece.startsWith(scheme.marker) && piece !== scheme.marker;
    return { marked: !cont, body: cont ? piece.slice(scheme.marker.length) : piece };
  }
  const start = piece.startsWith(scheme.marker);
  return { marked: start, body: start ? piece.slice(scheme.marker.length) : piece };
}

/**
 * Where an unknown piece at `i` ends: before the next piece when that one continues the same
 * word and is found in it ('Zuck<unk>berg' -> the unknown covers 'er'), else at the word's end.
 */
function unknownEnd(text: string, i: number, next: string | undefined, scheme: PieceScheme): number {
  const end = Math.max(wordEnd(text, i), i + 1);
  if (next === undefined || next === scheme.unknown) return end;
  const { marked, body } = parsePiece(next, scheme);
  if (marked || body === "") return end; // the next piece starts a new word
  for (let j = i + 1; j < end; j++) if (matchAt(text, j, body) >= 0) return j;
  return end;
}

/**
 * Aligns `pieces` (from tokenizing `text`, without special tokens) to offsets in `text`.
 * Never throws: a piece that cannot be found takes the rest of the current word.
 */
export function alignPieces(
  text: string,
  pieces: readonly string[],
  scheme: PieceScheme = WORDPIECE,
): AlignedPiece[] {
  const out: AlignedPiece[] = [];
  let cursor = 0;
  let inWord = false;
  pieces.forEach((piece, i) => {
    const { marked, body } = parsePiece(piece, scheme);
    let wordStart = scheme.kind === "continuation" ? marked : marked || !inWord;
    // A new word may start after spaces; punctuation pieces also start words without a space.
    let spaced = false;
    while (cursor < text.length && isSkip(text[cursor])) spaced = /\s/.test(text[cursor++]) || spaced;
    if (spaced) wordStart = true;
    if (body === "") {
      out.push({ start: cursor, end: cursor, wordStart });
      inWord = false;
      return;
    }
    if (cursor >= text.length) {
      out.push({ start: text.length, end: text.length, wordStart });
      return;
    }
    let end =
      piece === scheme.unknown
        ? unknownEnd(text, cursor, pieces[i + 1], scheme)
        : matchAt(text, cursor, body);
    if (end < 0) end = Math.max(wordEnd(text, cursor), cursor + 1);
    out.push({ start: cursor, end, wordStart });
    cursor = end;
    inWord = true;
  });
  return out;
}
