// Transformer token-classification NER, the pure parts: aligning pieces to offsets, windows
// for long articles, subword/BIO merging into NerSpan[]. The model is loaded outside
// extractors/ (cli/transformer-model.ts) and handed in as a TokenClassifier.
export { alignPieces, WORDPIECE, type AlignedPiece, type PieceScheme } from "./align.ts";
export { planWindows, assignPieces, type Window, type WindowOptions } from "./windows.ts";
export { decodeSpans, groupWords, parseLabel, type PieceLabel } from "./decode.ts";
export {
  recognize as recognizeEntities,
  type TokenClassifier,
  type RecognizeOptions,
  type RecognizeResult,
} from "./recognize.ts";
