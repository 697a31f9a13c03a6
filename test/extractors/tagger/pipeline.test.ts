import { strict as assert } from "node:assert";
import { createContext, extract } from "../../../extractors/pipeline.ts";
import { tagText } from "../../../extractors/tagger/index.ts";
import { loadNerModel } from "../../../cli/models.ts";

// Made-up names that no lexicon lists.
const EN = "The data center will be run by Quarrymoor, said Priya Ramaswamy, who chairs Halden Robotics.";

describe("tagger spans in the extraction pipeline", () => {
  it("a person only the tagger finds becomes an entity; with rules only it is missing", () => {
    const spans = tagText(loadNerModel("en"), EN);
    const rules = extract(EN, createContext({ language: "en" }));
    const withTagger = extract(EN, createContext({ language: "en", nerSpans: spans }));
    const persons = (r: typeof rules) => r.entities.filter((e) => e.type === "Person").map((e) => e.name);
    assert.ok(!persons(rules).includes("Priya Ramaswamy"));
    assert.ok(persons(withTagger).includes("Priya Ramaswamy"));
    const e = withTagger.entities.find((x) => x.name === "Priya Ramaswamy")!;
    assert.ok(e.sources?.includes("tagger"));
    for (const m of e.mentions) assert.equal(EN.slice(m.start, m.end), m.text);
  });

  it("keeps the rules' findings when the tagger adds nothing", () => {
    const text = "Nach Angaben von Greta Lindqvist investiert das Unternehmen 2 Milliarden Euro.";
    const spans = tagText(loadNerModel("de"), text);
    const withTagger = extract(text, createContext({ language: "de", nerSpans: spans }));
    assert.ok(withTagger.entities.some((e) => e.type === "Person" && e.name === "Greta Lindqvist"));
  });
});
