import assert from "node:assert/strict";
import { inRelativeClause } from "../../extractors/spans.ts";

/** The span of `name` in `text`, and the offset of `limit` (where the clause must have closed). */
function check(text: string, name: string, limit: string): boolean {
  const start = text.indexOf(name);
  return inRelativeClause(text, 0, { start, end: start + name.length }, text.indexOf(limit));
}

describe("extractors/spans inRelativeClause", () => {
  const cases: [string, string, string, string, boolean][] = [
    [
      "German relative clause with a preposition",
      "Die Schwarz-Gruppe, zu der Lidl und Kaufland gehören, will elf Milliarden Euro investieren.",
      "Lidl",
      "elf",
      true,
    ],
    [
      "German apposition is no relative clause",
      "Der Partner, der US-Konzern Nvidia, liefert 10.000 GPUs.",
      "Nvidia",
      "10.000",
      false,
    ],
    [
      "English relative clause",
      "The fund, which also backs Mistral AI, will invest $2 billion.",
      "Mistral AI",
      "$2",
      true,
    ],
    ["a clause still open at the amount", "Meta, which plans 5 GW, grows.", "Meta", "5 GW", false],
    ["no comma at all", "Oracle will spend $40 billion.", "Oracle", "$40", false],
  ];
  for (const [title, text, name, limit, expected] of cases)
    it(title, () => assert.equal(check(text, name, limit), expected));
});
