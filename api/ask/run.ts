// Answers a question: parse -> resolve the name it asks about -> the family's query ->
// rows, a sentence in the question's language, and the evidence (articles and sentences).
import type { EntityType, Language } from "../../extractors/types.ts";
import type { Graph } from "../../graph/driver.ts";
import { runReadOnce } from "../../graph/queries/run.ts";
import {
  type EvidenceRow,
  type FactAroundRow,
  type FactsAroundSpec,
  type QuantityRow,
  evidenceQuery,
  factsAroundQuery,
  quantitiesQuery,
} from "../../graph/queries/ask.ts";
import { type LeaderRow, leadersQuery } from "../../graph/queries/leaders.ts";
import type { Limits } from "../config.ts";
import { resolveEntity } from "../resolve.ts";
import { answerFor, notUnderstoodAnswer, unknownEntityAnswer } from "./answer.ts";
import { EXAMPLES, type Intent, type ProjectRelation, parseQuestion } from "./parse.ts";

export interface Evidence {
  factId: string;
  article: { id: string; url: string | null; title: string | null; date: string | null };
  sentence: string | null;
  sentenceStart: number | null;
  sentenceEnd: number | null;
  text: string | null;
  start: number | null;
  end: number | null;
}

export interface AskAnswer {
  question: string;
  language: Language;
  understood: boolean;
  intent: Intent | null;
  /** The entity the question's name was resolved to. */
  entity: { id: string; name: string; type: string } | null;
  answer: string;
  rows: Record<string, unknown>[];
  evidence: Evidence[];
  /** Questions it understands, when this one was not understood. */
  examples?: string[];
}

/** Which entity types a family's name may refer to, best first. */
const NAME_TYPES: Record<Exclude<Intent["kind"], "leadersOfProjects">, EntityType[]> = {
  leadersOf: ["Project", "Organization"],
  roleOf: ["Person"],
  peopleAt: ["Organization", "Project"],
  projectsOf: ["Organization", "Person"],
  participantsOf: ["Project", "Organization"],
  quantityOf: ["Project", "Organization", "Person", "Location"],
  foundersOf: ["Organization", "Project"],
  suppliersOf: ["Project", "Organization"],
};

const PROJECT_RELATIONS: Record<ProjectRelation, string[]> = {
  any: ["FOUNDED", "PARTICIPATES_IN", "OPERATES", "INVESTS_IN", "SUPPLIES", "LEADS"],
  builds: ["PARTICIPATES_IN", "FOUNDED", "OPERATES"],
  operates: ["OPERATES"],
  founded: ["FOUNDED"],
  invests: ["INVESTS_IN"],
};

interface Rows {
  rows: Record<string, unknown>[];
  /** The facts behind each row (parallel to rows). */
  factIds: string[][];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Relation and role facts grouped by the entity at the other end: one row per entity. */
function groupByOther(facts: FactAroundRow[], label: string): Rows {
  const by = new Map<string, { name: string; id: string | null; relations: string[]; factIds: string[] }>();
  for (const f of facts) {
    if (!f.other) continue;
    const k = f.otherId ?? f.other;
    const row = by.get(k) ?? { name: f.other, id: f.otherId, relations: [], factIds: [] };
    row.relations = uniq([...row.relations, f.kind === "role" ? (f.role ?? "HAS_ROLE") : f.type]);
    row.factIds.push(f.factId);
    by.set(k, row);
  }
  const rows = [...by.values()].map((r) => ({
    [label]: r.name,
    [`${label}Id`]: r.id,
    relations: r.relations,
  }));
  return { rows, factIds: [...by.values()].map((r) => r.factIds) };
}

async function around(graph: Graph, spec: FactsAroundSpec): Promise<FactAroundRow[]> {
  return runReadOnce<FactAroundRow>(graph, factsAroundQuery(spec));
}

/** Runs the family's query for a resolved entity (or none, for "who leads which project"). */
async function rowsFor(graph: Graph, intent: Intent, entityId: string | null, limits: Limits): Promise<Rows> {
  const limit = limits.maxRows;
  switch (intent.kind) {
    case "leadersOfProjects":
    case "leadersOf": {
      const rows = await runReadOnce<LeaderRow>(graph, leadersQuery(entityId, limit));
      return {
        rows: rows.map((r) =>
          intent.kind === "leadersOfProjects"
            ? {
                project: r.project,
                person: r.person,
                via: r.via,
                projectId: r.projectId,
                personId: r.personId,
                viaId: r.viaId,
                viaRelations: r.viaRelations,
              }
            : {
                person: r.person,
                of: r.project,
                via: r.via,
                personId: r.personId,
                viaId: r.viaId,
                viaRelations: r.viaRelations,
              },
        ),
        factIds: rows.map((r) => r.factIds),
      };
    }
    case "roleOf": {
      const facts = await around(graph, {
        entityId: entityId!,
        side: "subject",
        types: ["LEADS", "FOUNDED"],
        roles: [],
        otherTypes: [],
        limit,
      });
      return {
        rows: facts.map((f) => ({
          person: intent.name,
          role: f.kind === "role" ? f.role : f.type,
          at: f.other,
          atId: f.otherId,
        })),
        factIds: facts.map((f) => [f.factId]),
      };
    }
    case "peopleAt": {
      const facts = await around(graph, {
        entityId: entityId!,
        side: "object",
        types: ["LEADS", "FOUNDED"],
        roles: [],
        otherTypes: ["Person"],
        limit,
      });
      return {
        rows: facts.map((f) => ({
          person: f.other,
          personId: f.otherId,
          role: f.kind === "role" ? f.role : f.type,
          at: intent.name,
        })),
        factIds: facts.map((f) => [f.factId]),
      };
    }
    case "projectsOf": {
      const facts = await around(graph, {
        entityId: entityId!,
        side: "subject",
        types: PROJECT_RELATIONS[intent.relation],
        roles: null,
        otherTypes: ["Project"],
        limit,
      });
      return groupByOther(facts, "project");
    }
    case "participantsOf": {
      const facts = await around(graph, {
        entityId: entityId!,
        side: "object",
        types: ["PARTICIPATES_IN", "FOUNDED", "OPERATES", "INVESTS_IN", "SUPPLIES", "PARTNERS_WITH"],
        roles: null,
        otherTypes: [],
        limit,
      });
      return groupByOther(facts, "participant");
    }
    case "foundersOf": {
      const facts = await around(graph, {
        entityId: entityId!,
        side: "object",
        types: ["FOUNDED"],
        roles: ["Founder"],
        otherTypes: [],
        limit,
      });
      const g = groupByOther(facts, "name");
      return { rows: g.rows.map((r) => ({ name: r.name, id: r.nameId })), factIds: g.factIds };
    }
    case "suppliersOf": {
      const facts = await around(graph, {
        entityId: entityId!,
        side: "object",
        types: ["SUPPLIES"],
        roles: null,
        otherTypes: [],
        limit,
      });
      const g = groupByOther(facts, "name");
      return { rows: g.rows.map((r) => ({ name: r.name, id: r.nameId })), factIds: g.factIds };
    }
    case "quantityOf": {
      const rows = await runReadOnce<QuantityRow>(graph, quantitiesQuery(entityId!, intent.measure, limit));
      return {
        rows: rows.map((r) => ({
          value: r.value,
          unit: r.unit,
          qualifier: r.qualifier,
          articleCount: r.articleCount,
          firstStated: r.firstStated,
          lastStated: r.lastStated,
        })),
        factIds: rows.map((r) => [r.factId]),
      };
    }
  }
}

/**
 * The sources of the rows' facts: facts taken in turns across rows (every row's first fact,
 * then every row's second ...), so that as many rows as possible are backed within the bound.
 */
export function pickEvidenceFacts(perRow: string[][], max: number): string[] {
  const out = new Set<string>();
  const depth = Math.max(0, ...perRow.map((l) => l.length));
  for (let i = 0; i < depth && out.size < max; i++) {
    for (const list of perRow) {
      const id = list[i];
      if (id) out.add(id);
      if (out.size >= max) break;
    }
  }
  return [...out];
}

async function evidenceFor(graph: Graph, perRow: string[][], limits: Limits): Promise<Evidence[]> {
  const ids = pickEvidenceFacts(perRow, limits.maxEvidenceFacts);
  if (ids.length === 0) return [];
  const rows = await runReadOnce<EvidenceRow>(graph, evidenceQuery(ids, limits.evidencePerFact));
  return rows.map((r) => ({
    factId: r.factId,
    article: { id: r.articleId, url: r.url, title: r.title, date: r.date },
    sentence: r.sentence,
    sentenceStart: r.sentenceStart,
    sentenceEnd: r.sentenceEnd,
    text: r.text,
    start: r.start,
    end: r.end,
  }));
}

/** The entity a question's name means: as asked ("Projekt Stargate") or cleaned ("Stargate"). */
function resolveName(graph: Graph, intent: Exclude<Intent, { kind: "leadersOfProjects" }>) {
  return resolveEntity(
    graph,
    intent.asked ? [intent.asked, intent.name] : [intent.name],
    NAME_TYPES[intent.kind],
  );
}

/** Answers one question from the graph. Not understood is an answer (understood: false), not an error. */
export async function ask(graph: Graph, question: string, limits: Limits): Promise<AskAnswer> {
  const parsed = parseQuestion(question);
  const { language, intent } = parsed;
  if (!intent) {
    return {
      question,
      language,
      understood: false,
      intent: null,
      entity: null,
      answer: notUnderstoodAnswer(language),
      rows: [],
      evidence: [],
      examples: EXAMPLES[language],
    };
  }
  let entity: AskAnswer["entity"] = null;
  if (intent.kind !== "leadersOfProjects") {
    const hit = await resolveName(graph, intent);
    if (!hit) {
      return {
        question,
        language,
        understood: true,
        intent,
        entity: null,
        answer: unknownEntityAnswer(intent.name, language),
        rows: [],
        evidence: [],
      };
    }
    entity = { id: hit.id, name: hit.name, type: hit.type };
  }
  const named: Intent =
    entity && "name" in intent ? { ...intent, name: entity.name, asked: undefined } : intent;
  const result = await rowsFor(graph, named, entity?.id ?? null, limits);
  const rows = result.rows.map((r, i) => ({ ...r, factIds: result.factIds[i] ?? [] }));
  const evidence = await evidenceFor(graph, result.factIds, limits);
  return {
    question,
    language,
    understood: true,
    intent,
    entity,
    answer: answerFor(named, entity?.name ?? "", rows, language),
    rows,
    evidence,
  };
}
