// What was ingested: the article list, and one article with what was found in it.
import { type Query, int } from "../driver.ts";

export function articlesQuery(page: { limit: number; offset: number }): Query {
  return {
    cypher: `MATCH (a:Article)
WITH count(a) AS total, collect(a) AS hits
UNWIND hits AS a
WITH total, a ORDER BY a.date DESC, a.id SKIP $offset LIMIT $limit
CALL (a) { OPTIONAL MATCH (a)-[:MENTIONS]->(e:Entity) RETURN count(e) AS entities }
CALL (a) { OPTIONAL MATCH (f:Fact)-[:STATED_IN]->(a) RETURN count(DISTINCT f) AS facts }
RETURN total, a.id AS id, a.url AS url, a.title AS title, a.date AS date, a.lang AS lang, a.chars AS chars,
  a.loadedAt AS loadedAt, entities, facts`,
    params: { offset: int(page.offset), limit: int(page.limit) },
  };
}

/** One article: its metadata, the entities it mentions and the facts it states with their sentences. */
export function articleQuery(id: string, maxItems: number): Query {
  return {
    cypher: `MATCH (a:Article {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  WITH e, m ORDER BY m.count DESC, e.name LIMIT $max
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE {id: e.id, name: e.name, type: e.type, mentions: m.count, surface: m.surface} END) AS entities
}
CALL (a) {
  OPTIONAL MATCH (f:Fact)-[s:STATED_IN]->(a)
  WITH f, s ORDER BY s.start LIMIT $max
  OPTIONAL MATCH (f)-[:SUBJECT]->(su:Entity)
  OPTIONAL MATCH (f)-[:OBJECT]->(ob:Entity)
  RETURN collect(CASE WHEN f IS NULL THEN null ELSE {
    id: f.id, kind: f.kind, type: f.type, role: f.role, value: f.value, unit: f.unit, qualifier: s.qualifier,
    subject: CASE WHEN su IS NULL THEN null ELSE {id: su.id, name: su.name, type: su.type} END,
    object: CASE WHEN ob IS NULL THEN null ELSE {id: ob.id, name: ob.name, type: ob.type} END,
    articleCount: f.articleCount, text: s.text, sentence: s.sentence, start: s.start, end: s.end,
    sentenceStart: s.sentenceStart, sentenceEnd: s.sentenceEnd, extractor: s.extractor, confidence: s.confidence
  } END) AS facts
}
RETURN a.id AS id, a.url AS url, a.title AS title, a.date AS date, a.lang AS lang, a.chars AS chars,
  a.contentHash AS contentHash, a.pipeline AS pipeline, a.loadedAt AS loadedAt, entities, facts`,
    params: { id, max: int(maxItems) },
  };
}
