// Entities from the curated lexicons: organizations, projects, hardware, AI models, places
// ('OpenAI', 'Forschungszentrum Jülich', 'Stargate-Projekt' → Stargate, 'Nvidias' → Nvidia).
import type { Candidate, Doc } from "./doc.ts";
import type { EntityType } from "./types.ts";
import type { GazetteerEntry, Lexicons } from "./lexicon/index.ts";
import { buildMatcher, matchAll, type Matcher } from "./matcher.ts";

interface Payload {
  name: string;
  type: EntityType;
  ambiguous: boolean;
  generic: boolean;
  canonical: boolean;
}

const matchers = new WeakMap<Lexicons, Matcher<Payload>>();

function gazetteerMatcher(lex: Lexicons): Matcher<Payload> {
  let m = matchers.get(lex);
  if (m) return m;
  const items: { surface: string; payload: Payload }[] = [];
  const seen = new Set<string>();
  // Earlier lists win a surface both name ('Abilene' the project before the town).
  const lists: readonly (readonly GazetteerEntry[])[] = [
    lex.organizations,
    lex.projects,
    lex.hardware,
    lex.models,
    lex.locations,
  ];
  for (const list of lists) {
    for (const e of list) {
      const type = e.type ?? "Organization";
      const surfaces = e.aliasOnly ? [...(e.aliases ?? [])] : [e.name, ...(e.aliases ?? [])];
      // German adjective endings: 'der Deutschen Bank', 'der Europäischen Kommission'.
      for (const sf of [...surfaces]) {
        const m = /^(\p{Lu}\p{Ll}+e) (.+)$/u.exec(sf);
        if (m) surfaces.push(`${m[1]}n ${m[2]}`, `${m[1]}r ${m[2]}`);
      }
      for (const surface of surfaces) {
        if (seen.has(surface)) continue;
        seen.add(surface);
        items.push({
          surface,
          payload: {
            name: e.name,
            type,
            ambiguous: !!e.ambiguous,
            generic: !!e.generic,
            canonical: surface === e.name,
          },
        });
      }
    }
  }
  m = buildMatcher(items);
  matchers.set(lex, m);
  return m;
}

export function findLexiconEntities(doc: Doc): Candidate[] {
  const m = gazetteerMatcher(doc.lexicons);
  const cues = doc.lex.cues.domainCues;
  const sentenceHasCue = new Map<number, boolean>();
  const hasCue = (s: number): boolean => {
    let v = sentenceHasCue.get(s);
    if (v === undefined) {
      const low = doc.sentences[s].text.toLowerCase();
      v = cues.some((c) => low.includes(c));
      sentenceHasCue.set(s, v);
    }
    return v;
  };
  const out: Candidate[] = [];
  const hits = matchAll(m, doc.tokens, doc.text);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    // A maker's name in a product name is no mention of the maker ('Google Gemini').
    const nextHit = hits[h + 1];
    if (
      hit.payload.type === "Organization" &&
      nextHit?.payload.type === "Model" &&
      nextHit.startTok === hit.endTok &&
      doc.tokens[nextHit.startTok].spaceBefore
    )
      continue;
    const p = hit.payload;
    if (p.generic) continue;
    const first = doc.tokens[hit.startTok];
    // Glued into a longer word ('XPrize' is not 'X' + 'Prize'); a hyphen is fine ('OpenAI-Chef').
    const before = doc.tokens[hit.startTok - 1];
    const after = doc.tokens[hit.endTok];
    if (before && !first.spaceBefore && before.kind !== "punct") continue;
    if (after && !after.spaceBefore && (after.kind === "word" || after.kind === "number")) continue;
    if (p.ambiguous) {
      const sentStart = doc.sentences[first.sentence].tokenStart === hit.startTok;
      if (sentStart || !hasCue(first.sentence)) continue;
    }
    // A numbered or regional edition of a project is its own project: 'Stargate UAE', 'Colossus 2'.
    let end = hit.end;
    let name = p.name;
    if (
      p.type === "Project" &&
      after &&
      after.spaceBefore &&
      after.sentence === first.sentence &&
      isEdition(after.text, places(doc.lexicons))
    ) {
      end = after.end;
      name = `${hit.surface} ${after.text}`;
    }
    out.push({
      start: hit.start,
      end,
      text: doc.text.slice(hit.start, end),
      type: p.type,
      name,
      source: "lexicon",
      confidence: p.ambiguous ? 0.8 : 0.95,
      canonical: p.canonical,
    });
  }
  return out;
}

const placeSets = new WeakMap<Lexicons, Set<string>>();
function places(lex: Lexicons): Set<string> {
  let s = placeSets.get(lex);
  if (!s) {
    s = new Set<string>();
    for (const e of lex.locations)
      for (const n of [e.name, ...(e.aliases ?? [])]) if (!n.includes(" ")) s.add(n);
    placeSets.set(lex, s);
  }
  return s;
}

/** '2', 'II', 'UAE', 'Norway': what follows a project name to make an edition of it. */
function isEdition(word: string, placeNames: ReadonlySet<string>): boolean {
  return /^(?:\d{1,2}|I{1,3}|IV|V|VI{0,3}|[A-Z]{2,3})$/.test(word) || placeNames.has(word);
}
