import { strict as assert } from "node:assert";
import { relabelAdjectives, splitSilverSpans } from "../../scripts/silver-spans.ts";

describe("silver spans (WikiANN) cut at punctuation", () => {
  it("makes 'City , State' two places", () => {
    const { s, free } = splitSilverSpans({
      tokens: ["Atlantic", "City", ",", "New", "Jersey"],
      tags: ["B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC"],
    });
    assert.deepEqual(s.tags, ["B-LOC", "I-LOC", "O", "B-LOC", "I-LOC"]);
    assert.deepEqual([...free], [0, 0, 0, 0, 0]);
  });

  it("keeps an organization's first part and leaves the bracketed rest unknown", () => {
    const { s, free } = splitSilverSpans({
      tokens: ["St.", "Mary", "Kirche", "(", "Sandusky", ")", "ist", "alt"],
      tags: ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
    });
    assert.deepEqual(s.tags, ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]);
    assert.deepEqual([...free], [0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it("leaves names without punctuation, German or English, as they are", () => {
    const x = {
      tokens: ["Deutsche", "Bank", "and", "Angela", "Merkel"],
      tags: ["B-ORG", "I-ORG", "O", "B-PER", "I-PER"],
    };
    assert.deepEqual(splitSilverSpans(x).s.tags, x.tags);
    assert.deepEqual(
      splitSilverSpans({ tokens: ["A", ",", "B"], tags: ["B-LOC", "I-LOC", "I-LOC"] }, false).s.tags,
      ["B-LOC", "I-LOC", "I-LOC"],
    );
  });

  it("relabels a lone nationality adjective: MISC in English, O in German", () => {
    const isAdj = (w: string) => ["British", "deutschen"].includes(w);
    const en = relabelAdjectives(
      {
        tokens: ["a", "British", "band", "from", "British", "Columbia"],
        tags: ["O", "B-LOC", "O", "O", "B-LOC", "I-LOC"],
      },
      isAdj,
      "MISC",
    );
    assert.deepEqual(en.tags, ["O", "B-MISC", "O", "O", "B-LOC", "I-LOC"], "a longer name keeps its label");
    const de = relabelAdjectives(
      { tokens: ["der", "deutschen", "Bahn"], tags: ["O", "B-LOC", "O"] },
      isAdj,
      "O",
    );
    assert.deepEqual(de.tags, ["O", "O", "O"]);
    const none = { tokens: ["Paris"], tags: ["B-LOC"] };
    assert.equal(relabelAdjectives(none, isAdj, "O"), none, "unchanged sentences are not copied");
  });
});
