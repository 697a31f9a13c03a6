import assert from "node:assert/strict";
import { editDistance, plausibleMatch } from "../../api/resolve.ts";

describe("api/resolve", () => {
  it("edit distance", () => {
    assert.equal(editDistance("stargate", "stargte"), 1);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("meta", "beta"), 1);
  });

  // [asked, names of the hit, plausible]
  const CASES: [string, string[], boolean][] = [
    ["Altman", ["Sam Altman"], true],
    ["Stargte", ["Stargate"], true],
    ["Projeckt Qx", ["Projekt Qx"], true],
    ["OpenAI Inc.", ["OpenAI"], true],
    ["Meta", ["Beta Corp"], false],
    ["Meta", ["Beta"], false],
    ["Google", ["Grok"], false],
    ["Alt", ["Sam Altman"], false],
    ["Stargate", ["Colossus", "Stargate Project"], true],
  ];
  for (const [asked, names, ok] of CASES) {
    it(`${asked} ${ok ? "may be" : "is not"} ${names.join(" / ")}`, () => {
      assert.equal(plausibleMatch(asked, names), ok);
    });
  }
});
