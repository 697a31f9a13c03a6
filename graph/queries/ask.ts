// The queries behind /ask besides leadership (graph/queries/leaders.ts): facts around one
// entity (roles, relations in one direction), its quantities, and the sources of facts.
import type { EntityType } from "../../extractors/types.ts";
import { type Query, int } from "../driver.ts";

export interface FactsAroundSpec {
  entityId: string;
  /** Whether the entity is the fact's subject ("what role has P") or its object ("who works at O"). */
  side: "subject" | "object";
  /** Relation types to include (LEADS, FOUNDED, ...). */
  types: readonly string[];
  /** Role facts to include: null = none, [] = every role, else these roles. */
  roles: readonly string[] | null;
  /** Types of the entity at the other end; empty = any. */
  otherTypes: readonly EntityType[];
  limit: number;
}

export interface FactAroundRow {
  factId: string;
  kind: "relation" | "role";
  type: string;
  role: string | null;
  otherId: string | null;
  other: string | null;
  otherType: string | null;
  articleCount: number;
}

/**
 * Role and relation facts with the entity on one side ("who works at OpenAI": role facts whose
 * object is OpenAI; "what role has Sam Altman": role facts whose subject he is). A symmetric
 * PARTNERS_WITH fact counts from both sides.
 */
export function factsAroundQuery(spec: FactsAroundSpec): Query {
  const [near, far] = spec.side === "subject" ? ["SUBJECT", "OBJECT"] : ["OBJECT", "SUBJECT"];
  return {
    cypher: `MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (f:Fact)-[:${near}]->(e)
  RETURN f
  UNION
  MATCH (f:Fact {type: 'PARTNERS_WITH'})-[:${far}]->(e)
  RETURN f
}
WITH e, f WHERE (f.kind = 'relation' AND f.type IN $types)
  OR (f.kind = 'role' AND $withRoles AND ($roles IS NULL OR f.role IN $roles))
OPTIONAL MATCH (f)-[:SUBJECT|OBJECT]->(o:Entity) WHERE o <> e
WITH f, o WHERE size($otherTypes) = 0 OR o.type IN $otherTypes
RETURN f.id AS factId, f.kind AS kind, f.type AS type, f.role AS role, o.id AS otherId, o.name AS other,
  o.type AS otherType, f.articleCount AS articleCount
ORDER BY articleCount DESC, other, role, type
LIMIT $limit`,
    params: {
      id: spec.entityId,
      types: [...spec.types],
      withRoles: spec.roles !== null,
      roles: spec.roles && spec.roles.length > 0 ? [...spec.roles] : null,
      otherTypes: [...spec.otherTypes],
      limit: int(spec.limit),
    },
  };
}

export interface QuantityRow {
  factId: string;
  unit: string;
  value: number;
  qualifier: string | null;
  articleCount: number;
  firstStated: string | null;
  lastStated: string | null;
}

/** Units of money are ISO currency codes: everything but these. */
export const NON_MONEY_UNITS = ["GPU", "W"] as const;

export type Measure = "money" | "gpu" | "power" | "any";

/** Quantities owned by the entity, of one measure; every reported value, most corroborated first. */
export function quantitiesQuery(entityId: string, measure: Measure, limit: number): Query {
  return {
    cypher: `MATCH (:Entity {id: $id})-[:HAS_QUANTITY]->(q:QuantityFact)
WHERE CASE $measure
  WHEN 'money' THEN NOT q.unit IN $nonMoney
  WHEN 'gpu' THEN q.unit = 'GPU'
  WHEN 'power' THEN q.unit = 'W'
  ELSE true END
RETURN q.id AS factId, q.unit AS unit, q.value AS value, q.qualifier AS qualifier, q.articleCount AS articleCount,
  q.firstStated AS firstStated, q.lastStated AS lastStated
ORDER BY unit, articleCount DESC, value DESC
LIMIT $limit`,
    params: { id: entityId, measure, nonMoney: [...NON_MONEY_UNITS], limit: int(limit) },
  };
}

export interface EvidenceRow {
  factId: string;
  articleId: string;
  url: string | null;
  title: string | null;
  date: string | null;
  sentence: string | null;
  sentenceStart: number | null;
  sentenceEnd: number | null;
  start: number | null;
  end: number | null;
  text: string | null;
}

/** The sources of these facts, in the order given, at most `perFact` each (newest first). */
export function evidenceQuery(factIds: readonly string[], perFact: number): Query {
  return {
    cypher: `UNWIND range(0, size($factIds) - 1) AS i
MATCH (f:Fact {id: $factIds[i]})
CALL (f) {
  MATCH (f)-[s:STATED_IN]->(a:Article)
  RETURN s, a ORDER BY a.date DESC, a.id, s.start LIMIT $perFact
}
RETURN f.id AS factId, a.id AS articleId, a.url AS url, a.title AS title, a.date AS date, s.sentence AS sentence,
  s.sentenceStart AS sentenceStart, s.sentenceEnd AS sentenceEnd, s.start AS start, s.end AS end, s.text AS text
ORDER BY i`,
    params: { factIds: [...factIds], perFact: int(perFact) },
  };
}
