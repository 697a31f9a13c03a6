// Merges overlapping entity candidates (lexicon, patterns, people, statistical taggers) into
// entities. Pure: inputs are never mutated. Overlaps keep one candidate: a lexicon hit beats
// a pattern, a longer span beats a shorter one, then confidence decides. A tagger span no
// rule found becomes a candidate when it passes sanity checks; agreement raises confidence.
import type { Candidate } from "./doc.ts";
import type { Entity, EntityType, NerSpan } from "./types.ts";

const NER_TYPE: Readonly<Record<NerSpan["label"], EntityType | null>> = {
  PER: "Person",
  ORG: "Organization",
  LOC: "Location",
  MISC: null,
};

const ORG_WORDS =
  /\b(Labs?|Inc|Corp|Capital|Group|Holdings|Partners|Ventures|Systems|Technologies|Energy|Cloud|AI|GmbH|AG|SE|LLC|Ltd|Bank|Fund|Institute|Institut|University|Universität|Data|Digital|Infrastructure|Computing|Networks)\b/;

/** Below this, a tagger span alone does not make an entity. */
export const MIN_NER_CONFIDENCE = 0.55;

export interface NerSanity {
  /** Lower-cased words that are no names (role titles, generic terms). */
  nonNames: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  firstNames?: ReadonlySet<string>;
  /** Lower-cased words for kinds of organization or project ('joint venture', 'konzern'): no names. */
  descriptors?: ReadonlySet<string>;
}

/** A tagger span worth keeping: capitalized, no number, no role word or generic term. */
export function saneNerSpan(span: NerSpan, check: NerSanity): boolean {
  const t = span.text.trim();
  if (t.length < 2 || t.length > 60) return false;
  if (!/^[\p{Lu}\p{N}]|^\p{Ll}+\p{Lu}/u.test(t)) return false;
  if (/^[\p{N}\s.,%$€]+$/u.test(t)) return false;
  // 'das Joint Venture', 'the Consortium': a kind of organization, not its name
  if (check.descriptors?.has(t.toLowerCase())) return false;
  const words = t.split(/\s+/);
  if (words.every((w) => check.nonNames.has(w.toLowerCase()) || check.stopwords.has(w))) return false;
  if (check.stopwords.has(words[0])) return false;
  // 'GPU-heavy': a lowercase part after a hyphen makes an adjective, not a name.
  if (words.some((w) => /-\p{Ll}/u.test(w))) return false;
  // A person needs first and last name ('Jeans' alone is no one), and no company word.
  if (span.label === "PER" && (words.length < 2 || ORG_WORDS.test(t))) return false;
  if (words.some((w) => check.nonNames.has(w.toLowerCase()) && !ORG_WORDS.test(w))) return false;
  // Unknown short acronyms ('USD', 'RDMA') and nationality adjectives ('European') are no names.
  if (words.length === 1 && (/^\p{Lu}{2,4}$/u.test(t) || /(?:ean|ian|ese|isch|ische)$/u.test(t)))
    return false;
  if (/[.!?;:]/.test(t.replace(/\.$/, "").replace(/\b\p{Lu}\./gu, ""))) return false;
  return true;
}

/** Words after an indefinite article or adjective ('ein neues Kraftwerk', 'einem Konzern'): nouns. */
function wordsAfterAdjectives(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(
    /(?:^|\s)(?:ein|eine|einem|einen|einer|eines|\p{Ll}+(?:e|en|es|er|em))\s+(\p{Lu}\p{Ll}+)\b/gu,
  ))
    out.add(m[1]);
  return out;
}

/** A line without closing punctuation ('Gigawatt Giants Race For AI Dominance') is a headline. */
function inHeadline(source: string, pos: number): boolean {
  const a = source.lastIndexOf("\n", pos) + 1;
  let b = source.indexOf("\n", pos);
  if (b < 0) b = source.length;
  return !/[.!?:;"”“)]\s*$/.test(source.slice(a, b));
}

/** Tagger spans as candidates, for those that pass the sanity checks. */
export function nerCandidates(
  spans: readonly NerSpan[],
  check: NerSanity,
  source: string,
  commonNouns: ReadonlySet<string> = new Set(),
  german = false,
): Candidate[] {
  const out: Candidate[] = [];
  // A one-word name no rule knows must recur or look like a name ('Kraftwerk' once is a noun).
  const tagged = new Map<string, number>();
  for (const s of spans) tagged.set(`${s.label}|${s.text}`, (tagged.get(`${s.label}|${s.text}`) ?? 0) + 1);
  let freq: Map<string, number> | undefined;
  let nouns: Set<string> | undefined;
  const count = (w: string): number => {
    if (!freq) {
      freq = new Map();
      for (const m of source.matchAll(/[\p{L}\p{N}]+/gu)) freq.set(m[0], (freq.get(m[0]) ?? 0) + 1);
    }
    return freq.get(w) ?? 0;
  };
  for (const s of spans) {
    const type = NER_TYPE[s.label];
    if (!type || !saneNerSpan(s, check) || source.slice(s.start, s.end) !== s.text) continue;
    // A German person the tagger alone proposes needs a known first name ('Helio Rechenwerke' is
    // none) unless the tagger is very sure ('KeShaun Pearson').
    if (
      german &&
      type === "Person" &&
      s.score < 0.9 &&
      check.firstNames &&
      !check.firstNames.has(s.text.split(/[\s-]/)[0])
    )
      continue;
    const oneWord = !/\s/.test(s.text);
    if (
      oneWord &&
      (commonNouns.has(s.text) ||
        (/^\p{Lu}\p{Ll}+$/u.test(s.text) &&
          (count(s.text) < 2 || (german && (nouns ??= wordsAfterAdjectives(source)).has(s.text)))))
    )
      continue;
    // A span that stops right before another capitalized word is a piece of a longer name the
    // tagger cut ('Air Force' of 'Air Force One'); acronyms and titles may follow ('Nscale CEO').
    const next = /^ (\p{Lu}[\p{Ll}\p{N}]*)(?![\p{L}\p{N}])/u.exec(source.slice(s.end, s.end + 40));
    if (next && !check.nonNames.has(next[1].toLowerCase()) && !(german && commonNouns.has(next[1]))) continue;
    const name = s.text.replace(/['’]s$/, "");
    // Evidence adds up: the tagger naming the same words twice, or an English run of capitalized
    // words inside a sentence ('signed with Verdant Compute').
    // Headlines give no extra evidence ('Meta Bets Big on AI Dominance').
    const headline = inHeadline(source, s.start);
    const repeated = !headline && (tagged.get(`${s.label}|${s.text}`) ?? 0) >= 2;
    const capitalRun =
      !german &&
      !headline &&
      /\s/.test(s.text) &&
      s.text.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w));
    const confidence = Math.min(0.9, s.score * 0.8 + (repeated ? 0.1 : 0) + (capitalRun ? 0.1 : 0));
    // Unsure spans only count where a rule agrees (resolveOverlaps raises the rule's confidence).
    if (confidence < MIN_NER_CONFIDENCE || (headline && confidence < 0.7)) continue;
    out.push({ start: s.start, end: s.end, text: s.text, type, name, source: s.source, confidence });
  }
  return out;
}

const RANK: Readonly<Record<Candidate["source"], number>> = {
  lexicon: 3,
  pattern: 2,
  people: 2,
  tagger: 1,
  transformer: 1,
};

function better(a: Candidate, b: Candidate): boolean {
  // A name that starts with a place ('Memphis Community Against Pollution') beats the place.
  if (a.source === "pattern" && b.type === "Location" && a.start <= b.start && a.end > b.end) return true;
  if (b.source === "pattern" && a.type === "Location" && b.start <= a.start && b.end > a.end) return false;
  // 'dubbed "Mistral Compute"': a name given outright beats the lexicon's 'Mistral' inside it.
  if (a.named === true && a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start)
    return true;
  if (b.named === true && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start)
    return false;
  // A naming cue or legal form ('a campus called Red Plateau', 'Acme GmbH') beats a first-name guess.
  if (
    a.source === "pattern" &&
    b.source === "people" &&
    a.confidence >= 0.7 &&
    a.start <= b.start &&
    a.end >= b.end
  )
    return true;
  if (
    b.source === "pattern" &&
    a.source === "people" &&
    b.confidence >= 0.7 &&
    b.start <= a.start &&
    b.end >= a.end
  )
    return false;
  // A full name beats a place inside it ('Maurice Lévy' over the place 'Maurice').
  if (
    a.type === "Person" &&
    b.type === "Location" &&
    a.source === "people" &&
    a.end - a.start > b.end - b.start
  )
    return true;
  if (
    b.type === "Person" &&
    a.type === "Location" &&
    b.source === "people" &&
    b.end - b.start > a.end - a.start
  )
    return false;
  if (RANK[a.source] !== RANK[b.source]) {
    // A statistical span only beats a rule when it is longer and the rule is weak.
    return RANK[a.source] > RANK[b.source];
  }
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return a.confidence > b.confidence;
}

/**
 * Resolves overlaps: returns a new array of non-overlapping candidates sorted by start.
 * Statistical candidates that agree with a kept rule candidate raise its confidence.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const overlapping: number[] = [];
    for (let k = kept.length - 1; k >= 0 && kept[k].end > c.start - 200; k--) {
      if (kept[k].start < c.end && c.start < kept[k].end) overlapping.push(k);
    }
    if (overlapping.length === 0) {
      kept.push(c);
      continue;
    }
    const rivals = overlapping.map((k) => kept[k]);
    if (rivals.every((r) => better(c, r))) {
      for (const k of overlapping.sort((x, y) => y - x)) kept.splice(k, 1);
      kept.push(c); // still sorted: every kept candidate starts at or before c
    } else if ((c.source === "tagger" || c.source === "transformer") && overlapping.length === 1) {
      const k = overlapping[0];
      const r = kept[k];
      if (r.type === c.type && r.start === c.start && r.end === c.end)
        kept[k] = { ...r, confidence: Math.min(1, r.confidence + 0.05) };
    }
  }
  return kept;
}

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Groups candidates by (type, name) into entities with mentions, aliases and sources. */
export function groupEntities(candidates: readonly Candidate[]): Entity[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = `${c.type}\u0000${c.name}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const out: Entity[] = [];
  const ids = new Set<string>();
  for (const g of groups.values()) {
    const { type, name } = g[0];
    const surfaces = new Set<string>();
    for (const c of g) surfaces.add(c.text.replace(/['’]s$/, ""));
    let id = `${type.toLowerCase()}:${slug(name) || "x"}`;
    for (let n = 2; ids.has(id); n++) id = `${type.toLowerCase()}:${slug(name)}-${n}`;
    ids.add(id);
    out.push({
      id,
      type,
      name,
      aliases: [...surfaces].filter((s) => s !== name && s !== name + "s").sort(),
      mentions: g
        .map((c) => ({ start: c.start, end: c.end, text: c.text }))
        .sort((a, b) => a.start - b.start),
      confidence: Math.max(...g.map((c) => c.confidence)),
      sources: [...new Set(g.map((c) => c.source))].sort(),
    });
  }
  return out.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
