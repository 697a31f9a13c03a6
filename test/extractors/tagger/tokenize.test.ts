import { strict as assert } from "node:assert";
import { splitSentences, tokenize } from "../../../extractors/tagger/tokenize.ts";
import { bioSpans, tokenSpansToNer } from "../../../extractors/tagger/index.ts";

const words = (text: string) => tokenize(text).map((t) => t.text);

describe("tagger tokenizer", () => {
  const rows: [string, string[]][] = [
    [
      'Der OpenAI-Chef sagte: "Wir bauen."',
      ["Der", "OpenAI-Chef", "sagte", ":", '"', "Wir", "bauen", ".", '"'],
    ],
    [
      "Nvidia Corp. und die Siemens AG (München).",
      ["Nvidia", "Corp.", "und", "die", "Siemens", "AG", "(", "München", ")", "."],
    ],
    ["z.B. 3,5 Mrd. Euro am 1. Mai", ["z.B.", "3,5", "Mrd.", "Euro", "am", "1.", "Mai"]],
    ["im Jahr 2020. Danach", ["im", "Jahr", "2020", ".", "Danach"]],
    [
      "Google's data center, J. Smith said...",
      ["Google", "'s", "data", "center", ",", "J.", "Smith", "said", "..."],
    ],
    ["„Stargate“ kommt", ["„", "Stargate", "“", "kommt"]],
    ["", []],
    ["   \n ", []],
  ];
  for (const [text, expected] of rows) {
    it(`tokenizes ${JSON.stringify(text)}`, () => assert.deepEqual(words(text), expected));
  }

  it("keeps offsets exact: text.slice(start, end) === token", () => {
    const text = "Microsofts KI-Rechenzentrum in Wisconsin (USA) kostet 3,3 Mrd. Dollar… „Fairwater“!";
    for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it("splits sentences after final punctuation before a capital, not after abbreviations", () => {
    const text = "Dr. Müller kam. Er blieb bis 3 Uhr. danach ging er.\n\nNeuer Absatz";
    const sents = splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(" "));
    assert.deepEqual(sents, ["Dr. Müller kam .", "Er blieb bis 3 Uhr . danach ging er .", "Neuer Absatz"]);
  });
});

describe("tagger spans", () => {
  it("reads BIO spans, a stray I- opening a span", () => {
    assert.deepEqual(bioSpans(["B-PER", "I-PER", "O", "I-ORG", "B-LOC", "I-ORG"]), [
      { label: "PER", start: 0, end: 2 },
      { label: "ORG", start: 3, end: 4 },
      { label: "LOC", start: 4, end: 5 },
      { label: "ORG", start: 5, end: 6 },
    ]);
    assert.deepEqual(bioSpans([]), []);
  });

  it("turns token spans into character spans of the text", () => {
    const text = "Laut  Sam Altman baut OpenAI in Texas.";
    const tokens = tokenize(text);
    const tags = ["O", "B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC", "O"] as const;
    const spans = tokenSpansToNer(text, tokens, {
      tags: [...tags],
      margins: Float64Array.from(tags, () => 8),
    });
    assert.deepEqual(
      spans.map((s) => [s.label, s.text, s.start, s.end]),
      [
        ["PER", "Sam Altman", 6, 16],
        ["ORG", "OpenAI", 22, 28],
        ["LOC", "Texas", 32, 37],
      ],
    );
    for (const s of spans) {
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.equal(s.source, "tagger");
      assert.ok(s.score > 0.5 && s.score <= 1);
    }
  });
});
