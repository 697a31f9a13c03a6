// The extraction pipeline: text in, findings out. Pure (no I/O, no clock, no env).
// The order of the steps is declared once, in STAGES; adding a step is one file plus one line.
import type { Candidate, Doc, ExtractContext } from "./doc.ts";
import type {
  Entity,
  ExtractionResult,
  Language,
  QuantityFinding,
  RelationFinding,
  RoleFinding,
} from "./types.ts";
import { defaultLexicons, type Lexicons } from "./lexicon/index.ts";
import { segment } from "./sentences.ts";
import { detectLanguage } from "./language.ts";
import { findLexiconEntities } from "./gazetteer.ts";
import { findPeople, normalizePersonNames } from "./people.ts";
import { findOrganizationsByCue } from "./organizations.ts";
import { findCoordinatedOrganizations } from "./coordination.ts";
import { nerCandidates, resolveOverlaps } from "./merge.ts";
import { resolveEntities } from "./entities.ts";
import { findRoles } from "./roles.ts";
import { findQuantitiesStage, findRelationsStage } from "./external.ts";

export type { ExtractContext } from "./doc.ts";

/** What the stages build up, one field each. */
export interface PipelineState {
  doc: Doc;
  ctx: ExtractContext;
  candidates: readonly Candidate[];
  entities: readonly Entity[];
  roles: readonly RoleFinding[];
  quantities: readonly QuantityFinding[];
  relations: readonly RelationFinding[];
}

export interface Stage {
  name: string;
  run: (state: PipelineState) => Partial<PipelineState>;
}

export const STAGES: readonly Stage[] = Object.freeze([
  { name: "lexicon", run: (s) => ({ candidates: [...s.candidates, ...findLexiconEntities(s.doc)] }) },
  {
    name: "people",
    run: (s) => ({ candidates: [...s.candidates, ...normalizePersonNames(s.doc, findPeople(s.doc))] }),
  },
  {
    name: "organizations",
    run: (s) => ({ candidates: [...s.candidates, ...findOrganizationsByCue(s.doc)] }),
  },
  {
    name: "ner",
    run: (s) => {
      if (!s.ctx.nerSpans?.length) return {};
      const check = {
        nonNames: s.doc.lexicons.nonNames,
        stopwords: new Set(s.doc.lex.cues.stopwords),
        firstNames: s.doc.lexicons.firstNames,
        descriptors: s.doc.lex.descriptors,
      };
      return {
        candidates: [
          ...s.candidates,
          ...nerCandidates(s.ctx.nerSpans, check, s.doc.text, s.doc.lex.commonNouns, s.doc.language === "de"),
        ],
      };
    },
  },
  {
    name: "coordination",
    run: (s) => ({ candidates: [...s.candidates, ...findCoordinatedOrganizations(s.doc, s.candidates)] }),
  },
  { name: "merge", run: (s) => ({ candidates: resolveOverlaps(s.candidates) }) },
  { name: "entities", run: (s) => ({ entities: resolveEntities(s.doc, s.candidates) }) },
  { name: "roles", run: (s) => ({ roles: findRoles(s.doc, s.entities) }) },
  { name: "quantities", run: (s) => ({ quantities: findQuantitiesStage(s.doc, s.entities, s.roles) }) },
  {
    name: "relations",
    run: (s) => ({ relations: findRelationsStage(s.doc, s.entities, s.roles, s.quantities) }),
  },
]);

/** A context with the built-in lexicons; everything optional can be overridden. */
export function createContext(options: Partial<ExtractContext> = {}): ExtractContext {
  return Object.freeze({ lexicons: options.lexicons ?? defaultLexicons(), ...options });
}

const EMPTY = (language: string): ExtractionResult => ({
  language,
  entities: [],
  roles: [],
  quantities: [],
  relations: [],
  sentences: [],
});

/** The analysed article (language, tokens, sentences) without findings. */
export function analyse(text: string, language: Language, lexicons: Lexicons): Doc {
  const lex = lexicons[language];
  return { text, language, lex, lexicons, ...segment(text, lex.abbreviations) };
}

export function extract(text: string, ctx: ExtractContext = createContext()): ExtractionResult {
  if (typeof text !== "string" || text.trim() === "") return EMPTY(ctx.language ?? "und");
  const language = ctx.language ?? detectLanguage(text);
  if (language !== "de" && language !== "en") return EMPTY(language);
  const doc = analyse(text, language, ctx.lexicons);
  let state: PipelineState = {
    doc,
    ctx,
    candidates: [],
    entities: [],
    roles: [],
    quantities: [],
    relations: [],
  };
  for (const stage of STAGES) state = { ...state, ...stage.run(state) };
  return {
    language,
    entities: [...state.entities],
    roles: [...state.roles],
    quantities: [...state.quantities],
    relations: [...state.relations],
    sentences: doc.sentences.map(({ start, end, text: t }) => ({ start, end, text: t })),
  };
}
