// Position look-ups shared by the quantity and relation extractors: which sentence holds an
// offset, and which entity mentions lie in a range (binary search over sorted mentions).
import type { Entity, RoleFinding, Span } from "./types.ts";

export interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

export interface MentionIndex {
  all: readonly MentionRef[];
  /** Mentions that lie inside [start, end), in text order. */
  between(start: number, end: number): MentionRef[];
  /** The first mention that starts inside [start, end). */
  firstStartingIn(start: number, end: number): MentionRef | undefined;
}

/** All mentions of the entities that pass `keep`, sorted; overlapping mentions keep the longer one. */
export function mentionIndex(
  entities: readonly Entity[],
  keep: (e: Entity) => boolean = () => true,
): MentionIndex {
  const refs: MentionRef[] = [];
  for (const e of entities) {
    if (!e || !keep(e) || !Array.isArray(e.mentions)) continue;
    for (const m of e.mentions) {
      if (m && Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start)
        refs.push({ start: m.start, end: m.end, entity: e });
    }
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const all: MentionRef[] = [];
  for (const r of refs) {
    const last = all[all.length - 1];
    if (last && r.start < last.end) continue;
    all.push(r);
  }
  const lowerBound = (pos: number): number => {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    all,
    between(start, end) {
      const out: MentionRef[] = [];
      for (let i = lowerBound(start); i < all.length && all[i]!.start < end; i++)
        if (all[i]!.end <= end) out.push(all[i]!);
      return out;
    },
    firstStartingIn(start, end) {
      const r = all[lowerBound(start)];
      return r && r.start < end ? r : undefined;
    },
  };
}

/** Index of the sentence containing `pos` (sentences sorted by start), or -1. */
export function sentenceIndexAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best >= 0 && pos < sentences[best]!.end) return best;
  return -1;
}

/** A source, not an actor: 'laut Reuters', 'according to CNBC', 'berichtet TechCrunch'. */
const SOURCE_BEFORE =
  /(?:^|[^\p{L}])(?:(?:laut|according\s+to|nach\s+angaben|citing|zitiert)(?:\s+(?:einem|einer|eines|dem|der|den|des|die|das|the|a|an|bericht|berichten|angaben|informationen|report|reports|statement|mitteilung|daten|data|figures|zahlen|von|vom|of|from|by|energieversorgers?|analysten|analysts?|nachrichtenagentur|news|agency|zeitung|newspaper|magazins?|magazine|fachmagazins?|unternehmens))*|(?:told|berichtet(?:e|en)?|berichten|reported|meldet(?:e)?|schreibt|schrieb|via)(?:\s+(?:the|der|die|das|dem|den|des|Nachrichtenagentur|news\s+agency))*)\s+$/iu;
const SOURCE_AFTER = /^(?:\s+zufolge|-?\s?(?:Filing|filing|Bericht|report|Report|Angaben))/u;
/** A brand on hardware ('Nvidia-Chips', 'NVIDIA's latest AI chips'): the maker, not the owner. */
const HARDWARE_AFTER =
  /^(?:['’]s?|s)?[\s-](?:(?:latest|newest|neuesten|modernsten|new|neue[nm]?|AI|KI|[\p{Lu}][\p{L}\p{N}]*\d[\p{L}\p{N}]*)[\s-]){0,3}(?:chips?|Chips?|GPUs?|Grafikprozessoren|Beschleuniger|accelerators?|[Ss]uperchips?|hardware|Hardware|processors|Prozessoren)(?![\p{L}])/u;

const HARDWARE_BEFORE =
  /(?:chips|Chips|GPUs|Grafikprozessoren|Beschleuniger|accelerators|processors|Prozessoren|Hardware|hardware|Server|servers)\s+(?:von|vom|from|by|made\s+by|des\s+Herstellers|of)\s+(?:(?:the|dem|der|Chipkonzern|Chiphersteller|chipmaker)\s+)*$/u;

/** 'laut Reuters', 'according to CNBC', 'in einem SEC-Filing': the organization is a source here, not an actor. */
export function isSourceMention(text: string, r: { start: number; end: number }): boolean {
  return (
    SOURCE_BEFORE.test(text.slice(Math.max(0, r.start - 40), r.start)) ||
    SOURCE_AFTER.test(text.slice(r.end, r.end + 40))
  );
}

/** 'Nvidia-Chips', "NVIDIA's latest AI chips": the organization is named as the maker of hardware. */
export function isHardwareBrand(text: string, r: { start: number; end: number }): boolean {
  return (
    HARDWARE_AFTER.test(text.slice(r.end, r.end + 60)) ||
    HARDWARE_BEFORE.test(text.slice(Math.max(0, r.start - 40), r.start))
  );
}

export interface Leaders {
  /** Person name → the organization they lead or founded. */
  leaderOf: Map<string, Entity>;
  /** "Elon Musks xAI", "Musk's xAI": a person's organization, with its sentence. */
  possessives: { person: Entity; org: Entity; sentence: Span }[];
}

/** Who leads which organization: from roles (CEO, Chairman, Founder) and possessives before an organization. */
export function leadersOf(
  text: string,
  sentences: readonly Span[],
  index: MentionIndex,
  roles: readonly RoleFinding[] | undefined,
): Leaders {
  const byName = new Map<string, Entity>();
  for (const r of index.all) if (!byName.has(r.entity.name)) byName.set(r.entity.name, r.entity);
  const leaderOf = new Map<string, Entity>();
  for (const r of Array.isArray(roles) ? roles : []) {
    if (!r || !r.org || !["CEO", "Chairman", "Founder"].includes(r.role)) continue;
    const org = byName.get(r.org);
    if (org && org.type === "Organization" && !leaderOf.has(r.person)) leaderOf.set(r.person, org);
  }
  const possessives: Leaders["possessives"] = [];
  for (let i = 0; i + 1 < index.all.length; i++) {
    const p = index.all[i]!;
    const o = index.all[i + 1]!;
    if (p.entity.type !== "Person" || o.entity.type !== "Organization") continue;
    const mentionText = text.slice(p.start, p.end);
    const gap = text.slice(p.end, o.start);
    const genitive =
      /^['’]s?\s+$/u.test(gap) ||
      (/s$/u.test(mentionText) && !/s$/u.test(p.entity.name) && /^\s+$/u.test(gap));
    if (!genitive) continue;
    const si = sentenceIndexAt(sentences, p.start);
    const sentence =
      si >= 0 ? sentences[si]! : { start: p.start, end: o.end, text: text.slice(p.start, o.end) };
    possessives.push({ person: p.entity, org: o.entity, sentence });
    if (!leaderOf.has(p.entity.name)) leaderOf.set(p.entity.name, o.entity);
  }
  return { leaderOf, possessives };
}

/** ', zu der Lidl gehören,' / ', which owns Lidl,': the opening of a relative clause, up to the mention. */
const RELATIVE_OPENER =
  /^,\s*(?:(?:zu|von|mit|in|bei|für|an|auf|aus|unter|über|of|to|for|with|in|by)\s+)?(?:der|die|das|dem|den|deren|dessen|welche[rsmn]?|which|who|whose)\s[^,]*$/iu;
const ENGLISH_RELATIVE = /^,\s*(?:\p{L}+\s+)?(?:which|who|whose)\s/iu;

/**
 * A mention inside a relative clause that closes before `limit` ('Die Schwarz-Gruppe, zu der Lidl
 * und Kaufland gehören, will ... investieren': Lidl is not the actor). German relative clauses end in
 * their verb, which tells them from appositions ('Nvidia, der US-Konzern, ...').
 */
export function inRelativeClause(
  text: string,
  from: number,
  r: { start: number; end: number },
  limit: number,
): boolean {
  const comma = text.lastIndexOf(",", r.start);
  if (comma < from) return false;
  const opener = text.slice(comma, r.start);
  if (!RELATIVE_OPENER.test(opener)) return false;
  const close = text.indexOf(",", r.end);
  if (close < 0 || close >= limit) return false;
  if (ENGLISH_RELATIVE.test(opener)) return true;
  const clause = text.slice(r.end, close).trim();
  return /(?:^|\s)\p{Ll}+$/u.test(clause);
}
