import assert from "node:assert/strict";
import { STAGES, extract, createContext } from "../../extractors/pipeline.ts";
import { run } from "./helpers.ts";

describe("extractors/pipeline", () => {
  it("declares its stages once, frozen", () => {
    assert.ok(Object.isFrozen(STAGES));
    assert.deepEqual(STAGES.map((s) => s.name).slice(0, 3), ["lexicon", "people", "organizations"]);
  });
  it("gives an empty result for empty text", () => {
    for (const t of ["", "   \n  "]) {
      const r = extract(t, createContext());
      assert.deepEqual([r.entities, r.roles, r.quantities, r.relations], [[], [], [], []]);
    }
  });
  it("gives another language's code and no findings", () => {
    const r = run(
      "Le fabricant de puces Nvidia fournira les processeurs graphiques du nouveau centre de données de Microsoft à Paris.",
    );
    assert.equal(r.language, "fr");
    assert.deepEqual(r.entities, []);
  });
  it("lets --lang override detection", () => {
    assert.equal(run("OpenAI and Oracle build Stargate.", "de").language, "de");
  });
  it("never throws on odd text", () => {
    for (const t of [
      "\u0000\u0001",
      "....",
      "-".repeat(1000),
      "A".repeat(5000),
      "🤖 GPU 🤖",
      "'s 's 's",
      "Mrd. Mio. z. B.",
    ])
      assert.doesNotThrow(() => extract(t, createContext({ language: "de" })));
  });
});
