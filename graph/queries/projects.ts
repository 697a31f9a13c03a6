// Every compute project with its leaders (direct and via an organization), participants,
// operators, founders, investors, suppliers and quantities.
import { type Query, int } from "../driver.ts";
import { LEADERS_SUBQUERY, LEADING_ROLES, LEADING_VIA } from "./leaders.ts";

export function projectsQuery(page: { limit: number; offset: number }, maxItems: number): Query {
  const involved = (type: string, alias: string) => `CALL (x) {
  OPTIONAL MATCH (o:Entity)-[r:${type}]->(x)
  WITH o, r ORDER BY r.articleCount DESC, o.name LIMIT $max
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name, type: o.type, articleCount: r.articleCount} END) AS ${alias}
}`;
  return {
    cypher: `MATCH (x:Project)
WITH count(x) AS total, collect(x) AS hits
UNWIND hits AS x
WITH total, x ORDER BY x.articleCount DESC, toLower(x.name) SKIP $offset LIMIT $limit
CALL (x) {
  ${LEADERS_SUBQUERY.replace(/\n/g, "\n  ")}
  WITH pe, via, collect(viaRelation) AS rels, max(support) AS support
  ORDER BY via IS NOT NULL, support DESC, pe.name LIMIT $max
  RETURN collect({person: {id: pe.id, name: pe.name}, via: CASE WHEN via IS NULL THEN null ELSE {id: via.id, name: via.name} END,
    viaRelations: [r IN rels WHERE r IS NOT NULL]}) AS leaders
}
${involved("PARTICIPATES_IN", "participants")}
${involved("OPERATES", "operators")}
${involved("FOUNDED", "founders")}
${involved("INVESTS_IN", "investors")}
${involved("SUPPLIES", "suppliers")}
CALL (x) {
  OPTIONAL MATCH (x)-[:HAS_QUANTITY]->(q:QuantityFact)
  WITH q ORDER BY q.unit, q.articleCount DESC, q.value DESC LIMIT $max
  RETURN collect(CASE WHEN q IS NULL THEN null ELSE {unit: q.unit, value: q.value, qualifier: q.qualifier, articleCount: q.articleCount, factId: q.id} END) AS quantities
}
RETURN total, x.id AS id, x.name AS name, x.aliases AS aliases, x.articleCount AS articleCount,
  leaders, participants, operators, founders, investors, suppliers, quantities`,
    params: {
      offset: int(page.offset),
      limit: int(page.limit),
      max: int(maxItems),
      leadingRoles: [...LEADING_ROLES],
      leadingVia: [...LEADING_VIA],
    },
  };
}
