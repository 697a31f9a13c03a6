import assert from "node:assert/strict";
import { rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTinyModel, type TinyModel } from "../support/tiny-model/build.ts";
import {
  DEFAULT_NER_MODEL,
  ModelConfigError,
  ModelUnavailableError,
  loadTransformer,
  locateModel,
  transformerConfig,
  transformerSpans,
  tryLoadTransformer,
} from "../../cli/transformer-model.ts";

describe("cli/transformer-model", () => {
  const made: string[] = [];
  const tiny = (opts: Parameters<typeof buildTinyModel>[0] = {}): TinyModel => {
    const m = buildTinyModel(opts);
    made.push(m.root);
    return m;
  };
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe("configuration", () => {
    it("defaults to the multilingual hrl model, local files only", () => {
      const cfg = transformerConfig({});
      assert.equal(cfg.model, DEFAULT_NER_MODEL);
      assert.equal(cfg.allowRemote, false);
      assert.equal(cfg.dtype, "auto");
      assert.ok(cfg.modelDir.endsWith(join(".cache", "models")));
      assert.ok(Object.isFrozen(cfg));
    });

    it("reads KG_NER_MODEL, KG_MODEL_DIR, KG_ALLOW_REMOTE_MODELS, KG_NER_DTYPE, KG_NER_THREADS", () => {
      const cfg = transformerConfig({
        KG_NER_MODEL: "org/model",
        KG_MODEL_DIR: "/srv/models",
        KG_ALLOW_REMOTE_MODELS: "1",
        KG_NER_DTYPE: "fp32",
        KG_NER_THREADS: "2",
      });
      assert.deepEqual(
        { ...cfg },
        { model: "org/model", modelDir: "/srv/models", allowRemote: true, dtype: "fp32", threads: 2 },
      );
    });

    it("refuses bad values with a message that says what was expected", () => {
      assert.throws(
        () => transformerConfig({ KG_ALLOW_REMOTE_MODELS: "maybe" }),
        (e: Error) => e instanceof ModelConfigError && /expected 1 or 0, found "maybe"/.test(e.message),
      );
      assert.throws(
        () => transformerConfig({ KG_NER_DTYPE: "fp64" }),
        /KG_NER_DTYPE: expected one of auto, fp32/,
      );
      assert.throws(() => transformerConfig({ KG_NER_THREADS: "0" }), ModelConfigError);
    });
  });

  describe("locating", () => {
    it("prefers the quantized file, falls back to model.onnx, says when there is none", () => {
      const both = tiny();
      const fp32 = tiny({ dtypes: ["fp32"] });
      const cfg = (m: TinyModel, extra = {}) =>
        transformerConfig({ KG_MODEL_DIR: m.root, KG_NER_MODEL: m.name, ...extra });
      assert.equal(locateModel(cfg(both)).dtype, "q8");
      assert.equal(locateModel(cfg(fp32)).dtype, "fp32");
      assert.equal(locateModel(cfg(fp32, { KG_NER_DTYPE: "q8" })).dtype, null);
      const loc = locateModel(cfg(both));
      assert.equal(loc.dir, join(both.root, both.name));
      assert.deepEqual(loc.onnxFiles, ["model.onnx", "model_quantized.onnx"]);
      assert.ok(loc.config && loc.tokenizer);
    });
  });

  describe("loading", () => {
    it("loads the tiny model with its labels and window length, once per process", async () => {
      const m = tiny({ maxLength: 24, dtypes: ["fp32"] });
      const cfg = transformerConfig({ KG_MODEL_DIR: m.root, KG_NER_MODEL: m.name });
      const [a, b] = await Promise.all([loadTransformer(cfg), loadTransformer(cfg)]);
      assert.equal(a, b);
      assert.equal(
        await loadTransformer(transformerConfig({ KG_MODEL_DIR: m.root, KG_NER_MODEL: m.name })),
        a,
      );
      assert.equal(a.dtype, "fp32");
      assert.equal(a.classifier.maxLength, 24);
      assert.deepEqual(a.labels.slice(0, 4), ["O", "B-DATE", "I-DATE", "B-PER"]);
      assert.deepEqual(
        (await transformerSpans("Lisa Su leitet AMD.", cfg)).map((s) => `${s.label}:${s.text}`),
        ["PER:Lisa Su"],
      );
    });

    it("without a model: a clear error naming the folder and what to do, never a crash", async () => {
      const empty = mkdtempSync(join(tmpdir(), "kg-no-model-"));
      made.push(empty);
      const cfg = transformerConfig({ KG_MODEL_DIR: empty });
      await assert.rejects(loadTransformer(cfg), (e: Error) => {
        assert.ok(e instanceof ModelUnavailableError);
        assert.match(
          e.message,
          new RegExp(`expected it in ${join(empty, DEFAULT_NER_MODEL).replace(/[/.]/g, "\\$&")}`),
        );
        assert.match(e.message, /missing config\.json, tokenizer\.json/);
        assert.match(e.message, /KG_MODEL_DIR|KG_ALLOW_REMOTE_MODELS=1/);
        return true;
      });
      const probe = await tryLoadTransformer(cfg);
      assert.equal(probe.ok, false);
    });

    it("a corrupt ONNX file is reported as not loading, with the cause", async () => {
      const m = tiny({ dtypes: ["fp32"] });
      const { writeFileSync } = await import("node:fs");
      writeFileSync(join(m.dir, "onnx", "model.onnx"), "not a model");
      const probe = await tryLoadTransformer(
        transformerConfig({ KG_MODEL_DIR: m.root, KG_NER_MODEL: m.name }),
      );
      assert.equal(probe.ok, false);
      if (!probe.ok) assert.match(probe.error.message, /the files are there but do not load/);
    });
  });
});
