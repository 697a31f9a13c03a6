import assert from "node:assert/strict";
import { names, run } from "./helpers.ts";

describe("extractors/coordination", () => {
  const cases: [string, string, "de" | "en", string, boolean][] = [
    [
      "'X und Y' after a known company (de)",
      "Die Gruppe, zu der Lidl und Kaufland gehören, wächst.",
      "de",
      "Kaufland",
      true,
    ],
    [
      "'Y and X' before a known company (en)",
      "The deal was signed by Zephyrion and Microsoft on Monday.",
      "en",
      "Zephyrion",
      true,
    ],
    [
      "a common noun is no company (de)",
      "Der Vertrag zwischen Nvidia und Partnern steht.",
      "de",
      "Partnern",
      false,
    ],
    ["a place is no company", "Nvidia and Texas officials met on Monday.", "en", "Texas", false],
    [
      "a person's surname is no company",
      "Sam Altman spoke first. Later, Huang appeared alongside Altman and OpenAI executives.",
      "en",
      "Altman",
      false,
    ],
  ];
  for (const [title, text, lang, name, expected] of cases)
    it(title, () => assert.equal(names(run(text, lang), "Organization").includes(name), expected));
});
