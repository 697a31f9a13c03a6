import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { graphConfigFromEnv } from "../../graph/driver.ts";
import { localServerPaths, localServerStatus, neo4jConf, runningPid } from "../../graph/local-server.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("graph/local-server", () => {
  it("keeps the jars in the cache and the data in the project's .neo4j folder", () => {
    const p = localServerPaths({ KG_CACHE_DIR: "/var/cache/kgtest", HOME: "/home/x" });
    assert.equal(p.lib, "/var/cache/kgtest/neo4j-5.26.12/lib");
    assert.equal(p.home, join(ROOT, ".neo4j"));
    assert.equal(p.pom, join(ROOT, "neo4j", "pom.xml"));
    assert.equal(localServerPaths({ KG_NEO4J_HOME: "/srv/kg" }).data, "/srv/kg/data");
  });

  it("writes a loopback-only configuration with the configured ports", () => {
    const p = localServerPaths({ KG_NEO4J_HOME: "/srv/kg" });
    const conf = neo4jConf(p, graphConfigFromEnv({ NEO4J_BOLT_PORT: "7688", NEO4J_HTTP_PORT: "7475" }));
    assert.match(conf, /^server\.bolt\.listen_address=127\.0\.0\.1:7688$/m);
    assert.match(conf, /^server\.http\.listen_address=127\.0\.0\.1:7475$/m);
    assert.match(conf, /^server\.https\.enabled=false$/m);
    assert.match(conf, /^server\.directories\.data=\/srv\/kg\/data$/m);
    assert.match(conf, /^server\.memory\.pagecache\.size=256m$/m);
  });

  it("finds no server where no pid file is", () => {
    assert.equal(runningPid(localServerPaths({ KG_NEO4J_HOME: "/nonexistent/kg" })), null);
  });

  it("kg neo4j start provisions nothing when NEO4J_URI is set", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/kg.mjs"), "neo4j", "start"], {
      env: { ...process.env, NEO4J_URI: "bolt://127.0.0.1:1" },
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /NEO4J_URI is set: using the server at bolt:\/\/127\.0\.0\.1:1; nothing to start/);
  });

  describe("status @db", () => {
    it("says where Neo4j answers and which version it is", async () => {
      const s = await localServerStatus(graphConfigFromEnv());
      assert.equal(s.running, true, s.error ?? "");
      assert.match(s.version ?? "", /^5\.\d+/);
    });

    it("kg neo4j status exits 0 and names the version; 1 when nothing answers", () => {
      const ok = spawnSync(process.execPath, [join(ROOT, "bin/kg.mjs"), "neo4j", "status"], {
        encoding: "utf8",
      });
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /Neo4j 5\.\d+\.\d+ answers at /);
      const down = spawnSync(process.execPath, [join(ROOT, "bin/kg.mjs"), "neo4j", "status"], {
        env: { ...process.env, NEO4J_URI: "bolt://127.0.0.1:1" },
        encoding: "utf8",
      });
      assert.equal(down.status, 1);
      assert.match(down.stdout, /does not answer at bolt:\/\/127\.0\.0\.1:1/);
    });
  });
});
