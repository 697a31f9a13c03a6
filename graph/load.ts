// The loader. Each article is written atomically: all its facts in one write transaction of
// a few batched UNWIND statements (never one round trip per entity or fact). loadArticles
// writes a group of articles in one transaction the same way, so a batch pays one commit per
// group. Builders (pure, tested without a database) return { cypher, params }; the runner
// below executes them in order. See graph/MODEL.md for the model they write.
import type { ManagedTransaction } from "neo4j-driver";
import { type ExtractionResult, RELATION_TYPES } from "../extractors/types.ts";
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

export function upsertArticlesQuery(articles: ArticleRow[]): Query {
  return {
    cypher: `UNWIND $articles AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.title = row.title, a.date = row.date, a.lang = row.lang, a.contentHash = row.contentHash,
  a.chars = row.chars, a.pipeline = row.pipeline, a.loadedAt = toString(datetime())`,
    params: { articles: articles.map((a) => ({ ...a, chars: int(a.chars) })) },
  };
}

/** Removes the articles' sources and mentions; returns the facts and entities they touched. */
export function clearArticlesQuery(articleIds: string[]): Query {
  return {
    cypher: `UNWIND $articleIds AS id
MATCH (a:Article {id: id})
CALL {
  WITH a
  OPTIONAL MATCH (f:Fact)-[s:STATED_IN]->(a)
  DELETE s
  RETURN collect(DISTINCT f.id) AS factIds
}
CALL {
  WITH a
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  DELETE m
  RETURN collect(DISTINCT e.id) AS entityIds
}
RETURN factIds, entityIds`,
    params: { articleIds },
  };
}

/** Which of these identity keys (EntityKey ids) exist, and the entity each belongs to. */
export function resolveKeysQuery(keyIds: string[]): Query {
  return {
    cypher: `UNWIND $keyIds AS kid
MATCH (:EntityKey {id: kid})-[:KEY_OF]->(x:Entity)
RETURN kid AS key, x.id AS id`,
    params: { keyIds },
  };
}

/**
 * Entities with their mention by each article and their new identity keys. Counts and aliases
 * are updated incrementally here; replaced articles' entities are recounted by refreshEntitiesQuery.
 */
export function writeEntitiesQuery(rows: { articleId: string; entity: EntityRow; keys: string[] }[]): Query {
  return {
    cypher: `UNWIND $rows AS e
MATCH (a:Article {id: e.articleId})
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.key = e.key, n.aliases = [], n.articleCount = 0
SET n:$(e.type)
MERGE (a)-[m:MENTIONS]->(n)
SET m.count = e.count, m.surface = e.surface, n.articleCount = n.articleCount + 1,
  n.aliases = n.aliases + [s IN e.surface WHERE NOT s IN n.aliases]
SET n.aliasText = reduce(t = '', s IN n.aliases | t + CASE t WHEN '' THEN '' ELSE ' ' END + s)
WITH n, e
UNWIND e.keys AS key
MERGE (k:EntityKey {id: key})
WITH k, n WHERE NOT (k)-[:KEY_OF]->()
CREATE (k)-[:KEY_OF]->(n)`,
    params: {
      rows: rows.map(({ articleId, entity: e, keys }) => ({
        articleId,
        id: e.id,
        name: e.name,
        type: e.type,
        key: e.key,
        count: int(e.mentionCount),
        surface: e.surface,
        keys,
      })),
    },
  };
}

/** The plain relationship types derived from facts (a fixed list: types cannot be parameters in MERGE). */
const DERIVED_TYPES = [...RELATION_TYPES, "HAS_ROLE"] as const;

/**
 * Facts with their sources in each article, their SUBJECT/OBJECT links, HAS_QUANTITY, and the
 * derived entity-to-entity relationship. Counts are incremented; see refreshFactsQuery.
 */
export function writeFactsQuery(
  rows: { articleId: string; facts: FactRow[]; sources: SourceRow[] }[],
): Query {
  const out: Record<string, unknown>[] = [];
  for (const { articleId, facts, sources } of rows) {
    const sourcesOf = new Map<string, Record<string, unknown>[]>();
    for (const s of sources) {
      const { factId, ...props } = s;
      const row = {
        ...props,
        sentenceStart: int(s.sentenceStart),
        sentenceEnd: int(s.sentenceEnd),
        start: int(s.start),
        end: int(s.end),
      };
      sourcesOf.set(factId, [...(sourcesOf.get(factId) ?? []), row]);
    }
    for (const f of facts) {
      out.push({
        articleId,
        id: f.id,
        label: f.label,
        kind: f.kind,
        type: f.type,
        role: f.role,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        subjectId: f.subjectId,
        objectId: f.objectId,
        edge:
          f.subjectId && f.objectId
            ? f.kind === "role"
              ? "HAS_ROLE"
              : f.kind === "relation"
                ? f.type
                : null
            : null,
        sources: sourcesOf.get(f.id) ?? [],
      });
    }
  }
  const derived = DERIVED_TYPES.map(
    (t) =>
      `FOREACH (_ IN CASE f.edge WHEN '${t}' THEN [1] ELSE [] END |\n` +
      `  MERGE (s)-[r:${t} {factId: x.id}]->(o) SET r.articleCount = x.articleCount${t === "HAS_ROLE" ? ", r.role = f.role" : ""})`,
  ).join("\n");
  return {
    cypher: `UNWIND $facts AS f
MATCH (a:Article {id: f.articleId})
MERGE (x:Fact {id: f.id})
ON CREATE SET x.kind = f.kind, x.type = f.type, x.role = f.role, x.value = f.value, x.unit = f.unit,
  x.qualifier = f.qualifier, x.articleCount = 0
SET x:$(f.label), x.articleCount = x.articleCount + 1,
  x.firstStated = CASE WHEN a.date IS NULL OR x.firstStated <= a.date THEN x.firstStated ELSE a.date END,
  x.lastStated = CASE WHEN a.date IS NULL OR x.lastStated >= a.date THEN x.lastStated ELSE a.date END
FOREACH (p IN f.sources | CREATE (x)-[r:STATED_IN]->(a) SET r = p, r.statedOn = a.date)
WITH x, f
OPTIONAL MATCH (s:Entity {id: f.subjectId})
OPTIONAL MATCH (o:Entity {id: f.objectId})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (x)-[:SUBJECT]->(s))
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (x)-[:OBJECT]->(o))
FOREACH (_ IN CASE WHEN s IS NOT NULL AND f.kind = 'quantity' THEN [1] ELSE [] END | MERGE (s)-[:HAS_QUANTITY]->(x))
${derived}`,
    params: { facts: out },
  };
}

/**
 * Recounts the articles stating each fact (corroboration) and the dates it was stated on, and
 * deletes facts no article states any more, with their derived relationships.
 */
export function refreshFactsQuery(factIds: string[]): Query {
  return {
    cypher: `UNWIND $factIds AS id
MATCH (x:Fact {id: id})
OPTIONAL MATCH (x)-[:STATED_IN]->(a:Article)
WITH x, count(DISTINCT a) AS n, min(a.date) AS first, max(a.date) AS last
SET x.articleCount = n, x.firstStated = first, x.lastStated = last
WITH x, n
OPTIONAL MATCH (x)-[:SUBJECT]->(:Entity)-[r]->(:Entity) WHERE r.factId = x.id
WITH x, n, collect(r) AS derived
FOREACH (r IN derived | SET r.articleCount = n)
WITH x, n, derived WHERE n = 0
FOREACH (r IN derived | DELETE r)
DETACH DELETE x`,
    params: { factIds },
  };
}

/**
 * Recomputes aliases (every surface form any article used) and the number of articles naming
 * each entity; deletes entities no article mentions and no fact refers to, with their keys.
 */
export function refreshEntitiesQuery(entityIds: string[]): Query {
  return {
    cypher: `UNWIND $entityIds AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(n)
WITH n, count(a) AS articles, collect(m.surface) AS lists
WITH n, articles, reduce(acc = [], l IN lists | acc + [s IN l WHERE NOT s IN acc]) AS aliases
SET n.articleCount = articles, n.aliases = aliases,
  n.aliasText = reduce(t = '', s IN aliases | t + CASE t WHEN '' THEN '' ELSE ' ' END + s)
WITH n, articles WHERE articles = 0 AND NOT (n)<-[:SUBJECT|OBJECT]-()
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

/** Loaded articles with the same text as these (by content hash) but another id. */
export function duplicateArticlesQuery(items: { id: string; hash: string }[]): Query {
  return {
    cypher: `UNWIND $items AS i
MATCH (a:Article {contentHash: i.hash}) WHERE a.id <> i.id
RETURN i.id AS id, min(a.id) AS original`,
    params: { items },
  };
}

/** Article id -> id of an already loaded article with the same text. */
export async function duplicateArticles(
  graph: Graph,
  items: { id: string; hash: string }[],
): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const rows = await runRead<{ id: string; original: string }>(graph, duplicateArticlesQuery(items));
  return new Map(rows.map((r) => [r.id, r.original]));
}

/** What is already loaded for these article ids. */
export async function articleStates(graph: Graph, ids: string[]): Promise<Map<string, ArticleState>> {
  const rows = await runRead<ArticleState>(graph, articleStatesQuery(ids));
  return new Map(rows.map((r) => [r.id, r]));
}

async function run<T = Record<string, unknown>>(
  tx: ManagedTransaction,
  q: Query,
  list: unknown[],
): Promise<T[]> {
  return list.length === 0 ? [] : runIn<T>(tx, q);
}

/** Undoes articles' contributions inside a transaction: sources and mentions; returns what they touched. */
async function clearIn(
  tx: ManagedTransaction,
  articleIds: string[],
): Promise<{ factIds: string[]; entityIds: string[] }> {
  const rows = await run<{ factIds: string[]; entityIds: string[] }>(
    tx,
    clearArticlesQuery(articleIds),
    articleIds,
  );
  return {
    factIds: [...new Set(rows.flatMap((r) => r.factIds))],
    entityIds: [...new Set(rows.flatMap((r) => r.entityIds))],
  };
}

/** Recounts facts and entities and deletes the ones left without a source. */
async function refreshIn(tx: ManagedTransaction, factIds: string[], entityIds: string[]): Promise<void> {
  await run(tx, refreshFactsQuery(factIds), factIds);
  await run(tx, refreshEntitiesQuery(entityIds), entityIds);
}

export interface ArticleWithResult {
  article: ArticleInput;
  result: ExtractionResult;
}

async function writeGroup(
  tx: ManagedTransaction,
  plans: ArticlePlan[],
  force: boolean,
): Promise<LoadOutcome[]> {
  const ids = plans.map((p) => p.article.id);
  const states = new Map(
    (
      await run<{ id: string; contentHash: string; pipeline: string | null }>(
        tx,
        articleStatesQuery(ids),
        ids,
      )
    ).map((r) => [r.id, r]),
  );
  const outcomes = new Map<string, LoadOutcome>();
  const todo: ArticlePlan[] = [];
  for (const p of plans) {
    const s = states.get(p.article.id);
    if (s && !force && s.contentHash === p.article.contentHash && s.pipeline === p.article.pipeline) {
      outcomes.set(p.article.id, {
        articleId: p.article.id,
        status: "unchanged",
        entities: 0,
        facts: 0,
        sources: 0,
        dropped: p.dropped,
      });
    } else todo.push(p);
  }
  if (todo.length > 0) {
    const replacedIds = todo.map((p) => p.article.id).filter((id) => states.has(id));
    await run(tx, upsertArticlesQuery(todo.map((p) => p.article)), todo);
    const old = await clearIn(tx, replacedIds);

    // Identity: keys already in the graph, then keys claimed by earlier articles of this group.
    const keyIds = [...new Set(todo.flatMap((p) => p.entities.flatMap((e) => e.lookupIds)))];
    const keyMap = new Map(
      (await run<{ key: string; id: string }>(tx, resolveKeysQuery(keyIds), keyIds)).map((r) => [
        r.key,
        r.id,
      ]),
    );
    const resolved: ResolvedPlan[] = [];
    const entityRows: { articleId: string; entity: EntityRow; keys: string[] }[] = [];
    for (const p of todo) {
      const found = new Map<string, string>();
      for (const e of p.entities) {
        const hit = e.lookupIds.find((k) => keyMap.has(k));
        if (hit) found.set(e.ref, keyMap.get(hit)!);
      }
      const r = resolvePlan(p, found);
      const newKeys = new Map<string, string[]>();
      for (const k of r.keys) {
        if (keyMap.has(k.id)) continue;
        keyMap.set(k.id, k.entityId);
        newKeys.set(k.entityId, [...(newKeys.get(k.entityId) ?? []), k.id]);
      }
      for (const e of r.entities)
        entityRows.push({ articleId: p.article.id, entity: e, keys: newKeys.get(e.id) ?? [] });
      resolved.push(r);
    }
    await run(tx, writeEntitiesQuery(entityRows), entityRows);
    const factRows = resolved.map((r) => ({ articleId: r.article.id, facts: r.facts, sources: r.sources }));
    await run(
      tx,
      writeFactsQuery(factRows),
      resolved.flatMap((r) => r.facts),
    );
    if (replacedIds.length > 0) {
      // The incremental counts above counted replaced articles on top of their old versions: recount.
      const factIds = [...new Set([...old.factIds, ...resolved.flatMap((r) => r.facts.map((f) => f.id))])];
      const entityIds = [
        ...new Set([...old.entityIds, ...resolved.flatMap((r) => r.entities.map((e) => e.id))]),
      ];
      await refreshIn(tx, factIds, entityIds);
    }
    for (const [i, r] of resolved.entries()) {
      outcomes.set(r.article.id, {
        articleId: r.article.id,
        status: states.has(r.article.id) ? "replaced" : "loaded",
        entities: r.entities.length,
        facts: r.facts.length,
        sources: r.sources.length,
        dropped: todo[i]!.dropped,
      });
    }
  }
  return ids.map((id) => outcomes.get(id)!);
}

/**
 * Loads a group of articles in one write transaction (each article entirely inside it).
 * Unchanged articles (same text, same pipeline) are skipped; a changed article's old facts
 * are replaced. Article ids must be unique within the group.
 */
export async function loadArticles(
  graph: Graph,
  items: ArticleWithResult[],
  options: LoadOptions = {},
): Promise<LoadOutcome[]> {
  const ids = new Set<string>();
  for (const { article } of items) {
    if (ids.has(article.id))
      throw new Error(`loadArticles: article id '${article.id}' appears twice in one group`);
    ids.add(article.id);
  }
  if (items.length === 0) return [];
  await ensureSchema(graph);
  const plans = items.map(({ article, result }) =>
    planArticle(article, result, { pipeline: options.pipeline }),
  );
  return writeTx(graph, (tx) => writeGroup(tx, plans, options.force ?? false));
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
  const [out] = await loadArticles(graph, [{ article, result }], options);
  return out!;
}

/** Removes an article and everything only it stated. Returns false when there was no such article. */
export async function removeArticle(graph: Graph, articleId: string): Promise<boolean> {
  return writeTx(graph, async (tx) => {
    const [existing] = await runIn(tx, articleStatesQuery([articleId]));
    if (!existing) return false;
    const old = await clearIn(tx, [articleId]);
    await runIn(tx, deleteArticleQuery(articleId));
    await refreshIn(tx, old.factIds, old.entityIds);
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
