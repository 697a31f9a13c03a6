// "Why do you say so": the facts about a subject (optionally of one type, with one object),
// each with every source (sentence, offsets, the article and its date) and its corroboration.
import { type Query, int } from "../driver.ts";

export interface FactsFilter {
  subjectId: string;
  /** A relation type (LEADS ...), HAS_ROLE, HAS_QUANTITY, or a role (CEO ...); null = any. */
  type: string | null;
  objectId: string | null;
}

export function factsQuery(filter: FactsFilter, maxFacts: number, maxSources: number): Query {
  return {
    cypher: `MATCH (s:Entity {id: $subjectId})
CALL (s) {
  MATCH (f:Fact)-[:SUBJECT]->(s) RETURN f
  UNION
  MATCH (f:Fact {type: 'PARTNERS_WITH'})-[:OBJECT]->(s) RETURN f
}
WITH s, f WHERE $type IS NULL OR f.type = $type OR f.role = $type
OPTIONAL MATCH (f)-[:SUBJECT|OBJECT]->(o:Entity) WHERE o <> s
WITH s, f, o WHERE $objectId IS NULL OR o.id = $objectId
WITH s, f, o ORDER BY f.kind, f.type, f.unit, f.articleCount DESC, f.value DESC LIMIT $maxFacts
CALL (f) {
  MATCH (f)-[st:STATED_IN]->(a:Article)
  WITH st, a ORDER BY a.date, a.id, st.start LIMIT $maxSources
  RETURN collect({article: {id: a.id, url: a.url, title: a.title, date: a.date, lang: a.lang},
    sentence: st.sentence, sentenceStart: st.sentenceStart, sentenceEnd: st.sentenceEnd,
    start: st.start, end: st.end, text: st.text, extractor: st.extractor, confidence: st.confidence,
    qualifier: st.qualifier, statedOn: st.statedOn}) AS sources
}
RETURN f.id AS id, f.kind AS kind, f.type AS type, f.role AS role, f.value AS value, f.unit AS unit,
  f.qualifier AS qualifier, f.articleCount AS articleCount, f.firstStated AS firstStated, f.lastStated AS lastStated,
  {id: s.id, name: s.name, type: s.type} AS subject,
  CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name, type: o.type} END AS object, sources`,
    params: {
      subjectId: filter.subjectId,
      type: filter.type,
      objectId: filter.objectId,
      maxFacts: int(maxFacts),
      maxSources: int(maxSources),
    },
  };
}

/** An entity by its graph id, for 404 checks. */
export function entityByIdQuery(id: string): Query {
  return {
    cypher: "MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.name AS name, e.type AS type",
    params: { id },
  };
}
