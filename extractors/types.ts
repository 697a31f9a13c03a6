// The shapes every extractor produces and the loader consumes.
// Offsets are half-open character offsets into the article text (UTF-16 code units,
// as JavaScript strings index them): `text === source.slice(start, end)`.

export type Language = "de" | "en";

export interface Span {
  start: number;
  end: number;
  text: string;
}

export const ENTITY_TYPES = [
  "Person",
  "Organization",
  "Project",
  "Location",
  "Hardware",
  "Model",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  /** Stable id within one result, e.g. "person:sam-altman"; the loader derives graph ids from type + name. */
  id: string;
  type: EntityType;
  /** Canonical, uninflected name ("Elon Musk", never "Elon Musks"). */
  name: string;
  aliases: string[];
  mentions: Span[];
  /** 0..1; how sure the pipeline is this is a real entity of this type. */
  confidence?: number;
  /** Which extractors found it ("lexicon", "pattern", "tagger", "transformer"). */
  sources?: string[];
}

export const ROLES = [
  "CEO",
  "CFO",
  "CTO",
  "COO",
  "CPO",
  "President",
  "Chairman",
  "Founder",
  "VP",
  "Director",
  "Head",
  "Minister",
  "Spokesperson",
  "Analyst",
  "Researcher",
  "Investor",
  "BoardMember",
  "Other",
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleFinding {
  person: string;
  role: Role;
  org: string | null;
  text: string;
  start: number;
  end: number;
  confidence?: number;
}

export type Qualifier = "up_to" | "more_than" | "about" | null;

export interface QuantityFinding {
  value: number;
  /** ISO 4217 code for money ("USD", "EUR", ...), "GPU" for compute hardware, "W" for power. */
  unit: string;
  text: string;
  subject: string | null;
  qualifier: Qualifier;
  start: number;
  end: number;
  confidence?: number;
}

export const RELATION_TYPES = [
  "LEADS",
  "FOUNDED",
  "PARTICIPATES_IN",
  "OPERATES",
  "INVESTS_IN",
  "SUPPLIES",
  "PARTNERS_WITH",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface RelationFinding {
  type: RelationType;
  subject: string;
  object: string;
  /** The sentence that states it, with its offsets in the article. */
  evidence: { sentence: string; start: number; end: number };
  confidence: number;
}

export interface ExtractionResult {
  language: string;
  entities: Entity[];
  roles: RoleFinding[];
  quantities: QuantityFinding[];
  relations: RelationFinding[];
  /** Sentence boundaries, so that every fact can be traced to its sentence. */
  sentences?: Span[];
}

/** A name span proposed by a statistical tagger (our trained tagger or a transformer model). */
export interface NerSpan {
  start: number;
  end: number;
  text: string;
  label: "PER" | "ORG" | "LOC" | "MISC";
  /** 0..1 */
  score: number;
  source: "tagger" | "transformer";
}
