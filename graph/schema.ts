// Schema the loader sets up itself (idempotent: IF NOT EXISTS), and server introspection.
import type { Query } from "./driver.ts";

export const FULLTEXT_INDEX = "entityNames";

/** Constraints and indexes, one statement each (schema changes run one per transaction). */
export function schemaQueries(): Query[] {
  const q = (cypher: string): Query => ({ cypher, params: {} });
  return [
    q("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE"),
    q("CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE"),
    q("CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (f:Fact) REQUIRE f.id IS UNIQUE"),
    q("CREATE CONSTRAINT entity_key_id IF NOT EXISTS FOR (k:EntityKey) REQUIRE k.id IS UNIQUE"),
    q("CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)"),
    q("CREATE INDEX article_hash IF NOT EXISTS FOR (a:Article) ON (a.contentHash)"),
    q("CREATE INDEX fact_type IF NOT EXISTS FOR (f:Fact) ON (f.type)"),
    q(
      `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText] ` +
        "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } }",
    ),
  ];
}

/** Waits until the indexes are online (a fresh full-text index is populated asynchronously). */
export function awaitIndexesQuery(seconds = 60): Query {
  return { cypher: `CALL db.awaitIndexes(${Math.trunc(seconds)})`, params: {} };
}

/** Server name and version: `CALL dbms.components()`. */
export function componentsQuery(): Query {
  return {
    cypher:
      "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
    params: {},
  };
}
