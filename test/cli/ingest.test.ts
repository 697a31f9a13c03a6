import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Extractor, createExtractor } from "../../cli/extraction.ts";
import { type IngestSummary, formatSummary, runIngest } from "../../cli/ingest.ts";
import { type Progress } from "../../cli/progress.ts";
import { type Graph, graphConfigFromEnv, openGraph, runRead } from "../../graph/driver.ts";
import { removeArticle } from "../../graph/load.ts";
import { runTag } from "../graph/helpers.ts";

const TEST_PIPELINE = new URL("./capitalized-pipeline.ts", import.meta.url).href;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const quiet = (): Progress => ({ tick() {}, log() {}, setTotal() {}, stop() {} });

describe("cli/ingest @db", function () {
  this.timeout(120_000);
  const T = runTag();
  let dir: string;
  let graph: Graph;
  let extractor: Extractor;
  const loadedIds = new Set<string>();

  const ingest = async (inputs: string[], extra: { force?: boolean } = {}): Promise<IngestSummary> =>
    runIngest(
      { inputs, base: tmpdir(), limit: 4096, ...extra, batchSize: 3 },
      { graph, extractor, pipeline: "test-pipeline", progress: quiet },
    );

  before(async () => {
    graph = await openGraph();
    extractor = await createExtractor(2, TEST_PIPELINE);
    dir = await mkdtemp(join(tmpdir(), "kg-ingest-"));
    const f = (name: string, content: string | Buffer) => writeFile(join(dir, name), content);
    await f("a.txt", `Orbital Compute ${T} builds the cluster with Helios Power ${T} and more.`);
    await f(
      "b.md",
      `# Neues Rechenzentrum\n\nDie **Nordlicht Daten ${T}** baut mit Fjord Strom ${T} das Zentrum.`,
    );
    await f(
      "c.html",
      `<html lang="en"><head><title>Deal</title></head><body><p>The Quasar Labs ${T} deal with Polar Grid ${T} is done.</p></body></html>`,
    );
    await f(
      "feed.jsonl",
      [
        JSON.stringify({
          id: `${T}-n1`,
          lang: "en",
          date: "2025-05-01",
          text: `Zenith Cloud ${T} is the partner for Vega Chips ${T}.`,
        }),
        "{broken",
        JSON.stringify({ id: `${T}-n2`, lang: "es", text: "El centro de datos." }),
      ].join("\n"),
    );
    await f(
      "d-copy.html",
      `<html lang="en"><head><title>Deal (copy)</title></head><body><p>The Quasar Labs ${T} deal with Polar Grid ${T} is done.</p></body></html>`,
    );
    await f("empty.txt", "");
    await f("binary.txt", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    await f("latin1.txt", Buffer.from("Die Größe", "latin1"));
    await f("french.txt", `Le centre et la grille pour Orion Data ${T} avec les partenaires.`);
    await f("boom.txt", "EXPLODE the extractor and the rest.");
    await f("huge.txt", "x ".repeat(3000));
  });

  after(async () => {
    await extractor?.close();
    if (graph) {
      for (const id of loadedIds) await removeArticle(graph, id);
      const [left] = await runRead<{ n: number }>(graph, {
        cypher: "MATCH (n) WHERE n.name CONTAINS $t OR n.id CONTAINS $t RETURN count(n) AS n",
        params: { t: T },
      });
      await graph.close();
      assert.equal(left!.n, 0, "test data left behind");
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("loads the good files, reports each bad one with its reason, and goes on", async () => {
    const s = await ingest([dir]);
    const d = basename(dir);
    for (const id of [`${d}/a.txt`, `${d}/b.md`, `${d}/c.html`, `${T}-n1`]) loadedIds.add(id);
    assert.equal(s.loaded, 4);
    assert.equal(s.aborted, null);
    const failed = Object.fromEntries(s.failed.map((f) => [f.origin, f.reason]));
    assert.deepEqual(Object.keys(failed).sort(), [
      `${d}/binary.txt`,
      `${d}/boom.txt`,
      `${d}/empty.txt`,
      `${d}/feed.jsonl:2`,
      `${d}/feed.jsonl:3`,
      `${d}/french.txt`,
      `${d}/huge.txt`,
      `${d}/latin1.txt`,
    ]);
    assert.match(failed[`${d}/french.txt`]!, /language 'fr' is not supported/);
    assert.match(failed[`${d}/feed.jsonl:3`]!, /language 'es' is not supported/);
    assert.match(failed[`${d}/boom.txt`]!, /extraction failed: the extractor gave up on EXPLODE/);
    assert.match(failed[`${d}/huge.txt`]!, /too large: 6000 bytes, the limit is 4096/);
    assert.match(failed[`${d}/latin1.txt`]!, /invalid UTF-8/);
    const rows = await runRead<{ id: string; lang: string; title: string | null; date: string | null }>(
      graph,
      {
        cypher:
          "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.lang AS lang, a.title AS title, a.date AS date ORDER BY id",
        params: { ids: [...loadedIds] },
      },
    );
    assert.deepEqual(rows, [
      { id: `${T}-n1`, lang: "en", title: null, date: "2025-05-01" },
      { id: `${d}/a.txt`, lang: "en", title: null, date: null },
      { id: `${d}/b.md`, lang: "de", title: "Neues Rechenzentrum", date: null },
      { id: `${d}/c.html`, lang: "en", title: "Deal", date: null },
    ]);
    assert.deepEqual(s.duplicates, [
      { origin: `${d}/d-copy.html`, reason: `same text as article '${d}/c.html'` },
    ]);
    const lines = formatSummary(s).join("\n");
    assert.match(
      lines,
      /4 loaded \(4 new, 0 replaced\), 0 unchanged and skipped, 1 duplicates skipped, 8 failed/,
    );
  });

  it("skips what is already loaded when run again, and reloads a changed file", async () => {
    await writeFile(
      join(dir, "a.txt"),
      `Orbital Compute ${T} builds the cluster with Lumen Energy ${T} instead.`,
    );
    const s = await ingest([dir]);
    assert.equal(s.unchanged, 3);
    assert.equal(s.duplicates.length, 1);
    assert.equal(s.replaced, 1);
    assert.equal(s.loaded, 0);
    const [helios] = await runRead<{ n: number }>(graph, {
      cypher: "MATCH (e:Entity {name: $name}) RETURN count(e) AS n",
      params: { name: `Helios Power ${T}` },
    });
    assert.equal(helios!.n, 0, "the entity only the old text named is gone");
  });

  it("stops with one clear message when the database is down, keeping what was loaded", async () => {
    const down = await openGraph(graphConfigFromEnv({ NEO4J_URI: "bolt://127.0.0.1:1" }), { verify: false });
    try {
      const s = await runIngest(
        { inputs: [dir], base: tmpdir(), limit: 4096, force: true },
        { graph: down, extractor, pipeline: "test-pipeline", progress: quiet },
      );
      assert.ok(s.aborted);
      assert.match(formatSummary(s).join("\n"), /Stopped: Neo4j is not available at bolt:\/\/127\.0\.0\.1:1/);
    } finally {
      await down.close();
    }
    const [a] = await runRead<{ n: number }>(graph, {
      cypher: "MATCH (a:Article) WHERE a.id IN $ids RETURN count(a) AS n",
      params: { ids: [...loadedIds] },
    });
    assert.equal(a!.n, 4);
  });

  it("kg ingest exits 2 with one line and no stack trace when Neo4j cannot be reached", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/kg.mjs"), "ingest", dir], {
      env: { ...process.env, NEO4J_URI: "bolt://127.0.0.1:1" },
      encoding: "utf8",
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /kg: Neo4j is not available at bolt:\/\/127\.0\.0\.1:1/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
});

describe("kg ingest with the real extraction pipeline @db", function () {
  this.timeout(120_000);
  let dir: string;
  let graph: Graph;
  let articleId = "";

  before(async () => {
    graph = await openGraph();
    dir = await mkdtemp(join(tmpdir(), "kg-cli-"));
    articleId = `${basename(dir)}/gut.txt`;
    await writeFile(
      join(dir, "gut.txt"),
      "Nvidia-Chef Jensen Huang kündigte an, dass Nvidia 10.000 GPUs an die Deutsche Telekom liefert. " +
        "Die Telekom baut damit in München ein Rechenzentrum.",
    );
    await writeFile(join(dir, "kaputt.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42]));
  });
  after(async () => {
    if (graph) {
      await removeArticle(graph, articleId);
      await graph.close();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("loads the readable article with worker threads, reports the broken file, and exits 1", async () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "bin/kg.mjs"), "ingest", basename(dir), "--concurrency", "2"],
      {
        cwd: tmpdir(),
        env: { ...process.env, CI: "true" },
        encoding: "utf8",
      },
    );
    assert.equal(r.status, 1, r.stderr + r.stdout);
    assert.match(
      r.stdout,
      /Articles: 1 loaded \(1 new, 0 replaced\), 0 unchanged and skipped, 0 duplicates skipped, 1 failed/,
    );
    assert.match(r.stdout, new RegExp(`${basename(dir)}/kaputt\\.txt: binary content`));
    const [row] = await runRead<{ lang: string; people: string[] }>(graph, {
      cypher: `MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:MENTIONS]->(p:Person)
RETURN a.lang AS lang, collect(p.name) AS people`,
      params: { id: articleId },
    });
    assert.equal(row?.lang, "de");
    assert.ok(row!.people.includes("Jensen Huang"), JSON.stringify(row));
  });
});
