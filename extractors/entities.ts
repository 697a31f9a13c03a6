// From merged candidates to entities: short person mentions resolved to the full name
// ('Altman' → 'Sam Altman'), every further mention of a known surface found ('Musks',
// 'Nvidia's'), a type conflict settled by the strongest source, canonical names chosen
// (the lexicon name, else the fullest form the article gives, uninflected).
import { startsUpper, type Candidate, type Doc } from "./doc.ts";
import { buildMatcher, matchAll } from "./matcher.ts";
import { groupEntities } from "./merge.ts";
import type { Entity } from "./types.ts";

/** Renames short person candidates to the full name that ends with them ('Musk' → 'Elon Musk'). */
function resolveShortPeople(cands: readonly Candidate[]): Candidate[] {
  const byLast = new Map<string, Set<string>>();
  for (const c of cands) {
    if (c.type !== "Person") continue;
    const parts = c.name.split(" ");
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1];
    if (!byLast.has(last)) byLast.set(last, new Set());
    byLast.get(last)!.add(c.name);
  }
  return cands.map((c) => {
    if (c.type !== "Person" || c.name.includes(" ")) return c;
    const full = byLast.get(c.name) ?? byLast.get(c.name.replace(/s$/, ""));
    return full && full.size === 1 ? { ...c, name: [...full][0] } : c;
  });
}

/** How much a candidate's type counts: lexicon, then cue patterns, then first-name guesses. */
const strength = (c: Candidate): number =>
  c.source === "lexicon"
    ? 4
    : c.source === "pattern" && c.confidence >= 0.7
      ? 3
      : c.source === "people"
        ? 2
        : c.source === "pattern"
          ? 1.5
          : 1;

/** One type per name: the lexicon's, else the one with the strongest candidates. */
function settleTypes(cands: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of cands) {
    const b = best.get(c.name);
    if (!b || strength(c) > strength(b) || (strength(c) === strength(b) && c.confidence > b.confidence))
      best.set(c.name, c);
  }
  return cands.map((c) => {
    const b = best.get(c.name)!;
    return b.type === c.type ? c : { ...c, type: b.type };
  });
}

/** 'Havelcloud GmbH' and 'Havelcloud' are one organization: the short form points to the long one. */
function joinLegalForms(doc: Doc, cands: readonly Candidate[]): Candidate[] {
  const suffixes = new Set([...doc.lexicons.de.cues.legalSuffixes, ...doc.lexicons.en.cues.legalSuffixes]);
  const longByShort = new Map<string, string>();
  for (const c of cands) {
    if (c.type !== "Organization" && c.type !== "Project") continue;
    if (c.source === "lexicon") continue;
    const short = shortForm(c.name, suffixes);
    if (short && short !== c.name) longByShort.set(short, c.name);
  }
  return cands.map((c) => {
    const long = longByShort.get(c.name);
    return long && c.source !== "lexicon" && (c.type === "Organization" || c.type === "Project")
      ? { ...c, name: long }
      : c;
  });
}

function shortForm(name: string, suffixes: ReadonlySet<string>): string | undefined {
  const parts = name.split(" ");
  let n = parts.length;
  while (n > 1 && suffixes.has(parts[n - 1])) n--;
  if (n === parts.length || n === 0) return undefined;
  const short = parts.slice(0, n).join(" ");
  return /^\p{Lu}/u.test(short) ? short : undefined;
}

export function resolveEntities(doc: Doc, candidates: readonly Candidate[]): Entity[] {
  let cands = settleTypes(joinLegalForms(doc, resolveShortPeople(candidates)));
  const legal = new Set([...doc.lexicons.de.cues.legalSuffixes, ...doc.lexicons.en.cues.legalSuffixes]);
  // Further mentions of every known surface (and of persons' surnames), where no other
  // candidate stands: 'Altman' after 'Sam Altman', 'Colossus' after 'Supercomputer Colossus'.
  const surfaces = new Map<string, Candidate | null>();
  const addSurface = (s: string, c: Candidate) => {
    if (s.length < 2 || (!startsUpper(s) && !/^\p{Ll}+\p{Lu}/u.test(s))) return;
    const prev = surfaces.get(s);
    if (prev === undefined) surfaces.set(s, c);
    else if (prev && prev.name !== c.name) surfaces.set(s, null); // two people called 'Chan'
  };
  for (const c of cands) {
    if (c.source === "tagger" || c.source === "transformer") continue;
    addSurface(c.text.replace(/['’]s$/, ""), c);
    addSurface(c.name, c);
    if (c.type === "Organization" && c.source === "pattern") {
      // 'Arclight' for 'Arclight Semiconductor', 'Mesa Compute' for 'Mesa Compute Inc.'
      const short = shortForm(c.name, legal);
      if (short && !doc.lexicons.nonNames.has(short.toLowerCase())) addSurface(short, c);
    }
    if (c.type === "Person") {
      const parts = c.name.split(" ");
      if (parts.length >= 2) addSurface(parts[parts.length - 1], c);
    }
  }
  const items = [...surfaces].filter(([, c]) => c !== null).map(([surface, c]) => ({ surface, payload: c! }));
  if (items.length) {
    const taken = cands.map((c) => [c.start, c.end] as const).sort((a, b) => a[0] - b[0]);
    const overlaps = (s: number, e: number) => {
      // Binary search for the first span ending after s.
      let lo = 0;
      let hi = taken.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (taken[mid][0] < s) lo = mid + 1;
        else hi = mid;
      }
      for (let k = Math.max(0, lo - 2); k < taken.length && taken[k][0] < e; k++)
        if (taken[k][1] > s) return true;
      return false;
    };
    const extra: Candidate[] = [];
    for (const hit of matchAll(buildMatcher(items), doc.tokens, doc.text)) {
      if (overlaps(hit.start, hit.end)) continue;
      const first = doc.tokens[hit.startTok];
      const before = doc.tokens[hit.startTok - 1];
      const after = doc.tokens[hit.endTok];
      if (before && !first.spaceBefore && before.kind === "word") continue;
      if (after && !after.spaceBefore && after.kind === "word") continue;
      const c = hit.payload;
      extra.push({
        ...c,
        start: hit.start,
        end: hit.end,
        text: doc.text.slice(hit.start, hit.end),
        confidence: c.confidence * 0.95,
        canonical: false,
      });
    }
    cands = [...cands, ...extra];
  }
  const entities = groupEntities(cands);
  return entities.map((e) => {
    const name = canonicalName(e);
    return { ...e, name, aliases: cleanAliases(e, name) };
  });
}

const PROJECT_WORDS =
  /(?:^|[\s-])(?:Projekt|Projekts|Project|project|Initiative|Campus|Rechenzentrum|Supercomputer)$|^(?:Projekt|Project) /;

/** The fullest form the article gives, uninflected; never a descriptor form ('Stargate-Projekt'). */
function canonicalName(e: Entity): string {
  // Chips and models keep the lexicon's name; a place is named as the article names it most
  // ('Saudi Arabia' in English, 'Saudi-Arabien' in German).
  if (e.sources?.includes("lexicon") && (e.type === "Hardware" || e.type === "Model")) return e.name;
  if (e.type === "Location") {
    const count = new Map<string, number>();
    for (const m of e.mentions) {
      const t = m.text.replace(/['’]s$/, "");
      count.set(t, (count.get(t) ?? 0) + 1);
    }
    return [...count].sort((x, y) => y[1] - x[1])[0]?.[0] ?? e.name;
  }
  const un = (x: string) =>
    e.type === "Person" ? x : x.replace(/-/g, " ") === e.name || uninflect(x) === e.name ? e.name : x;
  const texts = new Set(e.mentions.map((m) => un(m.text.replace(/['’]s$/, ""))));
  let best = texts.has(e.name) || e.type === "Person" ? e.name : "";
  const core = e.type === "Person" ? e.name.split(" ").pop()! : "";
  for (const a of [...texts].filter((x) => x !== e.name)) {
    if (PROJECT_WORDS.test(a) || a.includes("\n")) continue;
    if (
      a.endsWith("s") &&
      (a.slice(0, -1) === e.name || e.aliases.includes(a.slice(0, -1)) || core === a.slice(0, -1))
    )
      continue;
    if (e.type === "Person" && !a.includes(core)) continue;
    if (a.length > best.length) best = a;
  }
  return best || e.name;
}

/** 'Deutschen Bank' → 'Deutsche Bank': a German adjective ending on the first word. */
const uninflect = (s: string): string => s.replace(/^(\p{Lu}\p{Ll}+e)[nr](?= \p{Lu})/u, "$1");

/** Other surface forms: no genitives, not the name itself. */
function cleanAliases(e: Entity, name: string): string[] {
  const all = new Set([e.name, ...e.aliases]);
  return [...all]
    .filter((a) => {
      if (a === name || a === name + "s" || (e.type !== "Person" && uninflect(a) === name)) return false;
      if (a.endsWith("s") && all.has(a.slice(0, -1))) return false;
      if (a.endsWith("s") && name.endsWith(" " + a.slice(0, -1))) return false;
      return true;
    })
    .sort();
}
