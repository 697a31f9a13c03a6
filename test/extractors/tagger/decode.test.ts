import { strict as assert } from "node:assert";
import { viterbi, margins, marginals, emissions } from "../../../extractors/tagger/decode.ts";
import { NUM_TAGS, TAGS, TAG_INDEX } from "../../../extractors/tagger/tags.ts";
import { AveragedPerceptron, meanModel, mulberry32 } from "../../../extractors/tagger/perceptron.ts";

const T = NUM_TAGS;
const idx = (t: string) => TAG_INDEX.get(t)!;

/** Emission rows from per-token {tag: score} objects. */
function emit(rows: Record<string, number>[]): Float64Array {
  const e = new Float64Array(rows.length * T);
  rows.forEach((r, i) => {
    for (const [t, v] of Object.entries(r)) e[i * T + idx(t)] = v;
  });
  return e;
}

describe("tagger decoding", () => {
  it("picks the best path under transition weights", () => {
    // "Sam Altman spricht": token 1 alone prefers I-ORG, but B-PER -> I-PER is rewarded.
    const e = emit([{ "B-PER": 2 }, { "I-PER": 1, "I-ORG": 1.5 }, { O: 1 }]);
    const tr = new Float32Array((T + 1) * T);
    tr[(idx("B-PER") + 1) * T + idx("I-PER")] = 2;
    const path = viterbi(e, tr);
    assert.deepEqual(
      Array.from(path, (t) => TAGS[t]),
      ["B-PER", "I-PER", "O"],
    );
  });

  it("never starts a sentence with I- nor puts I- after O or another type", () => {
    const e = emit([{ "I-ORG": 5 }, { O: 10 }, { "I-LOC": 5, "B-LOC": 1 }]);
    const path = Array.from(viterbi(e, new Float32Array((T + 1) * T)), (t) => TAGS[t]);
    assert.notEqual(path[0], "I-ORG");
    assert.equal(path[2], "B-LOC");
  });

  it("returns an empty path for an empty sentence", () => {
    assert.equal(viterbi(new Float64Array(0), new Float32Array((T + 1) * T)).length, 0);
  });

  it("gives tag probabilities that sum to one and favour the Viterbi path", () => {
    const e = emit([{ "B-PER": 4 }, { "I-PER": 3, O: 1 }, { O: 2 }]);
    const tr = new Float32Array((T + 1) * T);
    const m = marginals(e, tr, 1);
    for (let i = 0; i < 3; i++) {
      let sum = 0;
      for (let t = 0; t < T; t++) sum += m[i * T + t];
      assert.ok(Math.abs(sum - 1) < 1e-9);
    }
    assert.ok(m[idx("B-PER")] > 0.8 && m[T + idx("I-PER")] > 0.5);
    assert.equal(m[idx("I-PER")], 0, "no I- at the start");
    // a sharper scale makes the best path more certain
    assert.ok(marginals(e, tr, 3)[idx("B-PER")] > m[idx("B-PER")]);
  });

  it("measures the margin of the chosen tag", () => {
    const e = emit([{ "B-PER": 3, "B-ORG": 1 }]);
    const m = margins(e, Int32Array.from([idx("B-PER")]));
    assert.equal(m[0], 2);
  });

  it("sums hashed feature weights into emissions", () => {
    const weights = new Float32Array(4 * T);
    weights[2 * T + idx("B-LOC")] = 1.5;
    weights[3 * T + idx("B-LOC")] = 0.5;
    const e = emissions(
      { weights, transitions: new Float32Array((T + 1) * T) },
      { feats: Int32Array.from([2, 3, 0]), offsets: Int32Array.from([0, 2, 3]) },
    );
    assert.equal(e[idx("B-LOC")], 2);
    assert.equal(e[T + idx("B-LOC")], 0);
  });

  it("learns a separable toy task and is reproducible", () => {
    // feature 1 = "capitalized name", feature 2 = "lowercase word"
    const data = [
      {
        sf: { feats: Int32Array.from([1, 2]), offsets: Int32Array.from([0, 1, 2]) },
        gold: Int32Array.from([idx("B-PER"), 0]),
      },
      {
        sf: { feats: Int32Array.from([2, 1]), offsets: Int32Array.from([0, 1, 2]) },
        gold: Int32Array.from([0, idx("B-PER")]),
      },
    ];
    const run = () => {
      const p = new AveragedPerceptron(4);
      const r = mulberry32(7);
      for (let e = 0; e < 5; e++) p.epoch(data, r);
      return p.averaged();
    };
    const m = run();
    const tags = Array.from(viterbi(emissions(m, data[1].sf), m.transitions), (t) => TAGS[t]);
    assert.deepEqual(tags, ["O", "B-PER"]);
    assert.deepEqual(Array.from(run().weights), Array.from(m.weights));
  });

  it("with a margin, keeps learning until gold wins by it", () => {
    const data = [
      {
        sf: { feats: Int32Array.from([1, 2]), offsets: Int32Array.from([0, 1, 2]) },
        gold: Int32Array.from([idx("B-PER"), 0]),
      },
    ];
    const gap = (margin: number) => {
      const p = new AveragedPerceptron(4, margin);
      const r = mulberry32(7);
      for (let e = 0; e < 20; e++) p.epoch(data, r);
      const e = emissions(
        { weights: p.w as unknown as Float32Array, transitions: p.tw as unknown as Float32Array },
        data[0].sf,
      );
      // how far the gold tag of the first token leads the best wrong one
      let best = -Infinity;
      for (let t = 0; t < T; t++) if (t !== idx("B-PER")) best = Math.max(best, e[t]);
      return e[idx("B-PER")] - best;
    };
    // the plain perceptron stops at the first correct decoding; the margin one pushes on
    assert.ok(gap(0) > 0);
    assert.ok(gap(4) > gap(0), `gaps ${gap(0)} and ${gap(4)}`);
  });

  it("averages models trained on different orders into one of the same shape", () => {
    const a = { weights: Float32Array.from([1, -2, 0]), transitions: Float32Array.from([4, 0]) };
    const b = { weights: Float32Array.from([3, 2, 0]), transitions: Float32Array.from([0, 2]) };
    const m = meanModel([a, b]);
    assert.deepEqual(Array.from(m.weights), [2, 0, 0]);
    assert.deepEqual(Array.from(m.transitions), [2, 1]);
    assert.equal(meanModel([a]), a);
    assert.throws(() => meanModel([]), /at least one/);
    assert.throws(() => meanModel([a, { ...b, weights: Float32Array.from([1]) }]), /different shapes/);
  });
});
