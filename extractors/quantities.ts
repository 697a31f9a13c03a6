// Quantities: amounts of money, counts of compute hardware and electrical power, each with
// its qualifier and the entity it belongs to. Pure; every regex is compiled once per language
// and each match looks only at a bounded window around it, so the cost is linear in the text.
import deUnits from "./lexicon/de/units.json" with { type: "json" };
import enUnits from "./lexicon/en/units.json" with { type: "json" };
import type { Entity, Language, Qualifier, QuantityFinding, RoleFinding, Span } from "./types.ts";
import {
  inRelativeClause,
  isHardwareBrand,
  isSourceMention,
  leadersOf,
  mentionIndex,
  sentenceIndexAt,
  type MentionIndex,
  type MentionRef,
} from "./spans.ts";

interface UnitLexicon {
  numberWords: Record<string, number>;
  scales: Record<string, number>;
  qualifiers: Record<"up_to" | "more_than" | "about", string[]>;
  currencies: Record<string, string>;
  power: Record<string, number>;
  hardwareHeads: string[];
  hardwareHeadsWithModel: string[];
  hardwareModifiers: string[];
  moneyNouns: string[];
  excludeAfter: string[];
}

const LEXICONS: Record<Language, UnitLexicon> = { de: deUnits as UnitLexicon, en: enUnits as UnitLexicon };

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Alternation of phrases, longest first, spaces matching any whitespace. */
const alt = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => esc(w).replace(/ /g, "\\s+"))
    .join("|");

/** Case-insensitive alternation inside a case-sensitive regex (Node 20 has no inline (?i:)). */
const ciAlt = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      [...w]
        .map((ch) => {
          if (/\s/u.test(ch)) return "\\s+";
          const u = ch.toUpperCase();
          const l = ch.toLowerCase();
          return u === l || u.length !== 1 ? esc(ch) : `[${l}${u}]`;
        })
        .join(""),
    )
    .join("|");

const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";

interface Compiled {
  lex: UnitLexicon;
  /** Start of a quantity: optional currency symbol/code, then digits or a number word. */
  start: RegExp;
  /** Directly after the number: attached k/m/bn suffix ("$500B", "18k", "€2bn"). */
  attached: RegExp;
  /** A scale word after a space or hyphen ("1,5 Milliarden", "500-Milliarden"). */
  scale: RegExp;
  currencyAfter: RegExp;
  powerAfter: RegExp;
  hardwareAfter: RegExp;
  excludeAfter: RegExp;
  qualifierBefore: RegExp;
  rangeJoin: RegExp;
  moneyNounBefore: RegExp;
  currencyMap: Map<string, string>;
  scaleMap: Map<string, number>;
  powerMap: Map<string, number>;
  numberWordMap: Map<string, number>;
  qualifierMap: Map<string, Exclude<Qualifier, null>>;
  headsWithModel: Set<string>;
}

/** A chip model as the counted noun: '100,000 H100s', '50.000 H100', '10,000 GB200s', '1,000 MI300X'. */
const MODEL_HEAD = "(?:GB|GH|MI|[HABL])\\d{2,3}[A-Z]{0,2}s?";

const PREFIX_CURRENCY: Record<string, string> = {
  us$: "USD",
  "us-$": "USD",
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  c$: "CAD",
  a$: "AUD",
  hk$: "HKD",
  nt$: "TWD",
  s$: "SGD",
  usd: "USD",
  eur: "EUR",
  gbp: "GBP",
  chf: "CHF",
  jpy: "JPY",
  cny: "CNY",
  rmb: "CNY",
};

const cache = new Map<Language, Compiled>();
/** '3-Nanometer-Chips', '2nm chips': a process node, not a count. */
const NOT_A_COUNT = /nano|\bnm\b|-nm-/iu;
/** '8 GPUs per server', '72 GPUs pro Rack': a specification, not an amount. */
const PER_UNIT = /^\s*(?:per|pro|je|each|in\s+each|in\s+jedem|in\s+jeder)(?![\p{L}])/iu;

function compile(lang: Language): Compiled {
  const hit = cache.get(lang);
  if (hit) return hit;
  const lex = LEXICONS[lang];
  const lower = (o: Record<string, unknown>) => Object.keys(o).map((k) => k.toLowerCase());
  const symbols = Object.keys(PREFIX_CURRENCY).filter((k) => !/^[a-z]+$/.test(k));
  const codes = Object.keys(PREFIX_CURRENCY).filter((k) => /^[a-z]+$/.test(k));
  const digits = "\\d{1,3}(?:([.,'’])\\d{3})(?:\\1\\d{3})*(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
  const words = alt(lower(lex.numberWords));
  const start = new RegExp(
    `(?:(?<sym>${alt(symbols)})\\s?|${NOT_WORD_BEFORE}(?<code>${alt(codes)})\\s?)?` +
      `(?:${NOT_WORD_BEFORE}(?<digits>${digits})|${NOT_WORD_BEFORE}(?<word>${words})${NOT_WORD_AFTER})`,
    "giu",
  );
  const scaleWords = Object.keys(lex.scales).filter((k) => k.length > 1 && !/^(?:bn|mn|tn|bln|mln)$/.test(k));
  const attached = /(?<suf>bn|bln|mln|mn|tn|[kKmMbBtT])(?![\p{L}\p{N}])/uy;
  const scale = new RegExp(`(?:\\s+|-)(?<scale>${alt(scaleWords)})(?:(?<=\\.)|${NOT_WORD_AFTER})`, "iuy");
  const currencyWords = lower(lex.currencies);
  const currencyAfter = new RegExp(
    `(?:\\s*|-)(?<cur>${alt(currencyWords)})(?:(?<=[$€£¥₹])|${NOT_WORD_AFTER}|(?=-))(?!\\s?\\d)`,
    "iuy",
  );
  const powerWords = Object.keys(lex.power);
  // Abbreviations are case-sensitive ('MW', 'GW', 'kW'); the full words are not. Energy (MWh, Megawattstunden) is not power.
  const powerAbbr = powerWords.filter((w) => w.length <= 2).map((w) => (w === "kw" ? "kW" : w.toUpperCase()));
  const powerFull = powerWords.filter((w) => w.length > 2);
  const powerAfter = new RegExp(
    `(?:\\s*|-)(?<pow>${alt(powerAbbr)}|${ciAlt(powerFull)})(?!h|[\\p{L}\\p{N}]|-?(?:[Ss]tunden|[Hh]ours))`,
    "uy",
  );
  const heads = [...lex.hardwareHeads, ...lex.hardwareHeadsWithModel];
  // A modifier is a name or model ('Nvidia', 'GB200') or an adjective from the lexicon; never a bare number, a scale or a time word.
  const notModifier = `(?!(?:\\p{N}+(?:[.,]\\p{N}+)*|${ciAlt([...Object.keys(lex.scales), ...lex.excludeAfter.filter((w) => /^\p{L}+$/u.test(w))])})(?![\\p{L}\\p{N}]))`;
  const modifier = `${notModifier}(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}.]*(?:-[\\p{L}\\p{N}]+)*|${ciAlt(lex.hardwareModifiers)})`;
  const hardwareAfter = new RegExp(
    `(?<mods>(?:(?:\\s+|-)${modifier}(?=[\\s-])){0,4}?)(?:\\s+|-)(?<head>(?:[\\p{L}\\p{N}]+-)*(?:${ciAlt(heads)})|${MODEL_HEAD}(?![\\s-]+(?:[\\p{L}\\p{N}]+[\\s-]+){0,2}(?:${ciAlt(heads)})(?![\\p{L}])))${NOT_WORD_AFTER}`,
    "uy",
  );
  const excludeAfter = new RegExp(`\\s*(?:${alt(lex.excludeAfter)})(?:(?<=[%])|${NOT_WORD_AFTER})`, "iuy");
  const qualifierEntries: [string, Exclude<Qualifier, null>][] = [];
  for (const [q, list] of Object.entries(lex.qualifiers))
    for (const w of list) qualifierEntries.push([w.toLowerCase(), q as Exclude<Qualifier, null>]);
  const qualifierBefore = new RegExp(
    `${NOT_WORD_BEFORE}(?<q>${alt(qualifierEntries.map(([w]) => w))})\\s+$`,
    "iu",
  );
  const rangeJoin = /\s*(?:-|–|—|to|bis|and|und|or|oder)\s*/uy;
  const moneyNounBefore = new RegExp(
    `${NOT_WORD_BEFORE}(?:${alt(lex.moneyNouns)})${NOT_WORD_AFTER}[^.;:!?]{0,25}$`,
    "iu",
  );
  const compiled: Compiled = {
    lex,
    start,
    attached,
    scale,
    currencyAfter,
    powerAfter,
    hardwareAfter,
    excludeAfter,
    qualifierBefore,
    rangeJoin,
    moneyNounBefore,
    currencyMap: new Map(Object.entries(lex.currencies).map(([k, v]) => [k.toLowerCase(), v])),
    scaleMap: new Map(Object.entries(lex.scales).map(([k, v]) => [k.toLowerCase(), v])),
    powerMap: new Map(Object.entries(lex.power).map(([k, v]) => [k.toLowerCase(), v])),
    numberWordMap: new Map(
      Object.entries(lex.numberWords).map(([k, v]) => [k.toLowerCase().replace(/\s+/g, " "), v]),
    ),
    qualifierMap: new Map(qualifierEntries),
    headsWithModel: new Set(lex.hardwareHeadsWithModel.map((h) => h.toLowerCase())),
  };
  cache.set(lang, compiled);
  return compiled;
}

/**
 * A number written in digits, German ('1,5', '100.000') or English ('1.2', '100,000').
 * A separator followed by exactly three digits is a thousands separator where the language
 * uses it so ('.' in German, ',' in English) or where it repeats ('1,000,000' / '1.000.000').
 */
export function parseNumber(s: string, lang: Language): number {
  const t = s.replace(/['’]/g, "");
  const seps = t.match(/[.,]/g) ?? [];
  if (seps.length === 0) return Number(t);
  if (new Set(seps).size === 2) {
    const dec = t.lastIndexOf(".") > t.lastIndexOf(",") ? "." : ",";
    const thou = dec === "." ? "," : ".";
    return Number(t.split(thou).join("").replace(dec, "."));
  }
  const sep = seps[0]!;
  const groups = t.split(sep);
  const allThree = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
  const thousandsSep = lang === "de" ? "." : ",";
  if (allThree && (groups.length > 2 || sep === thousandsSep)) return Number(groups.join(""));
  if (groups.length > 2) return NaN;
  return Number(groups.join("."));
}

export interface QuantityContext {
  lang: Language;
  /** Roles found in the article: a person named as the actor stands for the organization they lead. */
  roles?: readonly RoleFinding[];
}

interface Raw {
  start: number;
  end: number;
  /** Where the number itself starts (after a prefix currency). */
  numberStart: number;
  base: number;
  scale: number | null;
  unit: string | null;
  /** Multiplier of the unit (W for kW/MW/GW); 1 otherwise. */
  unitFactor: number;
  kind: "money" | "gpu" | "power" | null;
  word: boolean;
  qualifier: Qualifier;
  qualifierStart: number;
  year: boolean;
}

function scanAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function readQuantity(text: string, m: RegExpExecArray, c: Compiled, lang: Language): Raw | null {
  const g = m.groups ?? {};
  const prefix = g.sym ?? g.code;
  let unit: string | null = prefix ? (PREFIX_CURRENCY[prefix.toLowerCase()] ?? null) : null;
  let kind: Raw["kind"] = unit ? "money" : null;
  const numberText = g.digits ?? g.word!;
  const numberStart = m.index + m[0].length - numberText.length;
  let base: number;
  if (g.digits) base = parseNumber(g.digits, lang);
  else base = c.numberWordMap.get(g.word!.toLowerCase().replace(/\s+/g, " ")) ?? NaN;
  if (!Number.isFinite(base)) return null;
  let end = m.index + m[0].length;
  let scale: number | null = null;
  if (g.digits) {
    const a = scanAt(c.attached, text, end);
    if (a) {
      const suf = a.groups!.suf!.toLowerCase();
      // A bare 'm'/'b'/'t' only after a currency ('$500m'), never '5m' as metres.
      const factor =
        c.scaleMap.get(suf) ??
        { bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[suf];
      if (factor && (suf.length > 1 || suf === "k" || unit)) {
        scale = factor;
        end = a.index + a[0].length;
      }
    }
  }
  if (scale === null) {
    const s = scanAt(c.scale, text, end);
    if (s) {
      scale = c.scaleMap.get(s.groups!.scale!.toLowerCase().replace(/\s+/g, " ")) ?? null;
      end = s.index + s[0].length;
      // 'eine Million' – 'Million' is a scale; a number word alone ('hundert') may also be followed by one.
    }
  }
  let unitFactor = 1;
  if (!unit) {
    const cur = scanAt(c.currencyAfter, text, end);
    if (cur) {
      unit = c.currencyMap.get(cur.groups!.cur!.toLowerCase().replace(/\s+/g, " ")) ?? null;
      if (unit) {
        kind = "money";
        end = cur.index + cur[0].length;
      }
    }
  }
  if (!unit) {
    const p = scanAt(c.powerAfter, text, end);
    if (p) {
      unitFactor = c.powerMap.get(p.groups!.pow!.toLowerCase()) ?? 1;
      unit = "W";
      kind = "power";
      end = p.index + p[0].length;
    }
  }
  if (!unit) {
    const h = scanAt(c.hardwareAfter, text, end);
    if (h) {
      const head = h.groups!.head!.toLowerCase().replace(/^.*-/, "");
      const needsModel = c.headsWithModel.has(head);
      const hasModel = /\p{N}/u.test(h.groups!.mods ?? "") || /\p{N}/u.test(h.groups!.head!);
      if (!needsModel || hasModel) {
        unit = "GPU";
        kind = "gpu";
        end = h.index + h[0].length;
      }
    }
  }
  const word = !g.digits;
  const year = !!g.digits && /^(?:19|20)\d\d$/.test(g.digits) && scale === null;
  return {
    start: m.index,
    end,
    numberStart,
    base,
    scale,
    unit,
    unitFactor,
    kind,
    word,
    qualifier: null,
    qualifierStart: m.index,
    year,
  };
}

/** The article's most used currency, for amounts that name none ('ein Umsatz von 10 Milliarden'). */
function dominantCurrency(raws: readonly Raw[]): string | null {
  const counts = new Map<string, number>();
  for (const r of raws) if (r.kind === "money" && r.unit) counts.set(r.unit, (counts.get(r.unit) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [u, k] of counts) if (k > n) [best, n] = [u, k];
  return best;
}

/** Quantity spans without subjects. */
export function scanQuantities(text: string, ctx: QuantityContext): Omit<QuantityFinding, "subject">[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const lang: Language = ctx?.lang === "en" ? "en" : "de";
  const c = compile(lang);
  const raws: Raw[] = [];
  c.start.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = c.start.exec(text)) !== null) {
    const r = readQuantity(text, m, c, lang);
    if (r && r.end > c.start.lastIndex) c.start.lastIndex = r.end;
    if (r) raws.push(r);
    if (m[0].length === 0) c.start.lastIndex++;
  }
  // Ranges: 'four to five million GPUs', '10 bis 15 Milliarden Euro': the first number takes the second's scale and unit.
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    if (a.unit || !b.unit) continue;
    const j = scanAt(c.rangeJoin, text, a.end);
    if (!j || j.index + j[0].length !== b.start) continue;
    if (a.scale === null && b.scale !== null && a.base < 1000) a.scale = b.scale;
    a.unit = b.unit;
    a.kind = b.kind;
    a.unitFactor = b.unitFactor;
    a.year = false;
  }
  const fallbackCurrency = dominantCurrency(raws);
  const out: Omit<QuantityFinding, "subject">[] = [];
  for (const r of raws) {
    if (!r.unit && fallbackCurrency && r.scale !== null && r.scale >= 1e6 && !r.word) {
      // An amount with a scale word but no unit, right after a money noun, in an article about money in one currency.
      const before = text.slice(Math.max(0, r.start - 60), r.start);
      const next = text.slice(r.end, r.end + 2);
      const nextIsNoun =
        lang === "de"
          ? /^\s\p{Lu}/u.test(next)
          : /^\s\p{L}/u.test(next) &&
            !/^\s(?:in|by|a|per|for|this|last|next)\b/u.test(text.slice(r.end, r.end + 6));
      if (c.moneyNounBefore.test(before) && !nextIsNoun) {
        r.unit = fallbackCurrency;
        r.kind = "money";
      }
    }
    if (!r.unit || !r.kind) continue;
    if (
      r.kind === "gpu" &&
      (r.year ||
        (r.word && r.scale === null) ||
        NOT_A_COUNT.test(text.slice(r.numberStart, r.end)) ||
        PER_UNIT.test(text.slice(r.end, r.end + 12)))
    )
      continue;
    if (scanAt(c.excludeAfter, text, r.end)) continue;
    let value = r.base * (r.scale ?? 1) * r.unitFactor;
    if (r.kind === "money" && r.scale === null && value < 10000) continue; // share prices, small change
    if (r.kind === "gpu" && (value < 1 || !Number.isInteger(Math.round(value)))) continue;
    if (r.kind === "power" && value <= 0) continue;
    if (r.word && r.scale === null && r.kind === "money") continue; // 'one dollar'
    value = Number(value.toPrecision(12));
    // The qualifier just before the quantity.
    const before = text.slice(Math.max(0, r.start - 25), r.start);
    const q = c.qualifierBefore.exec(before);
    let start = r.start;
    let qualifier: Qualifier = null;
    if (q) {
      qualifier = c.qualifierMap.get(q.groups!.q!.toLowerCase().replace(/\s+/g, " ")) ?? null;
      start = r.start - (before.length - q.index);
    }
    out.push({ value, unit: r.unit, text: text.slice(start, r.end), qualifier, start, end: r.end });
  }
  return out;
}

const SUBJECT_TYPES = new Set(["Organization", "Project"]);
/** Prepositions that attach the amount to what follows it ('für Stargate', 'for the campus'). */
const FOR_AFTER =
  /^[^.;:!?]{0,40}?(?:\bfür|\bfor|\bof|\bdes|\bder|\bzum|\bzur|\bat|\bbei|\bam)\s+(?:(?:the|das|die|den|dem|des|der|neue[nms]?|new|geplante[nm]?|planned)\s+)*$/iu;
/** What the amount goes to or comes from ('in OpenAI', 'an OpenAI', 'from Nvidia'): not its owner. */
const RECIPIENT_BEFORE =
  /(?:^|[^\p{L}])(?:in|into|to|an|from|von|vom|by|durch|gegen|against|than|als|wie|like|bei|über|about|buy|buys|bought|acquire|acquires|acquired|kauft|kaufen|übernimmt|übernehmen|übernahm)\s+(?:(?:the|der|die|das|dem|den|des|einem|einer|a|an)\s+)?(?:[\p{Ll}\p{Lu}-]+\s+){0,2}$/u;
const CLAUSE_BREAK = /[;:]|\s[–—]\s|,\s*(?:while|whereas|but|während|aber|doch|wobei|sagte|said)\b/iu;
/** A generic name for a site standing in for a named project ('der Komplex', 'diese Anlage', 'the campus'). */
const SITE_NOUN =
  /(?:^|[^\p{L}])(?:Komplex|Anlage|Standort|Campus|Rechenzentrum|Datacenter|Datenzentrum|Rechenzentrumscampus|Supercomputer|Cluster|complex|site|campus|facility|data\s+center|data\s+centre|supercomputer|cluster)(?![\p{L}])/u;
const WINDOW = 400;
const SUPPLY_VERB =
  /(?:^|[^\p{L}])(?:liefer[\p{L}]*|belieferl?[\p{L}]*|verkauf[\p{L}]*|bereitstell[\p{L}]*|stellt\s+[\p{L}\s]{0,30}bereit|supplie[sd]|supply(?:ing)?|sells?|sold|provid(?:es?|ed|ing)|deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?)(?![\p{L}])/iu;
const SUPPLY_VERB_END =
  /(?:^|[^\p{L}])(?:beliefert|beliefern|supplie[sd]|supply|supplying|provides?|provided|providing|sells?\s+to|delivers?\s+to)\s+(?:the\s+|den\s+|die\s+|das\s+)?$/iu;
const TO_RECIPIENT = /^[^.;:!?]{0,60}?(?:\ban|\bto|\bfür|\bfor)\s+(?:(?:the|den|die|das|dem)\s+)?$/iu;
const LIST_GAP = /^\s*(?:,|,?\s*(?:und|and|sowie|&|or|oder))\s*$/u;
const VAGUE_BEFORE =
  /(?:^|[^\p{L}])(?:mehrere[nm]?|einige[nm]?|several|tens\s+of|hundreds\s+of|dozens\s+of|zig)\s+$/iu;

/**
 * Quantities with the entity each belongs to: a project the amount is 'for' ('500 Milliarden
 * Dollar für Stargate'), a project named before it in its sentence, else the nearest
 * organization before it in its clause (the spender: 'Nvidia will invest up to $100
 * billion'), else one attached after it by 'for'/'of', else the topic of the preceding
 * sentences; null where none is close. Sources ('laut Reuters') and hardware brands
 * ('Nvidia-Chips') are never subjects. The same amount stated again is listed once.
 */
export function findQuantities(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
  ctx: QuantityContext,
): QuantityFinding[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const found = scanQuantities(text, ctx).filter(
    (q) => !VAGUE_BEFORE.test(text.slice(Math.max(0, q.start - 20), q.start)),
  );
  if (found.length === 0) return [];
  const sents = Array.isArray(sentences) ? sentences : [];
  const ents = Array.isArray(entities) ? entities : [];
  // A person who leads an organization counts as that organization ('Musk kündigte an, ... 50 Millionen GPUs').
  const { leaderOf } = leadersOf(text, sents, mentionIndex(ents), ctx?.roles);
  const proxies: Entity[] = [];
  for (const e of ents) {
    const org = e && e.type === "Person" ? leaderOf.get(e.name) : undefined;
    if (org) proxies.push({ ...org, mentions: e.mentions });
  }
  const index = mentionIndex([...ents, ...proxies], (e) => SUBJECT_TYPES.has(e.type));
  // The article's main project: the one mentioned most often (the first on a tie).
  let mainProject: string | null = null;
  let mainFirst = Infinity;
  let most = 0;
  for (const e of ents)
    if (e && e.type === "Project" && Array.isArray(e.mentions) && e.mentions.length > most) {
      [mainProject, most] = [e.name, e.mentions.length];
      mainFirst = Math.min(...e.mentions.map((m: { start: number }) => m.start));
    }
  const out: QuantityFinding[] = [];
  const seen = new Map<string, { finding: QuantityFinding; strength: number }>();
  for (const q of found) {
    // 'the facility' stands for the main project only once the text has named it.
    const { subject, strength } = attribute(text, q, sents, index, mainFirst < q.start ? mainProject : null);
    const key = `${q.unit}|${q.value}`;
    const prev = seen.get(key);
    if (prev) {
      // The same amount again: keep the first mention, with the subject its clearest statement gives.
      if (strength > prev.strength) {
        prev.finding.subject = subject;
        prev.strength = strength;
      }
      continue;
    }
    const f: QuantityFinding = { ...q, subject };
    seen.set(key, { finding: f, strength });
    out.push(f);
  }
  return out;
}

/** Can this mention be the owner of an amount? (Not a source, not a hardware brand.) */
function canOwn(text: string, r: MentionRef): boolean {
  if (isSourceMention(text, r)) return false;
  if (r.entity.type === "Organization" && isHardwareBrand(text, r)) return false;
  return true;
}

interface Attribution {
  subject: string | null;
  /** How directly the text ties the amount to its subject (0 none, 1 an earlier sentence ... 5 'für X'). */
  strength: number;
}

function attribute(
  text: string,
  q: { start: number; end: number; unit: string },
  sentences: readonly Span[],
  index: MentionIndex,
  mainProject: string | null,
): Attribution {
  const found = (r: MentionRef, strength: number): Attribution => ({ subject: r.entity.name, strength });
  const si = sentenceIndexAt(sentences, q.start);
  // The sentence, but never more than a window around the amount (a text without full stops stays linear).
  const whole = si >= 0 ? sentences[si]! : { start: q.start, end: q.end };
  const sent = { start: Math.max(whole.start, q.start - WINDOW), end: Math.min(whole.end, q.end + WINDOW) };
  const inSent = index
    .between(sent.start, sent.end)
    .filter((r) => (r.end <= q.start || r.start >= q.end) && canOwn(text, r));
  const after = inSent.filter((r) => r.start >= q.end);
  // 'Die Schwarz-Gruppe, zu der Lidl gehört, will 11 Milliarden Euro investieren': not Lidl.
  const before = inSent.filter((r) => r.end <= q.start && !inRelativeClause(text, sent.start, r, q.start));
  const firstAfter = after[0];
  const attachedAfter =
    !!firstAfter && firstAfter.start - q.end <= 60 && FOR_AFTER.test(text.slice(q.end, firstAfter.start));
  // 'für Stargate', 'for the Hyperion campus'
  if (firstAfter && attachedAfter && firstAfter.entity.type === "Project") return found(firstAfter, 5);
  // A project named before it in the sentence ('Stargate, ... mit einem Volumen von 500 Milliarden Dollar').
  const clauseBefore = before.filter((r) => !CLAUSE_BREAK.test(text.slice(r.end, q.start)));
  for (let i = clauseBefore.length - 1; i >= 0; i--)
    if (clauseBefore[i]!.entity.type === "Project") return found(clauseBefore[i]!, 4);
  // Supplied amounts belong to who gets them: 'AMD liefert 6 Gigawatt an OpenAI', 'Oracle will supply OpenAI with 4.5 GW'.
  const supplied = SUPPLY_VERB.test(text.slice(sent.start, Math.min(sent.end, q.end + 80)));
  const suppliers = new Set<string>();
  if (supplied) {
    const to = after.find((r) => r.start - q.end <= 80 && TO_RECIPIENT.test(text.slice(q.end, r.start)));
    if (to) return found(to, 4);
    for (let i = clauseBefore.length - 1; i >= 0; i--) {
      const r = clauseBefore[i]!;
      if (SUPPLY_VERB_END.test(text.slice(Math.max(sent.start, r.start - 30), r.start))) return found(r, 4);
      if (SUPPLY_VERB.test(text.slice(r.end, q.start))) suppliers.add(r.entity.name);
    }
  }
  // The nearest organization before it that is not an object ('mit Oracle', 'in OpenAI').
  for (let i = clauseBefore.length - 1; i >= 0; i--) {
    const r = clauseBefore[i]!;
    if (suppliers.has(r.entity.name)) continue;
    if (RECIPIENT_BEFORE.test(text.slice(Math.max(sent.start, r.start - 40), r.start))) continue;
    // The last of a list of three or more ('Alphabet, Amazon, Meta und Microsoft wollen 400 Milliarden ausgeben'): no single owner.
    const a = clauseBefore[i - 1];
    const b = clauseBefore[i - 2];
    if (a && b && LIST_GAP.test(text.slice(a.end, r.start)) && LIST_GAP.test(text.slice(b.end, a.start)))
      return { subject: null, strength: 2 };
    return found(r, 4);
  }
  if (firstAfter && attachedAfter) return found(firstAfter, 3);
  const others = before.filter((r) => !suppliers.has(r.entity.name));
  if (others.length) return found(others[others.length - 1]!, 2);
  // 'der gesamte Komplex', 'diese Anlage', 'the site': the article's main project.
  if (mainProject && SITE_NOUN.test(text.slice(sent.start, q.start)))
    return { subject: mainProject, strength: 1.5 };
  // The topic of the preceding sentences: the first organization or project named there.
  for (let k = si - 1; k >= 0 && k >= si - 3; k--) {
    const prev = sentences[k]!;
    const ms = index
      .between(prev.start, prev.end)
      .filter((r) => canOwn(text, r) && !suppliers.has(r.entity.name));
    if (!ms.length) continue;
    // Power and hardware belong to a site: a project named there comes first.
    const site = q.unit === "W" || q.unit === "GPU" ? ms.find((r) => r.entity.type === "Project") : undefined;
    return found(site ?? ms[0]!, 1);
  }
  return { subject: null, strength: 0 };
}
