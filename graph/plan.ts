// Turns one article and its extraction result into what the loader writes: entities with
// their identity keys, facts with all their sources (sentence, offsets, extractor,
// confidence). Pure: no database, no clock. Ids that depend on the graph (an entity already
// known under another name) are settled by resolvePlan once the loader has looked them up.
import type {
  Entity,
  EntityType,
  ExtractionResult,
  QuantityFinding,
  RelationFinding,
  RelationType,
  RoleFinding,
  Span,
} from "../extractors/types.ts";
import { ENTITY_TYPES } from "../extractors/types.ts";
import { contentHash, entityId, entityKey, factId, isIdentifyingAlias, lookupKeys } from "./identity.ts";

export interface ArticleInput {
  id: string;
  text: string;
  lang: string;
  url?: string | null;
  title?: string | null;
  /** The publication date ("2025-09-24"); facts are "stated on" this date. */
  date?: string | null;
}

export interface ArticleRow {
  id: string;
  url: string | null;
  title: string | null;
  date: string | null;
  lang: string;
  contentHash: string;
  chars: number;
  /** Identifies the extraction pipeline; an article is reloaded when it changes. */
  pipeline: string | null;
}

export interface PlannedEntity {
  ref: string;
  type: EntityType;
  name: string;
  key: string;
  /** Surface forms used in this article plus the extractor's aliases (lexicon names in both languages). */
  aliases: string[];
  /** Keys that identify this entity in the graph (name and unambiguous aliases). */
  keys: string[];
  /** EntityKey ids to look the entity up by, best first. */
  lookupIds: string[];
  mentionCount: number;
  confidence: number | null;
}

export interface PlannedSource {
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  start: number;
  end: number;
  text: string;
  extractor: string;
  confidence: number | null;
  qualifier: string | null;
}

export type FactKind = "relation" | "role" | "quantity";

export interface PlannedFact {
  kind: FactKind;
  type: string;
  role: string | null;
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  subjectRef: string | null;
  objectRef: string | null;
  source: PlannedSource;
}

export interface ArticlePlan {
  article: ArticleRow;
  entities: PlannedEntity[];
  facts: PlannedFact[];
  /** Findings that could not be placed (bad offsets), for the summary. */
  dropped: string[];
}

const FACT_LABEL: Record<FactKind, string> = {
  relation: "RelationFact",
  role: "RoleFact",
  quantity: "QuantityFact",
};

/** Who the unnamed ends of a relation usually are, when a finding names an entity the result lacks. */
const RELATION_ENDS: Record<RelationType, [EntityType, EntityType]> = {
  LEADS: ["Person", "Organization"],
  FOUNDED: ["Person", "Organization"],
  PARTICIPATES_IN: ["Organization", "Project"],
  OPERATES: ["Organization", "Project"],
  INVESTS_IN: ["Organization", "Organization"],
  SUPPLIES: ["Organization", "Organization"],
  PARTNERS_WITH: ["Organization", "Organization"],
};

function uniq(xs: Iterable<string>): string[] {
  return [...new Set([...xs].map((x) => x.trim()).filter(Boolean))];
}

/** "2025-09-24T10:00:00Z" -> "2025-09-24"; anything that is not a date -> null. */
export function normalizeDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[0] ? null : m[0];
}

function sentenceSpans(text: string, result: ExtractionResult, lang: string): Span[] {
  if (result.sentences && result.sentences.length > 0) return result.sentences;
  const seg = new Intl.Segmenter(lang === "de" ? "de" : "en", { granularity: "sentence" });
  const out: Span[] = [];
  for (const s of seg.segment(text)) {
    const start = s.index + (s.segment.length - s.segment.trimStart().length);
    const end = s.index + s.segment.trimEnd().length;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}

/** The sentence(s) around [start, end). */
function sentenceAround(text: string, sentences: Span[], start: number, end: number): Span {
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end) ?? first;
  if (!first || !last) return { start, end, text: text.slice(start, end) };
  const s = Math.min(first.start, start);
  const e = Math.max(last.end, end);
  return { start: s, end: e, text: text.slice(s, e) };
}

function validOffsets(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
}

function extractorOf(finding: object, fallback: string): string {
  const e = (finding as { extractor?: unknown }).extractor;
  return typeof e === "string" && e ? e : fallback;
}

export function planArticle(
  article: ArticleInput,
  result: ExtractionResult,
  options: { pipeline?: string } = {},
): ArticlePlan {
  const text = article.text;
  const lang = article.lang;
  const date = normalizeDate(article.date);
  const row: ArticleRow = {
    id: article.id,
    url: article.url ?? null,
    title: article.title ?? null,
    date,
    lang,
    contentHash: contentHash(text),
    chars: text.length,
    pipeline: options.pipeline ?? null,
  };
  const dropped: string[] = [];

  // Entities, merged within the article by (type, key); refs are "type|key".
  const planned = new Map<string, PlannedEntity>();
  const refOfResultId = new Map<string, string>();
  const refOfKey = new Map<string, string>(); // key (of name or alias) -> ref, type-agnostic, first wins

  const addEntity = (
    type: EntityType,
    name: string,
    aliases: string[],
    mentions: Span[],
    confidence: number | null,
  ) => {
    const key = entityKey(name);
    if (!key) return null;
    const ref = `${type}|${key}`;
    const surfaces = uniq([name, ...aliases, ...mentions.map((m) => m.text)]);
    const prev = planned.get(ref);
    if (prev) {
      prev.aliases = uniq([...prev.aliases, ...surfaces]);
      prev.mentionCount += mentions.length;
      prev.confidence = Math.max(prev.confidence ?? 0, confidence ?? 0) || prev.confidence;
    } else {
      planned.set(ref, {
        ref,
        type,
        name: name.trim(),
        key,
        aliases: surfaces,
        keys: [],
        lookupIds: [],
        mentionCount: mentions.length,
        confidence,
      });
    }
    if (!refOfKey.has(key)) refOfKey.set(key, ref);
    return ref;
  };

  for (const e of result.entities as Entity[]) {
    if (!(ENTITY_TYPES as readonly string[]).includes(e.type) || !e.name?.trim()) {
      dropped.push(`entity ${JSON.stringify(e.name)}: unknown type or empty name`);
      continue;
    }
    const ref = addEntity(e.type, e.name, e.aliases ?? [], e.mentions ?? [], e.confidence ?? null);
    if (ref) refOfResultId.set(e.id, ref);
  }
  for (const p of planned.values()) {
    for (const a of p.aliases) {
      const k = entityKey(a);
      if (k && !refOfKey.has(k)) refOfKey.set(k, p.ref);
    }
  }

  // German genitive inside the article: 'OpenAIs' merges into 'OpenAI' when both are found.
  const mergedInto = new Map<string, string>();
  if (lang === "de") {
    for (const p of [...planned.values()]) {
      const [, base] = lookupKeys(p.key, lang);
      const target = base ? planned.get(`${p.type}|${base}`) : undefined;
      if (target && target !== p) {
        target.aliases = uniq([...target.aliases, ...p.aliases]);
        target.mentionCount += p.mentionCount;
        planned.delete(p.ref);
        mergedInto.set(p.ref, target.ref);
      }
    }
  }
  const follow = (ref: string) => mergedInto.get(ref) ?? ref;

  /** A finding's reference to an entity: a result entity id, a name, or an alias. */
  const refFor = (value: string | null, fallbackType: EntityType): string | null => {
    if (value === null || value === undefined || !String(value).trim()) return null;
    const v = String(value).trim();
    const byId = refOfResultId.get(v);
    if (byId) return follow(byId);
    const byKey = refOfKey.get(entityKey(v));
    if (byKey) return follow(byKey);
    const genitive = lookupKeys(entityKey(v), lang)[1];
    const byBase = genitive ? refOfKey.get(genitive) : undefined;
    if (byBase) return follow(byBase);
    // Not among the entities: "person:sam-altman" style ids carry their type; bare names get the usual one.
    const typed = /^([a-z]+):(.+)$/i.exec(v);
    const prefixType = typed
      ? ENTITY_TYPES.find((t) => t.toLowerCase() === typed[1]!.toLowerCase())
      : undefined;
    const name = prefixType ? typed![2]!.replace(/[-_]+/g, " ") : v;
    return addEntity(prefixType ?? fallbackType, name, [], [], null);
  };

  const sentences = sentenceSpans(text, result, lang);
  const source = (
    start: number,
    end: number,
    phrase: string,
    extractor: string,
    confidence: number | undefined,
    qualifier: string | null = null,
    sentence?: { sentence: string; start: number; end: number },
  ): PlannedSource => {
    const s =
      sentence ??
      (({ start: a, end: b, text: t }) => ({ sentence: t, start: a, end: b }))(
        sentenceAround(text, sentences, start, end),
      );
    return {
      sentence: s.sentence,
      sentenceStart: s.start,
      sentenceEnd: s.end,
      start,
      end,
      text: phrase,
      extractor,
      confidence: confidence ?? null,
      qualifier,
    };
  };

  const facts: PlannedFact[] = [];
  for (const r of result.roles as RoleFinding[]) {
    if (!validOffsets(text, r.start, r.end)) {
      dropped.push(`role ${r.person}/${r.role}: offsets ${r.start}-${r.end} outside the text`);
      continue;
    }
    const subjectRef = refFor(r.person, "Person");
    if (!subjectRef) continue;
    facts.push({
      kind: "role",
      type: "HAS_ROLE",
      role: r.role,
      value: null,
      unit: null,
      qualifier: null,
      subjectRef,
      objectRef: refFor(r.org, "Organization"),
      source: source(r.start, r.end, r.text, extractorOf(r, "roles"), r.confidence),
    });
  }
  for (const q of result.quantities as QuantityFinding[]) {
    if (!validOffsets(text, q.start, q.end) || !Number.isFinite(q.value) || !q.unit) {
      dropped.push(`quantity ${JSON.stringify(q.text)}: bad value, unit or offsets`);
      continue;
    }
    facts.push({
      kind: "quantity",
      type: "HAS_QUANTITY",
      role: null,
      value: q.value,
      unit: q.unit,
      qualifier: q.qualifier ?? null,
      subjectRef: refFor(q.subject, "Organization"),
      objectRef: null,
      source: source(q.start, q.end, q.text, extractorOf(q, "quantities"), q.confidence, q.qualifier ?? null),
    });
  }
  for (const rel of result.relations as RelationFinding[]) {
    const ev = rel.evidence;
    if (!ev || !validOffsets(text, ev.start, ev.end) || !RELATION_ENDS[rel.type]) {
      dropped.push(`relation ${rel.subject} ${rel.type} ${rel.object}: bad type or evidence offsets`);
      continue;
    }
    const [st, ot] = RELATION_ENDS[rel.type];
    const subjectRef = refFor(rel.subject, st);
    const objectRef = refFor(rel.object, ot);
    if (!subjectRef || !objectRef || subjectRef === objectRef) continue;
    const sentence = ev.sentence ?? text.slice(ev.start, ev.end);
    facts.push({
      kind: "relation",
      type: rel.type,
      role: null,
      value: null,
      unit: null,
      qualifier: null,
      subjectRef,
      objectRef,
      source: source(ev.start, ev.end, sentence, extractorOf(rel, "relations"), rel.confidence, null, {
        sentence,
        start: ev.start,
        end: ev.end,
      }),
    });
  }

  for (const p of planned.values()) {
    const keys = uniq([
      p.key,
      ...p.aliases.map(entityKey).filter((k) => k !== p.key && isIdentifyingAlias(p.type, k)),
    ]);
    p.keys = keys;
    p.lookupIds = uniq(keys.flatMap((k) => lookupKeys(k, lang)).map((k) => entityId(p.type, k)));
  }
  return { article: row, entities: [...planned.values()], facts, dropped };
}

// ---- after lookup: graph ids --------------------------------------------------------------

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  key: string;
  aliases: string[];
  mentionCount: number;
  surface: string[];
}

export interface FactRow {
  id: string;
  label: string;
  kind: FactKind;
  type: string;
  role: string | null;
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  subjectId: string | null;
  objectId: string | null;
}

export interface SourceRow extends PlannedSource {
  factId: string;
}

export interface ResolvedPlan {
  article: ArticleRow;
  entities: EntityRow[];
  /** EntityKey id -> entity id, for every identifying key. */
  keys: { id: string; entityId: string }[];
  facts: FactRow[];
  sources: SourceRow[];
}

/** Settles graph ids: `found` maps a planned entity's ref to the id of the node that already has one of its keys. */
export function resolvePlan(plan: ArticlePlan, found: ReadonlyMap<string, string>): ResolvedPlan {
  const idOf = new Map<string, string>();
  const entities = new Map<string, EntityRow>();
  const keys = new Map<string, string>();
  for (const p of plan.entities) {
    const id = found.get(p.ref) ?? entityId(p.type, p.key);
    idOf.set(p.ref, id);
    const prev = entities.get(id);
    if (prev) {
      prev.aliases = uniq([...prev.aliases, ...p.aliases]);
      prev.surface = prev.aliases;
      prev.mentionCount += p.mentionCount;
    } else {
      entities.set(id, {
        id,
        type: p.type,
        name: p.name,
        key: p.key,
        aliases: [...p.aliases],
        surface: p.aliases,
        mentionCount: p.mentionCount,
      });
    }
    for (const k of p.keys) {
      const kid = entityId(p.type, k);
      if (!keys.has(kid)) keys.set(kid, id);
    }
  }

  const facts = new Map<string, FactRow>();
  const sources = new Map<string, SourceRow>();
  for (const f of plan.facts) {
    let subjectId = f.subjectRef ? idOf.get(f.subjectRef)! : null;
    let objectId = f.objectRef ? idOf.get(f.objectRef)! : null;
    if (f.kind === "relation" && subjectId === objectId) continue;
    if (f.type === "PARTNERS_WITH" && subjectId! > objectId!) [subjectId, objectId] = [objectId, subjectId];
    const identity =
      f.kind === "quantity"
        ? [f.kind, subjectId ?? `article:${plan.article.id}`, f.unit, f.value]
        : f.kind === "role"
          ? [f.kind, subjectId, f.role, objectId]
          : [f.kind, subjectId, f.type, objectId];
    const id = factId(identity);
    if (!facts.has(id)) {
      facts.set(id, {
        id,
        label: FACT_LABEL[f.kind],
        kind: f.kind,
        type: f.type,
        role: f.role,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        subjectId,
        objectId,
      });
    }
    const sk = `${id}|${f.source.start}|${f.source.end}`;
    if (!sources.has(sk)) sources.set(sk, { ...f.source, factId: id });
  }
  return {
    article: plan.article,
    entities: [...entities.values()],
    keys: [...keys].map(([id, entityId]) => ({ id, entityId })),
    facts: [...facts.values()],
    sources: [...sources.values()],
  };
}
