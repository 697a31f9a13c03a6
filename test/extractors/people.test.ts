import assert from "node:assert/strict";
import { run, names } from "./helpers.ts";

describe("extractors/people", () => {
  const cases: [string, string, string[]][] = [
    [
      "full names with a known first name",
      "Sam Altman und Lisa Su trafen sich in Berlin.",
      ["Sam Altman", "Lisa Su"],
    ],
    ["a German genitive, uninflected", "Elon Musks Firma wächst. Musk ist zufrieden.", ["Elon Musk"]],
    ["an English possessive, uninflected", "Elon Musk's company grows. Musk is pleased.", ["Elon Musk"]],
    [
      "a surname that is also a word ('Weil')",
      "Das sagte CPO Kevin Weil. Weil vergleicht das mit Bandbreite.",
      ["Kevin Weil"],
    ],
    [
      "a name after a title without a known first name",
      "Softbank-Chef Son sagte, das Projekt sei wichtig.",
      ["Son"],
    ],
    [
      "a name with particles",
      "Kommissionspräsidentin Ursula von der Leyen sprach in Brüssel.",
      ["Ursula von der Leyen"],
    ],
    ["a hyphenated first name", "Intel-Chef Lip-Bu Tan sprach am Montag.", ["Lip-Bu Tan"]],
    ["an honorific", "Mr. Huang did not comment on the deal.", ["Huang"]],
    ["no person in a sentence of nouns", "Die Nachfrage nach Rechenleistung übersteigt die Kapazität.", []],
  ];
  for (const [title, text, expected] of cases)
    it(title, () => assert.deepEqual(names(run(text), "Person"), expected));

  it("resolves short mentions to the full name as aliases with their mentions", () => {
    const r = run("Sam Altman sprach. Später sagte Altman, OpenAI brauche mehr GPUs. Altmans Plan ist groß.");
    const p = r.entities.find((e) => e.name === "Sam Altman")!;
    assert.deepEqual(p.aliases, ["Altman"]);
    assert.equal(p.mentions.length, 3);
  });
});

describe("extractors/people: international names", () => {
  const cases: [string, string[]][] = [
    ["Gestern sagte Fei-Fei Li in Berlin etwas.", ["Fei-Fei Li"]],
    ["Gestern sagte Jean-Noël Barrot in Paris etwas.", ["Jean-Noël Barrot"]],
    ["Kronprinz Mohammed bin Salman besuchte das Rechenzentrum.", ["Mohammed bin Salman"]],
    ["Larry Ellison von Oracle sprach.", ["Larry Ellison"]],
  ];
  for (const [text, expected] of cases)
    it(text, () => assert.deepEqual(names(run(text), "Person"), expected));
});
