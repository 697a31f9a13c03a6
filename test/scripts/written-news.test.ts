import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { annotationProblem, readAnnotated } from "../../scripts/written-news.ts";

const line = (tokens: string[], tags: string[]) => JSON.stringify({ tokens, tags });

describe("written news sentences (training data of our own)", () => {
  it("accepts well-formed BIO sentences, German and English", () => {
    assert.equal(
      annotationProblem({
        tokens: ["Präsident", "Emmanuel", "Macron", "traf", "in", "Paris", "ein", "."],
        tags: ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O"],
      }),
      undefined,
    );
    assert.equal(
      annotationProblem({
        tokens: ["The", "Federal", "Reserve", "raised", "rates", "."],
        tags: ["O", "B-ORG", "I-ORG", "O", "O", "O"],
      }),
      undefined,
    );
  });

  it("names what is wrong with a bad sentence", () => {
    assert.match(annotationProblem({ tokens: ["Siemens"] }) ?? "", /tokens and tags/);
    assert.match(annotationProblem({ tokens: [], tags: [] }) ?? "", /no tokens/);
    assert.match(annotationProblem({ tokens: ["a", "b"], tags: ["O"] }) ?? "", /2 tokens but 1 tags/);
    assert.match(annotationProblem({ tokens: ["Die Bank"], tags: ["B-ORG"] }) ?? "", /token 1 .*spaces/);
    assert.match(annotationProblem({ tokens: ["Bonn"], tags: ["B-GPE"] }) ?? "", /tag 1 "B-GPE"/);
    assert.match(
      annotationProblem({ tokens: ["in", "Bonn", "Bad"], tags: ["O", "I-LOC", "I-LOC"] }) ?? "",
      /tag 2 "I-LOC" continues no LOC/,
    );
    assert.match(
      annotationProblem({ tokens: ["Angela", "Merkel"], tags: ["B-PER", "I-ORG"] }) ?? "",
      /continues no ORG/,
    );
  });

  it("reads a file strictly: a bad line is an error with its number, blank lines are skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-written-"));
    const good = join(dir, "good.jsonl");
    writeFileSync(
      good,
      line(["Bosch", "wächst", "."], ["B-ORG", "O", "O"]) + "\n\n" + line(["Ja"], ["O"]) + "\n",
    );
    assert.deepEqual(
      readAnnotated(good).map((x) => x.line),
      [0, 2],
    );
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, line(["Bosch"], ["B-ORG"]) + "\n" + line(["Bosch"], ["I-ORG"]) + "\n");
    assert.throws(() => readAnnotated(bad), /bad\.jsonl line 2 tag 1 "I-ORG"/);
    writeFileSync(bad, "{not json\n");
    assert.throws(() => readAnnotated(bad), /line 1 is not JSON/);
  });

  it("ships German sentences that are all well formed, unique, with names of every type", () => {
    const all = readAnnotated("scripts/data/written-news-de.jsonl");
    assert.ok(all.length >= 3000, `${all.length} sentences`);
    const texts = new Set(all.map(({ s }) => s.tokens.join(" ")));
    assert.equal(texts.size, all.length, "no sentence twice");
    const types = new Set(
      all.flatMap(({ s }) => s.tags.filter((t) => t.startsWith("B-")).map((t) => t.slice(2))),
    );
    assert.deepEqual([...types].sort(), ["LOC", "MISC", "ORG", "PER"]);
    assert.ok(
      all.filter(({ s }) => s.tags.every((t) => t === "O")).length > all.length / 10,
      "sentences without names too",
    );
  });
});
