// The model file format (before gzip): "KGNER1", a JSON header, then binary sections.
// Weights are quantized to int16 and stored sparsely (only buckets with a non-zero weight).
import { NUM_TAGS } from "./tags.ts";
import { SortedGazetteer } from "./gazetteer.ts";
import type { LinearModel } from "./decode.ts";

export interface TaggerModel extends LinearModel {
  lang: string;
  bits: number;
  gazetteer: SortedGazetteer;
  /** Free-form facts about training (data, epochs, held-out figures). */
  meta: Record<string, unknown>;
}

const MAGIC = "KGNER1";

interface Header {
  lang: string;
  bits: number;
  scale: number;
  tags: number;
  gaz: number;
  nnz: number;
  idxBytes: number;
  meta: Record<string, unknown>;
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Serializes a model; weights with |w| * scale < 0.5 are dropped. */
export function encodeModel(m: TaggerModel, minAbs = 0): Uint8Array {
  const T = NUM_TAGS;
  let maxAbs = 0;
  for (const v of m.weights) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = maxAbs > 0 ? 32000 / maxAbs : 1;
  const buckets = m.weights.length / T;
  const idx: number[] = [];
  const cols: number[][] = Array.from({ length: T }, () => []);
  let prev = 0;
  for (let b = 0; b < buckets; b++) {
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = m.weights[b * T + t];
      if (Math.abs(v) > minAbs && Math.round(v * scale) !== 0) any = true;
    }
    if (!any) continue;
    writeVarint(idx, b - prev);
    prev = b;
    for (let t = 0; t < T; t++) {
      const v = m.weights[b * T + t];
      cols[t].push(Math.abs(v) > minAbs ? Math.round(v * scale) : 0);
    }
  }
  const nnz = cols[0].length;
  const header: Header = {
    lang: m.lang,
    bits: m.bits,
    scale,
    tags: T,
    gaz: m.gazetteer.hashes.length,
    nnz,
    idxBytes: idx.length,
    meta: m.meta,
  };
  const hb = new TextEncoder().encode(JSON.stringify(header));
  const size =
    MAGIC.length + 4 + hb.length + header.gaz * 6 + m.transitions.length * 4 + idx.length + nnz * T * 2;
  const buf = new Uint8Array(size);
  const dv = new DataView(buf.buffer);
  let o = 0;
  for (const ch of MAGIC) buf[o++] = ch.charCodeAt(0);
  dv.setUint32(o, hb.length, true);
  o += 4;
  buf.set(hb, o);
  o += hb.length;
  for (const h of m.gazetteer.hashes) {
    dv.setUint32(o, h, true);
    o += 4;
  }
  for (const k of m.gazetteer.masks) {
    dv.setUint16(o, k, true);
    o += 2;
  }
  for (const v of m.transitions) {
    dv.setFloat32(o, v, true);
    o += 4;
  }
  buf.set(idx, o);
  o += idx.length;
  for (let t = 0; t < T; t++) {
    for (const q of cols[t]) {
      dv.setInt16(o, q, true);
      o += 2;
    }
  }
  return buf;
}

export class ModelFormatError extends Error {}

/** Parses bytes written by encodeModel (already gunzipped). */
export function decodeModel(buf: Uint8Array): TaggerModel {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = String.fromCharCode(...buf.subarray(0, MAGIC.length));
  if (magic !== MAGIC)
    throw new ModelFormatError(`not a kg NER model (expected "${MAGIC}", found "${magic}")`);
  let o = MAGIC.length;
  const hl = dv.getUint32(o, true);
  o += 4;
  const h = JSON.parse(new TextDecoder().decode(buf.subarray(o, o + hl))) as Header;
  o += hl;
  if (h.tags !== NUM_TAGS) throw new ModelFormatError(`model has ${h.tags} tags, expected ${NUM_TAGS}`);
  const T = NUM_TAGS;
  const hashes = new Uint32Array(h.gaz);
  for (let i = 0; i < h.gaz; i++, o += 4) hashes[i] = dv.getUint32(o, true);
  const masks = new Uint16Array(h.gaz);
  for (let i = 0; i < h.gaz; i++, o += 2) masks[i] = dv.getUint16(o, true);
  const transitions = new Float32Array((T + 1) * T);
  for (let i = 0; i < transitions.length; i++, o += 4) transitions[i] = dv.getFloat32(o, true);
  const bucketsIdx = new Int32Array(h.nnz);
  let p = o;
  let b = 0;
  for (let i = 0; i < h.nnz; i++) {
    let v = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = buf[p++];
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    b += v;
    bucketsIdx[i] = b;
  }
  o += h.idxBytes;
  const weights = new Float32Array((1 << h.bits) * T);
  const inv = 1 / h.scale;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < h.nnz; i++, o += 2) {
      const q = dv.getInt16(o, true);
      if (q !== 0) weights[bucketsIdx[i] * T + t] = q * inv;
    }
  }
  return {
    lang: h.lang,
    bits: h.bits,
    weights,
    transitions,
    gazetteer: new SortedGazetteer(hashes, masks),
    meta: h.meta,
  };
}
