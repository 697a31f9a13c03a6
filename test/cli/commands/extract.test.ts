import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const KG = new URL("../../../bin/kg.mjs", import.meta.url).pathname;
const kg = (...args: string[]) =>
  spawnSync(process.execPath, [KG, "extract", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("kg extract", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kg-extract-"));
    writeFileSync(
      join(dir, "de.txt"),
      "OpenAI-Chef Sam Altman kündigte an, dass Oracle und SoftBank in Stargate investieren.",
    );
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(
      join(dir, "fr.txt"),
      "Le fabricant de puces Nvidia fournira les processeurs graphiques du nouveau centre de données de Microsoft à Paris.",
    );
    writeFileSync(join(dir, "bad.txt"), Buffer.from([0x4f, 0x70, 0x65, 0x6e, 0xff, 0xfe, 0x41, 0x49]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON object per file with the contract's fields", () => {
    const r = kg(
      "--json",
      "--ner",
      "rules",
      join(dir, "de.txt"),
      join(dir, "empty.txt"),
      join(dir, "fr.txt"),
    );
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 3);
    const [de, empty, fr] = lines;
    assert.deepEqual(Object.keys(de).sort(), [
      "entities",
      "file",
      "language",
      "quantities",
      "relations",
      "roles",
    ]);
    assert.equal(de.file, join(dir, "de.txt"));
    assert.equal(de.language, "de");
    assert.deepEqual(
      de.roles.map((x: { person: string; role: string; org: string }) => [x.person, x.role, x.org]),
      [["Sam Altman", "CEO", "OpenAI"]],
    );
    assert.deepEqual([empty.entities, empty.roles, empty.quantities, empty.relations], [[], [], [], []]);
    assert.equal(fr.language, "fr");
    assert.deepEqual(fr.entities, []);
  });

  it("gives a clear per-file error for invalid UTF-8 and goes on with the other files", () => {
    const r = kg("--json", "--ner", "rules", join(dir, "bad.txt"), join(dir, "de.txt"));
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(lines[0].error.code, "E_UNREADABLE_FILE");
    assert.match(lines[0].error.message, /not valid UTF-8/);
    assert.equal(lines[1].language, "de");
    assert.match(r.stderr, /bad\.txt/);
  });

  it("reports a missing file and fails when no file could be read", () => {
    const r = kg("--json", "--ner", "rules", join(dir, "nope.txt"));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /no such file/);
  });

  it("honours --lang and rejects an unknown one", () => {
    const ok = kg("--json", "--ner", "rules", "--lang", "en", join(dir, "de.txt"));
    assert.equal(JSON.parse(ok.stdout.trim()).language, "en");
    const bad = kg("--lang", "xx", join(dir, "de.txt"));
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /--lang expects de or en/);
  });

  it("prints a readable summary without --json", () => {
    const r = kg("--ner", "rules", join(dir, "de.txt"));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Person: Sam Altman/);
    assert.match(r.stdout, /role: Sam Altman — CEO @ OpenAI/);
  });
});
