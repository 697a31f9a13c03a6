import assert from "node:assert/strict";
import { segment, tokenize } from "../../extractors/sentences.ts";
import { defaultLexicons } from "../../extractors/lexicon/index.ts";

const lex = defaultLexicons();
const sentencesOf = (text: string, lang: "de" | "en") =>
  segment(text, lex[lang].abbreviations).sentences.map((s) => s.text);

describe("extractors/sentences", () => {
  const cases: [string, "de" | "en", string, string[]][] = [
    [
      "'Mrd.' and 'Mio.' inside a sentence",
      "de",
      "OpenAI investiert 1,2 Mrd. Euro. Oracle zahlt 300 Mio. Dollar.",
      ["OpenAI investiert 1,2 Mrd. Euro.", "Oracle zahlt 300 Mio. Dollar."],
    ],
    [
      "'z. B.', 'bzw.', 'ca.', 'u. a.'",
      "de",
      "Chips, z. B. GPUs bzw. TPUs, kosten ca. 30.000 Dollar. Das sagte u. a. Nvidia.",
      ["Chips, z. B. GPUs bzw. TPUs, kosten ca. 30.000 Dollar.", "Das sagte u. a. Nvidia."],
    ],
    [
      "'Dr.' and 'Nr.' before names and numbers",
      "de",
      "Dr. Kristina Vogt leitet Halle Nr. 4. Sie ist zufrieden.",
      ["Dr. Kristina Vogt leitet Halle Nr. 4.", "Sie ist zufrieden."],
    ],
    [
      "a German ordinal date",
      "de",
      "Am 1. Januar startet der Betrieb. Danach folgt mehr.",
      ["Am 1. Januar startet der Betrieb.", "Danach folgt mehr."],
    ],
    [
      "'Mr.', 'Inc.', 'U.S.'",
      "en",
      "Mr. Huang met Mesa Compute Inc. executives in the U.S. on Monday. They agreed.",
      ["Mr. Huang met Mesa Compute Inc. executives in the U.S. on Monday.", "They agreed."],
    ],
    [
      "'e.g.' and a closing quote",
      "en",
      'He said "it is big." Chips, e.g. GPUs, are scarce.',
      ['He said "it is big."', "Chips, e.g. GPUs, are scarce."],
    ],
    [
      "a headline without a period",
      "en",
      "Big AI campus planned\nThe company said so.",
      ["Big AI campus planned", "The company said so."],
    ],
    [
      "question and exclamation marks",
      "de",
      "Wer zahlt? OpenAI! Und dann?",
      ["Wer zahlt?", "OpenAI!", "Und dann?"],
    ],
  ];
  for (const [title, lang, text, expected] of cases)
    it(`splits: ${title}`, () => assert.deepEqual(sentencesOf(text, lang), expected));

  it("gives half-open offsets for tokens and sentences", () => {
    const text = "„Jedes Mal“, sagte CPO Kevin Weil. Nvidia's chief executive spoke; 1,5 Mrd. Euro.";
    const { tokens, sentences } = segment(text, lex.de.abbreviations);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(tokens.some((t) => t.text === "'s" && t.kind === "possessive"));
    assert.ok(tokens.some((t) => t.text === "1,5" && t.kind === "number"));
  });

  it("keeps thousands separators and decimal commas in one number token", () => {
    assert.deepEqual(
      tokenize("100.000 GPUs, 1,5 Milliarden, 100,000 chips")
        .filter((t) => t.kind === "number")
        .map((t) => t.text),
      ["100.000", "1,5", "100,000"],
    );
  });

  it("handles empty and whitespace-only text", () => {
    assert.deepEqual(segment("", lex.de.abbreviations), { tokens: [], sentences: [] });
    assert.deepEqual(segment("  \n ", lex.en.abbreviations).sentences, []);
  });
});
