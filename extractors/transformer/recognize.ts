// Transformer NER over a whole article: tokenize once, align pieces to offsets, cut windows the
// model accepts, run them in small batches, read each piece from its best window, decode spans.
// The model itself comes in as a TokenClassifier (loaded elsewhere, see cli/transformer-model.ts);
// this module does no I/O.
import type { NerSpan } from "../types.ts";
import { alignPieces, type PieceScheme } from "./align.ts";
import { assignPieces, planWindows } from "./windows.ts";
import { decodeSpans, type PieceLabel } from "./decode.ts";

/** What the recognizer needs from a token-classification model and its tokenizer. */
export interface TokenClassifier {
  /** The text's pieces, without special tokens. */
  tokenize(text: string): string[];
  /** Vocabulary ids of pieces. */
  toIds(pieces: readonly string[]): number[];
  /** Ids put before and after every window, e.g. [CLS] and [SEP]. */
  readonly prefixIds: readonly number[];
  readonly suffixIds: readonly number[];
  readonly padId: number;
  /** Longest input the model accepts, special tokens included. */
  readonly maxLength: number;
  /** Label name per output index ("O", "B-PER", ...). */
  readonly labels: readonly string[];
  readonly scheme: PieceScheme;
  /**
   * Logits for a batch of equally long id rows with their attention masks:
   * a flat array [batch, length, labels].
   */
  classify(
    ids: readonly (readonly number[])[],
    mask: readonly (readonly number[])[],
  ): Promise<Float32Array | number[]>;
}

export interface RecognizeOptions {
  /** Pieces shared by neighbouring windows cut inside a sentence. */
  overlap?: number;
  /** Windows per model call. */
  batchSize?: number;
  /** Cap on window length (pieces, special tokens included), below the model's maximum. */
  maxLength?: number;
}

/** Softmax maximum of one row of logits. */
function best(
  logits: ArrayLike<number>,
  offset: number,
  count: number,
  labels: readonly string[],
): PieceLabel {
  let arg = 0;
  let max = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = logits[offset + k];
    if (v > max) {
      max = v;
      arg = k;
    }
  }
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(logits[offset + k] - max);
  return { label: labels[arg] ?? "O", score: 1 / sum };
}

export interface RecognizeResult {
  spans: NerSpan[];
  /** Pieces the model read (without special tokens and overlaps), for speed figures. */
  pieces: number;
  windows: number;
}

export async function recognize(
  text: string,
  model: TokenClassifier,
  options: RecognizeOptions = {},
): Promise<RecognizeResult> {
  if (typeof text !== "string" || text.trim() === "") return { spans: [], pieces: 0, windows: 0 };
  const pieceStrings = model.tokenize(text);
  if (pieceStrings.length === 0) return { spans: [], pieces: 0, windows: 0 };
  const pieces = alignPieces(text, pieceStrings, model.scheme);
  const ids = model.toIds(pieceStrings);
  const special = model.prefixIds.length + model.suffixIds.length;
  const maxLength = Math.min(model.maxLength, options.maxLength ?? Infinity);
  const size = Math.max(1, maxLength - special);
  const windows = planWindows(text, pieces, {
    size,
    overlap: options.overlap ?? Math.min(32, Math.floor(size / 4)),
  });
  const owner = assignPieces(windows, pieces.length);
  const labels: PieceLabel[] = new Array(pieces.length);
  const numLabels = model.labels.length;
  const batchSize = Math.max(1, options.batchSize ?? 4);
  for (let b = 0; b < windows.length; b += batchSize) {
    const batch = windows.slice(b, b + batchSize);
    const width = Math.max(...batch.map((w) => w.end - w.start)) + special;
    const rows: number[][] = [];
    const masks: number[][] = [];
    for (const w of batch) {
      const row = [...model.prefixIds, ...ids.slice(w.start, w.end), ...model.suffixIds];
      const mask = row.map(() => 1);
      while (row.length < width) {
        row.push(model.padId);
        mask.push(0);
      }
      rows.push(row);
      masks.push(mask);
    }
    const logits = await model.classify(rows, masks);
    batch.forEach((w, k) => {
      const wi = b + k;
      for (let i = w.start; i < w.end; i++) {
        if (owner[i] !== wi) continue;
        const position = model.prefixIds.length + (i - w.start);
        labels[i] = best(logits, (k * width + position) * numLabels, numLabels, model.labels);
      }
    });
  }
  return { spans: decodeSpans(text, pieces, labels), pieces: pieces.length, windows: windows.length };
}
