import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { guessLanguage } from "../../../cli/commands/ner.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-ner-"));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/kg.mjs", "ner", ...args], { encoding: "utf8", cwd: process.cwd() });

describe("kg ner", () => {
  it("prints one tag line per sentence, in order", () => {
    const file = join(dir, "in.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({
          tokens: ["Angela", "Merkel", "besuchte", "die", "Siemens", "AG", "in", "München", "."],
        }),
        JSON.stringify({ tokens: [] }),
        JSON.stringify({ tokens: ["Der", "Vertrag", "wurde", "unterschrieben", "."] }),
      ].join("\n") + "\n",
    );
    const r = run("--jsonl", file, "--lang", "de");
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { tags: string[] });
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[0].tags.slice(0, 2), ["B-PER", "I-PER"]);
    assert.equal(lines[0].tags[7], "B-LOC");
    assert.deepEqual(lines[1].tags, []);
    assert.deepEqual(lines[2].tags, ["O", "O", "O", "O", "O"]);
  });

  it("fails with a clear message on a line that is not {tokens: string[]}", () => {
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, '{"tokens": ["ok"]}\n{"tokens": "not a list"}\n');
    const r = run("--jsonl", file, "--lang", "en");
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /bad\.jsonl:2: expected "tokens" to be an array of strings/);
  });

  it("rejects an unknown language", () => {
    const file = join(dir, "one.jsonl");
    writeFileSync(file, '{"tokens": ["Paris"]}\n');
    const r = run("--jsonl", file, "--lang", "fr");
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--lang: expected "de" or "en", found "fr"/);
  });

  it("guesses German or English from the sentences", async () => {
    assert.equal(
      await guessLanguage([
        [
          "Die",
          "Bundesregierung",
          "hat",
          "am",
          "Montag",
          "beschlossen",
          ",",
          "dass",
          "die",
          "Rechenzentren",
          "mehr",
          "Strom",
          "bekommen",
          ".",
        ],
      ]),
      "de",
    );
    assert.equal(
      await guessLanguage([
        [
          "The",
          "government",
          "decided",
          "on",
          "Monday",
          "that",
          "the",
          "data",
          "centers",
          "will",
          "get",
          "more",
          "power",
          ".",
        ],
      ]),
      "en",
    );
  });
});
