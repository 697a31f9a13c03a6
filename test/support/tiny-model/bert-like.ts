// A BERT-shaped ONNX encoder with random fixed weights, for speed figures when no real model is
// at hand: embeddings, N layers of 12-head self-attention with the padding mask, GELU feed-forward
// and LayerNorm, then a label projection. It costs what BERT-base costs per token (768 hidden,
// 3072 feed-forward, 12 layers by default) but its labels mean nothing. The layers share one set
// of weights, which keeps the file small without changing the arithmetic.
// Uses the tiny model's tokenizer and config (test/support/tiny-model/build.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { buildTinyModel, LABELS, type TinyModel, type TinyModelOptions } from "./build.ts";

export interface BertShape {
  layers: number;
  hidden: number;
  heads: number;
  ffn: number;
}

export const BERT_BASE: BertShape = Object.freeze({ layers: 12, hidden: 768, heads: 12, ffn: 3072 });

const PROTO = fileURLToPath(new URL("./onnx-subset.proto", import.meta.url));
const FLOAT = 1;
const INT64 = 7;

/** Deterministic pseudo-random weights (xorshift), scaled like an initialised layer. */
function weights(n: number, seed: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = ((x >>> 0) / 4294967296 - 0.5) * 2 * scale;
  }
  return out;
}

export function onnxBertLike(vocabSize: number, shape: BertShape = BERT_BASE): Uint8Array {
  const { layers, hidden: H, heads, ffn: F } = shape;
  const dh = H / heads;
  if (!Number.isInteger(dh)) throw new Error(`hidden ${H} is not divisible by ${heads} heads`);
  const L = LABELS.length;
  const floats = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const init: object[] = [];
  const f32 = (name: string, dims: number[], data: Float32Array) =>
    init.push({ name, dims, dataType: FLOAT, rawData: floats(data) });
  const i64 = (name: string, data: number[]) =>
    init.push({ name, dims: [data.length], dataType: INT64, int64Data: data });
  const s = 1 / Math.sqrt(H);
  f32("word_emb", [vocabSize, H], weights(vocabSize * H, 1, 0.5));
  f32("type_emb", [2, H], weights(2 * H, 2, 0.1));
  for (const [k, n] of [
    ["wq", H],
    ["wk", H],
    ["wv", H],
    ["wo", H],
  ] as const)
    f32(k, [H, n], weights(H * n, k.charCodeAt(1), s));
  f32("w1", [H, F], weights(H * F, 11, s));
  f32("w2", [F, H], weights(F * H, 12, 1 / Math.sqrt(F)));
  f32("bias_h", [H], new Float32Array(H));
  f32("bias_f", [F], new Float32Array(F));
  f32("gamma", [H], new Float32Array(H).fill(1));
  f32("beta", [H], new Float32Array(H));
  f32("wc", [H, L], weights(H * L, 13, s));
  f32("one", [], new Float32Array([1]));
  f32("neg_big", [], new Float32Array([-10000]));
  f32("inv_sqrt_dh", [], new Float32Array([1 / Math.sqrt(dh)]));
  f32("half", [], new Float32Array([0.5]));
  f32("inv_sqrt2", [], new Float32Array([Math.SQRT1_2]));
  i64("heads_shape", [0, 0, heads, dh]);
  i64("merge_shape", [0, 0, H]);
  i64("axes_12", [1, 2]);

  const node: object[] = [];
  let n = 0;
  const op = (opType: string, input: string[], attribute: object[] = []) => {
    const out = `t${n++}`;
    node.push({ name: out, opType, input, output: [out], attribute });
    return out;
  };
  const ints = (name: string, v: number[]) => ({ name, type: 7, ints: v });
  const int = (name: string, v: number) => ({ name, type: 2, i: v });
  const float = (name: string, v: number) => ({ name, type: 1, f: v });

  // Embeddings and the additive mask: (1 - mask) * -10000, shaped [B, 1, 1, S].
  let x = op("Add", [op("Gather", ["word_emb", "input_ids"]), op("Gather", ["type_emb", "token_type_ids"])]);
  x = op("LayerNormalization", [x, "gamma", "beta"], [int("axis", -1), float("epsilon", 1e-12)]);
  const maskBias = op("Unsqueeze", [
    op("Mul", [op("Sub", ["one", op("Cast", ["attention_mask"], [int("to", FLOAT)])]), "neg_big"]),
    "axes_12",
  ]);
  const heads4 = (t: string, perm: number[]) =>
    op("Transpose", [op("Reshape", [t, "heads_shape"])], [ints("perm", perm)]);
  for (let l = 0; l < layers; l++) {
    const proj = (w: string) => op("Add", [op("MatMul", [x, w]), "bias_h"]);
    const q = heads4(proj("wq"), [0, 2, 1, 3]);
    const k = heads4(proj("wk"), [0, 2, 3, 1]);
    const v = heads4(proj("wv"), [0, 2, 1, 3]);
    const scores = op("Add", [op("Mul", [op("MatMul", [q, k]), "inv_sqrt_dh"]), maskBias]);
    const ctx = op("MatMul", [op("Softmax", [scores], [int("axis", -1)]), v]);
    const merged = op("Reshape", [op("Transpose", [ctx], [ints("perm", [0, 2, 1, 3])]), "merge_shape"]);
    const attn = op("Add", [op("MatMul", [merged, "wo"]), "bias_h"]);
    x = op(
      "LayerNormalization",
      [op("Add", [x, attn]), "gamma", "beta"],
      [int("axis", -1), float("epsilon", 1e-12)],
    );
    const h = op("Add", [op("MatMul", [x, "w1"]), "bias_f"]);
    // GELU: h * 0.5 * (1 + erf(h / sqrt 2))
    const gelu = op("Mul", [
      op("Mul", [h, "half"]),
      op("Add", ["one", op("Erf", [op("Mul", [h, "inv_sqrt2"])])]),
    ]);
    const out = op("Add", [op("MatMul", [gelu, "w2"]), "bias_h"]);
    x = op(
      "LayerNormalization",
      [op("Add", [x, out]), "gamma", "beta"],
      [int("axis", -1), float("epsilon", 1e-12)],
    );
  }
  const logits = op("MatMul", [x, "wc"]);
  node.push({ name: "logits", opType: "Identity", input: [logits], output: ["logits"] });

  const io = (name: string, elemType: number, dims: (string | number)[]) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
      },
    },
  });
  const model = {
    irVersion: 8,
    producerName: "kg-bert-like",
    producerVersion: "1",
    opsetImport: [{ domain: "", version: 17 }],
    graph: {
      name: "bert_like",
      initializer: init,
      node,
      input: ["input_ids", "attention_mask", "token_type_ids"].map((name) =>
        io(name, INT64, ["batch", "seq"]),
      ),
      output: [io("logits", FLOAT, ["batch", "seq", L])],
    },
  };
  const ModelProto = protobuf.loadSync(PROTO).lookupType("onnx.ModelProto");
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`bert-like model: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** The tiny model's folder (tokenizer, config) with its ONNX file replaced by a BERT-shaped encoder. */
export function buildBertLikeModel(shape: BertShape = BERT_BASE, options: TinyModelOptions = {}): TinyModel {
  const tiny = buildTinyModel({ ...options, dtypes: ["fp32"] });
  const vocab = JSON.parse(readFileSync(join(tiny.dir, "tokenizer.json"), "utf8")).model.vocab as Record<
    string,
    number
  >;
  writeFileSync(join(tiny.dir, "onnx", "model.onnx"), onnxBertLike(Object.keys(vocab).length, shape));
  return tiny;
}
