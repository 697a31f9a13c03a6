import assert from "node:assert/strict";
import { ExtractionError, createExtractor, pipelineVersion } from "../../cli/extraction.ts";

const TEST_PIPELINE = new URL("./capitalized-pipeline.ts", import.meta.url).href;

describe("cli/extraction", function () {
  this.timeout(60_000);

  it("gives the same results in worker threads as in the main thread, in any order of completion", async () => {
    const texts = [
      "Orbital Compute builds with Helios Power.",
      "Die Nordlicht Daten baut mit Fjord Strom.",
      "Nothing capitalized here.",
      "Quasar Labs and Polar Grid and Vega Chips.",
    ];
    const inline = await createExtractor(1, TEST_PIPELINE);
    const pool = await createExtractor(2, TEST_PIPELINE);
    try {
      assert.equal(inline.workers, 0);
      assert.equal(pool.workers, 2);
      const a = await Promise.all(texts.map((text) => inline.extract({ text, lang: null, date: null })));
      const b = await Promise.all(texts.map((text) => pool.extract({ text, lang: null, date: null })));
      assert.deepEqual(b, a);
      assert.deepEqual(
        b.map((r) => r.entities.map((e) => e.name)),
        [
          ["Orbital Compute", "Helios Power"],
          ["Die Nordlicht Daten", "Fjord Strom"],
          [],
          ["Quasar Labs", "Polar Grid", "Vega Chips"],
        ],
      );
    } finally {
      await inline.close();
      await pool.close();
    }
  });

  it("reports a failing extraction as an error of that article and keeps the workers serving", async () => {
    const pool = await createExtractor(2, TEST_PIPELINE);
    try {
      await assert.rejects(pool.extract({ text: "EXPLODE now", lang: null, date: null }), (err: unknown) => {
        assert.ok(err instanceof ExtractionError);
        assert.match((err as Error).message, /gave up on EXPLODE/);
        return true;
      });
      const r = await pool.extract({ text: "Helios Power works.", lang: "en", date: null });
      assert.equal(r.language, "en");
    } finally {
      await pool.close();
    }
  });

  it("names the pipeline version by the extraction code and models", async () => {
    const v = await pipelineVersion();
    assert.match(v, /^[0-9a-f]{16}$/);
    assert.equal(await pipelineVersion(), v);
  });

  it("changes the pipeline version with the transformer model where the mode uses one", async () => {
    const saved = { ner: process.env.KG_NER, model: process.env.KG_NER_MODEL };
    try {
      process.env.KG_NER = "hybrid";
      process.env.KG_NER_MODEL = "org/model-a";
      const a = await pipelineVersion();
      process.env.KG_NER_MODEL = "org/model-b";
      assert.notEqual(await pipelineVersion(), a);
      process.env.KG_NER = "rules";
      const r = await pipelineVersion();
      process.env.KG_NER_MODEL = "org/model-a";
      assert.equal(await pipelineVersion(), r);
    } finally {
      for (const [k, v] of [
        ["KG_NER", saved.ner],
        ["KG_NER_MODEL", saved.model],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});
