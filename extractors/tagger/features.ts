// Feature extraction for the tagger: each token becomes a list of named features, hashed into
// a fixed-size weight table. Built for German, where every noun is capitalized: the word's
// shape only means something together with its position and its neighbours.
import { fnv1a, mix } from "./hash.ts";
import {
  GAZ_NAMES,
  NUM_GAZ,
  WORD_LOWER,
  WORD_NOUN,
  DIST_TYPES,
  matchGazetteer,
  wordKey,
  type Gazetteer,
} from "./gazetteer.ts";

export interface FeatureOptions {
  /**
   * The sentence is a fragment without real boundaries (WikiANN): position and boundary
   * features are left out so that they are learned from running text only.
   */
  fragment?: boolean;
}

const COMPANY_SUFFIXES = new Set([
  "GmbH",
  "AG",
  "SE",
  "KG",
  "KGaA",
  "eG",
  "e.V.",
  "mbH",
  "OHG",
  "Inc",
  "Inc.",
  "Corp",
  "Corp.",
  "Corporation",
  "Ltd",
  "Ltd.",
  "LLC",
  "LLP",
  "plc",
  "PLC",
  "Co.",
  "Group",
  "Holding",
  "Holdings",
  "S.A.",
  "SA",
  "N.V.",
  "NV",
  "B.V.",
  "S.p.A.",
  "Gruppe",
  "Konzern",
  "Technologies",
  "Systems",
  "Labs",
]);

/** "OpenAI" -> "XxxxXX" with runs collapsed: "XxX". */
export function shape(w: string): string {
  let out = "";
  let last = "";
  for (const ch of w) {
    let c: string;
    if (ch >= "0" && ch <= "9") c = "d";
    else if (ch !== ch.toLowerCase()) c = "X";
    else if (ch !== ch.toUpperCase()) c = "x";
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

/** Capitalization class: U all caps, C initial cap, M mixed ("iPhone", "OpenAI"), L lower, D digits, P other. */
export function capClass(w: string): string {
  const first = w.charAt(0);
  const upperFirst = first !== first.toLowerCase();
  const lowerFirst = first !== first.toUpperCase();
  const rest = w.slice(1);
  const restHasUpper = rest !== rest.toLowerCase();
  const restHasLower = rest !== rest.toUpperCase();
  if (upperFirst) {
    if (!restHasLower && rest.length > 0 && restHasUpper) return "U";
    if (!restHasUpper) return "C";
    return "M";
  }
  if (lowerFirst) return restHasUpper ? "M" : "L";
  if (/^\d/.test(w)) return "D";
  return "P";
}

const DIGITS = ["0", "1", "2", "3", "4"];

function lengthBucket(n: number): string {
  return n <= 2 ? String(n) : n <= 4 ? "4" : n <= 8 ? "8" : "L";
}

const isNoun = (w: string, gaz: Gazetteer) => (gaz.lookup(wordKey("cap", w)) & (1 << WORD_NOUN)) !== 0;

/**
 * The first part of a German compound is itself a word, maybe with a linking element:
 * "Landes|ebene" (Land + es), "Papier|form"; "Ros|atom" and "Sche|ring" are names.
 */
function isModifier(m: string, gaz: Gazetteer): boolean {
  if (isNoun(m, gaz)) return true;
  for (const link of ["s", "es", "n", "en", "e", "er"]) {
    if (m.length > link.length + 2 && m.endsWith(link) && isNoun(m.slice(0, -link.length), gaz)) return true;
  }
  return (gaz.lookup(wordKey("low", m.toLowerCase())) & (1 << WORD_LOWER)) !== 0;
}

/** A piece of a feature name with its hash, computed once. */
export interface Part {
  s: string;
  h: number;
}

const parts = new Map<string, Part>();
/** The part for a constant string (template names, tag categories, digits). */
function P(s: string): Part {
  let p = parts.get(s);
  if (!p) parts.set(s, (p = { s, h: fnv1a(s) }));
  return p;
}
const part = (s: string): Part => ({ s, h: fnv1a(s) });

/** What the tagger knows about a word form alone, whatever its context. */
export interface WordInfo {
  /** Features of the word form alone (identical wherever it occurs). */
  local: string[];
  caps: string;
  shape: string;
  lower: string;
  /** A capitalized common noun ("Modell"), a word also seen in lowercase ("Die"), a compound's noun head. */
  noun: boolean;
  low: boolean;
  head: string;
  /** The word's middle-grain (8-bit) GloVe cluster ("" without one); its neighbours see it. */
  clu: string;
  /** fnv1a of the word form: its gazetteer phrase hash. */
  form: number;
  lowerP: Part;
  shapeP: Part;
  capsP: Part;
  cluP: Part;
}

/** The word-level features of one word form. */
export function wordInfo(w: string, gaz: Gazetteer): WordInfo {
  const l = w.toLowerCase();
  const caps = capClass(w);
  const sh = shape(w);
  const f: string[] = [
    "b",
    `w=${w}`,
    `l=${l}`,
    `sh=${sh}`,
    `c=${caps}`,
    `c=${caps}|len=${lengthBucket(w.length)}`,
  ];
  for (let k = 1; k <= 4 && k < l.length; k++) f.push(`p${k}=${l.slice(0, k)}`, `s${k}=${l.slice(-k)}`);
  let noun = false;
  let low = false;
  let head = "";
  // German: a capitalized common noun, or a compound ending in one ("Landesebene" -> "Ebene")
  if (caps === "C" || caps === "U" || caps === "M") {
    noun = (gaz.lookup(wordKey("cap", w)) & (1 << WORD_NOUN)) !== 0;
    low = (gaz.lookup(wordKey("low", l)) & (1 << WORD_LOWER)) !== 0;
    if (noun) f.push("noun");
    if (low) f.push("lowseen");
    if (!noun && caps === "C" && w.length >= 6) {
      for (let k = 3; k <= w.length - 3; k++) {
        const h = w.charAt(k).toUpperCase() + w.slice(k + 1);
        if (gaz.lookup(wordKey("cap", h)) & (1 << WORD_NOUN) && isModifier(w.slice(0, k), gaz)) {
          head = h;
          f.push("head", `head=${head}`);
          break;
        }
      }
    }
  }
  const dist = gaz.lookup(wordKey("dist", w));
  if (dist !== 0) {
    const freq = dist & 256 ? "f" : "r";
    for (let t = 0; t < 4; t++) {
      if (dist & (1 << t)) f.push(`dist=${DIST_TYPES[t]}`, `dist=${DIST_TYPES[t]}|${freq}`);
      else if (dist & (1 << (4 + t))) f.push(`dist~${DIST_TYPES[t]}`);
    }
  } else f.push("dist=none");
  const cid = gaz.lookup(wordKey("clu", l));
  // only with a model that has clusters: a model without them sees no cluster features at all
  const clu = cid === 0 ? "" : String((cid - 1) >> 4);
  if (cid !== 0) f.push(`k4=${(cid - 1) >> 8}`, `k8=${clu}`, `k12=${cid - 1}`, `k12=${cid - 1}|c=${caps}`);
  if (w.includes("-")) f.push("hyph", `hyphlast=${l.slice(l.lastIndexOf("-") + 1)}`);
  if (COMPANY_SUFFIXES.has(w)) f.push("csuf");
  // German genitive: "Merkels", "Nvidias" -> the gazetteer entry of "Merkel", "Nvidia"
  if (caps === "C" && w.length > 3 && w.endsWith("s") && !noun) {
    const mask = gaz.lookup(fnv1a(w.slice(0, -1)));
    for (let c = 0; c < NUM_GAZ; c++) if (mask & (1 << c)) f.push(`gen=${GAZ_NAMES[c]}`);
  }
  return {
    local: f,
    caps,
    shape: sh,
    lower: l,
    noun,
    low,
    head,
    clu,
    form: fnv1a(w),
    lowerP: part(l),
    shapeP: P(sh),
    capsP: P(caps),
    cluP: P(clu || "?"),
  };
}

/** The feature names of every token, in order: word-level, then contextual. Readable; for tests. */
export function featureNames(
  tokens: readonly string[],
  gaz: Gazetteer,
  opts: FeatureOptions = {},
): string[][] {
  const infos = tokens.map((t) => wordInfo(t, gaz));
  const out: string[][] = infos.map((x) => [...x.local]);
  contextFeatures(tokens, infos, gaz, opts, (i, a, b, c, d, e) =>
    out[i].push(a.s + (b?.s ?? "") + (c?.s ?? "") + (d?.s ?? "") + (e?.s ?? "")),
  );
  return out;
}

/** Receives a feature of token i whose name is the concatenation of the defined parts. */
export type Emit = (i: number, a: Part, b?: Part, c?: Part, d?: Part, e?: Part) => void;

const T = {
  nounFirst: P("noun|first="),
  lowFirst: P("lowseen|first="),
  cx: P("cx="),
  yes: P("true"),
  no: P("false"),
  g0: P("|0"),
  g1: P("|1"),
  first: P("first"),
  firstC: P("first|c="),
  firstL: P("first|l="),
  last: P("last"),
  l1: P("l-1="),
  r1: P("l+1="),
  l2: P("l-2="),
  r2: P("l+2="),
  l1l: P("l-1|l="),
  lr1: P("l|l+1="),
  bar: P("|"),
  k1: P("k-1="),
  kr1: P("k+1="),
  sh1: P("sh-1="),
  shr1: P("sh+1="),
  l1c: P("l-1|c="),
  csuf: P("csuf+"),
  g: P("g"),
  gc: P("|c="),
  before: P("-1"),
  after: P("+1"),
};
const KIND = { n: P("|n|"), h: P("|h|"), l: P("|l|"), u: P("|u|") };
const DIGIT_PARTS = DIGITS.map(P);
const GAZ_PARTS = GAZ_NAMES.map(P);

/** Calls `emit(i, ...parts)` (the name is the parts' concatenation) for every feature of token i that depends on its context. */
export function contextFeatures(
  tokens: readonly string[],
  infos: readonly WordInfo[],
  gaz: Gazetteer,
  opts: FeatureOptions,
  emit: Emit,
): void {
  const n = tokens.length;
  const frag = opts.fragment === true;
  const gm = matchGazetteer(
    tokens,
    gaz,
    infos.map((x) => x.form),
  );
  const B = P(frag ? "<F>" : "<S>");
  const E = P(frag ? "</F>" : "</S>");
  const lw = (i: number) => (i < 0 ? B : i >= n ? E : infos[i].lowerP);
  const sh = (i: number) => (i < 0 ? B : i >= n ? E : infos[i].shapeP);
  const ku = (i: number) => (i < 0 ? B : i >= n ? E : infos[i].cluP);
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    const l = x.lowerP;
    const caps = x.capsP;
    const first = i === 0 && !frag;
    if (x.caps === "C" || x.caps === "U" || x.caps === "M") {
      if (x.noun) emit(i, T.nounFirst, i === 0 ? T.yes : T.no);
      if (x.low) emit(i, T.lowFirst, i === 0 ? T.yes : T.no);
      // the combination, so that "capitalized, unknown, mid-sentence" can weigh on its own
      const kind = x.noun ? KIND.n : x.head ? KIND.h : x.low ? KIND.l : KIND.u;
      emit(i, T.cx, caps, kind, first ? T.yes : T.no, gm[i] !== 0 ? T.g1 : T.g0);
    }
    if (!frag) {
      if (i === 0) {
        emit(i, T.first);
        emit(i, T.firstC, caps);
        emit(i, T.firstL, l);
      }
      if (i === n - 1) emit(i, T.last);
    }
    // neighbours
    emit(i, T.l1, lw(i - 1));
    emit(i, T.r1, lw(i + 1));
    emit(i, T.l2, lw(i - 2));
    emit(i, T.r2, lw(i + 2));
    emit(i, T.l1l, lw(i - 1), T.bar, l);
    emit(i, T.lr1, l, T.bar, lw(i + 1));
    if (x.clu) {
      emit(i, T.k1, ku(i - 1));
      emit(i, T.kr1, ku(i + 1));
    }
    emit(i, T.sh1, sh(i - 1));
    emit(i, T.shr1, sh(i + 1));
    emit(i, T.l1c, lw(i - 1), T.bar, caps);
    // company suffix after the token ("Nvidia Corp.", "Siemens Energy AG")
    for (let k = 1; k <= 3 && i + k < n; k++) {
      if (COMPANY_SUFFIXES.has(tokens[i + k])) {
        emit(i, T.csuf, DIGIT_PARTS[k]);
        break;
      }
    }
    // gazetteers: the token's own matches, and the categories of its neighbours
    const g = gm[i];
    if (g !== 0) {
      for (let c = 0; c < NUM_GAZ; c++) {
        for (let p = 0; p < 3; p++) {
          if (g & (1 << (c * 3 + p))) {
            emit(i, T.g, GAZ_PARTS[c], DIGIT_PARTS[p]);
            emit(i, T.g, GAZ_PARTS[c], DIGIT_PARTS[p], T.gc, caps);
          }
        }
      }
    }
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= n || gm[j] === 0) continue;
      for (let c = 0; c < NUM_GAZ; c++) {
        if (gm[j] & (7 << (c * 3))) emit(i, T.g, j > i ? T.after : T.before, GAZ_PARTS[c]);
      }
    }
  }
}

export interface SentenceFeatures {
  /** Hashed feature indexes of all tokens, token after token. */
  feats: Int32Array;
  /** Token i's features are feats[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
}

/** Hashes the features of every token into `bits`-bit table indexes. */
export function extractFeatures(
  tokens: readonly string[],
  gaz: Gazetteer,
  bits: number,
  opts: FeatureOptions = {},
): SentenceFeatures {
  const mask = (1 << bits) - 1;
  const infos = tokens.map((t) => wordInfo(t, gaz));
  const ctx = hashContext(tokens, infos, gaz, mask, opts);
  let total = 0;
  for (const x of infos) total += x.local.length;
  const feats = new Int32Array(total + ctx.feats.length);
  const offsets = new Int32Array(tokens.length + 1);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = k;
    for (const name of infos[i].local) feats[k++] = fnv1a(name) & mask;
    for (let j = ctx.offsets[i]; j < ctx.offsets[i + 1]; j++) feats[k++] = ctx.feats[j];
  }
  offsets[tokens.length] = k;
  return { feats, offsets };
}

/** The hashed contextual features only (the word-level ones are cached by word form at run time). */
export function hashContext(
  tokens: readonly string[],
  infos: readonly WordInfo[],
  gaz: Gazetteer,
  mask: number,
  opts: FeatureOptions = {},
): SentenceFeatures {
  let feats = new Int32Array(tokens.length * 40 + 8);
  const offsets = new Int32Array(tokens.length + 1);
  let k = 0;
  let cur = -1;
  contextFeatures(tokens, infos, gaz, opts, (i, a, b, c, d, e) => {
    while (cur < i) offsets[++cur] = k;
    if (k === feats.length) {
      const bigger = new Int32Array(feats.length * 2);
      bigger.set(feats);
      feats = bigger;
    }
    // the parts' hashes were computed once; combining them costs a few multiplications
    let h = a.h;
    if (b !== undefined) h = mix(h, b.h);
    if (c !== undefined) h = mix(h, c.h);
    if (d !== undefined) h = mix(h, d.h);
    if (e !== undefined) h = mix(h, e.h);
    feats[k++] = h & mask;
  });
  while (cur < tokens.length) offsets[++cur] = k;
  return { feats: feats.subarray(0, k), offsets };
}
