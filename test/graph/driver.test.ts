import assert from "node:assert/strict";
import neo4j from "neo4j-driver";
import {
  ConfigError,
  DatabaseUnavailableError,
  asUnavailable,
  graphConfigFromEnv,
  isUnavailable,
  openGraph,
  toNative,
} from "../../graph/driver.ts";

describe("graph/driver", () => {
  describe("graphConfigFromEnv", () => {
    it("defaults to the local server with the documented password", () => {
      const c = graphConfigFromEnv({});
      assert.deepEqual(c, {
        uri: "bolt://127.0.0.1:7687",
        user: "neo4j",
        password: "kgpassword",
        database: "neo4j",
        local: true,
        boltPort: 7687,
        httpPort: 7474,
      });
    });

    it("uses NEO4J_URI and friends when set, and then never counts as local", () => {
      const c = graphConfigFromEnv({
        NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
        NEO4J_USER: "reader",
        NEO4J_PASSWORD: "s3cret-pass",
        NEO4J_DATABASE: "news",
      });
      assert.equal(c.uri, "neo4j+s://abc.databases.neo4j.io");
      assert.equal(c.user, "reader");
      assert.equal(c.database, "news");
      assert.equal(c.local, false);
    });

    it("follows a custom Bolt port for the local server and treats empty values as unset", () => {
      const c = graphConfigFromEnv({ NEO4J_BOLT_PORT: "7688", NEO4J_URI: "" });
      assert.equal(c.uri, "bolt://127.0.0.1:7688");
      assert.equal(c.local, true);
    });

    it("rejects a password shorter than Neo4j allows and a port that is not one", () => {
      assert.throws(() => graphConfigFromEnv({ NEO4J_PASSWORD: "short" }), ConfigError);
      assert.throws(() => graphConfigFromEnv({ NEO4J_HTTP_PORT: "http" }), /NEO4J_HTTP_PORT/);
    });
  });

  describe("toNative", () => {
    it("turns driver integers into numbers, deep inside lists and maps", () => {
      assert.deepEqual(toNative({ n: neo4j.int(42), xs: [neo4j.int(1), "a"], m: { k: neo4j.int(-3) } }), {
        n: 42,
        xs: [1, "a"],
        m: { k: -3 },
      });
    });
    it("keeps integers beyond 2^53 exact as strings", () => {
      assert.equal(toNative(neo4j.int("9007199254740993")), "9007199254740993");
    });
    it("turns temporal values into ISO strings", () => {
      assert.equal(toNative(new neo4j.types.Date(2025, 3, 9)), "2025-03-09");
    });
  });

  describe("unavailability", () => {
    it("recognises connection failures but not query errors", () => {
      assert.equal(isUnavailable(Object.assign(new Error("x"), { code: "ServiceUnavailable" })), true);
      assert.equal(isUnavailable(new Error("connect ECONNREFUSED 127.0.0.1:7687")), true);
      assert.equal(
        isUnavailable(Object.assign(new Error("bad"), { code: "Neo.ClientError.Statement.SyntaxError" })),
        false,
      );
    });
    it("explains what to do for the local server", () => {
      const e = asUnavailable(Object.assign(new Error("refused"), { code: "ServiceUnavailable" }), {
        uri: "bolt://127.0.0.1:7687",
        local: true,
      });
      assert.ok(e instanceof DatabaseUnavailableError);
      assert.match(e.message, /kg neo4j start/);
    });
    it("openGraph fails with DatabaseUnavailableError when nothing listens", async () => {
      const config = graphConfigFromEnv({ NEO4J_URI: "bolt://127.0.0.1:1" });
      await assert.rejects(openGraph(config), (err: unknown) => {
        assert.ok(err instanceof DatabaseUnavailableError);
        assert.match((err as Error).message, /not available at bolt:\/\/127\.0\.0\.1:1/);
        return true;
      });
    });
  });
});
