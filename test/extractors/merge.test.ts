import assert from "node:assert/strict";
import { groupEntities, nerCandidates, resolveOverlaps, saneNerSpan } from "../../extractors/merge.ts";
import type { Candidate } from "../../extractors/doc.ts";
import type { NerSpan } from "../../extractors/types.ts";
import { run, names } from "./helpers.ts";

const c = (
  start: number,
  end: number,
  text: string,
  source: Candidate["source"],
  type: Candidate["type"] = "Organization",
  confidence = 0.8,
): Candidate => ({
  start,
  end,
  text,
  name: text,
  type,
  source,
  confidence,
});
const check = {
  nonNames: new Set(["ki", "chef", "gpu"]),
  stopwords: new Set(["Der", "The"]),
  descriptors: new Set(["joint venture", "consortium", "konzern"]),
};
const span = (text: string, label: NerSpan["label"], start = 0): NerSpan => ({
  start,
  end: start + text.length,
  text,
  label,
  score: 0.9,
  source: "tagger",
});

describe("extractors/merge", () => {
  it("keeps a lexicon hit over an overlapping pattern, and does not mutate its input", () => {
    const input = Object.freeze([
      c(0, 6, "OpenAI", "pattern"),
      c(0, 10, "OpenAI-Chef", "tagger"),
      c(0, 6, "OpenAI", "lexicon"),
    ]);
    const copy = JSON.stringify(input);
    const out = resolveOverlaps(input);
    assert.deepEqual(
      out.map((x) => x.source),
      ["lexicon"],
    );
    assert.equal(JSON.stringify(input), copy);
  });
  it("prefers the longer span among rule candidates", () => {
    const out = resolveOverlaps([
      c(0, 4, "Chan", "people", "Person"),
      c(0, 26, "Chan Zuckerberg Initiative", "pattern"),
    ]);
    assert.deepEqual(
      out.map((x) => x.text),
      ["Chan Zuckerberg Initiative"],
    );
  });
  it("raises confidence where a tagger agrees with a rule", () => {
    const out = resolveOverlaps([
      c(0, 6, "Acme", "pattern", "Organization", 0.7),
      c(0, 6, "Acme", "tagger", "Organization", 0.5),
    ]);
    assert.equal(out.length, 1);
    assert.ok(out[0].confidence > 0.7);
  });
  const sanity: [string, NerSpan, boolean][] = [
    ["a real name", span("Mesa Compute", "ORG"), true],
    ["a role word", span("Chef", "PER"), false],
    ["a lowercase word", span("rechenzentrum", "ORG"), false],
    ["a number", span("2025", "ORG"), false],
    ["a single-word person", span("Jeans", "PER"), false],
    ["a hyphenated adjective", span("GPU-heavy", "ORG"), false],
    ["a sentence-initial article", span("The Company", "ORG"), false],
    ["a kind of organization, German", span("Joint Venture", "ORG"), false],
    ["a kind of organization, English", span("Consortium", "ORG"), false],
    ["a name that starts with a kind of organization", span("Joint Venture Partners Trust", "ORG"), true],
  ];
  for (const [title, s, ok] of sanity)
    it(`tagger span sanity: ${title}`, () => assert.equal(saneNerSpan(s, check), ok));

  it("turns a sane tagger span no rule found into an entity of the pipeline", () => {
    const text = "Yesterday Ortwin Quellmalz spoke about data centers.";
    const start = text.indexOf("Ortwin Quellmalz");
    assert.deepEqual(names(run(text, "en"), "Person"), []);
    const r = run(text, "en", [span("Ortwin Quellmalz", "PER", start)]);
    assert.deepEqual(names(r, "Person"), ["Ortwin Quellmalz"]);
    assert.deepEqual(r.entities[0].sources, ["tagger"]);
  });
  it("ignores tagger spans whose text does not match the source", () => {
    assert.deepEqual(nerCandidates([span("Acme Labs", "ORG", 2)], check, "xx Acme Labs"), []);
  });
  it("groups candidates by type and name with aliases and sorted mentions", () => {
    const [e] = groupEntities([
      { ...c(20, 28, "Nvidias", "lexicon"), name: "Nvidia" },
      { ...c(0, 6, "NVIDIA", "lexicon"), name: "Nvidia" },
    ]);
    assert.equal(e.id, "organization:nvidia");
    assert.deepEqual(
      e.mentions.map((m) => m.start),
      [0, 20],
    );
    assert.deepEqual(e.aliases, ["NVIDIA"]);
  });
});

describe("extractors/merge: evidence from the tagger adds up", () => {
  const at = (text: string, sub: string, label: NerSpan["label"], score: number, from = 0): NerSpan => {
    const start = text.indexOf(sub, from);
    return { start, end: start + sub.length, text: sub, label, score, source: "tagger" };
  };
  it("keeps an unsure English span of capitalized words inside a sentence", () => {
    const text = "The utility signed an agreement with Verdant Compute to supply power.";
    assert.deepEqual(names(run(text, "en", [at(text, "Verdant Compute", "ORG", 0.6)]), "Organization"), [
      "Verdant Compute",
    ]);
  });
  it("drops a kind of organization the tagger takes for a name, German and English", () => {
    const de = "Für Halvard ist das Joint Venture ein Erfolg, sagte Halvard am Montag.";
    assert.deepEqual(names(run(de, "de", [at(de, "Joint Venture", "ORG", 0.9)]), "Organization"), []);
    const en = "The Consortium will build the campus, the partners said.";
    assert.deepEqual(names(run(en, "en", [at(en, "Consortium", "ORG", 0.9)]), "Organization"), []);
  });
  it("drops the same unsure span in a headline", () => {
    const text = "Utilities Eye Verdant Dominance\nThe utility signed an agreement.";
    assert.deepEqual(names(run(text, "en", [at(text, "Verdant Dominance", "ORG", 0.6)]), "Organization"), []);
  });
  it("drops a span cut off before another capitalized word, keeps one before a title", () => {
    const text =
      "He stepped off Sky Force One with the team. Talks with Norvane Systems CEO Ida Berg went well.";
    assert.ok(
      !names(run(text, "en", [at(text, "Sky Force", "ORG", 0.95)]), "Organization").includes("Sky Force"),
    );
    assert.deepEqual(
      names(
        run(text, "en", [at(text, "Norvane Systems", "ORG", 0.95), at(text, "Norvane Systems", "ORG", 0.95)]),
        "Organization",
      ),
      ["Norvane Systems"],
    );
  });
  it("wants a known first name for a German person only the tagger saw", () => {
    const text = "Vantor Rechenwerke liefert Strom. Vantor Rechenwerke baut.";
    const spans = [
      at(text, "Helio Rechenwerke", "PER", 0.95),
      at(text, "Helio Rechenwerke", "PER", 0.95, 10),
    ];
    assert.deepEqual(names(run(text, "de", spans), "Person"), []);
  });
});

describe("extractors/merge: agreement does not outrank the lexicon", () => {
  it("a legal-form span the tagger agrees with still yields to the lexicon name inside it", () => {
    const text = "Apple Inc, Nvidia Corp und andere Kunden erklärten das am Montag.";
    const s = {
      start: 0,
      end: 9,
      text: "Apple Inc",
      label: "ORG" as const,
      score: 0.95,
      source: "tagger" as const,
    };
    assert.deepEqual(names(run(text, "de", [s]), "Organization"), ["Apple", "Nvidia"]);
  });
  it("an unsure tagger span in a headline is dropped", () => {
    const text = "Building Giants for Quantum Dominance\nThe company said so.";
    const s = {
      start: 20,
      end: 37,
      text: "Quantum Dominance",
      label: "ORG" as const,
      score: 0.72,
      source: "tagger" as const,
    };
    assert.deepEqual(names(run(text, "en", [s]), "Organization"), []);
  });
});
