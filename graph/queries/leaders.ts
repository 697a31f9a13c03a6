// Who leads a project or organization: directly (a person LEADS it, or is its CEO/Chairman)
// or through an organization (Sam Altman leads OpenAI, which FOUNDED Stargate -> via OpenAI).
import { type Query, int } from "../driver.ts";

/** Roles that make a person the leader of the organization or project they are held at (GUIDELINES: CEO and Chairman imply LEADS). */
export const LEADING_ROLES = ["CEO", "Chairman"] as const;

/** Organization -> project relations through which the organization's leader leads the project. */
export const LEADING_VIA = ["FOUNDED", "PARTICIPATES_IN", "OPERATES"] as const;

/** The part shared by leadersQuery and projectsQuery: rows (x, pe, via, viaRelation, factIds, support) for a bound `x`. */
export const LEADERS_SUBQUERY = `CALL (x) {
  MATCH (pe:Person)-[l:LEADS|HAS_ROLE]->(x)
  WHERE type(l) = 'LEADS' OR l.role IN $leadingRoles
  RETURN pe, null AS via, null AS viaRelation, [l.factId] AS factIds, l.articleCount AS support
  UNION ALL
  MATCH (pe:Person)-[l:LEADS|HAS_ROLE]->(via:Organization)-[r]->(x:Project)
  WHERE (type(l) = 'LEADS' OR l.role IN $leadingRoles) AND type(r) IN $leadingVia
  RETURN pe, via, type(r) AS viaRelation, [l.factId, r.factId] AS factIds, l.articleCount + r.articleCount AS support
}`;

export interface LeaderRow {
  projectId: string;
  project: string;
  projectType: string;
  personId: string;
  person: string;
  viaId: string | null;
  via: string | null;
  /** How `via` is involved in the project: FOUNDED, PARTICIPATES_IN, OPERATES (empty when direct). */
  viaRelations: string[];
  factIds: string[];
  support: number;
}

/**
 * One row per (led thing, person, via): of every project when `targetId` is null ("who leads
 * which compute project"), else of that one entity ("who leads Stargate / OpenAI").
 */
export function leadersQuery(targetId: string | null, limit: number): Query {
  return {
    cypher: `${targetId === null ? "MATCH (x:Project)" : "MATCH (x:Entity {id: $targetId})"}
${LEADERS_SUBQUERY}
WITH x, pe, via, collect(viaRelation) AS rels, collect(factIds) AS lists, max(support) AS support
RETURN x.id AS projectId, x.name AS project, x.type AS projectType, pe.id AS personId, pe.name AS person,
  via.id AS viaId, via.name AS via, [r IN rels WHERE r IS NOT NULL] AS viaRelations,
  reduce(acc = [], l IN lists | acc + [f IN l WHERE f IS NOT NULL AND NOT f IN acc]) AS factIds, support
ORDER BY toLower(project), viaId IS NOT NULL, support DESC, person
LIMIT $limit`,
    params: {
      targetId,
      leadingRoles: [...LEADING_ROLES],
      leadingVia: [...LEADING_VIA],
      limit: int(limit),
    },
  };
}
