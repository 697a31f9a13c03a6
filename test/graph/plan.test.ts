import assert from "node:assert/strict";
import { normalizeDate, planArticle, resolvePlan } from "../../graph/plan.ts";
import { entity, quantity, relation, result, role } from "./helpers.ts";

describe("graph/plan", () => {
  const de =
    "OpenAI-Chef Sam Altman stellte das Projekt Stargate in Texas vor. OpenAIs Partner Oracle baut die Rechenzentren. " +
    "Die Kosten liegen bei 500 Milliarden Dollar.";

  it("merges the German genitive into the base form found in the same article", () => {
    const plan = planArticle(
      { id: "a1", text: de, lang: "de" },
      result("de", {
        entities: [
          entity(de, "Organization", "OpenAI", [], ["OpenAI"]),
          entity(de, "Organization", "OpenAIs", [], ["OpenAIs"]),
          entity(de, "Organization", "Oracle"),
        ],
      }),
    );
    const names = plan.entities.map((e) => e.name).sort();
    assert.deepEqual(names, ["OpenAI", "Oracle"]);
    const openai = plan.entities.find((e) => e.name === "OpenAI")!;
    assert.ok(openai.aliases.includes("OpenAIs"));
    assert.ok(openai.mentionCount >= 2);
  });

  it("keeps 'Siemens'-like names ending in s apart in English", () => {
    const en = "Siemens and Siemen work together.";
    const plan = planArticle(
      { id: "a2", text: en, lang: "en" },
      result("en", {
        entities: [entity(en, "Organization", "Siemens"), entity(en, "Organization", "Siemen")],
      }),
    );
    assert.equal(plan.entities.length, 2);
  });

  it("traces every fact to the sentence that states it, with offsets into the article", () => {
    const res = result("de", {
      entities: [
        entity(de, "Person", "Sam Altman"),
        entity(de, "Organization", "OpenAI"),
        entity(de, "Project", "Stargate"),
      ],
      roles: [role(de, "Sam Altman", "CEO", "OpenAI", "OpenAI-Chef")],
      quantities: [quantity(de, 500e9, "USD", "500 Milliarden Dollar", "Stargate")],
    });
    const plan = planArticle({ id: "a3", text: de, lang: "de", date: "2025-01-22" }, res);
    assert.equal(plan.facts.length, 2);
    for (const f of plan.facts) {
      assert.equal(de.slice(f.source.start, f.source.end), f.source.text);
      assert.equal(de.slice(f.source.sentenceStart, f.source.sentenceEnd), f.source.sentence);
      assert.ok(f.source.sentenceStart <= f.source.start && f.source.end <= f.source.sentenceEnd);
    }
    assert.equal(plan.facts[1]!.source.sentence, "Die Kosten liegen bei 500 Milliarden Dollar.");
    assert.equal(plan.facts[0]!.source.extractor, "roles");
    assert.equal(plan.article.date, "2025-01-22");
    assert.equal(plan.article.contentHash.length, 64);
  });

  it("gives a finding's unknown entity a node of the usual type instead of losing the fact", () => {
    const en = "Jane Roe leads Nimbus Labs.";
    const plan = planArticle(
      { id: "a4", text: en, lang: "en" },
      result("en", {
        entities: [entity(en, "Person", "Jane Roe")],
        relations: [relation(en, "LEADS", "person:Jane Roe", "Nimbus Labs", "leads")],
      }),
    );
    assert.deepEqual(
      plan.entities.map((e) => [e.type, e.name]),
      [
        ["Person", "Jane Roe"],
        ["Organization", "Nimbus Labs"],
      ],
    );
    assert.equal(plan.facts[0]!.subjectRef, "Person|jane roe");
  });

  it("drops findings whose offsets lie outside the text and says so", () => {
    const en = "Short text.";
    const plan = planArticle(
      { id: "a5", text: en, lang: "en" },
      result("en", {
        quantities: [
          { value: 1, unit: "GPU", text: "x", subject: null, qualifier: null, start: 5, end: 500 },
        ],
      }),
    );
    assert.equal(plan.facts.length, 0);
    assert.match(plan.dropped[0]!, /quantity/);
  });

  it("files PARTNERS_WITH under one fact whichever way round it was stated", () => {
    const en = "Acme partners with Globex. Globex partners with Acme.";
    const res = result("en", {
      entities: [entity(en, "Organization", "Acme"), entity(en, "Organization", "Globex")],
      relations: [
        relation(en, "PARTNERS_WITH", "Acme", "Globex", "Acme partners"),
        relation(en, "PARTNERS_WITH", "Globex", "Acme", "Globex partners"),
      ],
    });
    const resolved = resolvePlan(planArticle({ id: "a6", text: en, lang: "en" }, res), new Map());
    assert.equal(resolved.facts.length, 1);
    assert.equal(resolved.sources.length, 2);
  });

  it("uses the graph's id for an entity it already knows under another name", () => {
    const en = "The Commission funds the plan.";
    const plan = planArticle(
      { id: "a7", text: en, lang: "en" },
      result("en", { entities: [entity(en, "Organization", "Europäische Kommission", [], ["Commission"])] }),
    );
    const ref = plan.entities[0]!.ref;
    const resolved = resolvePlan(plan, new Map([[ref, "organization:european-commission"]]));
    assert.equal(resolved.entities[0]!.id, "organization:european-commission");
    assert.deepEqual(resolved.keys, [
      { id: "organization:europäische-kommission", entityId: "organization:european-commission" },
      { id: "organization:commission", entityId: "organization:european-commission" },
    ]);
  });

  it("keeps a quantity without an owner tied to its article", () => {
    const en = "Up to 100,000 GPUs are planned.";
    const res = result("en", { quantities: [quantity(en, 100000, "GPU", "100,000 GPUs", null)] });
    const a = resolvePlan(planArticle({ id: "x1", text: en, lang: "en" }, res), new Map());
    const b = resolvePlan(planArticle({ id: "x2", text: en, lang: "en" }, res), new Map());
    assert.notEqual(a.facts[0]!.id, b.facts[0]!.id);
    assert.equal(a.facts[0]!.subjectId, null);
  });

  it("normalizes dates and refuses non-dates", () => {
    assert.equal(normalizeDate("2025-09-24T08:00:00Z"), "2025-09-24");
    assert.equal(normalizeDate("2025-02-30"), null);
    assert.equal(normalizeDate("24.09.2025"), null);
    assert.equal(normalizeDate(undefined), null);
  });
});
