// `kg serve` as a user runs it: a real process, a real port. Neo4j is pointed at a closed port
// so that no database is needed: the API still serves and says the database is down.
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const KG = join(ROOT, "bin/kg.mjs");
const ENV = { ...process.env, NEO4J_URI: "bolt://127.0.0.1:1", KG_API_KEY: "" };

describe("kg serve", function () {
  this.timeout(60_000);
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
    child = undefined;
  });

  it("serves on the given port, prints the addresses, answers 503 while Neo4j is down", async () => {
    child = spawn(process.execPath, [KG, "serve", "--port", "0"], {
      cwd: ROOT,
      env: ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on("data", (d) => {
        out += d;
        const m = /API: +(http:\/\/\S+)/.exec(out);
        if (m && /Ingest:.*\n/.test(out)) resolve(m[1]!); // the last line printed
      });
      child!.once("exit", (code) => reject(new Error(`kg serve exited (${code}): ${err}${out}`)));
    });
    assert.match(err, /Neo4j is not available at bolt:\/\/127\.0\.0\.1:1/);
    assert.match(out, /Docs: +http:\/\/\S+\/docs/);
    assert.match(out, /POST \/articles disabled/);
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 503);
    assert.equal(((await health.json()) as { error: string }).error, "DATABASE_UNAVAILABLE");
    const docs = await fetch(`${url}/openapi.json`);
    assert.equal(docs.status, 200);
    const stopped = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    assert.equal(await stopped, 0);
  });

  it("rejects a bad port with a message and exit code 1", () => {
    const r = spawnSync(process.execPath, [KG, "serve", "--port", "http"], {
      cwd: ROOT,
      env: ENV,
      encoding: "utf8",
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--port must be a whole number from 0 to 65535, got 'http'/);
    assert.ok(!/\n\s+at /.test(r.stderr), "stack trace printed");
  });

  it("has --help", () => {
    const r = spawnSync(process.execPath, [KG, "serve", "--help"], { cwd: ROOT, env: ENV, encoding: "utf8" });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--port/);
    assert.match(r.stdout, /KG_API_KEY/);
  });
});
