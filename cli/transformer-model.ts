// Loads the transformer NER model (an ONNX token-classification model with its tokenizer)
// through @huggingface/transformers, once per process (so once per worker thread), and adapts
// it to the TokenClassifier the pure recognizer in extractors/transformer/ expects.
//
// Configuration (read once, validated, frozen):
//   KG_NER_MODEL            model id, default Xenova/bert-base-multilingual-cased-ner-hrl
//   KG_MODEL_DIR            folder holding <model id>/ (config.json, tokenizer*.json, onnx/*.onnx),
//                           default <project>/.cache/models
//   KG_ALLOW_REMOTE_MODELS  "1" lets transformers.js download a missing model from the hub into
//                           KG_MODEL_DIR; otherwise local files only
//   KG_NER_DTYPE            auto (default: model_quantized.onnx if present, else model.onnx), fp32, q8, ...
//   KG_NER_THREADS          ONNX Runtime threads per model (default: ONNX Runtime's choice)
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { NerSpan } from "../extractors/types.ts";
import {
  recognizeEntities,
  WORDPIECE,
  type PieceScheme,
  type RecognizeOptions,
  type RecognizeResult,
  type TokenClassifier,
} from "../extractors/transformer/index.ts";

export const DEFAULT_NER_MODEL = "Xenova/bert-base-multilingual-cased-ner-hrl";
export const DEFAULT_MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", ".cache", "models");

const DTYPES = ["auto", "fp32", "fp16", "q8", "int8", "uint8", "q4", "bnb4", "q4f16"] as const;
export type ModelDtype = (typeof DTYPES)[number];
/** The ONNX file name suffix transformers.js uses per dtype. */
const DTYPE_FILE: Readonly<Record<Exclude<ModelDtype, "auto">, string>> = {
  fp32: "model.onnx",
  fp16: "model_fp16.onnx",
  q8: "model_quantized.onnx",
  int8: "model_int8.onnx",
  uint8: "model_uint8.onnx",
  q4: "model_q4.onnx",
  bnb4: "model_bnb4.onnx",
  q4f16: "model_q4f16.onnx",
};

const ConfigSchema = z.object({
  KG_NER_MODEL: z.string().trim().min(1).default(DEFAULT_NER_MODEL),
  KG_MODEL_DIR: z.string().trim().min(1).default(DEFAULT_MODEL_DIR),
  KG_ALLOW_REMOTE_MODELS: z
    .enum(["", "0", "1", "false", "true", "no", "yes"], {
      error: (i) => `KG_ALLOW_REMOTE_MODELS: expected 1 or 0, found "${String(i.input)}"`,
    })
    .default("0"),
  KG_NER_DTYPE: z
    .enum(DTYPES, {
      error: (i) => `KG_NER_DTYPE: expected one of ${DTYPES.join(", ")}, found "${String(i.input)}"`,
    })
    .default("auto"),
  KG_NER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
});

export interface TransformerConfig {
  /** Model id, e.g. "Xenova/bert-base-multilingual-cased-ner-hrl". */
  readonly model: string;
  /** Folder with one sub-folder per model id. */
  readonly modelDir: string;
  readonly allowRemote: boolean;
  readonly dtype: ModelDtype;
  readonly threads?: number;
}

export class ModelConfigError extends Error {
  readonly code = "NER_MODEL_CONFIG";
}

/** Reads the configuration from the environment (process.env by default). */
export function transformerConfig(env: NodeJS.ProcessEnv = process.env): TransformerConfig {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== "")
      .map((k) => [k, env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) throw new ModelConfigError(parsed.error.issues.map((i) => i.message).join("; "));
  const c = parsed.data;
  return Object.freeze({
    model: c.KG_NER_MODEL,
    modelDir: resolve(c.KG_MODEL_DIR),
    allowRemote: ["1", "true", "yes"].includes(c.KG_ALLOW_REMOTE_MODELS),
    dtype: c.KG_NER_DTYPE,
    ...(c.KG_NER_THREADS ? { threads: c.KG_NER_THREADS } : {}),
  });
}

export interface ModelLocation {
  /** Where the model's files are looked for: <modelDir>/<model>. */
  dir: string;
  config: boolean;
  tokenizer: boolean;
  /** ONNX files present in <dir>/onnx. */
  onnxFiles: string[];
  /** The dtype that will be loaded, or null when no usable file is there. */
  dtype: Exclude<ModelDtype, "auto"> | null;
}

/** What is on disk for the configured model. */
export function locateModel(cfg: TransformerConfig): ModelLocation {
  const dir = join(cfg.modelDir, cfg.model);
  const onnxDir = join(dir, "onnx");
  const onnxFiles = existsSync(onnxDir)
    ? readdirSync(onnxDir)
        .filter((f) => f.endsWith(".onnx"))
        .sort()
    : [];
  let dtype: Exclude<ModelDtype, "auto"> | null;
  if (cfg.dtype !== "auto")
    dtype = onnxFiles.includes(DTYPE_FILE[cfg.dtype]) || cfg.allowRemote ? cfg.dtype : null;
  else if (onnxFiles.includes(DTYPE_FILE.q8)) dtype = "q8";
  else if (onnxFiles.includes(DTYPE_FILE.fp32)) dtype = "fp32";
  else dtype = cfg.allowRemote ? "q8" : null;
  return {
    dir,
    config: existsSync(join(dir, "config.json")),
    tokenizer: existsSync(join(dir, "tokenizer.json")),
    onnxFiles,
    dtype,
  };
}

export class ModelUnavailableError extends Error {
  readonly code = "NER_MODEL_UNAVAILABLE";
}

/** A loaded model: the TokenClassifier plus what was loaded. */
export interface TransformerModel {
  readonly classifier: TokenClassifier;
  readonly model: string;
  readonly dir: string;
  readonly dtype: string;
  readonly labels: readonly string[];
  recognize(text: string, options?: RecognizeOptions): Promise<RecognizeResult>;
}

function unavailable(cfg: TransformerConfig, loc: ModelLocation, cause?: unknown): ModelUnavailableError {
  const missing = [
    loc.config ? null : "config.json",
    loc.tokenizer ? null : "tokenizer.json",
    loc.dtype
      ? null
      : cfg.dtype === "auto"
        ? "onnx/model_quantized.onnx or onnx/model.onnx"
        : `onnx/${DTYPE_FILE[cfg.dtype]}`,
  ].filter(Boolean);
  const found = missing.length
    ? `missing ${missing.join(", ")}`
    : `the files are there but do not load (${(cause as Error)?.message ?? cause})`;
  return new ModelUnavailableError(
    `transformer NER model "${cfg.model}" not available: expected it in ${loc.dir}, ${found}. ` +
      `Put the model folder there, point KG_MODEL_DIR at its parent folder, or set KG_ALLOW_REMOTE_MODELS=1 to download it (see README, "Transformer NER").`,
    { cause },
  );
}

type Transformers = typeof import("@huggingface/transformers");

/** The model's special ids around one text, found by encoding a word with and without them. */
function specialIds(tok: {
  encode(text: string, o?: { add_special_tokens?: boolean }): number[];
}): [number[], number[]] {
  const bare = tok.encode("a", { add_special_tokens: false });
  const full = tok.encode("a", { add_special_tokens: true });
  for (let i = 0; i + bare.length <= full.length; i++) {
    if (bare.every((id, k) => full[i + k] === id)) return [full.slice(0, i), full.slice(i + bare.length)];
  }
  return [[], []];
}

/** How the tokenizer marks words: WordPiece "##" or SentencePiece "▁". */
function pieceScheme(tokenizerJson: Record<string, unknown>, unknown: string): PieceScheme {
  const model = (tokenizerJson?.model ?? {}) as { type?: string; continuing_subword_prefix?: string };
  if (model.type === "WordPiece")
    return { kind: "continuation", marker: model.continuing_subword_prefix ?? "##", unknown };
  if (model.type === "Unigram" || model.type === "BPE") return { kind: "word-start", marker: "▁", unknown };
  return { ...WORDPIECE, unknown };
}

async function load(cfg: TransformerConfig): Promise<TransformerModel> {
  const loc = locateModel(cfg);
  if (!cfg.allowRemote && (!loc.config || !loc.tokenizer || !loc.dtype)) throw unavailable(cfg, loc);
  let hf: Transformers;
  try {
    hf = await import("@huggingface/transformers");
  } catch (err) {
    throw new ModelUnavailableError(
      `@huggingface/transformers could not be loaded (${(err as Error).message}); run "npm install"`,
      { cause: err },
    );
  }
  hf.env.allowLocalModels = true;
  hf.env.localModelPath = cfg.modelDir;
  hf.env.allowRemoteModels = cfg.allowRemote;
  // Downloads land where local lookups find them next time: <modelDir>/<model>/...
  hf.env.cacheDir = cfg.modelDir;
  const dtype = loc.dtype ?? "q8";
  try {
    const options = { local_files_only: !cfg.allowRemote };
    const tokenizer = await hf.AutoTokenizer.from_pretrained(cfg.model, options);
    const model = await hf.AutoModelForTokenClassification.from_pretrained(cfg.model, {
      ...options,
      dtype,
      device: "cpu",
      ...(cfg.threads ? { session_options: { intraOpNumThreads: cfg.threads, interOpNumThreads: 1 } } : {}),
    });
    const modelConfig = model.config as unknown as {
      id2label?: Record<string, string>;
      max_position_embeddings?: number;
    };
    const id2label = modelConfig.id2label ?? {};
    const labels = Object.keys(id2label)
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => id2label[String(i)]);
    if (labels.length === 0) throw new Error("config.json has no id2label");
    const [prefixIds, suffixIds] = specialIds(tokenizer);
    const tokMax = Number.isFinite(tokenizer.model_max_length) ? tokenizer.model_max_length : 512;
    const maxLength = Math.max(
      prefixIds.length + suffixIds.length + 1,
      Math.min(tokMax, modelConfig.max_position_embeddings ?? 512, 512),
    );
    const unknown = (tokenizer as unknown as { unk_token?: string }).unk_token ?? "[UNK]";
    const json = (tokenizer as unknown as { _tokenizerJSON?: Record<string, unknown> })._tokenizerJSON ?? {};
    const classifier: TokenClassifier = {
      tokenize: (text) => tokenizer.tokenize(text),
      toIds: (pieces) =>
        tokenizer.convert_tokens_to_ids([...pieces]).map((id) => id ?? tokenizer.unk_token_id ?? 0),
      prefixIds,
      suffixIds,
      padId: tokenizer.pad_token_id ?? 0,
      maxLength,
      labels,
      scheme: pieceScheme(json, unknown),
      async classify(ids, mask) {
        const dims = [ids.length, ids[0]?.length ?? 0];
        const tensor = (rows: readonly (readonly number[])[]) =>
          new hf.Tensor(
            "int64",
            BigInt64Array.from(rows.flat(), (v) => BigInt(v)),
            dims,
          );
        const out = (await model({
          input_ids: tensor(ids),
          attention_mask: tensor(mask),
          token_type_ids: tensor(ids.map((r) => r.map(() => 0))),
        })) as { logits: { data: Float32Array } };
        return out.logits.data;
      },
    };
    return Object.freeze({
      classifier,
      model: cfg.model,
      dir: loc.dir,
      dtype,
      labels,
      recognize: (text: string, options?: RecognizeOptions) => recognizeEntities(text, classifier, options),
    });
  } catch (err) {
    throw unavailable(cfg, loc, err);
  }
}

const cache = new Map<string, Promise<TransformerModel>>();

/** The model for this configuration, loaded on first use and kept for the process (or worker thread). */
export function loadTransformer(cfg: TransformerConfig = transformerConfig()): Promise<TransformerModel> {
  const key = JSON.stringify(cfg);
  let hit = cache.get(key);
  if (!hit) {
    hit = load(cfg);
    // A failed load may succeed later (the folder filled in): do not keep the failure.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

/** The model, or the reason there is none (never throws). */
export async function tryLoadTransformer(
  cfg?: TransformerConfig,
): Promise<{ ok: true; model: TransformerModel } | { ok: false; error: Error }> {
  try {
    return { ok: true, model: await loadTransformer(cfg ?? transformerConfig()) };
  } catch (err) {
    return { ok: false, error: err as Error };
  }
}

/** Transformer NER spans for one article. */
export async function transformerSpans(text: string, cfg?: TransformerConfig): Promise<NerSpan[]> {
  const model = await loadTransformer(cfg);
  return (await model.recognize(text)).spans;
}
