// Scoring and Viterbi decoding for a first-order linear model over the BIO tag set.
import { NUM_TAGS, allowedTransition } from "./tags.ts";
import type { SentenceFeatures } from "./features.ts";

/** A linear tagger's parameters. */
export interface LinearModel {
  /** Hashed feature table: weight of (feature bucket b, tag t) at b * NUM_TAGS + t. */
  weights: Float32Array;
  /** Transition weights: row 0 is the sentence start, row 1 + t follows tag t. */
  transitions: Float32Array;
}

/** Emission scores: token i, tag t at i * NUM_TAGS + t. */
export function emissions(model: LinearModel, sf: SentenceFeatures): Float64Array {
  const n = sf.offsets.length - 1;
  const T = NUM_TAGS;
  const w = model.weights;
  const out = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = sf.offsets[i]; k < sf.offsets[i + 1]; k++) {
      const off = sf.feats[k] * T;
      for (let t = 0; t < T; t++) out[base + t] += w[off + t];
    }
  }
  return out;
}

const ALLOWED: boolean[][] = Array.from({ length: NUM_TAGS + 1 }, (_, from) =>
  Array.from({ length: NUM_TAGS }, (_, to) => allowedTransition(from - 1, to)),
);

/** The best tag sequence (indexes) for the given emission scores; never an I- after O. */
export function viterbi(emit: Float64Array, transitions: Float32Array): Int32Array {
  const T = NUM_TAGS;
  const n = emit.length / T;
  const path = new Int32Array(n);
  if (n === 0) return path;
  const allowed = ALLOWED;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) {
    score[t] = allowed[0][t] ? emit[t] + transitions[t] : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed[p + 1][t]) continue;
        const s = score[(i - 1) * T + p] + transitions[(p + 1) * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emit[i * T + t];
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t] > best) {
      best = score[(n - 1) * T + t];
      path[n - 1] = t;
    }
  }
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]];
  return path;
}

/** Per token, how far the chosen tag's emission score is ahead of the best other tag's. */
export function margins(emit: Float64Array, path: Int32Array): Float64Array {
  const T = NUM_TAGS;
  const out = new Float64Array(path.length);
  for (let i = 0; i < path.length; i++) {
    const chosen = emit[i * T + path[i]];
    let other = -Infinity;
    for (let t = 0; t < T; t++) if (t !== path[i] && emit[i * T + t] > other) other = emit[i * T + t];
    out[i] = chosen - other;
  }
  return out;
}

function logSumExp(xs: Float64Array | number[], n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (xs[i] > m) m = xs[i];
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(xs[i] - m);
  return m + Math.log(s);
}

/**
 * Per token and tag, the probability of the tag when the scores, times `scale`, are read as
 * the log-potentials of a linear-chain CRF (forward-backward over well-formed BIO sequences).
 */
export function marginals(emit: Float64Array, transitions: Float32Array, scale: number): Float64Array {
  const T = NUM_TAGS;
  const n = emit.length / T;
  const out = new Float64Array(n * T);
  if (n === 0) return out;
  const allowed = ALLOWED;
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  const buf = new Float64Array(T);
  for (let t = 0; t < T; t++) alpha[t] = allowed[0][t] ? scale * (emit[t] + transitions[t]) : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < T; p++) {
        buf[p] = allowed[p + 1][t]
          ? alpha[(i - 1) * T + p] + scale * transitions[(p + 1) * T + t]
          : -Infinity;
      }
      alpha[i * T + t] = logSumExp(buf, T) + scale * emit[i * T + t];
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < T; p++) {
      for (let t = 0; t < T; t++) {
        buf[t] = allowed[p + 1][t]
          ? scale * (transitions[(p + 1) * T + t] + emit[(i + 1) * T + t]) + beta[(i + 1) * T + t]
          : -Infinity;
      }
      beta[i * T + p] = logSumExp(buf, T);
    }
  }
  const z = logSumExp(alpha.subarray((n - 1) * T), T);
  for (let k = 0; k < n * T; k++) out[k] = Math.exp(alpha[k] + beta[k] - z);
  return out;
}
