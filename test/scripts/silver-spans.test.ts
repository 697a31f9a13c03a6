import { strict as assert } from "node:assert";
import { splitSilverSpans } from "../../scripts/silver-spans.ts";

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
});
