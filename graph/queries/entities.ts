// Entity search (full-text, typo tolerant), name resolution for /ask, and entity profiles.
import { type EntityType, ENTITY_TYPES } from "../../extractors/types.ts";
import { type Query, int } from "../driver.ts";
import { entityId, entityKey, lookupKeys } from "../identity.ts";
import { FULLTEXT_INDEX } from "../schema.ts";
import { fuzzyLuceneQuery } from "./lucene.ts";

export interface Page {
  limit: number;
  offset: number;
}

/** Entities whose name or alias matches `text` (typo tolerant), best first, optionally of one type. */
export function searchEntitiesQuery(text: string, type: EntityType | null, page: Page): Query | null {
  const lucene = fuzzyLuceneQuery(text);
  if (!lucene) return null;
  return {
    cypher: `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE $type IS NULL OR node.type = $type
WITH node, score ORDER BY score DESC, node.articleCount DESC, node.name
WITH collect({id: node.id, name: node.name, type: node.type, aliases: node.aliases,
  articleCount: node.articleCount, score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items`,
    params: { index: FULLTEXT_INDEX, lucene, type, offset: int(page.offset), limit: int(page.limit) },
  };
}

/** Every entity (no search text), by how many articles mention it. */
export function listEntitiesQuery(type: EntityType | null, page: Page): Query {
  return {
    cypher: `MATCH (node:Entity) WHERE $type IS NULL OR node.type = $type
WITH node ORDER BY node.articleCount DESC, node.name
WITH collect({id: node.id, name: node.name, type: node.type, aliases: node.aliases,
  articleCount: node.articleCount, score: null}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items`,
    params: { type, offset: int(page.offset), limit: int(page.limit) },
  };
}

/** The score resolveEntityQuery gives a hit by identity key (name or alias exactly, up to normalization). */
export const EXACT_MATCH_SCORE = 1000;

/**
 * The entities a name in a question most likely means: exact identity keys first (name or
 * alias, German genitive tolerated), then full-text matches; restricted to `types` when given.
 */
export function resolveEntityQuery(name: string, types: readonly EntityType[] = [], limit = 3): Query {
  const wanted = types.length > 0 ? types : ENTITY_TYPES;
  const key = entityKey(name);
  const keyIds = key ? wanted.flatMap((t) => lookupKeys(key, "de").map((k) => entityId(t, k))) : [];
  const lucene = fuzzyLuceneQuery(name);
  return {
    cypher: `CALL {
  MATCH (k:EntityKey)-[:KEY_OF]->(e:Entity) WHERE k.id IN $keyIds
  RETURN e, toFloat($exact) AS score
  UNION
  CALL db.index.fulltext.queryNodes($index, coalesce($lucene, 'a')) YIELD node, score
  WHERE $lucene IS NOT NULL
  RETURN node AS e, score
}
WITH e, max(score) AS score WHERE e.type IN $types
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, score
ORDER BY score DESC, e.articleCount DESC, e.name LIMIT $limit`,
    params: {
      keyIds,
      exact: EXACT_MATCH_SCORE,
      lucene,
      index: FULLTEXT_INDEX,
      types: [...wanted],
      limit: int(limit),
    },
  };
}

/** One entity: names, aliases, roles, relations both ways, quantities, mentioning articles. */
export function entityProfileQuery(id: string, maxItems: number): Query {
  return {
    cypher: `MATCH (e:Entity {id: $id})
CALL {
  WITH e
  OPTIONAL MATCH (e)-[r:HAS_ROLE]->(o:Entity)
  WITH r, o ORDER BY r.articleCount DESC LIMIT $max
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {role: r.role, at: {id: o.id, name: o.name, type: o.type}, articleCount: r.articleCount, factId: r.factId} END) AS roles
}
CALL {
  WITH e
  OPTIONAL MATCH (f:RoleFact)-[:SUBJECT]->(e) WHERE NOT (f)-[:OBJECT]->()
  WITH f ORDER BY f.articleCount DESC LIMIT $max
  RETURN collect(CASE WHEN f IS NULL THEN null ELSE {role: f.role, at: null, articleCount: f.articleCount, factId: f.id} END) AS looseRoles
}
CALL {
  WITH e
  OPTIONAL MATCH (p:Person)-[r:HAS_ROLE]->(e)
  WITH r, p ORDER BY r.articleCount DESC LIMIT $max
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {role: r.role, person: {id: p.id, name: p.name, type: p.type}, articleCount: r.articleCount, factId: r.factId} END) AS people
}
CALL {
  WITH e
  OPTIONAL MATCH (e)-[r:LEADS|FOUNDED|PARTICIPATES_IN|OPERATES|INVESTS_IN|SUPPLIES|PARTNERS_WITH]->(o:Entity)
  WITH r, o ORDER BY r.articleCount DESC LIMIT $max
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), entity: {id: o.id, name: o.name, type: o.type}, articleCount: r.articleCount, factId: r.factId} END) AS outgoing
}
CALL {
  WITH e
  OPTIONAL MATCH (s:Entity)-[r:LEADS|FOUNDED|PARTICIPATES_IN|OPERATES|INVESTS_IN|SUPPLIES|PARTNERS_WITH]->(e)
  WITH r, s ORDER BY r.articleCount DESC LIMIT $max
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), entity: {id: s.id, name: s.name, type: s.type}, articleCount: r.articleCount, factId: r.factId} END) AS incoming
}
CALL {
  WITH e
  OPTIONAL MATCH (e)-[:HAS_QUANTITY]->(q:QuantityFact)
  WITH q ORDER BY q.unit, q.value DESC LIMIT $max
  RETURN collect(CASE WHEN q IS NULL THEN null ELSE {unit: q.unit, value: q.value, qualifier: q.qualifier, articleCount: q.articleCount, firstStated: q.firstStated, lastStated: q.lastStated, factId: q.id} END) AS quantities
}
CALL {
  WITH e
  OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(e)
  WITH a, m ORDER BY a.date DESC, a.id LIMIT $max
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, url: a.url, title: a.title, date: a.date, lang: a.lang, mentions: m.count, surface: m.surface} END) AS articles
}
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.articleCount AS articleCount,
  roles + looseRoles AS roles, people, outgoing, incoming, quantities, articles`,
    params: { id, max: int(maxItems) },
  };
}
