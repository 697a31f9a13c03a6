// Averaged structured perceptron (Collins 2002) over hashed features with Viterbi decoding.
// Pure and deterministic: the same sentences, order seed and epochs give the same weights.
import { NUM_TAGS } from "./tags.ts";
import type { SentenceFeatures } from "./features.ts";
import { emissions, viterbi, type LinearModel } from "./decode.ts";

export interface TrainingSentence {
  sf: SentenceFeatures;
  gold: Int32Array;
  /** How many times the sentence is seen per epoch (gold news counts more than silver WikiANN). */
  repeat?: number;
  /** Size of this sentence's updates (silver data counts less). */
  weight?: number;
  /**
   * Tokens whose label is unknown (1): silver data that only vouches for its names. The
   * target is then the best sequence that agrees with the known labels (latent perceptron).
   */
  free?: Uint8Array;
}

/** Small seeded PRNG (mulberry32), so that shuffling is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class AveragedPerceptron {
  readonly T = NUM_TAGS;
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly tw: Float64Array;
  readonly tu: Float64Array;
  c = 1;

  /**
   * Cost-augmented training: every wrong tag scores `margin` more while the sentence is
   * decoded, so an update happens until the gold sequence wins by a margin (0: the plain
   * perceptron).
   */
  constructor(
    readonly bits: number,
    readonly margin = 0,
  ) {
    this.w = new Float64Array((1 << bits) * NUM_TAGS);
    this.u = new Float64Array(this.w.length);
    this.tw = new Float64Array((NUM_TAGS + 1) * NUM_TAGS);
    this.tu = new Float64Array(this.tw.length);
  }

  /** The current (not averaged) weights, as a model to decode with. */
  private current(): LinearModel {
    return { weights: this.w as unknown as Float32Array, transitions: this.tw as unknown as Float32Array };
  }

  predict(sf: SentenceFeatures): Int32Array {
    const m = this.current();
    return viterbi(emissions(m, sf), m.transitions);
  }

  /** One perceptron step; returns the number of wrongly tagged tokens. */
  update(s: TrainingSentence): number {
    const m = this.current();
    const emit = emissions(m, s.sf);
    const { sf } = s;
    let pred: Int32Array;
    if (this.margin > 0) {
      const cost = Float64Array.from(emit);
      for (let i = 0; i < s.gold.length; i++) {
        if (s.free?.[i]) continue;
        for (let t = 0; t < NUM_TAGS; t++) if (t !== s.gold[i]) cost[i * NUM_TAGS + t] += this.margin;
      }
      pred = viterbi(cost, m.transitions);
    } else pred = viterbi(emit, m.transitions);
    let gold = s.gold;
    if (s.free) {
      const constrained = Float64Array.from(emit);
      for (let i = 0; i < gold.length; i++) {
        if (s.free[i]) continue;
        for (let t = 0; t < NUM_TAGS; t++) if (t !== gold[i]) constrained[i * NUM_TAGS + t] = -1e9;
      }
      gold = viterbi(constrained, m.transitions);
    }
    const T = this.T;
    let errors = 0;
    const a = s.weight ?? 1;
    const ac = a * this.c;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i];
      const p = pred[i];
      if (g !== p) {
        errors++;
        for (let k = sf.offsets[i]; k < sf.offsets[i + 1]; k++) {
          const off = sf.feats[k] * T;
          this.w[off + g] += a;
          this.u[off + g] += ac;
          this.w[off + p] -= a;
          this.u[off + p] -= ac;
        }
      }
      const gPrev = i === 0 ? 0 : gold[i - 1] + 1;
      const pPrev = i === 0 ? 0 : pred[i - 1] + 1;
      if (g !== p || gPrev !== pPrev) {
        this.tw[gPrev * T + g] += a;
        this.tu[gPrev * T + g] += ac;
        this.tw[pPrev * T + p] -= a;
        this.tu[pPrev * T + p] -= ac;
      }
    }
    this.c++;
    return errors;
  }

  /** One pass over the data in a seeded random order; returns the token error rate. */
  epoch(data: readonly TrainingSentence[], rand: () => number): number {
    const order: number[] = [];
    data.forEach((s, i) => {
      for (let r = 0; r < (s.repeat ?? 1); r++) order.push(i);
    });
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const i of order) {
      errors += this.update(data[i]);
      tokens += data[i].gold.length;
    }
    return tokens ? errors / tokens : 0;
  }

  /** The averaged weights: what the model ships. */
  averaged(): LinearModel {
    const weights = new Float32Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i] - this.u[i] / this.c;
    const transitions = new Float32Array(this.tw.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.tw[i] - this.tu[i] / this.c;
    return { weights, transitions };
  }
}

/**
 * The element-wise mean of models of the same shape: perceptrons trained on different orders
 * of the same sentences average into one model that depends less on any one order.
 */
export function meanModel(models: readonly LinearModel[]): LinearModel {
  if (models.length === 0) throw new Error("meanModel needs at least one model");
  if (models.length === 1) return models[0];
  const mean = (pick: (m: LinearModel) => Float32Array): Float32Array => {
    const n = pick(models[0]).length;
    const out = new Float32Array(n);
    for (const m of models) {
      const xs = pick(m);
      if (xs.length !== n) throw new Error("meanModel: models of different shapes");
      for (let i = 0; i < n; i++) out[i] += xs[i] / models.length;
    }
    return out;
  };
  return { weights: mean((m) => m.weights), transitions: mean((m) => m.transitions) };
}
