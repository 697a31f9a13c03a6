// Builds a tiny BERT-like token-classification model that transformers.js loads like a real one:
// <root>/<name>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx,
// onnx/model_quantized.onnx}. The ONNX graph (written with protobufjs) looks every input id up
// in a fixed table of label logits, so each vocabulary piece has a known label:
//   logits = Gather(table, input_ids) + Gather(types, token_type_ids), times attention_mask.
// Words are cut into WordPiece pieces by the real tokenizer ('Zuckerberg' -> 'Zucker' '##berg').
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/** The labels of Xenova/bert-base-multilingual-cased-ner-hrl, in its order. */
export const LABELS = [
  "O",
  "B-DATE",
  "I-DATE",
  "B-PER",
  "I-PER",
  "B-ORG",
  "I-ORG",
  "B-LOC",
  "I-LOC",
] as const;
export type TinyLabel = (typeof LABELS)[number];

export const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;

/** The vocabulary after the special tokens, with the label the model gives each piece. */
export const VOCAB: ReadonlyArray<readonly [string, TinyLabel]> = [
  // People: first names open a name, family names continue it.
  ["Sam", "B-PER"],
  ["Altman", "I-PER"],
  ["Jensen", "B-PER"],
  ["Huang", "I-PER"],
  ["Mark", "B-PER"],
  ["Zucker", "I-PER"],
  ["Lisa", "B-PER"],
  ["Su", "I-PER"],
  // Made-up names no lexicon of ours knows: only the model finds them.
  ["Tamsin", "B-PER"],
  ["Okon", "I-PER"],
  // Organizations.
  ["Open", "B-ORG"],
  ["Nvidia", "B-ORG"],
  ["Deutsche", "B-ORG"],
  ["Telekom", "I-ORG"],
  ["Meta", "B-ORG"],
  ["Korvath", "B-ORG"],
  // Places.
  ["München", "B-LOC"],
  ["Texas", "B-LOC"],
  ["Abilene", "B-LOC"],
  // A type the project does not use (dates), as the real model has.
  ["2026", "B-DATE"],
  // Pieces inside words: all O, so a word's label must come from its first piece.
  ["##AI", "O"],
  ["##berg", "O"],
  ["##s", "O"],
  ["##en", "O"],
  ["##kwo", "O"],
  // Everything else: O.
  ...(
    [
      "leitet",
      "baut",
      "ein",
      "einen",
      "neues",
      "Rechenzentrum",
      "in",
      "und",
      "mit",
      "der",
      "die",
      "das",
      "von",
      "für",
      "plant",
      "sagte",
      "Chef",
      "CEO",
      "Milliarden",
      "Euro",
      "Dollar",
      "GPUs",
      "Der",
      "Die",
      "the",
      "The",
      "and",
      "a",
      "new",
      "data",
      "center",
      "builds",
      "leads",
      "in",
      "of",
      "said",
      "with",
      "plans",
      "for",
      "billion",
      "is",
      "Campus",
      "Projekt",
      "Partner",
      "seit",
      "im",
      "Jahr",
      ".",
      ",",
      "-",
      ":",
      "'",
      "(",
      ")",
    ] as const
  ).map((w) => [w, "O"] as const),
];

/** How an uncased tokenizer sees a vocabulary entry: lower case, no accents ('München' -> 'munchen'). */
export function uncase(token: string): string {
  return token.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Which tokenizer the tiny model has: cased or uncased WordPiece (BERT), or SentencePiece (XLM-R). */
export type Flavour = "cased" | "uncased" | "sentencepiece";

export const SP_SPECIALS = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"] as const;

/** The vocabulary with each piece's label, in id order. */
function entries(flavour: Flavour): Array<[string, TinyLabel]> {
  const out: Array<[string, TinyLabel]> = [];
  const seen = new Set<string>();
  const add = (t: string, l: TinyLabel) => {
    if (!seen.has(t)) out.push([t, l]);
    seen.add(t);
  };
  if (flavour === "sentencepiece") {
    for (const t of SP_SPECIALS) add(t, "O");
    // '##berg' continues a word; 'Zucker' starts one ('▁Zucker'); punctuation may do either.
    for (const [t, l] of VOCAB) {
      if (t.startsWith("##")) add(t.slice(2), l);
      else {
        add(`\u2581${t}`, l);
        if (/^\p{P}$/u.test(t)) add(t, l);
      }
    }
    return out;
  }
  for (const t of SPECIALS) add(t, "O");
  for (const [t, l] of VOCAB) add(flavour === "uncased" ? uncase(t) : t, l);
  return out;
}

function vocabulary(flavour: Flavour = "cased"): Map<string, number> {
  return new Map(entries(flavour).map(([t], i) => [t, i]));
}

/** The label logits of each vocabulary id: `strength` for its label, 0 elsewhere. */
export function logitTable(strength = 6, flavour: Flavour = "cased"): Float32Array {
  const list = entries(flavour);
  const table = new Float32Array(list.length * LABELS.length);
  list.forEach(([, label], id) => (table[id * LABELS.length + LABELS.indexOf(label)] = strength));
  return table;
}

/** The probability the model gives its label (softmax of `strength` against zeros). */
export function labelScore(strength = 6): number {
  return Math.exp(strength) / (Math.exp(strength) + LABELS.length - 1);
}

const PROTO = fileURLToPath(new URL("./onnx-subset.proto", import.meta.url));
const FLOAT = 1;
const INT64 = 7;

function tensorInput(name: string, elemType: number, dims: (string | number)[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

/** The ONNX model bytes. */
export function onnxModel(strength = 6, flavour: Flavour = "cased"): Uint8Array {
  const root = protobuf.loadSync(PROTO);
  const ModelProto = root.lookupType("onnx.ModelProto");
  const table = logitTable(strength, flavour);
  const vocabSize = table.length / LABELS.length;
  const floats = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const model = {
    irVersion: 8,
    producerName: "kg-tiny-model",
    producerVersion: "1",
    docString: "Tiny token classifier for tests: every id maps to fixed label logits.",
    opsetImport: [{ domain: "", version: 14 }],
    graph: {
      name: "tiny_ner",
      initializer: [
        { name: "label_table", dims: [vocabSize, LABELS.length], dataType: FLOAT, rawData: floats(table) },
        {
          name: "type_table",
          dims: [2, LABELS.length],
          dataType: FLOAT,
          rawData: floats(new Float32Array(2 * LABELS.length)),
        },
        { name: "axis_2", dims: [1], dataType: INT64, int64Data: [2] },
      ],
      node: [
        {
          name: "by_id",
          opType: "Gather",
          input: ["label_table", "input_ids"],
          output: ["id_logits"],
          attribute: [{ name: "axis", type: 2, i: 0 }],
        },
        {
          name: "by_type",
          opType: "Gather",
          input: ["type_table", "token_type_ids"],
          output: ["type_logits"],
          attribute: [{ name: "axis", type: 2, i: 0 }],
        },
        { name: "sum", opType: "Add", input: ["id_logits", "type_logits"], output: ["summed"] },
        {
          name: "mask_float",
          opType: "Cast",
          input: ["attention_mask"],
          output: ["mask_f"],
          attribute: [{ name: "to", type: 2, i: FLOAT }],
        },
        { name: "mask_3d", opType: "Unsqueeze", input: ["mask_f", "axis_2"], output: ["mask_3"] },
        { name: "masked", opType: "Mul", input: ["summed", "mask_3"], output: ["logits"] },
      ],
      input: [
        tensorInput("input_ids", INT64, ["batch_size", "sequence_length"]),
        tensorInput("attention_mask", INT64, ["batch_size", "sequence_length"]),
        tensorInput("token_type_ids", INT64, ["batch_size", "sequence_length"]),
      ],
      output: [tensorInput("logits", FLOAT, ["batch_size", "sequence_length", LABELS.length])],
    },
  };
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`tiny model: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** tokenizer.json in the Hugging Face tokenizers format: BERT normalizer, WordPiece model. */
/** tokenizer.json of an XLM-R-like SentencePiece (Unigram) tokenizer. */
export function sentencePieceTokenizerJson(): object {
  const list = entries("sentencepiece");
  const special = (t: string) => ({
    id: list.findIndex(([x]) => x === t),
    ids: [list.findIndex(([x]) => x === t)],
    tokens: [t],
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SP_SPECIALS.map((t) => ({
      id: special(t).id,
      content: t,
      single_word: false,
      lstrip: t === "<mask>",
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: { type: "Metaspace", replacement: "\u2581", prepend_scheme: "always", split: true },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "<s>", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "</s>", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "<s>", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "</s>", type_id: 0 } },
        { SpecialToken: { id: "</s>", type_id: 0 } },
        { Sequence: { id: "B", type_id: 0 } },
        { SpecialToken: { id: "</s>", type_id: 0 } },
      ],
      special_tokens: { "<s>": special("<s>"), "</s>": special("</s>") },
    },
    decoder: { type: "Metaspace", replacement: "\u2581", prepend_scheme: "always", split: true },
    model: {
      type: "Unigram",
      unk_id: special("<unk>").id,
      byte_fallback: false,
      // Longer pieces score better per piece, so 'Zucker' + 'berg' beats letter by letter.
      vocab: list.map(([t]) => [
        t,
        SP_SPECIALS.includes(t as (typeof SP_SPECIALS)[number]) ? 0 : -10 + Math.min(t.length, 9),
      ]),
    },
  };
}

export function tokenizerJson(uncased = false): object {
  const vocab = vocabulary(uncased ? "uncased" : "cased");
  const id = (t: string) => vocab.get(t)!;
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((t) => ({
      id: id(t),
      content: t,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: uncased,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [id("[CLS]")], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [id("[SEP]")], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}

export interface TinyModelOptions {
  /** Folder that plays KG_MODEL_DIR; a new temp folder by default. */
  root?: string;
  /** Model id, the sub-folder of root (like "Xenova/bert-base-multilingual-cased-ner-hrl"). */
  name?: string;
  /** The tokenizer's model_max_length: small values force long texts into several windows. */
  maxLength?: number;
  /** Which ONNX files to write: "fp32" -> onnx/model.onnx, "q8" -> onnx/model_quantized.onnx. */
  dtypes?: ReadonlyArray<"fp32" | "q8">;
  /** An uncased model (like bert-base-uncased): the tokenizer lowercases and strips accents. */
  uncased?: boolean;
  /** An XLM-R-like model: SentencePiece (Unigram) pieces marked with '▁' at word starts. */
  sentencepiece?: boolean;
}

export interface TinyModel {
  root: string;
  name: string;
  dir: string;
}

export function buildTinyModel(options: TinyModelOptions = {}): TinyModel {
  const root = options.root ?? mkdtempSync(join(tmpdir(), "kg-tiny-model-"));
  const name = options.name ?? "kg-test/tiny-ner";
  const dir = join(root, name);
  mkdirSync(join(dir, "onnx"), { recursive: true });
  const id2label = Object.fromEntries(LABELS.map((l, i) => [String(i), l]));
  const label2id = Object.fromEntries(LABELS.map((l, i) => [l, i]));
  const uncased = options.uncased ?? false;
  const sp = options.sentencepiece ?? false;
  const flavour: Flavour = sp ? "sentencepiece" : uncased ? "uncased" : "cased";
  const vocabSize = vocabulary(flavour).size;
  const config = {
    model_type: sp ? "xlm-roberta" : "bert",
    architectures: [sp ? "XLMRobertaForTokenClassification" : "BertForTokenClassification"],
    id2label,
    label2id,
    vocab_size: vocabSize,
    hidden_size: LABELS.length,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    max_position_embeddings: 512,
    type_vocab_size: 2,
  };
  const tokenizerConfig = sp
    ? {
        tokenizer_class: "XLMRobertaTokenizer",
        model_max_length: options.maxLength ?? 512,
        bos_token: "<s>",
        eos_token: "</s>",
        cls_token: "<s>",
        sep_token: "</s>",
        pad_token: "<pad>",
        unk_token: "<unk>",
        mask_token: "<mask>",
      }
    : {
        tokenizer_class: "BertTokenizer",
        do_lower_case: uncased,
        model_max_length: options.maxLength ?? 512,
        cls_token: "[CLS]",
        sep_token: "[SEP]",
        pad_token: "[PAD]",
        unk_token: "[UNK]",
        mask_token: "[MASK]",
      };
  writeFileSync(join(dir, "config.json"), JSON.stringify(config, null, 2));
  writeFileSync(
    join(dir, "tokenizer.json"),
    JSON.stringify(sp ? sentencePieceTokenizerJson() : tokenizerJson(uncased)),
  );
  writeFileSync(join(dir, "tokenizer_config.json"), JSON.stringify(tokenizerConfig, null, 2));
  const bytes = onnxModel(6, flavour);
  for (const dtype of options.dtypes ?? ["fp32", "q8"]) {
    writeFileSync(join(dir, "onnx", dtype === "fp32" ? "model.onnx" : "model_quantized.onnx"), bytes);
  }
  return { root, name, dir };
}
