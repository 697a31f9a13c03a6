import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { type Graph, openGraph, readTx } from "../../graph/driver.ts";
import { ensureSchema } from "../../graph/load.ts";
import { ENTITY_TYPES, RELATION_TYPES } from "../../extractors/types.ts";

const read = (p: string) => readFileSync(new URL(`../../browser/${p}`, import.meta.url), "utf8");

/** The queries of browser/queries.cypher with their titles (the comment line above each). */
function queries(): { title: string; cypher: string }[] {
  return read("queries.cypher")
    .split(/;\s*\n/)
    .map((block) => block.trim())
    .filter((block) => /^\s*(MATCH|CALL|OPTIONAL|WITH|UNWIND|RETURN)/m.test(block))
    .map((block) => {
      const lines = block.split("\n");
      const title =
        [...lines].reverse().find((l) => l.startsWith("//") && !/^\/\/ (kg:|Paste|Queries with)/.test(l)) ??
        "";
      return {
        title: title.replace(/^\/\/\s*/, ""),
        cypher: lines.filter((l) => !l.startsWith("//")).join("\n"),
      };
    });
}

describe("browser", () => {
  it("styles every entity label, fact label and relationship type of the model", () => {
    const grass = read("style.grass");
    for (const label of [...ENTITY_TYPES, "Article", "RelationFact", "RoleFact", "QuantityFact"]) {
      assert.match(grass, new RegExp(`node\\.${label} \\{[^}]*caption:`), label);
    }
    for (const type of [...RELATION_TYPES, "HAS_ROLE", "STATED_IN"]) {
      assert.match(grass, new RegExp(`relationship\\.${type} \\{`), type);
    }
  });

  it("ships the queries the README promises", () => {
    const titles = queries().map((q) => q.title);
    assert.ok(titles.length >= 8, titles.join(" | "));
    for (const want of [/Who leads which project/, /A company's network/, /The sources of the facts/]) {
      assert.ok(
        titles.some((t) => want.test(t)),
        `${want}`,
      );
    }
  });

  describe("queries @db", () => {
    let graph: Graph;
    before(async () => {
      graph = await openGraph();
      await ensureSchema(graph);
    });
    after(async () => graph?.close());

    it("every saved query is valid Cypher for this model (EXPLAIN)", async () => {
      const params = { company: "OpenAI", name: "Stargate", factId: "x", q: "stargate", article: "a" };
      for (const q of queries()) {
        await readTx(graph, (tx) => tx.run(`EXPLAIN ${q.cypher}`, params)).catch((err: Error) => {
          throw new Error(`${q.title}: ${err.message}`);
        });
      }
    });
  });
});
