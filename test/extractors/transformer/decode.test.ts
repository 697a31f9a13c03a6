import assert from "node:assert/strict";
import { alignPieces } from "../../../extractors/transformer/align.ts";
import { decodeSpans, parseLabel } from "../../../extractors/transformer/decode.ts";

/** Spans as "LABEL:text@start" from pieces written "piece/LABEL" (label O when left out). */
function run(text: string, spec: string): string[] {
  const parts = spec.split(" ").map((p) => p.split("/"));
  const pieces = alignPieces(
    text,
    parts.map(([p]) => p),
  );
  const labels = parts.map(([, l]) => ({ label: l ?? "O", score: 0.9 }));
  return decodeSpans(text, pieces, labels).map((s) => {
    assert.equal(s.text, text.slice(s.start, s.end));
    return `${s.label}:${s.text}@${s.start}`;
  });
}

describe("extractors/transformer/decode", () => {
  const labels: Array<[string, ReturnType<typeof parseLabel>]> = [
    ["B-PER", ["B", "PER"]],
    ["I-ORG", ["I", "ORG"]],
    ["E-LOC", ["I", "LOC"]],
    ["S-MISC", ["B", "MISC"]],
    ["B-DATE", ["O", null]],
    ["O", ["O", null]],
    ["PER", ["I", "PER"]],
    ["B-GPE", ["B", "LOC"]],
  ];
  for (const [label, expected] of labels)
    it(`reads the label ${label}`, () => assert.deepEqual(parseLabel(label), expected));

  const rows: Array<[string, string, string, string[]]> = [
    [
      "B then I makes one name",
      "Sam Altman leitet OpenAI",
      "Sam/B-PER Altman/I-PER leitet Open/B-ORG ##AI",
      ["PER:Sam Altman@0", "ORG:OpenAI@18"],
    ],
    [
      "a word takes its first piece's label",
      "Mark Zuckerbergs Meta",
      "Mark/B-PER Zucker/I-PER ##berg ##s Meta/B-ORG",
      ["PER:Mark Zuckerbergs@0", "ORG:Meta@17"],
    ],
    ["I after O opens a name", "die Telekom baut", "die Telekom/I-ORG baut", ["ORG:Telekom@4"]],
    ["B after B splits names", "Nvidia AMD", "Nvidia/B-ORG AMD/B-ORG", ["ORG:Nvidia@0", "ORG:AMD@7"]],
    [
      "a type change splits names",
      "Texas Instruments",
      "Texas/B-LOC Instruments/I-ORG",
      ["LOC:Texas@0", "ORG:Instruments@6"],
    ],
    [
      "dates and other unknown types are dropped",
      "im Jahr 2026 in Texas",
      "im Jahr 2026/B-DATE in Texas/B-LOC",
      ["LOC:Texas@16"],
    ],
    [
      "punctuation at the edges is trimmed",
      "„Deutsche Telekom“, sagte",
      "„/B-ORG Deutsche/I-ORG Telekom/I-ORG “/I-ORG ,/I-ORG sagte",
      ["ORG:Deutsche Telekom@1"],
    ],
    [
      "a dot after a short capitalised word stays",
      "Meta Inc. baut",
      "Meta/B-ORG Inc/I-ORG ./I-ORG baut",
      ["ORG:Meta Inc.@0"],
    ],
    [
      "a bracket pair inside a name stays",
      "Meta (Facebook) baut",
      "Meta/B-ORG (/I-ORG Facebook/I-ORG )/I-ORG baut",
      ["ORG:Meta (Facebook)@0"],
    ],
    ["a span of only digits is no name", "Die 100 GPUs", "Die 100/B-ORG GPUs", []],
    ["nothing found", "ein neues Rechenzentrum", "ein neues Rechenzentrum", []],
  ];
  for (const [name, text, spec, expected] of rows)
    it(name, () => assert.deepEqual(run(text, spec), expected));

  it("scores a span with the mean of its words' scores", () => {
    const text = "Lisa Su";
    const pieces = alignPieces(text, ["Lisa", "Su"]);
    const [span] = decodeSpans(text, pieces, [
      { label: "B-PER", score: 0.9 },
      { label: "I-PER", score: 0.7 },
    ]);
    assert.equal(span.score, 0.8);
    assert.equal(span.source, "transformer");
  });

  it("SentencePiece words with glued punctuation: 'München,' gives the span 'München'", () => {
    const text = "in München, Texas";
    const scheme = { kind: "word-start" as const, marker: "▁", unknown: "<unk>" };
    const pieces = alignPieces(text, ["▁in", "▁München", ",", "▁Texas"], scheme);
    const labels = ["O", "B-LOC", "I-LOC", "B-LOC"].map((label) => ({ label, score: 0.9 }));
    assert.deepEqual(
      decodeSpans(text, pieces, labels).map((s) => `${s.label}:${s.text}@${s.start}`),
      ["LOC:München@3", "LOC:Texas@12"],
    );
  });
});
