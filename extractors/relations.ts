// Relations between named entities, sentence by sentence: cue words per relation type and
// language (data in lexicon/{de,en}/relation-cues.json) pick the type, the position of the
// entity groups around the cue picks subject and object ('X betreibt Y', 'operated by X',
// 'das von X betriebene Y'), coordinations distribute ('OpenAI, Oracle und SoftBank'), and
// the entity types decide what a pair may mean (an organization participates in a project,
// a person leads an organization). Pure; linear in the text (one pass over sentences, with
// mentions looked up by binary search and cue regexes compiled once).
import deCues from "./lexicon/de/relation-cues.json" with { type: "json" };
import enCues from "./lexicon/en/relation-cues.json" with { type: "json" };
import type {
  Entity,
  EntityType,
  Language,
  RelationFinding,
  RelationType,
  RoleFinding,
  Span,
} from "./types.ts";
import {
  isHardwareBrand,
  isSourceMention,
  leadersOf,
  mentionIndex,
  sentenceIndexAt,
  type MentionRef,
} from "./spans.ts";

interface CueLists {
  active: string[];
  passive: string[];
  participles: string[];
}
type CueLexicon = Record<RelationType, CueLists>;
const LEXICONS: Record<Language, CueLexicon> = {
  de: deCues as unknown as CueLexicon,
  en: enCues as unknown as CueLexicon,
};

type Voice = "active" | "passive" | "participle";
interface Cue {
  type: RelationType;
  voice: Voice;
  start: number;
  end: number;
  text: string;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A cue phrase as a regex: spaces match any whitespace, a trailing '*' any word ending. */
const cuePattern = (w: string): string => {
  const stem = w.endsWith("*");
  const body = (stem ? w.slice(0, -1) : w)
    .split(" … ")
    .map((part) => esc(part).replace(/ /g, "\\s+"))
    .join("\\s+(?:[\\p{L}\\p{N}.,-]+\\s+){0,3}?");
  return stem ? `${body}[\\p{L}-]*` : body;
};

interface Compiled {
  re: RegExp;
}
const cache = new Map<Language, Compiled>();
const LISTS: [keyof CueLists, Voice][] = [
  ["passive", "passive"],
  ["participles", "participle"],
  ["active", "active"],
];
const typesOf = (lex: CueLexicon): RelationType[] =>
  (Object.keys(lex) as RelationType[]).filter((t) => !t.startsWith("_"));

/** One alternation of every cue phrase, longest first, so 'joint venture with' wins over 'joint venture'. */
function compile(lang: Language): Compiled {
  const hit = cache.get(lang);
  if (hit) return hit;
  const lex = LEXICONS[lang];
  const words = new Set<string>();
  for (const type of typesOf(lex))
    for (const [list] of LISTS)
      for (const w of lex[type]?.[list] ?? [])
        if (typeof w === "string" && w.trim() !== "") words.add(w.toLowerCase());
  const literal = (w: string) => w.replace(/\*$/, "").length;
  const alternation = [...words]
    .sort((a, b) => literal(b) - literal(a) || b.length - a.length)
    .map(cuePattern)
    .join("|");
  const c = { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, "giu") };
  cache.set(lang, c);
  return c;
}

/** Every cue in a sentence; one phrase may carry several types ('partner' participates and partners). */
function findCues(sentence: string, offset: number, c: Compiled, lex: CueLexicon): Cue[] {
  const out: Cue[] = [];
  c.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = c.re.exec(sentence)) !== null) {
    if (m[0].length === 0) {
      c.re.lastIndex++;
      continue;
    }
    const text = m[0].toLowerCase().replace(/\s+/g, " ");
    for (const type of typesOf(lex)) {
      // Passive readings first; a phrase read as passive for a type is not also active for it.
      for (const [list, voice] of LISTS) {
        if (matchesList(text, lex[type]?.[list] ?? [])) {
          out.push({ type, voice, start: offset + m.index, end: offset + m.index + m[0].length, text });
          break;
        }
      }
    }
  }
  return out;
}

/** Compiled matchers for phrases with a gap ('founded … by'). */
const gapMatchers = new Map<string, RegExp>();
function matchesList(text: string, list: readonly string[]): boolean {
  for (const w of list) {
    const lw = w.toLowerCase();
    if (lw.includes(" … ")) {
      let re = gapMatchers.get(lw);
      if (!re) gapMatchers.set(lw, (re = new RegExp(`^${cuePattern(lw)}$`, "iu")));
      if (re.test(text)) return true;
      continue;
    }
    if (
      lw.endsWith("*")
        ? text.startsWith(lw.slice(0, -1)) && /^[\p{L}-]*$/u.test(text.slice(lw.length - 1))
        : text === lw
    )
      return true;
  }
  return false;
}

/** Mentions joined by commas and 'und/and/sowie' form one group ('OpenAI, Oracle und der SoftBank Group'). */
const COORD_GAP =
  /^(?:\s+(?:Inc|Corp|Corporation|Ltd|LLC|AG|SE|GmbH|plc|Co|N\.V|S\.A)\.?)?\s*(?:,\s*)?(?:(?:und|and|&|sowie|as\s+well\s+as|or|oder|plus)\s+)?(?:(?:der|die|das|dem|den|des|the)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,2}(?:(?:Unternehmen|Konzern|Firma|Start-up|Startup|Chipkonzern|Chiphersteller|company|firm)\s+)?$/u;
const HAS_COORD = /,|\b(?:und|and|sowie|or|oder|plus)\b|&|as\s+well\s+as/u;
/** What separates clauses for argument finding. */
const CLAUSE_BREAK =
  /;|\s[–—]\s|,\s*(?:while|whereas|but|während|aber|doch|wobei)\b|\b(?:while|whereas|während)\b/iu;
/** German passive agent: 'von X', 'durch X', 'vom Konzern X'. */
const AGENT_BEFORE =
  /(?:^|[^\p{L}])(?:von|vom|durch)\s+(?:(?:der|die|das|dem|den|des)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

interface Group {
  members: MentionRef[];
  start: number;
  end: number;
}

function groupMentions(
  sentenceText: string,
  offset: number,
  mentions: MentionRef[],
  cues: readonly Cue[],
): Group[] {
  const groups: (Group & { conj: boolean })[] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last) {
      const prev = last.members[last.members.length - 1]!;
      const gap = sentenceText.slice(last.end - offset, m.start - offset);
      const sameKind = kindOf(prev.entity.type) === kindOf(m.entity.type);
      const acrossCue = cues.some((c) => c.start >= last.end && c.end <= m.start);
      if (
        sameKind &&
        !acrossCue &&
        gap.length <= 45 &&
        COORD_GAP.test(gap) &&
        (HAS_COORD.test(gap) || gap.trim() === "")
      ) {
        last.members.push(m);
        last.end = m.end;
        last.conj ||= CONJ.test(gap);
        continue;
      }
    }
    groups.push({ members: [m], start: m.start, end: m.end, conj: false });
  }
  // Commas alone make an apposition ('Backed by Nvidia, CoreWeave ...'), not a list: split those back.
  const out: Group[] = [];
  for (const g of groups) {
    if (g.conj || g.members.length === 1) out.push({ members: g.members, start: g.start, end: g.end });
    else for (const m of g.members) out.push({ members: [m], start: m.start, end: m.end });
  }
  return out;
}

const CONJ = /\b(?:und|and|sowie|or|oder|plus)\b|&|as\s+well\s+as/u;

type Kind = "person" | "org" | "project";
const kindOf = (t: EntityType): Kind | null =>
  t === "Person" ? "person" : t === "Organization" ? "org" : t === "Project" ? "project" : null;

/** Which (subject kind, object kind) each type allows. */
const ALLOWED: Record<RelationType, [Kind, Kind][]> = {
  LEADS: [
    ["person", "org"],
    ["person", "project"],
  ],
  FOUNDED: [
    ["person", "org"],
    ["person", "project"],
    ["org", "org"],
    ["org", "project"],
  ],
  PARTICIPATES_IN: [["org", "project"]],
  OPERATES: [["org", "project"]],
  INVESTS_IN: [
    ["org", "org"],
    ["org", "project"],
    ["person", "org"],
    ["person", "project"],
  ],
  SUPPLIES: [
    ["org", "org"],
    ["org", "project"],
  ],
  PARTNERS_WITH: [["org", "org"]],
};
const allowed = (type: RelationType, s: Kind, o: Kind): boolean =>
  ALLOWED[type].some(([a, b]) => a === s && b === o);
/** Types whose direction the entity kinds settle when they differ (a person leads, an organization runs a project). */
const KIND_DIRECTED: ReadonlySet<RelationType> = new Set(["LEADS", "PARTICIPATES_IN", "OPERATES"]);

export interface RelationContext {
  lang: Language;
}

/**
 * Relations stated in the article, each with its sentence. Organizations named in one
 * clause with a project take part in it (PARTICIPATES_IN) unless they are only a source or
 * the maker of the hardware (then SUPPLIES); cue words add OPERATES, INVESTS_IN, SUPPLIES,
 * PARTNERS_WITH, LEADS and FOUNDED. Roles imply LEADS (CEO, Chairman) and FOUNDED (Founder)
 * and are added too.
 */
export function findRelations(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
  roles: readonly RoleFinding[],
  ctx: RelationContext,
): RelationFinding[] {
  if (typeof text !== "string" || text.length === 0 || !Array.isArray(sentences)) return [];
  const lang: Language = ctx?.lang === "en" ? "en" : "de";
  const c = compile(lang);
  const lex = LEXICONS[lang];
  const index = mentionIndex(Array.isArray(entities) ? entities : [], (e) => kindOf(e.type) !== null);
  const out = new Map<string, RelationFinding>();
  const add = (type: RelationType, s: Entity, o: Entity, sent: Span, confidence: number): void => {
    if (s.name === o.name) return;
    const ks = kindOf(s.type);
    const ko = kindOf(o.type);
    if (!ks || !ko || !allowed(type, ks, ko)) return;
    const key =
      type === "PARTNERS_WITH"
        ? `${type}|${[s.name, o.name].sort().join("|")}`
        : `${type}|${s.name}|${o.name}`;
    const prev = out.get(key);
    if (prev && prev.confidence >= confidence) return;
    out.set(key, {
      type,
      subject: s.name,
      object: o.name,
      evidence: { sentence: sent.text, start: sent.start, end: sent.end },
      confidence,
    });
  };

  // Who leads what: roles (CEO, Chairman, Founder) and possessives ("Elon Musks xAI", "Musk's xAI").
  const leaders = leadersOf(text, sentences, index, roles);
  const leaderOf = leaders.leaderOf;
  for (const l of leaders.possessives) add("LEADS", l.person, l.org, l.sentence, 0.55);
  const byName = new Map<string, Entity>();
  for (const e of Array.isArray(entities) ? entities : [])
    if (e && !byName.has(e.name)) byName.set(e.name, e);

  // Products right after an organization ('Google Gemini', 'Nvidia GB200'): a model makes it no actor, hardware makes it a supplier.
  const products = mentionIndex(
    Array.isArray(entities) ? entities : [],
    (e) => e.type === "Model" || e.type === "Hardware",
  );
  const productAfter = (m: MentionRef): EntityType | null =>
    products.firstStartingIn(m.end, m.end + 3)?.entity.type ?? null;
  // The article's main project (most mentions, at least two): what 'das Projekt' / 'the data center' refers to.
  let mainProject: Entity | null = null;
  const projectEntities = new Set(index.all.filter((r) => r.entity.type === "Project").map((r) => r.entity));
  for (const e of projectEntities) {
    if ((e.mentions?.length ?? 0) >= 2 && (!mainProject || e.mentions.length > mainProject.mentions.length))
      mainProject = e;
  }

  for (const sent of chunked(text, sentences)) {
    const all = index.between(sent.start, sent.end);
    if (all.length === 0) continue;
    const mentions = all.filter((m) => !isSourceMention(text, m) && productAfter(m) !== "Model");
    const cues = findCues(sent.text, sent.start, c, lex);
    const groups = groupMentions(sent.text, sent.start, mentions, cues);
    const brand = new Set(
      mentions
        .filter(
          (m) =>
            m.entity.type === "Organization" && (isHardwareBrand(text, m) || productAfter(m) === "Hardware"),
        )
        .map((m) => m.entity),
    );

    // Organizations and projects in one clause: the organization takes part (or supplies hardware).
    const projects = mentions.filter((m) => m.entity.type === "Project");
    const orgs = mentions.filter((m) => m.entity.type === "Organization");
    // Without an organization in the sentence, a person stands for the organization they lead ('Musk' for xAI).
    const actors = orgs.length
      ? orgs
      : mentions.flatMap((m) =>
          m.entity.type === "Person" && leaderOf.has(m.entity.name)
            ? [{ ...m, entity: leaderOf.get(m.entity.name)! }]
            : [],
        );
    const operates = cues.some((q) => q.type === "OPERATES" && q.voice !== "passive");
    const owners = actors.filter((o) => !brand.has(o.entity));
    // No project named, but 'das Projekt', 'the data center' with a cue of taking part: the article's main project.
    const aboutProject =
      projects.length > 0 ||
      (!!mainProject &&
        GENERIC_PROJECT.test(sent.text) &&
        (brand.size > 0 || cues.some((q) => PROJECT_CUES.has(q.type))));
    if (!projects.length && aboutProject && mainProject) {
      for (const o of brand.size && !cues.some((q) => PROJECT_CUES.has(q.type))
        ? orgs.filter((x) => brand.has(x.entity))
        : actors) {
        if (brand.has(o.entity)) add("SUPPLIES", o.entity, mainProject, sent, 0.4);
        else add("PARTICIPATES_IN", o.entity, mainProject, sent, 0.4);
      }
    }
    for (const p of projects) {
      for (const o of actors) {
        const [a, b] = o.start < p.start ? [o, p] : [p, o];
        if (CLAUSE_BREAK.test(text.slice(a.end, b.start))) continue;
        if (brand.has(o.entity)) add("SUPPLIES", o.entity, p.entity, sent, 0.6);
        else if (operates && new Set(owners.map((x) => x.entity)).size === 1)
          add("OPERATES", o.entity, p.entity, sent, 0.55);
        else add("PARTICIPATES_IN", o.entity, p.entity, sent, 0.5);
      }
    }
    // Hardware brands supply the organizations that use their chips in the same clause.
    for (const b of brand) {
      for (const o of orgs) {
        if (o.entity === b || brand.has(o.entity)) continue;
        const m = mentions.find((x) => x.entity === b)!;
        const [x, y] = o.start < m.start ? [o, m] : [m, o];
        if (CLAUSE_BREAK.test(text.slice(x.end, y.start))) continue;
        if (SUPPLY_CONTEXT.test(sent.text)) add("SUPPLIES", b, o.entity, sent, 0.45);
      }
    }

    for (const cue of cues) {
      // Working together on a project is taking part in it; PARTNERS_WITH is for cooperation outside one.
      if (cue.type === "PARTNERS_WITH" && aboutProject) continue;
      const left = groups.filter(
        (g) => g.end <= cue.start && !CLAUSE_BREAK.test(text.slice(g.end, cue.start)),
      );
      const right = groups.filter(
        (g) => g.start >= cue.end && !CLAUSE_BREAK.test(text.slice(cue.end, g.start)),
      );
      // Arguments stand near their cue: the subject within a clause's reach, the object right after it.
      const lastLeft = left[left.length - 1];
      const before = lastLeft && cue.start - lastLeft.end <= 250 ? lastLeft : undefined;
      const after = right[0] && right[0].start - cue.end <= 90 ? right[0] : undefined;
      let subj: Group | undefined;
      let obj: Group | undefined;
      if (cue.voice === "active") {
        // 'the cloud provider Fluidstack', 'der Zulieferer X': a title for the name after it, not a verb.
        if (after && DESCRIPTOR_NOUN.test(cue.text) && /^\s+$/.test(text.slice(cue.end, after.start)))
          continue;
        subj = before;
        // The object follows the cue within its phrase ('invests in OpenAI'), not after a comma.
        obj =
          after &&
          !/,/.test(text.slice(cue.end, after.start)) &&
          !cues.some((o) => o.start >= cue.end && o.end <= after.start)
            ? after
            : undefined;
        // 'X and Y announced a partnership': the pairs inside the group.
        if (cue.type === "PARTNERS_WITH" && subj && !obj && subj.members.length > 1) {
          for (let i = 0; i < subj.members.length; i++)
            for (let j = i + 1; j < subj.members.length; j++)
              add("PARTNERS_WITH", subj.members[i]!.entity, subj.members[j]!.entity, sent, 0.6);
          continue;
        }
        // German verb-final clause: 'dass X Y betreibt' / subject and object both before the verb.
        if (lang === "de" && !obj && left.length >= 2) {
          subj = left[left.length - 2];
          obj = before;
        }
      } else if (cue.voice === "passive") {
        subj = after;
        obj = before ?? right[1];
      } else {
        // 'das von X betriebene Y' / 'Y wird von X betrieben'
        const agentIdx = findLastIndex(left, (g) =>
          AGENT_BEFORE.test(text.slice(Math.max(sent.start, g.start - 40), g.start)),
        );
        if (agentIdx < 0) continue;
        subj = left[agentIdx];
        // The thing acted on: the nearest group before the agent that is not an agent itself ('Y wird von X betrieben und von Z finanziert').
        obj = after;
        for (let i = agentIdx - 1; i >= 0; i--) {
          const g = left[i]!;
          if (!AGENT_BEFORE.test(text.slice(Math.max(sent.start, g.start - 40), g.start))) {
            obj = g;
            break;
          }
        }
      }
      if (!subj || !obj) continue;
      // Building a data center alone means running it; several builders take part in it.
      let type = cue.type;
      if (type === "OPERATES" && BUILD_CUE.test(cue.text) && subj.members.length > 1)
        type = "PARTICIPATES_IN";
      const confidence = cue.voice === "active" ? 0.7 : 0.75;
      for (const s of subj.members) {
        for (const o of obj.members) {
          const ks = kindOf(s.entity.type)!;
          const ko = kindOf(o.entity.type)!;
          if (allowed(type, ks, ko)) add(type, s.entity, o.entity, sent, confidence);
          else if (KIND_DIRECTED.has(type) && allowed(type, ko, ks))
            add(type, o.entity, s.entity, sent, confidence - 0.1);
        }
      }
    }
  }

  // Roles imply relations: CEO and Chairman lead, Founder founded.
  for (const r of Array.isArray(roles) ? roles : []) {
    if (!r || !r.org) continue;
    const person = byName.get(r.person);
    const org = byName.get(r.org);
    if (!person || !org) continue;
    const si = sentenceIndexAt(sentences, r.start);
    const sent = si >= 0 ? sentences[si]! : { start: r.start, end: r.end, text: r.text };
    if (r.role === "CEO" || r.role === "Chairman") add("LEADS", person, org, sent, r.confidence ?? 0.8);
    if (r.role === "Founder") add("FOUNDED", person, org, sent, r.confidence ?? 0.8);
  }
  // A pair that operates, invests in or founded a project need not be listed as taking part too.
  for (const r of out.values()) {
    if (r.type !== "PARTICIPATES_IN") continue;
    if (["OPERATES", "INVESTS_IN", "FOUNDED"].some((t) => out.has(`${t}|${r.subject}|${r.object}`)))
      out.delete(`PARTICIPATES_IN|${r.subject}|${r.object}`);
  }
  return [...out.values()];
}

/** A generic name for a compute project ('das Projekt', 'the campus'). */
const GENERIC_PROJECT =
  /(?:^|[^\p{L}])(?:[\p{L}-]*(?:Projekt|Projekts|Rechenzentrum|Rechenzentrums|Datacenter|Campus|Supercomputer|Cluster|Infrastrukturzentrum|Standort|Standorts)|(?:eines|einer)\s+der\s+(?:[\p{L}-]+\s+){0,3}Rechenzentren|project|data\s+cent(?:er|re)|campus|supercomputer|cluster|site|facility|one\s+of\s+the\s+(?:[\p{L}-]+\s+){0,3}data\s+cent(?:er|re)s)(?![\p{L}])(?![\s-]*(?:start-?ups?|compan(?:y|ies)|operators?|firms?|providers?|developers?|betreiber|firmen?|unternehmen|konzerne?|anbieter|spezialist(?:en)?|REIT)(?![\p{L}]))/iu;
const PROJECT_CUES: ReadonlySet<RelationType> = new Set([
  "PARTICIPATES_IN",
  "OPERATES",
  "INVESTS_IN",
  "SUPPLIES",
]);
const BUILD_CUE = /^(?:bau|errichte|build|built|is building)/iu;

/** A sentence about using, buying or running hardware ('mit Nvidia-Chips', 'runs Nvidia GPUs'). */
const SUPPLY_CONTEXT =
  /(?:^|[^\p{L}])(?:nutz|setz|kauf|bestell|bezieh|betreib|install|ausgestattet|einsetz|run|runs|use|uses|using|buy|bought|order|deploy|install|equipped|powered|added|adds|purchas|host)/iu;

const MAX_SENTENCE = 1200;

/** Sentences, with overlong ones (a text without full stops) cut at commas or spaces into pieces of bounded length. */
function* chunked(text: string, sentences: readonly Span[]): Generator<Span> {
  for (const s of sentences) {
    if (!s || typeof s.text !== "string" || !Number.isFinite(s.start) || !Number.isFinite(s.end)) continue;
    if (s.end - s.start <= MAX_SENTENCE) {
      yield s;
      continue;
    }
    let start = s.start;
    while (start < s.end) {
      let end = Math.min(s.end, start + MAX_SENTENCE);
      if (end < s.end) {
        const piece = text.slice(start, end);
        const cut = Math.max(piece.lastIndexOf(", "), piece.lastIndexOf(" "));
        if (cut > MAX_SENTENCE / 2) end = start + cut + 1;
      }
      yield { start, end, text: text.slice(start, end) };
      start = end;
    }
  }
}

/** A cue word that is a noun naming what the next name is ('provider', 'Lieferant', 'operator'). */
const DESCRIPTOR_NOUN = /(?:provider|supplier|vendor|operator|lieferant|zulieferer|anbieter|betreiber)s?$/iu;

function findLastIndex<T>(xs: readonly T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i]!)) return i;
  return -1;
}
