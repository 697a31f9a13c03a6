// The real thing on a tiny model: transformers.js loads a BERT-like ONNX token classifier the
// test builds (test/support/tiny-model), its real WordPiece tokenizer cuts the words, ONNX
// Runtime computes the logits, and our windows and merging turn them into spans. The tiny
// model labels each vocabulary piece in a fixed way, so the spans are known exactly.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { pipeline, env } from "@huggingface/transformers";
import { buildTinyModel, labelScore, type TinyModel } from "../../support/tiny-model/build.ts";
import { buildBertLikeModel } from "../../support/tiny-model/bert-like.ts";
import { loadTransformer, transformerConfig, type TransformerModel } from "../../../cli/transformer-model.ts";
import type { NerSpan } from "../../../extractors/types.ts";
import { alignPieces } from "../../../extractors/transformer/align.ts";
import { VOCAB } from "../../support/tiny-model/build.ts";

/** The span [start, end) of the n-th occurrence (0-based) of `needle` in `text`. */
function at(text: string, needle: string, n = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" #${n} not in text`);
  }
  return [i, i + needle.length];
}

function expectSpans(
  text: string,
  rows: Array<[string, NerSpan["label"], number?]>,
): Array<Pick<NerSpan, "start" | "end" | "text" | "label">> {
  return rows.map(([needle, label, n]) => {
    const [start, end] = at(text, needle, n ?? 0);
    return { start, end, text: needle, label };
  });
}

const strip = (spans: NerSpan[]) => spans.map(({ start, end, text, label }) => ({ start, end, text, label }));

describe("extractors/transformer/recognize on a tiny real model", () => {
  let tiny: TinyModel;
  let model: TransformerModel;

  before(async () => {
    tiny = buildTinyModel();
    model = await loadTransformer(transformerConfig({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name }));
  });
  after(() => rmSync(tiny.root, { recursive: true, force: true }));

  it("finds people, organizations and places in a German sentence, with whole words", async () => {
    const text = "Sam Altmans OpenAI baut mit Mark Zuckerberg in München ein Rechenzentrum.";
    const { spans, windows } = await model.recognize(text);
    assert.equal(windows, 1);
    assert.deepEqual(
      strip(spans),
      // 'Altmans' = Altman + ##s and 'Zuckerberg' = Zucker + ##berg, 'OpenAI' = Open + ##AI: whole words.
      expectSpans(text, [
        ["Sam Altmans", "PER"],
        ["OpenAI", "ORG"],
        ["Mark Zuckerberg", "PER"],
        ["München", "LOC"],
      ]),
    );
    for (const s of spans) {
      assert.equal(s.source, "transformer");
      assert.ok(Math.abs(s.score - labelScore()) < 1e-4, `score ${s.score}`);
    }
  });

  it("finds them in an English sentence and drops the model's DATE spans", async () => {
    const text =
      "Jensen Huang said Nvidia and the Deutsche Telekom plan a new data center in Abilene, Texas in 2026.";
    const { spans } = await model.recognize(text);
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["Jensen Huang", "PER"],
        ["Nvidia", "ORG"],
        ["Deutsche Telekom", "ORG"],
        ["Abilene", "LOC"],
        ["Texas", "LOC"],
      ]),
    );
  });

  it("keeps offsets right around words the vocabulary does not know", async () => {
    // 'Stargate', 'Projekt-Partner' pieces and the emoji are [UNK] or split by punctuation.
    const text = "Das Stargate-Projekt 🚀 von OpenAI: Lisa Su (AMD) und Sam Altman.";
    const { spans } = await model.recognize(text);
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["OpenAI", "ORG"],
        ["Lisa Su", "PER"],
        ["Sam Altman", "PER"],
      ]),
    );
  });

  it("keeps offsets right across characters the tokenizer drops (soft hyphen, zero-width space, no-break space)", async () => {
    const text = "Das Rechen\u00adzentrum von Meta: Sam\u200bAltman und Lisa\u00a0Su in Mün\u00adchen.";
    const { spans } = await model.recognize(text);
    // 'Sam\u200bAltman' is one unknown word to the tokenizer, so no name; 'Mün\u00adchen' is 'München'.
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["Meta", "ORG"],
        ["Lisa\u00a0Su", "PER"],
        ["Mün\u00adchen", "LOC"],
      ]),
    );
  });

  it("reads a long article in windows and maps offsets back to the article", async () => {
    const text = [
      "Sam Altman leitet OpenAI.",
      "Jensen Huang und Lisa Su und Mark Zuckerberg sagte mit der Deutsche Telekom ein neues Rechenzentrum in München und ein Campus in Abilene, Texas für Meta und Nvidia und OpenAI",
      "Die GPUs von Nvidia.",
    ].join(" ");
    const whole = await model.recognize(text);
    const windowed = await model.recognize(text, { maxLength: 12, overlap: 3, batchSize: 2 });
    assert.equal(whole.windows, 1);
    assert.ok(windowed.windows >= 5, `expected several windows, got ${windowed.windows}`);
    const expected = expectSpans(text, [
      ["Sam Altman", "PER"],
      ["OpenAI", "ORG"],
      ["Jensen Huang", "PER"],
      ["Lisa Su", "PER"],
      ["Mark Zuckerberg", "PER"],
      ["Deutsche Telekom", "ORG"],
      ["München", "LOC"],
      ["Abilene", "LOC"],
      ["Texas", "LOC"],
      ["Meta", "ORG"],
      ["Nvidia", "ORG"],
      ["OpenAI", "ORG", 1],
      ["Nvidia", "ORG", 1],
    ]);
    assert.deepEqual(strip(windowed.spans), expected);
    assert.deepEqual(strip(whole.spans), expected);
  });

  it("agrees with transformers.js's own token-classification pipeline on every labelled piece", async () => {
    env.localModelPath = tiny.root;
    const ner = await pipeline("token-classification", tiny.name, { local_files_only: true, dtype: "fp32" });
    const text = "Jensen Huang baut mit Meta in Texas.";
    const theirs = (await ner(text)) as Array<{ entity: string; word: string }>;
    assert.deepEqual(
      theirs.map((t) => `${t.word}/${t.entity}`),
      ["Jensen/B-PER", "Huang/I-PER", "Meta/B-ORG", "Texas/B-LOC"],
    );
    const { spans } = await model.recognize(text);
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["Jensen Huang", "PER"],
        ["Meta", "ORG"],
        ["Texas", "LOC"],
      ]),
    );
  });

  it("aligns every piece of the real tokenizer on 300 random texts with odd characters", () => {
    const words = VOCAB.map(([w]) => w).filter((w) => !w.startsWith("##"));
    const odd = [
      "Zuckerbergs",
      "OpenAI",
      "Rechen\u00adzentrum",
      "Sam\u200bAltman",
      "😀",
      "„",
      "“",
      "’s",
      "Ünïcödé",
      "Mu\u0308nchen",
      "x",
      "…",
      "1,5",
      "\t",
      "\n\n",
      "\u00a0",
    ];
    let seed = 7;
    // mulberry32: a small PRNG with well-mixed low bits.
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    for (let t = 0; t < 300; t++) {
      const parts: string[] = [];
      for (let k = 0, n = 1 + rnd(15); k < n; k++)
        parts.push(rnd(3) === 0 ? odd[rnd(odd.length)] : words[rnd(words.length)]);
      const text = parts.join(rnd(2) ? " " : "  ");
      const pieces = model.classifier.tokenize(text);
      const aligned = alignPieces(text, pieces, model.classifier.scheme);
      let last = 0;
      aligned.forEach((a, i) => {
        assert.ok(
          a.start >= last && a.end >= a.start && a.end <= text.length,
          `${JSON.stringify(text)}: piece ${i} out of order`,
        );
        last = a.end;
        const piece = pieces[i];
        if (piece === "[UNK]") return;
        const body = piece.replace(/^##/, "");
        const covered = text
          .slice(a.start, a.end)
          .replace(/[\u00ad\u200b]/g, "")
          .normalize("NFC");
        assert.equal(
          covered,
          body.normalize("NFC"),
          `${JSON.stringify(text)}: piece ${JSON.stringify(piece)}`,
        );
      });
    }
  });

  it("returns nothing for empty, blank or name-free text", async () => {
    for (const text of ["", "   \n\t", "ein neues Rechenzentrum in der", "!!!"]) {
      assert.deepEqual((await model.recognize(text)).spans, [], JSON.stringify(text));
    }
  });

  it("handles a batch of windows with different lengths (padding)", async () => {
    const text = "Sam Altman. Nvidia und Meta und die Deutsche Telekom und OpenAI in Texas und München.";
    const { spans, windows } = await model.recognize(text, { maxLength: 8, overlap: 2, batchSize: 8 });
    assert.ok(windows > 1);
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["Sam Altman", "PER"],
        ["Nvidia", "ORG"],
        ["Meta", "ORG"],
        ["Deutsche Telekom", "ORG"],
        ["OpenAI", "ORG"],
        ["Texas", "LOC"],
        ["München", "LOC"],
      ]),
    );
  });
});

describe("extractors/transformer/recognize on a small BERT-shaped encoder (attention across tokens)", () => {
  let tiny: TinyModel;
  let model: TransformerModel;
  before(async () => {
    tiny = buildBertLikeModel({ layers: 2, hidden: 16, heads: 2, ffn: 32 });
    model = await loadTransformer(transformerConfig({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name }));
  });
  after(() => rmSync(tiny.root, { recursive: true, force: true }));

  it("padding a shorter window in a batch changes nothing (the attention mask reaches the model)", async () => {
    // Random weights: the labels mean nothing, but they depend on every unmasked token.
    const text =
      "Sam Altmans OpenAI baut mit Mark Zuckerberg in München ein Rechenzentrum. Lisa Su und Nvidia.";
    const alone = await model.recognize(text, { maxLength: 16, batchSize: 1 });
    const padded = await model.recognize(text, { maxLength: 16, batchSize: 8 });
    assert.ok(alone.windows >= 2);
    assert.ok(alone.spans.length > 0, "the random encoder labels some names");
    assert.deepEqual(padded.spans, alone.spans);
    for (const s of alone.spans) assert.equal(s.text, text.slice(s.start, s.end));
  });
});

describe("extractors/transformer/recognize on an uncased tiny model", () => {
  let tiny: TinyModel;
  let model: TransformerModel;
  before(async () => {
    tiny = buildTinyModel({ uncased: true, name: "kg-test/tiny-ner-uncased" });
    model = await loadTransformer(transformerConfig({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name }));
  });
  after(() => rmSync(tiny.root, { recursive: true, force: true }));

  it("maps lowercased, accent-free pieces back to the article's own spelling", async () => {
    const text = "SAM ALTMANS OpenAI baut in MÜNCHEN und Mu\u0308nchen mit Mark Zuckerberg.";
    assert.deepEqual(model.classifier.tokenize("München"), ["munchen"]);
    const { spans } = await model.recognize(text);
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["SAM ALTMANS", "PER"],
        ["OpenAI", "ORG"],
        ["MÜNCHEN", "LOC"],
        ["Mu\u0308nchen", "LOC"],
        ["Mark Zuckerberg", "PER"],
      ]),
    );
  });
});

describe("extractors/transformer/recognize on an XLM-R-like tiny model (SentencePiece pieces)", () => {
  let tiny: TinyModel;
  let model: TransformerModel;
  before(async () => {
    tiny = buildTinyModel({ sentencepiece: true, name: "kg-test/tiny-xlmr", maxLength: 10 });
    model = await loadTransformer(transformerConfig({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name }));
  });
  after(() => rmSync(tiny.root, { recursive: true, force: true }));

  it("reads '▁' word starts, <s>/</s> around windows, and glued punctuation", async () => {
    assert.deepEqual(model.classifier.tokenize("Zuckerberg,"), ["\u2581Zucker", "berg", ","]);
    const text =
      "Sam Altmans OpenAI baut mit Mark Zuckerberg in München, Texas ein Rechenzentrum. Lisa Su und Nvidia.";
    const { spans, windows } = await model.recognize(text);
    assert.ok(windows > 1);
    assert.deepEqual(
      strip(spans),
      expectSpans(text, [
        ["Sam Altmans", "PER"],
        ["OpenAI", "ORG"],
        ["Mark Zuckerberg", "PER"],
        ["München", "LOC"],
        ["Texas", "LOC"],
        ["Lisa Su", "PER"],
        ["Nvidia", "ORG"],
      ]),
    );
  });
});
