// A deliberately naive loader for `npm run bench:load`: the same graph as graph/load.ts for
// new articles, written with one query (and one auto-commit transaction) per entity, mention,
// fact, link and source. It exists only to measure what batching buys; do not use it.
import type { ExtractionResult } from "../extractors/types.ts";
import { type Graph, type Query, asUnavailable, int } from "./driver.ts";
import { type ArticleInput, planArticle, resolvePlan } from "./plan.ts";

export function naiveQueries(article: ArticleInput, result: ExtractionResult): Query[] {
  const p = resolvePlan(planArticle(article, result), new Map());
  const qs: Query[] = [
    {
      cypher:
        "MERGE (a:Article {id: $id}) SET a.url = $url, a.title = $title, a.date = $date, a.lang = $lang, a.contentHash = $hash",
      params: {
        id: p.article.id,
        url: p.article.url,
        title: p.article.title,
        date: p.article.date,
        lang: p.article.lang,
        hash: p.article.contentHash,
      },
    },
  ];
  for (const e of p.entities) {
    qs.push({
      cypher:
        "MERGE (n:Entity {id: $id}) ON CREATE SET n.name = $name, n.type = $type, n.key = $key SET n:$($type)",
      params: { id: e.id, name: e.name, type: e.type, key: e.key },
    });
    qs.push({
      cypher:
        "MATCH (a:Article {id: $a}), (n:Entity {id: $id}) MERGE (a)-[m:MENTIONS]->(n) SET m.count = $count, m.surface = $surface",
      params: { a: p.article.id, id: e.id, count: int(e.mentionCount), surface: e.surface },
    });
  }
  for (const f of p.facts) {
    qs.push({
      cypher:
        "MERGE (x:Fact {id: $id}) ON CREATE SET x.kind = $kind, x.type = $type, x.role = $role, x.value = $value, x.unit = $unit SET x:$($label)",
      params: {
        id: f.id,
        kind: f.kind,
        type: f.type,
        role: f.role,
        value: f.value,
        unit: f.unit,
        label: f.label,
      },
    });
    if (f.subjectId) {
      qs.push({
        cypher: "MATCH (x:Fact {id: $id}), (e:Entity {id: $e}) MERGE (x)-[:SUBJECT]->(e)",
        params: { id: f.id, e: f.subjectId },
      });
    }
    if (f.objectId) {
      qs.push({
        cypher: "MATCH (x:Fact {id: $id}), (e:Entity {id: $e}) MERGE (x)-[:OBJECT]->(e)",
        params: { id: f.id, e: f.objectId },
      });
      qs.push({
        cypher: "MATCH (s:Entity {id: $s}), (o:Entity {id: $o}) MERGE (s)-[r:$($type) {factId: $id}]->(o)",
        params: { id: f.id, s: f.subjectId, o: f.objectId, type: f.kind === "role" ? "HAS_ROLE" : f.type },
      });
    }
  }
  for (const s of p.sources) {
    qs.push({
      cypher:
        "MATCH (x:Fact {id: $factId}), (a:Article {id: $a}) CREATE (x)-[r:STATED_IN]->(a) " +
        "SET r.sentence = $sentence, r.start = $start, r.end = $end, r.text = $text, r.extractor = $extractor, r.statedOn = a.date",
      params: {
        factId: s.factId,
        a: p.article.id,
        sentence: s.sentence,
        start: int(s.start),
        end: int(s.end),
        text: s.text,
        extractor: s.extractor,
      },
    });
  }
  return qs;
}

/** Loads one article with one auto-commit query per row. Returns the number of facts. */
export async function naiveLoadArticle(
  graph: Graph,
  article: ArticleInput,
  result: ExtractionResult,
): Promise<number> {
  const qs = naiveQueries(article, result);
  const session = graph.driver.session({ database: graph.database });
  try {
    for (const q of qs) await session.run(q.cypher, q.params);
  } catch (err) {
    throw asUnavailable(err, graph.config);
  } finally {
    await session.close();
  }
  return qs.filter((q) => q.cypher.startsWith("MERGE (x:Fact")).length;
}

/** Deletes everything of a benchmark run: its articles (ids starting with the prefix) and entities (keys containing the tag). */
export function deleteBenchDataQueries(articlePrefix: string, tag: string): Query[] {
  return [
    {
      cypher: `MATCH (a:Article) WHERE a.id STARTS WITH $prefix
CALL { WITH a OPTIONAL MATCH (f:Fact)-[:STATED_IN]->(a) DETACH DELETE f, a } IN TRANSACTIONS OF 200 ROWS`,
      params: { prefix: articlePrefix },
    },
    {
      cypher: `MATCH (n:Entity) WHERE n.key CONTAINS $tag
CALL { WITH n OPTIONAL MATCH (k:EntityKey)-[:KEY_OF]->(n) DETACH DELETE k, n } IN TRANSACTIONS OF 200 ROWS`,
      params: { tag: tag.toLowerCase() },
    },
  ];
}
