import assert from "node:assert/strict";
import { answerFor, formatQuantity, list, unknownEntityAnswer } from "../../../api/ask/answer.ts";

describe("api/ask/answer", () => {
  it("lists in the question's language and cuts long lists", () => {
    assert.equal(list(["A", "B", "C"], "en"), "A, B and C");
    assert.equal(list(["A", "B"], "de"), "A und B");
    assert.equal(list(["A", "A"], "de"), "A");
    assert.match(
      list(
        Array.from({ length: 12 }, (_, i) => `P${i}`),
        "en",
      ),
      /and 4 more$/,
    );
  });

  it("formats money, GPUs and power per language", () => {
    assert.equal(formatQuantity({ value: 500e9, unit: "USD", qualifier: null }, "en"), "500 billion USD");
    assert.equal(
      formatQuantity({ value: 500e9, unit: "USD", qualifier: "up_to" }, "de"),
      "bis zu 500 Milliarden USD",
    );
    assert.equal(
      formatQuantity({ value: 1e6, unit: "GPU", qualifier: "more_than" }, "en"),
      "more than 1,000,000 GPUs",
    );
    assert.equal(formatQuantity({ value: 1e6, unit: "GPU", qualifier: null }, "de"), "1.000.000 GPUs");
    assert.equal(formatQuantity({ value: 1.2e9, unit: "W", qualifier: null }, "en"), "1.2 GW");
    assert.equal(formatQuantity({ value: 900e6, unit: "W", qualifier: "about" }, "de"), "etwa 900 MW");
  });

  it("who leads which project: direct and via an organization", () => {
    const rows = [
      { project: "Colossus", person: "Elon Musk", via: "xAI" },
      { project: "Nimbus", person: "Jane Roe", via: null },
      { project: "Nimbus", person: "Ann Poe", via: "Veltron" },
    ];
    assert.equal(
      answerFor({ kind: "leadersOfProjects" }, "", rows, "en"),
      "Projects and who leads them: Colossus: Elon Musk (via xAI); Nimbus: Jane Roe and Ann Poe (via Veltron).",
    );
    assert.equal(
      answerFor({ kind: "leadersOfProjects" }, "", rows, "de"),
      "Projekte und ihre Leitung: Colossus: Elon Musk (über xAI); Nimbus: Jane Roe und Ann Poe (über Veltron).",
    );
  });

  it("says so when nothing is known, in both languages", () => {
    assert.match(answerFor({ kind: "foundersOf", name: "X" }, "X", [], "en"), /don't know who founded X/);
    assert.match(answerFor({ kind: "foundersOf", name: "X" }, "X", [], "de"), /Wer X gegründet hat/);
    assert.match(unknownEntityAnswer("Foo", "de"), /„Foo“ kenne ich nicht/);
  });

  it("shows disagreeing figures side by side", () => {
    const rows = [
      { value: 500e9, unit: "USD", qualifier: null, articleCount: 2 },
      { value: 100e9, unit: "USD", qualifier: null, articleCount: 1 },
    ];
    assert.equal(
      answerFor({ kind: "quantityOf", name: "Stargate", measure: "money" }, "Stargate", rows, "en"),
      "Different figures are reported for Stargate: 500 billion USD (2 articles) and 100 billion USD.",
    );
  });

  it("people at an organization, grouped by person", () => {
    const rows = [
      { person: "Sam Altman", role: "CEO", at: "OpenAI" },
      { person: "Sam Altman", role: "LEADS", at: "OpenAI" },
      { person: "Sarah Friar", role: "CFO", at: "OpenAI" },
    ];
    assert.equal(
      answerFor({ kind: "peopleAt", name: "OpenAI" }, "OpenAI", rows, "de"),
      "Bei OpenAI: Sam Altman (CEO, leitet) und Sarah Friar (CFO).",
    );
  });
});

describe("api/ask/run evidence selection", () => {
  it("takes facts in turns across rows, within the bound, without duplicates", async () => {
    const { pickEvidenceFacts } = await import("../../../api/ask/run.ts");
    assert.deepEqual(pickEvidenceFacts([["a1", "a2"], ["b1"], ["c1", "c2", "c3"]], 10), [
      "a1",
      "b1",
      "c1",
      "a2",
      "c2",
      "c3",
    ]);
    assert.deepEqual(pickEvidenceFacts([["a1", "a2"], ["b1"], ["c1", "c2"]], 2), ["a1", "b1"]);
    assert.deepEqual(pickEvidenceFacts([["x"], ["x"], []], 5), ["x"]);
    assert.deepEqual(pickEvidenceFacts([], 5), []);
  });
});
