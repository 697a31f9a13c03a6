// The tag set of the trained tagger: BIO over PER, ORG, LOC, MISC.
export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"] as const;
export type Tag = (typeof TAGS)[number];
export const NUM_TAGS = TAGS.length;

export const TAG_INDEX: ReadonlyMap<string, number> = new Map(TAGS.map((t, i) => [t, i]));

/** Whether tag `to` may follow tag `from` (-1 = sentence start) in a well-formed BIO sequence. */
export function allowedTransition(from: number, to: number): boolean {
  const t = TAGS[to];
  if (!t.startsWith("I-")) return true;
  if (from < 0) return false;
  const f = TAGS[from];
  return f !== "O" && f.slice(2) === t.slice(2);
}

/** Maps a corpus tag onto our tag set; unknown labels become "O". */
export function tagIndex(tag: string): number {
  return TAG_INDEX.get(tag) ?? 0;
}
