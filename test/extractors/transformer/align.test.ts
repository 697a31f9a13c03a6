import assert from "node:assert/strict";
import { alignPieces, WORDPIECE, type PieceScheme } from "../../../extractors/transformer/align.ts";

/** The text each aligned piece covers, with a "+" for pieces that continue a word. */
function show(text: string, pieces: string[], scheme?: PieceScheme): string[] {
  return alignPieces(text, pieces, scheme).map((p) => (p.wordStart ? "" : "+") + text.slice(p.start, p.end));
}

describe("extractors/transformer/align", () => {
  const rows: Array<[string, string, string[], string[]]> = [
    [
      "German genitive in pieces",
      "Sam Altmans Firma",
      ["Sam", "Alt", "##mans", "Firma"],
      ["Sam", "Alt", "+mans", "Firma"],
    ],
    [
      "punctuation pieces start words",
      "OpenAI, Inc. baut",
      ["Open", "##AI", ",", "Inc", ".", "baut"],
      ["Open", "+AI", ",", "Inc", ".", "baut"],
    ],
    [
      "uncased model folds case and accents",
      "München, GROSS",
      ["munchen", ",", "gross"],
      ["München", ",", "GROSS"],
    ],
    [
      "an unknown word takes the whole word",
      "Stargate-Projekt in Texas",
      ["[UNK]", "-", "[UNK]", "in", "Texas"],
      ["Stargate", "-", "Projekt", "in", "Texas"],
    ],
    [
      "an unknown punctuation mark takes one character",
      "Hallo ¡Welt",
      ["Hallo", "[UNK]", "Welt"],
      ["Hallo", "¡", "Welt"],
    ],
    [
      "tabs, line breaks and soft hyphens are skipped",
      "Lisa\t\nSu\u00ad ist",
      ["Lisa", "Su", "ist"],
      ["Lisa", "Su", "ist"],
    ],
    [
      "an unknown word keeps a zero-width space inside",
      "Sam\u200bAltman und",
      ["[UNK]", "und"],
      ["Sam\u200bAltman", "und"],
    ],
    [
      "a soft hyphen inside a word neither splits nor breaks it",
      "Rechen\u00adzentrum und Re\u00adchen",
      ["Rechen", "##zentrum", "und", "Rechen"],
      ["Rechen", "+zentrum", "und", "Re\u00adchen"],
    ],
    ["characters outside the BMP keep UTF-16 offsets", "😀 Nvidia", ["[UNK]", "Nvidia"], ["😀", "Nvidia"]],
    [
      "decomposed umlauts (NFD) align to the whole letter",
      "Mu\u0308nchen ist",
      ["München", "ist"],
      ["Mu\u0308nchen", "ist"],
    ],
  ];
  for (const [name, text, pieces, expected] of rows) {
    it(name, () => assert.deepEqual(show(text, pieces), expected));
  }

  it("gives half-open offsets into the text", () => {
    const text = "  Jensen Huang leitet Nvidia.";
    const aligned = alignPieces(text, ["Jensen", "Hu", "##ang", "leitet", "Nvidia", "."]);
    assert.deepEqual(
      aligned.map((p) => [p.start, p.end]),
      [
        [2, 8],
        [9, 11],
        [11, 14],
        [15, 21],
        [22, 28],
        [28, 29],
      ],
    );
  });

  it("SentencePiece pieces: '▁' starts a word, the rest continue it", () => {
    const scheme: PieceScheme = { kind: "word-start", marker: "▁", unknown: "<unk>" };
    assert.deepEqual(show("Sam Altmans OpenAI.", ["▁Sam", "▁Alt", "mans", "▁Open", "AI", "."], scheme), [
      "Sam",
      "Alt",
      "+mans",
      "Open",
      "+AI",
      "+.",
    ]);
  });

  it("SentencePiece: an unknown piece inside a word ends where the next piece begins", () => {
    const scheme: PieceScheme = { kind: "word-start", marker: "▁", unknown: "<unk>" };
    assert.deepEqual(show("Zuckerberg baut", ["▁Zuck", "<unk>", "berg", "▁baut"], scheme), [
      "Zuck",
      "+er",
      "+berg",
      "baut",
    ]);
    assert.deepEqual(show("Zuckerberg baut", ["▁Zuck", "<unk>", "▁baut"], scheme), [
      "Zuck",
      "+erberg",
      "baut",
    ]);
  });

  it("never throws on pieces that are not in the text", () => {
    const aligned = alignPieces("kurz", ["kurz", "zusätzlich", "##mehr"], WORDPIECE);
    assert.equal(aligned.length, 3);
    for (const p of aligned) assert.ok(p.start <= p.end && p.end <= 4);
  });
});
