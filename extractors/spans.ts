// Position look-ups shared by the quantity and relation extractors: which sentence holds an
// offset, and which entity mentions lie in a range (binary search over sorted mentions).
import type { Entity, Span } from "./types.ts";

export interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

export interface MentionIndex {
  all: readonly MentionRef[];
  /** Mentions that lie inside [start, end), in text order. */
  between(start: number, end: number): MentionRef[];
}

/** All mentions of the entities that pass `keep`, sorted; overlapping mentions keep the longer one. */
export function mentionIndex(entities: readonly Entity[], keep: (e: Entity) => boolean = () => true): MentionIndex {
  const refs: MentionRef[] = [];
  for (const e of entities) {
    if (!e || !keep(e) || !Array.isArray(e.mentions)) continue;
    for (const m of e.mentions) {
      if (m && Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start) refs.push({ start: m.start, end: m.end, entity: e });
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
      for (let i = lowerBound(start); i < all.length && all[i]!.start < end; i++) if (all[i]!.end <= end) out.push(all[i]!);
      return out;
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
