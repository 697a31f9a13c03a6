import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readReannotations, tokensHash } from "../../scripts/reannotated.ts";
import { TAGS } from "../../extractors/tagger/tags.ts";

describe("hand re-annotations of WikiANN sentences", () => {
  it("hashes the tokens, not their spacing, and tells different sentences apart", () => {
    const h = tokensHash(["Die", "Deutsche", "Bank", "."]);
    assert.match(h, /^[0-9a-f]{8}$/);
    assert.equal(h, tokensHash(["Die", "Deutsche", "Bank", "."]));
    assert.notEqual(h, tokensHash(["Die Deutsche", "Bank", "."]), "token boundaries count");
    assert.notEqual(h, tokensHash(["The", "Deutsche", "Bank", "."]));
  });

  it("reads the packed file: file, line, hash and tags, without text", () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-hand-"));
    const path = join(dir, "hand.jsonl.gz");
    const line = { file: "wikiann-en.train.jsonl", line: 7, hash: "0badc0de", tags: "B-PER I-PER O B-LOC" };
    const held = { ...line, line: 9, heldout: true };
    writeFileSync(path, gzipSync(JSON.stringify(line) + "\n\n" + JSON.stringify(held) + "\n"));
    assert.deepEqual(readReannotations(path), [
      { ...line, tags: ["B-PER", "I-PER", "O", "B-LOC"], heldout: false },
      { ...held, tags: ["B-PER", "I-PER", "O", "B-LOC"] },
    ]);
  });

  it("ships re-annotations whose tags are all BIO tags, German and English", () => {
    const all = readReannotations("scripts/data/wikiann-reannotated.jsonl.gz");
    const files = new Set(all.map((r) => r.file));
    assert.ok(
      all.some((r) => r.heldout) && all.some((r) => !r.heldout),
      "some held out for figures, most trained on",
    );
    for (const f of [
      "wikiann-de.train.jsonl",
      "wikiann-en.train.jsonl",
      "wikiann-de.dev.jsonl",
      "wikiann-en.dev.jsonl",
    ])
      assert.ok(files.has(f), f);
    for (const r of all) {
      for (const t of r.tags) assert.ok((TAGS as readonly string[]).includes(t), `${r.file}:${r.line} ${t}`);
      assert.ok(!("tokens" in r), "no text of the data folder in the project");
    }
  });
});
