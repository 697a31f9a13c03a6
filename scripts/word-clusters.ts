// Distributional word clusters from unlabeled token text, for the tagger's cluster features.
// Each frequent word form is a vector of the words seen just before and just after it (the most
// frequent words only, square-root counts, unit length); a two-level spherical k-means (16 top
// clusters, 16 sub-clusters each) gives every word an 8-bit id whose top 4 bits are a coarser
// class, like the prefixes of Brown clusters. Deterministic: seeded initialisation.
import { mulberry32 } from "../extractors/tagger/perceptron.ts";

const CONTEXT = Number(process.env.KG_NER_CLU_CTX ?? 600);
const MIN_COUNT = Number(process.env.KG_NER_CLU_MIN ?? 3);
const MAX_WORDS = 60000;
const ITERS = 10;
export const TOP = 16;
export const SUB = 16;

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

/** Word form -> cluster id (0 .. TOP*SUB-1) for the frequent words of the sentences. */
export function wordClusters(sentences: readonly (readonly string[])[], seed: number): Map<string, number> {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const ranked = [...freq.entries()].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, MAX_WORDS).map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const ctxId = (w: string | undefined, boundary: number) => {
    if (w === undefined) return boundary;
    const i = vid.get(w);
    return i !== undefined && i < CONTEXT ? i : CONTEXT + 1;
  };
  const dim = 2 * (CONTEXT + 2);
  const rows: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const v = vid.get(s[i]);
      if (v === undefined) continue;
      const l = ctxId(s[i - 1], CONTEXT);
      const r = CONTEXT + 2 + ctxId(s[i + 1], CONTEXT);
      const m = rows[v];
      m.set(l, (m.get(l) ?? 0) + 1);
      m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  const vecs: Sparse[] = rows.map((m) => {
    const idx = Int32Array.from(m.keys());
    const val = Float32Array.from(m.values(), Math.sqrt);
    let n = 0;
    for (const x of val) n += x * x;
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < val.length; k++) val[k] /= n;
    return { idx, val };
  });
  const rand = mulberry32(seed);
  const top = kmeans(vecs, [...vecs.keys()], TOP, dim, rand);
  const out = new Map<string, number>();
  for (let c = 0; c < TOP; c++) {
    const members = [...vecs.keys()].filter((i) => top[i] === c);
    const sub = kmeans(vecs, members, SUB, dim, rand);
    members.forEach((i, k) => out.set(vocab[i], c * SUB + sub[k]));
  }
  return out;
}

/** Spherical k-means over the given members; returns the cluster of each member, in order. */
function kmeans(vecs: Sparse[], members: number[], k: number, dim: number, rand: () => number): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float32Array(k * dim);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let j = Math.floor(rand() * n);
    while (picked.has(j)) j = (j + 1) % n;
    picked.add(j);
    const v = vecs[members[j]];
    for (let t = 0; t < v.idx.length; t++) cent[c * dim + v.idx[t]] = v.val[t];
  }
  for (let it = 0; it < ITERS; it++) {
    for (let i = 0; i < n; i++) {
      const v = vecs[members[i]];
      let best = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const o = c * dim;
        let s = 0;
        for (let t = 0; t < v.idx.length; t++) s += cent[o + v.idx[t]] * v.val[t];
        if (s > bestS) [bestS, best] = [s, c];
      }
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vecs[members[i]];
      const o = assign[i] * dim;
      for (let t = 0; t < v.idx.length; t++) cent[o + v.idx[t]] += v.val[t];
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += cent[c * dim + d] ** 2;
      s = Math.sqrt(s) || 1;
      for (let d = 0; d < dim; d++) cent[c * dim + d] /= s;
    }
  }
  return assign;
}
