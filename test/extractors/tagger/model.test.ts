import { strict as assert } from "node:assert";
import { loadNerModel, taggerSpans } from "../../../cli/models.ts";
import { tagText, tagTokens } from "../../../extractors/tagger/index.ts";
import { decodeModel, encodeModel } from "../../../extractors/tagger/format.ts";
import { SortedGazetteer } from "../../../extractors/tagger/gazetteer.ts";
import { NUM_TAGS } from "../../../extractors/tagger/tags.ts";

describe("tagger models (committed)", () => {
  it("tags a German sentence: persons, organizations, places", () => {
    const model = loadNerModel("de");
    const tokens =
      "Der Vorstandschef der Deutschen Bank , Christian Sewing , sprach am Montag in Frankfurt .".split(" ");
    const { tags } = tagTokens(model, tokens);
    assert.equal(tags.length, tokens.length);
    assert.deepEqual(tags.slice(6, 8), ["B-PER", "I-PER"]);
    assert.equal(tags[13], "B-LOC");
    assert.equal(tags[0], "O", "a capitalized sentence-initial article is no name");
    assert.ok(tags[4].endsWith("-ORG"), "Bank is part of the organization");
  });

  it("tags an English sentence", () => {
    const model = loadNerModel("en");
    const tokens =
      "Microsoft chief executive Satya Nadella said the company will build a data center in Wisconsin .".split(
        " ",
      );
    const { tags } = tagTokens(model, tokens);
    assert.equal(tags[0], "B-ORG");
    assert.deepEqual(tags.slice(3, 5), ["B-PER", "I-PER"]);
    assert.equal(tags[14], "B-LOC");
    assert.equal(tags[8], "O");
  });

  it("loads each model once per process", () => {
    assert.equal(loadNerModel("de"), loadNerModel("de"));
  });

  it("finds names in an article with exact character offsets and probabilities", async () => {
    const text =
      "Nvidia-Chef Jensen Huang kündigte in Berlin ein KI-Rechenzentrum an.\n\nDie Telekom betreibt es.";
    const spans = tagText(loadNerModel("de"), text);
    for (const s of spans) {
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(s.score >= 0 && s.score <= 1);
    }
    assert.ok(spans.some((s) => s.label === "PER" && s.text === "Jensen Huang"));
    assert.ok(spans.some((s) => s.label === "LOC" && s.text === "Berlin"));
    assert.deepEqual(await taggerSpans("", "de"), []);
    assert.deepEqual(await taggerSpans("Bonjour tout le monde", "fr"), []);
  });

  it("rejects bytes that are not a model", () => {
    assert.throws(() => decodeModel(new TextEncoder().encode("not a model at all")), /not a kg NER model/);
  });

  it("round-trips a model through the file format (int16 weights)", () => {
    const weights = new Float32Array((1 << 4) * NUM_TAGS);
    weights[3 * NUM_TAGS + 1] = 2.5;
    weights[7 * NUM_TAGS + 0] = -1.25;
    const transitions = new Float32Array((NUM_TAGS + 1) * NUM_TAGS).fill(0.5);
    const gazetteer = SortedGazetteer.fromMap(
      new Map([
        [42, 3],
        [7, 1],
      ]),
    );
    const m = decodeModel(
      encodeModel({ lang: "de", bits: 4, weights, transitions, gazetteer, meta: { x: 1 } }),
    );
    assert.ok(Math.abs(m.weights[3 * NUM_TAGS + 1] - 2.5) < 1e-3);
    assert.ok(Math.abs(m.weights[7 * NUM_TAGS + 0] + 1.25) < 1e-3);
    assert.equal(m.weights[5 * NUM_TAGS], 0);
    assert.deepEqual(Array.from(m.transitions), Array.from(transitions));
    assert.equal(m.gazetteer.lookup(42), 3);
    assert.equal(m.gazetteer.lookup(8), 0);
    assert.deepEqual(m.meta, { x: 1 });
  });
});
