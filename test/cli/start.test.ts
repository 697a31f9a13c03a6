import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("kg start @db", function () {
  this.timeout(300_000);

  it("ingests the bundled fixtures (idempotently) and prints the Browser address with a query to paste", () => {
    const run = () =>
      spawnSync(process.execPath, [join(ROOT, "bin/kg.mjs"), "start", "--no-serve"], {
        cwd: ROOT,
        env: { ...process.env, CI: "true" },
        encoding: "utf8",
      });
    const first = run();
    assert.equal(first.status, 0, first.stderr + first.stdout);
    const second = run();
    assert.equal(second.status, 0, second.stderr + second.stdout);
    assert.match(
      second.stdout,
      /Articles: 0 loaded \(0 new, 0 replaced\), \d+ unchanged and skipped, \d+ duplicates skipped, 0 failed/,
    );
    assert.match(second.stdout, /Graph: +[1-9]\d* articles, [1-9]\d* entities/);
    if (!process.env.NEO4J_URI)
      assert.match(second.stdout, /Neo4j Browser: http:\/\/localhost:\d+\/browser\//);
    assert.match(second.stdout, /paste: +MATCH \(p:Person\)/);
  });
});
