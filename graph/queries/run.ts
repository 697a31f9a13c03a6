// Running the API's read queries. Unlike graph/driver.ts's runRead (a managed transaction the
// driver retries for up to 15 s), a request must fail fast when Neo4j is down: one auto-commit
// read, errors meaning "no database" turned into DatabaseUnavailableError at once.
import neo4j from "neo4j-driver";
import { type Graph, type Query, asUnavailable, recordsOf } from "../driver.ts";

export async function runReadOnce<T = Record<string, unknown>>(graph: Graph, query: Query): Promise<T[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    return recordsOf<T>(await session.run(query.cypher, query.params));
  } catch (err) {
    throw asUnavailable(err, graph.config);
  } finally {
    await session.close().catch(() => undefined);
  }
}
