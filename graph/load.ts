// The loader: one article = one write transaction of a few batched UNWIND statements.
// Builders (pure, tested without a database) return { cypher, params }; loadArticle runs
// them in order. See graph/MODEL.md for the model they write.
import type { ManagedTransaction } from "neo4j-driver";
import type { ExtractionResult } from "../extractors/types.ts";
import { type Graph, type Query, int, readTx, runAutoCommit, runIn, runRead, writeTx } from "./driver.ts";
import {
  type ArticleInput,
  type ArticlePlan,
  type ArticleRow,
  type EntityRow,
  type FactRow,
  type ResolvedPlan,
  type SourceRow,
  planArticle,
  resolvePlan,
} from "./plan.ts";
import { awaitIndexesQuery, schemaQueries } from "./schema.ts";

export type { ArticleInput } from "./plan.ts";

// ---- builders ----------------------------------------------------------------------------

/** Hash and pipeline of already loaded articles, to skip unchanged ones before extracting them. */
export function articleStatesQuery(ids: string[]): Query {
  return {
    cypher:
      "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.contentHash AS contentHash, a.pipeline AS pipeline",
    params: { ids },
  };
}

export function upsertArticleQuery(article: ArticleRow): Query {
  return {
    cypher:
      "MERGE (a:Article {id: $article.id}) " +
      "SET a.url = $article.url, a.title = $article.title, a.date = $article.date, a.lang = $article.lang, " +
      "a.contentHash = $article.contentHash, a.chars = $article.chars, a.pipeline = $article.pipeline, " +
      "a.loadedAt = toString(datetime())",
    params: { article: { ...article, chars: int(article.chars) } },
  };
}

/** Removes an article's sources and mentions; returns the facts and entities they touched. */
export function clearArticleQuery(articleId: string): Query {
  return {
    cypher: `MATCH (a:Article {id: $articleId})
OPTIONAL MATCH (f:Fact)-[s:STATED_IN]->(a)
WITH a, collect(DISTINCT f.id) AS factIds, collect(s) AS stated
FOREACH (s IN stated | DELETE s)
WITH a, factIds
OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
WITH factIds, collect(DISTINCT e.id) AS entityIds, collect(m) AS mentions
FOREACH (m IN mentions | DELETE m)
RETURN factIds, entityIds`,
    params: { articleId },
  };
}

/** For each planned entity, the id of an existing node that owns one of its keys (best key first). */
export function resolveEntitiesQuery(entities: { ref: string; lookupIds: string[] }[]): Query {
  return {
    cypher: `UNWIND $entities AS e
CALL {
  WITH e
  UNWIND range(0, size(e.lookupIds) - 1) AS i
  MATCH (:EntityKey {id: e.lookupIds[i]})-[:KEY_OF]->(x:Entity)
  RETURN x.id AS id ORDER BY i LIMIT 1
}
RETURN e.ref AS ref, id`,
    params: { entities: entities.map((e) => ({ ref: e.ref, lookupIds: e.lookupIds })) },
  };
}

export function upsertEntitiesQuery(entities: EntityRow[]): Query {
  return {
    cypher: `UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.key = e.key, n.aliases = [], n.aliasText = '', n.articleCount = 0
SET n:$(e.type)`,
    params: { entities: entities.map((e) => ({ id: e.id, name: e.name, type: e.type, key: e.key })) },
  };
}

/** Identity keys: each key belongs to the first entity that claimed it. */
export function upsertKeysQuery(keys: { id: string; entityId: string }[]): Query {
  return {
    cypher: `UNWIND $keys AS k
MATCH (n:Entity {id: k.entityId})
MERGE (x:EntityKey {id: k.id})
WITH x, n WHERE NOT (x)-[:KEY_OF]->()
CREATE (x)-[:KEY_OF]->(n)`,
    params: { keys },
  };
}

export function mentionsQuery(articleId: string, entities: EntityRow[]): Query {
  return {
    cypher: `MATCH (a:Article {id: $articleId})
UNWIND $mentions AS m
MATCH (n:Entity {id: m.id})
MERGE (a)-[r:MENTIONS]->(n)
SET r.count = m.count, r.surface = m.surface`,
    params: {
      articleId,
      mentions: entities.map((e) => ({ id: e.id, count: int(e.mentionCount), surface: e.surface })),
    },
  };
}

export function upsertFactsQuery(facts: FactRow[]): Query {
  return {
    cypher: `UNWIND $facts AS f
MERGE (x:Fact {id: f.id})
ON CREATE SET x.kind = f.kind, x.type = f.type, x.role = f.role, x.value = f.value, x.unit = f.unit,
  x.qualifier = f.qualifier, x.articleCount = 0
SET x:$(f.label)`,
    params: {
      facts: facts.map((f) => ({
        id: f.id,
        label: f.label,
        kind: f.kind,
        type: f.type,
        role: f.role,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
      })),
    },
  };
}

/** SUBJECT/OBJECT from facts to entities, and HAS_QUANTITY from the owner to its quantity. */
export function factLinksQuery(facts: FactRow[]): Query {
  const links: { factId: string; entityId: string; rel: string }[] = [];
  for (const f of facts) {
    if (f.subjectId) links.push({ factId: f.id, entityId: f.subjectId, rel: "SUBJECT" });
    if (f.objectId) links.push({ factId: f.id, entityId: f.objectId, rel: "OBJECT" });
  }
  return {
    cypher: `UNWIND $links AS l
MATCH (x:Fact {id: l.factId}), (e:Entity {id: l.entityId})
MERGE (x)-[:$(l.rel)]->(e)
WITH x, e, l WHERE l.rel = 'SUBJECT' AND x.kind = 'quantity'
MERGE (e)-[:HAS_QUANTITY]->(x)`,
    params: { links },
  };
}

/** The plain entity-to-entity relationships derived from relation facts and roles with an org. */
export function derivedEdgesQuery(facts: FactRow[]): Query {
  const edges = facts
    .filter((f) => f.subjectId && f.objectId && (f.kind === "relation" || f.kind === "role"))
    .map((f) => ({
      factId: f.id,
      from: f.subjectId,
      to: f.objectId,
      type: f.kind === "role" ? "HAS_ROLE" : f.type,
      role: f.role,
    }));
  return {
    cypher: `UNWIND $edges AS d
MATCH (s:Entity {id: d.from}), (o:Entity {id: d.to})
MERGE (s)-[r:$(d.type) {factId: d.factId}]->(o)
SET r.role = d.role`,
    params: { edges },
  };
}

export function sourcesQuery(articleId: string, sources: SourceRow[]): Query {
  return {
    cypher: `MATCH (a:Article {id: $articleId})
UNWIND $sources AS s
MATCH (x:Fact {id: s.factId})
CREATE (x)-[r:STATED_IN]->(a)
SET r.sentence = s.sentence, r.sentenceStart = s.sentenceStart, r.sentenceEnd = s.sentenceEnd,
  r.start = s.start, r.end = s.end, r.text = s.text, r.extractor = s.extractor,
  r.confidence = s.confidence, r.qualifier = s.qualifier, r.statedOn = a.date`,
    params: {
      articleId,
      sources: sources.map((s) => ({
        ...s,
        sentenceStart: int(s.sentenceStart),
        sentenceEnd: int(s.sentenceEnd),
        start: int(s.start),
        end: int(s.end),
      })),
    },
  };
}

/** Recounts the articles stating each fact (corroboration) and the dates it was stated on. */
export function refreshFactsQuery(factIds: string[]): Query {
  return {
    cypher: `UNWIND $factIds AS id
MATCH (x:Fact {id: id})
OPTIONAL MATCH (x)-[:STATED_IN]->(a:Article)
WITH x, count(DISTINCT a) AS n, min(a.date) AS first, max(a.date) AS last
SET x.articleCount = n, x.firstStated = first, x.lastStated = last
WITH x, n
CALL {
  WITH x, n
  MATCH (x)-[:SUBJECT]->(:Entity)-[r]->(:Entity) WHERE r.factId = x.id
  SET r.articleCount = n
}`,
    params: { factIds },
  };
}

/** Deletes facts no article states any more, with their derived relationships. */
export function deleteOrphanFactsQuery(factIds: string[]): Query {
  return {
    cypher: `UNWIND $factIds AS id
MATCH (x:Fact {id: id}) WHERE NOT (x)-[:STATED_IN]->()
OPTIONAL MATCH (x)-[:SUBJECT]->(:Entity)-[r]->(:Entity) WHERE r.factId = x.id
WITH x, collect(r) AS derived
FOREACH (r IN derived | DELETE r)
DETACH DELETE x`,
    params: { factIds },
  };
}

/** Recomputes aliases (every surface form any article used) and the number of articles naming each entity. */
export function refreshEntitiesQuery(entityIds: string[]): Query {
  return {
    cypher: `UNWIND $entityIds AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(n)
WITH n, count(a) AS articles, collect(m.surface) AS lists
WITH n, articles, reduce(acc = [], l IN lists | acc + [s IN l WHERE NOT s IN acc]) AS aliases
SET n.articleCount = articles, n.aliases = aliases,
  n.aliasText = reduce(t = '', s IN aliases | t + CASE t WHEN '' THEN '' ELSE ' ' END + s)`,
    params: { entityIds },
  };
}

/** Deletes entities no article mentions and no fact refers to, with their identity keys. */
export function deleteOrphanEntitiesQuery(entityIds: string[]): Query {
  return {
    cypher: `UNWIND $entityIds AS id
MATCH (n:Entity {id: id}) WHERE NOT (n)<-[:MENTIONS]-() AND NOT (n)<-[:SUBJECT|OBJECT]-()
OPTIONAL MATCH (k:EntityKey)-[:KEY_OF]->(n)
WITH n, collect(k) AS keys
FOREACH (k IN keys | DETACH DELETE k)
DETACH DELETE n`,
    params: { entityIds },
  };
}

export function deleteArticleQuery(articleId: string): Query {
  return { cypher: "MATCH (a:Article {id: $articleId}) DETACH DELETE a", params: { articleId } };
}

// ---- runner ------------------------------------------------------------------------------

export interface LoadOutcome {
  articleId: string;
  status: "loaded" | "replaced" | "unchanged";
  entities: number;
  facts: number;
  sources: number;
  dropped: string[];
}

export interface LoadOptions {
  /** Identifies the extraction pipeline: an article loaded by another pipeline is reloaded. */
  pipeline?: string;
  /** Reload even when the content hash is unchanged. */
  force?: boolean;
}

const schemaReady = new WeakSet<Graph>();

/** Creates constraints and indexes (IF NOT EXISTS); once per graph handle. */
export async function ensureSchema(graph: Graph): Promise<void> {
  if (schemaReady.has(graph)) return;
  for (const q of schemaQueries()) await runAutoCommit(graph, q);
  await runAutoCommit(graph, awaitIndexesQuery());
  schemaReady.add(graph);
}

export interface ArticleState {
  id: string;
  contentHash: string;
  pipeline: string | null;
}

/** What is already loaded for these article ids. */
export async function articleStates(graph: Graph, ids: string[]): Promise<Map<string, ArticleState>> {
  const rows = await runRead<ArticleState>(graph, articleStatesQuery(ids));
  return new Map(rows.map((r) => [r.id, r]));
}

async function run(tx: ManagedTransaction, q: Query, list?: unknown[]): Promise<Record<string, unknown>[]> {
  if (list && list.length === 0) return [];
  return runIn(tx, q);
}

/** Undoes an article's contribution inside a transaction: sources, mentions, then orphans. */
async function clearIn(
  tx: ManagedTransaction,
  articleId: string,
): Promise<{ factIds: string[]; entityIds: string[] }> {
  const [row] = await runIn<{ factIds: string[]; entityIds: string[] }>(tx, clearArticleQuery(articleId));
  return row ?? { factIds: [], entityIds: [] };
}

async function writePlan(tx: ManagedTransaction, plan: ArticlePlan, force: boolean): Promise<LoadOutcome> {
  const a = plan.article;
  const [existing] = await runIn<{ contentHash: string; pipeline: string | null }>(
    tx,
    articleStatesQuery([a.id]),
  );
  const base = { articleId: a.id, dropped: plan.dropped };
  if (existing && !force && existing.contentHash === a.contentHash && existing.pipeline === a.pipeline) {
    return { ...base, status: "unchanged", entities: 0, facts: 0, sources: 0 };
  }
  await runIn(tx, upsertArticleQuery(a));
  const old = existing ? await clearIn(tx, a.id) : { factIds: [], entityIds: [] };

  const found = new Map<string, string>();
  if (plan.entities.length > 0) {
    for (const r of await runIn<{ ref: string; id: string }>(tx, resolveEntitiesQuery(plan.entities))) {
      found.set(r.ref, r.id);
    }
  }
  const p: ResolvedPlan = resolvePlan(plan, found);
  await run(tx, upsertEntitiesQuery(p.entities), p.entities);
  await run(tx, upsertKeysQuery(p.keys), p.keys);
  await run(tx, mentionsQuery(a.id, p.entities), p.entities);
  await run(tx, upsertFactsQuery(p.facts), p.facts);
  await run(tx, factLinksQuery(p.facts), p.facts);
  await run(tx, derivedEdgesQuery(p.facts), p.facts);
  await run(tx, sourcesQuery(a.id, p.sources), p.sources);

  const factIds = [...new Set([...old.factIds, ...p.facts.map((f) => f.id)])];
  const entityIds = [...new Set([...old.entityIds, ...p.entities.map((e) => e.id)])];
  await run(tx, refreshFactsQuery(factIds), factIds);
  await run(tx, deleteOrphanFactsQuery(old.factIds), old.factIds);
  await run(tx, refreshEntitiesQuery(entityIds), entityIds);
  await run(tx, deleteOrphanEntitiesQuery(old.entityIds), old.entityIds);
  return {
    ...base,
    status: existing ? "replaced" : "loaded",
    entities: p.entities.length,
    facts: p.facts.length,
    sources: p.sources.length,
  };
}

/**
 * Loads one article and its extraction result in one write transaction. Loading the same
 * text again changes nothing; a changed text replaces everything the article stated before.
 */
export async function loadArticle(
  graph: Graph,
  article: ArticleInput,
  result: ExtractionResult,
  options: LoadOptions = {},
): Promise<LoadOutcome> {
  await ensureSchema(graph);
  const plan = planArticle(article, result, { pipeline: options.pipeline });
  return writeTx(graph, (tx) => writePlan(tx, plan, options.force ?? false));
}

/** Removes an article and everything only it stated. Returns false when there was no such article. */
export async function removeArticle(graph: Graph, articleId: string): Promise<boolean> {
  return writeTx(graph, async (tx) => {
    const [existing] = await runIn(tx, articleStatesQuery([articleId]));
    if (!existing) return false;
    const old = await clearIn(tx, articleId);
    await runIn(tx, deleteArticleQuery(articleId));
    await run(tx, refreshFactsQuery(old.factIds), old.factIds);
    await run(tx, deleteOrphanFactsQuery(old.factIds), old.factIds);
    await run(tx, refreshEntitiesQuery(old.entityIds), old.entityIds);
    await run(tx, deleteOrphanEntitiesQuery(old.entityIds), old.entityIds);
    return true;
  });
}

/** Counts of what the graph holds, for summaries. */
export function graphCountsQuery(): Query {
  return {
    cypher: `CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (f:Fact) RETURN count(f) AS facts }
CALL { MATCH ()-[s:STATED_IN]->() RETURN count(s) AS sources }
RETURN articles, entities, facts, sources`,
    params: {},
  };
}

export async function graphCounts(
  graph: Graph,
): Promise<{ articles: number; entities: number; facts: number; sources: number }> {
  const [row] = await readTx(graph, (tx) =>
    runIn<{ articles: number; entities: number; facts: number; sources: number }>(tx, graphCountsQuery()),
  );
  return row!;
}
