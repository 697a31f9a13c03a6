// Splits a long article's pieces into windows a model accepts (e.g. 510 pieces + [CLS] + [SEP]).
// Windows never cut a word, prefer to end after a sentence ('... gebaut.'), and overlap when
// they must cut inside a sentence, so that a name at a window's edge is seen with context in
// the next window. Each piece is then read from the window where it sits farthest from an edge.
// Pure.
import type { AlignedPiece } from "./align.ts";

export interface Window {
  /** Piece indexes, half-open. */
  start: number;
  end: number;
}

export interface WindowOptions {
  /** Pieces per window, without the model's special tokens. */
  size: number;
  /** Pieces shared with the previous window when a window ends inside a sentence. */
  overlap: number;
}

const SENTENCE_END = /^[.!?…]$/u;

/** Whether a sentence ends after piece `i`: '.', '!' or '?' followed by a space or the end. */
function sentenceEndsAfter(text: string, pieces: readonly AlignedPiece[], i: number): boolean {
  const p = pieces[i];
  if (!SENTENCE_END.test(text.slice(p.start, p.end))) return false;
  const next = pieces[i + 1];
  return next === undefined || next.start > p.end;
}

export function planWindows(text: string, pieces: readonly AlignedPiece[], options: WindowOptions): Window[] {
  const n = pieces.length;
  const size = Math.max(1, Math.floor(options.size));
  const overlap = Math.max(0, Math.min(Math.floor(options.overlap), Math.floor(size / 2)));
  const windows: Window[] = [];
  let s = 0;
  while (s < n) {
    let e = Math.min(n, s + size);
    let atSentence = e === n;
    if (e < n) {
      // Prefer the last sentence end in the second half of the window.
      for (let j = e - 1; j >= s + Math.floor(size / 2); j--) {
        if (sentenceEndsAfter(text, pieces, j)) {
          e = j + 1;
          atSentence = true;
          break;
        }
      }
      // Never cut a word: back up to a word start (unless the word fills the whole window).
      if (!atSentence) {
        let b = e;
        while (b > s && !pieces[b].wordStart) b--;
        if (b > s) e = b;
      }
    }
    windows.push({ start: s, end: e });
    if (e >= n) break;
    let next = atSentence ? e : Math.max(s + 1, e - overlap);
    while (next < e && !pieces[next].wordStart) next++;
    s = next;
  }
  return windows;
}

/**
 * For each piece, the window that reads it: the one where the piece is farthest from an edge.
 * Returns the window index per piece.
 */
export function assignPieces(windows: readonly Window[], pieceCount: number): number[] {
  const owner = new Array<number>(pieceCount).fill(-1);
  const margin = new Array<number>(pieceCount).fill(-1);
  windows.forEach((w, wi) => {
    for (let i = w.start; i < w.end; i++) {
      // The first window has no left edge to fear, the last none on the right.
      const left = wi === 0 ? Infinity : i - w.start;
      const right = wi === windows.length - 1 ? Infinity : w.end - 1 - i;
      const m = Math.min(left, right);
      if (m > margin[i]) {
        margin[i] = m;
        owner[i] = wi;
      }
    }
  });
  return owner;
}
