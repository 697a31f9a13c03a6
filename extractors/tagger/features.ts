// Feature extraction for the tagger: each token becomes a list of named features, hashed into
// a fixed-size weight table. Built for German, where every noun is capitalized: the word's
// shape only means something together with its position and its neighbours.
import { fnv1a } from "./hash.ts";
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

const COMPANY_SUFFIXES = new Set(
  [
    "GmbH", "AG", "SE", "KG", "KGaA", "eG", "e.V.", "mbH", "OHG", "Inc", "Inc.", "Corp", "Corp.",
    "Corporation", "Ltd", "Ltd.", "LLC", "LLP", "plc", "PLC", "Co.", "Group", "Holding",
    "Holdings", "S.A.", "SA", "N.V.", "NV", "B.V.", "S.p.A.", "Gruppe", "Konzern", "Technologies",
    "Systems", "Labs",
  ],
);

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

function lengthBucket(n: number): string {
  return n <= 2 ? String(n) : n <= 4 ? "4" : n <= 8 ? "8" : "L";
}

/** The feature names of every token, in order. Readable; used by tests and for debugging. */
export function featureNames(
  tokens: readonly string[],
  gaz: Gazetteer,
  opts: FeatureOptions = {},
): string[][] {
  const n = tokens.length;
  const frag = opts.fragment === true;
  const lower = tokens.map((t) => t.toLowerCase());
  const shapes = tokens.map(shape);
  const caps = tokens.map(capClass);
  const gm = matchGazetteer(tokens, gaz);
  const B = frag ? "<F>" : "<S>";
  const E = frag ? "</F>" : "</S>";
  const lw = (i: number) => (i < 0 ? B : i >= n ? E : lower[i]);
  const sh = (i: number) => (i < 0 ? B : i >= n ? E : shapes[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = tokens[i];
    const l = lower[i];
    const f: string[] = ["b", `w=${w}`, `l=${l}`, `sh=${shapes[i]}`, `c=${caps[i]}`];
    f.push(`c=${caps[i]}|len=${lengthBucket(w.length)}`);
    for (let k = 1; k <= 4 && k < l.length; k++) {
      f.push(`p${k}=${l.slice(0, k)}`, `s${k}=${l.slice(-k)}`);
    }
    // German: a capitalized common noun, or a compound ending in one ("Landesebene" -> "Ebene")
    if (caps[i] === "C" || caps[i] === "U" || caps[i] === "M") {
      const noun = (gaz.lookup(wordKey("cap", w)) & (1 << WORD_NOUN)) !== 0;
      const low = (gaz.lookup(wordKey("low", l)) & (1 << WORD_LOWER)) !== 0;
      let head = "";
      if (noun) f.push("noun", `noun|first=${i === 0}`);
      if (low) f.push("lowseen", `lowseen|first=${i === 0}`);
      if (!noun && caps[i] === "C" && w.length >= 6) {
        for (let k = 3; k <= w.length - 3; k++) {
          const h = w.charAt(k).toUpperCase() + w.slice(k + 1);
          if (gaz.lookup(wordKey("cap", h)) & (1 << WORD_NOUN)) {
            head = h;
            f.push("head", `head=${head}`);
            break;
          }
        }
      }
      // the combination, so that "capitalized, unknown, mid-sentence" can weigh on its own
      const inGaz = gm[i] !== 0 ? 1 : 0;
      f.push(`cx=${caps[i]}|${noun ? "n" : head ? "h" : low ? "l" : "u"}|${i === 0 && !frag}|${inGaz}`);
    }
    const dist = gaz.lookup(wordKey("dist", w));
    if (dist !== 0) {
      const freq = dist & 256 ? "f" : "r";
      for (let t = 0; t < 4; t++) {
        if (dist & (1 << t)) f.push(`dist=${DIST_TYPES[t]}`, `dist=${DIST_TYPES[t]}|${freq}`);
        else if (dist & (1 << (4 + t))) f.push(`dist~${DIST_TYPES[t]}`);
      }
    } else f.push("dist=none");
    if (w.includes("-")) f.push("hyph", `hyphlast=${l.slice(l.lastIndexOf("-") + 1)}`);
    if (!frag) {
      if (i === 0) f.push("first", `first|c=${caps[i]}`, `first|l=${l}`);
      if (i === n - 1) f.push("last");
    }
    // neighbours
    f.push(`l-1=${lw(i - 1)}`, `l+1=${lw(i + 1)}`, `l-2=${lw(i - 2)}`, `l+2=${lw(i + 2)}`);
    f.push(`l-1|l=${lw(i - 1)}|${l}`, `l|l+1=${l}|${lw(i + 1)}`);
    f.push(`sh-1=${sh(i - 1)}`, `sh+1=${sh(i + 1)}`, `sh-1|sh=${sh(i - 1)}|${shapes[i]}`);
    f.push(`sh|sh+1=${shapes[i]}|${sh(i + 1)}`);
    f.push(`l-1|c=${lw(i - 1)}|${caps[i]}`);
    if (i > 0) f.push(`s3-1=${lower[i - 1].slice(-3)}`);
    if (i + 1 < n) f.push(`s3+1=${lower[i + 1].slice(-3)}`);
    // company suffix at or after the token ("Nvidia Corp.", "Siemens Energy AG")
    if (COMPANY_SUFFIXES.has(w)) f.push("csuf");
    for (let k = 1; k <= 3 && i + k < n; k++) {
      if (COMPANY_SUFFIXES.has(tokens[i + k])) {
        f.push(`csuf+${k}`);
        break;
      }
    }
    // gazetteers: the token's own matches, and the categories of its neighbours
    const g = gm[i];
    if (g !== 0) {
      for (let c = 0; c < NUM_GAZ; c++) {
        for (let p = 0; p < 3; p++) {
          if (g & (1 << (c * 3 + p))) {
            f.push(`g${GAZ_NAMES[c]}${p}`, `g${GAZ_NAMES[c]}${p}|c=${caps[i]}`);
          }
        }
      }
    }
    for (const [d, j] of [
      [-1, i - 1],
      [1, i + 1],
    ] as const) {
      if (j < 0 || j >= n || gm[j] === 0) continue;
      for (let c = 0; c < NUM_GAZ; c++) {
        if (gm[j] & (7 << (c * 3))) f.push(`g${d > 0 ? "+1" : "-1"}${GAZ_NAMES[c]}`);
      }
    }
    out.push(f);
  }
  return out;
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
  const names = featureNames(tokens, gaz, opts);
  const mask = (1 << bits) - 1;
  let total = 0;
  for (const f of names) total += f.length;
  const feats = new Int32Array(total);
  const offsets = new Int32Array(tokens.length + 1);
  let k = 0;
  names.forEach((f, i) => {
    offsets[i] = k;
    for (const name of f) feats[k++] = fnv1a(name) & mask;
  });
  offsets[tokens.length] = k;
  return { feats, offsets };
}
