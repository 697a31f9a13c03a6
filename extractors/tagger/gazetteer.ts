// Gazetteers as sorted 32-bit phrase hashes with a category bit mask each: compact, no strings shipped.
import { fnv1a, phraseExtend } from "./hash.ts";

/** Gazetteer categories, one bit each. */
export const GAZ = {
  FIRST: 0, // first names ("Angela")
  SUR: 1, // surnames ("Merkel")
  LOC: 2, // locations ("Europäische Union", "Bayern")
  COUNTRY: 3, // country names and aliases ("Deutschland", "USA")
  COMPANY: 4, // company names ("Nvidia", "Alphabet")
  TPER: 5, // phrases tagged PER in the training data
  TORG: 6,
  TLOC: 7,
  TMISC: 8,
  NAT: 9, // nationality and language adjectives ("British", "französischen"): not names of places
} as const;
export const GAZ_NAMES = Object.keys(GAZ);
/** Categories matched as phrases. */
export const NUM_GAZ = GAZ_NAMES.length;
/** Word-level categories, looked up by wordKey(): a capitalized word mostly seen outside names ("Modell"). */
export const WORD_NOUN = 10;
/** The lowercase form is a word seen in lowercase ("die" for "Die"). */
export const WORD_LOWER = 11;

/**
 * Hash of a word-level entry (kept apart from phrase hashes by a prefix). Under "clu", the
 * lowercase form's word cluster: 1 + a 12-bit id whose top 4 and top 8 bits are coarser
 * classes (scripts/glove-clusters.ts); 0 for words without one.
 */
export function wordKey(kind: "cap" | "low" | "dist" | "clu", w: string): number {
  const p = kind === "cap" ? "\u0001" : kind === "low" ? "\u0002" : kind === "dist" ? "\u0003" : "\u0004";
  return fnv1a(p + w);
}

/**
 * The tag distribution of a word form in the corpora, under wordKey("dist", w): bit t (0 PER,
 * 1 ORG, 2 LOC, 3 MISC) when most of its occurrences are in a name of that type, bit 4 + t
 * when at least a fifth are, bit 8 when it was seen at least five times.
 */
export const DIST_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
/** Longest phrase looked up, in tokens. */
export const MAX_PHRASE = 6;

export interface Gazetteer {
  /** Category bit mask of the phrase with this hash (0 when unknown). */
  lookup(hash: number): number;
}

export class SortedGazetteer implements Gazetteer {
  /** Open-addressing table over the sorted arrays, for O(1) lookups. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;

  constructor(
    readonly hashes: Uint32Array,
    readonly masks: Uint16Array,
  ) {
    let size = 1024;
    while (size < hashes.length * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(-1);
    this.slotMask = size - 1;
    for (let i = 0; i < hashes.length; i++) {
      let j = (Math.imul(hashes[i], 0x9e3779b1) >>> 0) & this.slotMask;
      while (this.slots[j] !== -1) j = (j + 1) & this.slotMask;
      this.slots[j] = i;
    }
  }

  lookup(hash: number): number {
    let j = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.slotMask;
    for (;;) {
      const i = this.slots[j];
      if (i === -1) return 0;
      if (this.hashes[i] === hash) return this.masks[i];
      j = (j + 1) & this.slotMask;
    }
  }

  /** Builds a sorted gazetteer from phrase hash -> mask entries. */
  static fromMap(map: ReadonlyMap<number, number>): SortedGazetteer {
    const keys = [...map.keys()].sort((x, y) => x - y);
    const hashes = new Uint32Array(keys);
    const masks = new Uint16Array(keys.map((k) => map.get(k) ?? 0));
    return new SortedGazetteer(hashes, masks);
  }
}

/** Several gazetteers asked together (the shipped one plus, while training, one built from the corpus). */
export function unionGazetteer(parts: readonly Gazetteer[]): Gazetteer {
  return { lookup: (h) => parts.reduce((m, g) => m | g.lookup(h), 0) };
}

const POS_B = 0;
const POS_I = 1;
const POS_U = 2;

/**
 * Matches every phrase of up to MAX_PHRASE tokens and returns, per token, a bit set of
 * (category, position) pairs: bit = category * 3 + (0 begin | 1 inside | 2 unit).
 */
export function matchGazetteer(
  tokens: readonly string[],
  gaz: Gazetteer,
  tokenHashes: ArrayLike<number> = tokens.map((t) => fnv1a(t)),
): Int32Array {
  const out = new Int32Array(tokens.length);
  const G = NUM_GAZ;
  const M = MAX_PHRASE;
  for (let i = 0; i < tokens.length; i++) {
    // no name starts with ASCII punctuation (",", "(", "-")
    const c0 = tokens[i].charCodeAt(0);
    if (c0 < 0x80 && !((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) continue;
    let h = tokenHashes[i];
    for (let len = 1; len <= M && i + len <= tokens.length; len++) {
      if (len > 1) h = phraseExtend(h, tokenHashes[i + len - 1]);
      const mask = gaz.lookup(h);
      if (mask === 0) continue;
      for (let c = 0; c < G; c++) {
        if ((mask & (1 << c)) === 0) continue;
        if (len === 1) out[i] |= 1 << (c * 3 + POS_U);
        else {
          out[i] |= 1 << (c * 3 + POS_B);
          for (let k = i + 1; k < i + len; k++) out[k] |= 1 << (c * 3 + POS_I);
        }
      }
    }
  }
  return out;
}
