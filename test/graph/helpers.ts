// Hand-made extraction results for loader tests: offsets are computed from the text, so
// every span satisfies text === source.slice(start, end).
import type {
  Entity,
  EntityType,
  ExtractionResult,
  QuantityFinding,
  RelationFinding,
  RelationType,
  Role,
  RoleFinding,
} from "../../extractors/types.ts";

function at(text: string, phrase: string, from = 0): number {
  const i = text.indexOf(phrase, from);
  if (i < 0) throw new Error(`test data: ${JSON.stringify(phrase)} not in text`);
  return i;
}

export function entity(
  text: string,
  type: EntityType,
  name: string,
  aliases: string[] = [],
  surfaces?: string[],
): Entity {
  const mentions = [];
  for (const s of surfaces ?? [name, ...aliases]) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) {
      mentions.push({ start: i, end: i + s.length, text: s });
    }
  }
  return { id: `${type.toLowerCase()}:${name}`, type, name, aliases, mentions, sources: ["lexicon"] };
}

export function role(text: string, person: string, r: Role, org: string | null, phrase: string): RoleFinding {
  const start = at(text, phrase);
  return { person, role: r, org, text: phrase, start, end: start + phrase.length, confidence: 0.9 };
}

export function quantity(
  text: string,
  value: number,
  unit: string,
  phrase: string,
  subject: string | null,
): QuantityFinding {
  const start = at(text, phrase);
  return {
    value,
    unit,
    text: phrase,
    subject,
    qualifier: null,
    start,
    end: start + phrase.length,
    confidence: 0.8,
  };
}

/** `sentence` is a phrase of the sentence; the evidence is the whole sentence around it. */
export function relation(
  text: string,
  type: RelationType,
  subject: string,
  object: string,
  sentence: string,
): RelationFinding {
  const i = at(text, sentence);
  const prev = text.lastIndexOf(". ", i);
  const start = prev < 0 ? 0 : prev + 2;
  const dot = text.indexOf(".", i + sentence.length - 1);
  const end = dot < 0 ? text.length : dot + 1;
  return {
    type,
    subject,
    object,
    evidence: { sentence: text.slice(start, end), start, end },
    confidence: 0.7,
  };
}

export function result(language: string, parts: Partial<ExtractionResult>): ExtractionResult {
  return { language, entities: [], roles: [], quantities: [], relations: [], ...parts };
}

/**
 * Letters only, so that names built from it stay single tokens: "Veltron Qhxz". The last
 * letter is never "s": a German genitive of a name ending in s ("Veltron Qhxzbss") is not
 * looked up as the name (graph/identity.ts), and one run in twenty failed the genitive test.
 */
export function runTag(): string {
  const abc = "bcdfghjklmnpqrstvwxz";
  let s = "";
  for (let i = 0; i < 5; i++) s += abc[Math.floor(Math.random() * abc.length)];
  s += abc.replace("s", "")[Math.floor(Math.random() * (abc.length - 1))];
  return s[0]!.toUpperCase() + s.slice(1);
}
