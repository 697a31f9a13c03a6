import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
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

describe("kg ner: start-up and input", () => {
  it("says in one line that a file is missing", () => {
    const r = run("--jsonl", join(dir, "nope.jsonl"));
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), `kg ner: cannot read ${join(dir, "nope.jsonl")}: no such file`);
  });

  it("tells the language by function words once there are enough of them", async () => {
    const de = Array.from({ length: 5 }, () => [
      "Die",
      "Firma",
      "und",
      "der",
      "Staat",
      "haben",
      "mit",
      "den",
      "Plänen",
      "zu",
      "tun",
    ]);
    const en = Array.from({ length: 5 }, () => [
      "The",
      "company",
      "and",
      "the",
      "state",
      "agreed",
      "on",
      "the",
      "plans",
      "of",
      "it",
    ]);
    assert.equal(await guessLanguage(de), "de");
    assert.equal(await guessLanguage(en), "en");
  });

  it("runs from a bundle that is rebuilt when a source is newer than it", async () => {
    const { isFresh, nerBundle } = await import("../../../cli/ner-bundle.mjs");
    const url = await nerBundle();
    assert.ok(url && url.endsWith("/.cache/ner/ner-main.js"), String(url));
    const root = mkdtempSync(join(tmpdir(), "kg-bundle-"));
    writeFileSync(join(root, "a.ts"), "export {}");
    writeFileSync(join(root, "out.mjs"), "");
    writeFileSync(join(root, "inputs.json"), JSON.stringify(["a.ts"]));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, "a.ts"), past, past);
    assert.equal(isFresh(join(root, "out.mjs"), join(root, "inputs.json"), root), true);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, "a.ts"), future, future);
    assert.equal(isFresh(join(root, "out.mjs"), join(root, "inputs.json"), root), false, "a newer source");
    writeFileSync(join(root, "inputs.json"), JSON.stringify(["gone.ts"]));
    assert.equal(isFresh(join(root, "out.mjs"), join(root, "inputs.json"), root), false, "a missing source");
  });
});
