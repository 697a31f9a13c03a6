// Which entity a name typed by a user means: an exact identity key (name or alias, up to
// normalization) first; else the best full-text hit that plausibly is that name.
import type { EntityType } from "../extractors/types.ts";
import type { Graph } from "../graph/driver.ts";
import { entityKey } from "../graph/identity.ts";
import { EXACT_MATCH_SCORE, resolveEntityQuery } from "../graph/queries/entities.ts";
import { runReadOnce } from "../graph/queries/run.ts";

export interface EntityHit {
  id: string;
  name: string;
  type: string;
}

interface Hit extends EntityHit {
  aliases: string[] | null;
  score: number;
}

/** Edit distance (Levenshtein) of two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Whether a full-text (not exact) hit plausibly is the name asked: one of its names contains
 * the asked name as whole words ('Altman' in 'Sam Altman') or differs by a typo or two
 * ('Projeckt X' / 'Projekt X'). Keeps 'Meta' from answering with 'Beta Corp'.
 */
export function plausibleMatch(asked: string, names: string[]): boolean {
  const a = entityKey(asked);
  if (!a) return false;
  return names.some((n) => {
    const k = entityKey(n);
    if (!k) return false;
    if (` ${k} `.includes(` ${a} `) || ` ${a} `.includes(` ${k} `)) return true;
    const allowed = a.length < 5 ? 0 : a.length < 9 ? 1 : 2;
    return editDistance(a, k) <= allowed;
  });
}

/** Tries the names in order (e.g. as asked, then cleaned); an exact match of any wins, else the first plausible hit. */
export async function resolveEntity(
  graph: Graph,
  names: string[],
  types: readonly EntityType[] = [],
): Promise<EntityHit | null> {
  let fallback: Hit | null = null;
  for (const name of names) {
    const hits = await runReadOnce<Hit>(graph, resolveEntityQuery(name, types, 5));
    const exact = hits.find((h) => h.score >= EXACT_MATCH_SCORE);
    if (exact) return { id: exact.id, name: exact.name, type: exact.type };
    fallback ??= hits.find((h) => plausibleMatch(name, [h.name, ...(h.aliases ?? [])])) ?? null;
  }
  return fallback && { id: fallback.id, name: fallback.name, type: fallback.type };
}
