// Token-sequence matching of known surface forms ('Chan Zuckerberg Initiative', 'OpenAI'),
// allowing a German genitive '-s' ('Nvidias') or an English possessive ('Nvidia's').
// Linear in the number of tokens: a hash lookup on the first token, then short sequences.
import { tokenize, type Token } from "./sentences.ts";

export interface Pattern<T> {
  tokens: string[];
  payload: T;
}

export interface Matcher<T> {
  byFirst: Map<string, Pattern<T>[]>;
  caseInsensitive: boolean;
}

export interface Match<T> {
  startTok: number;
  endTok: number;
  start: number;
  end: number;
  payload: T;
  /** The matched surface without a genitive/possessive ending. */
  surface: string;
}

export function buildMatcher<T>(
  items: Iterable<{ surface: string; payload: T }>,
  caseInsensitive = false,
): Matcher<T> {
  const byFirst = new Map<string, Pattern<T>[]>();
  for (const { surface, payload } of items) {
    const tokens = tokenize(surface).map((t) => (caseInsensitive ? t.text.toLowerCase() : t.text));
    if (tokens.length === 0) continue;
    const list = byFirst.get(tokens[0]) ?? [];
    list.push({ tokens, payload });
    byFirst.set(tokens[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirst, caseInsensitive };
}

const key = (t: string, ci: boolean) => (ci ? t.toLowerCase() : t);

/** Longest match starting at token i (within one sentence), or undefined. */
export function matchAt<T>(
  m: Matcher<T>,
  tokens: readonly Token[],
  i: number,
  text: string,
): Match<T> | undefined {
  const first = tokens[i];
  const ci = m.caseInsensitive;
  let candidates = m.byFirst.get(key(first.text, ci));
  let genitiveFirst = false;
  // 'Nvidias' as the whole one-token name.
  if (!candidates && first.kind === "word" && first.text.length > 3 && first.text.endsWith("s")) {
    candidates = m.byFirst.get(key(first.text.slice(0, -1), ci))?.filter((p) => p.tokens.length === 1);
    genitiveFirst = candidates !== undefined && candidates.length > 0;
  }
  if (!candidates) return undefined;
  for (const p of candidates) {
    const n = p.tokens.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    // 'Aleph-Alpha' for 'Aleph Alpha': a glued hyphen in the text may stand for a space.
    let skip = 0;
    for (let k = 1; k < n; k++) {
      if (
        p.tokens[k] !== "-" &&
        tokens[i + k + skip]?.text === "-" &&
        !tokens[i + k + skip].spaceBefore &&
        tokens[i + k + skip + 1] &&
        !tokens[i + k + skip + 1].spaceBefore
      )
        skip++;
      const t = tokens[i + k + skip];
      if (!t) {
        ok = false;
        break;
      }
      if (t.sentence !== first.sentence) {
        ok = false;
        break;
      }
      let want = p.tokens[k];
      let got = key(t.text, ci);
      // A genitive on the last token ('Chan Zuckerberg Initiatives' is rare; 'Google DeepMinds').
      if (k === n - 1 && got !== want && got === want + "s") got = want;
      // Pattern tokens glued by '-' or '.' must be glued in the text too, and vice versa loosely.
      if (got !== want) {
        ok = false;
        break;
      }
      want = "";
    }
    if (!ok) continue;
    const last = tokens[i + n - 1 + skip];
    const surfaceEnd = genitiveFirst || (last.text !== p.tokens[n - 1] && !ci) ? last.end - 1 : last.end;
    // Don't match inside a longer word token run glued without space ('OpenAIX').
    return {
      startTok: i,
      endTok: i + n + skip,
      start: first.start,
      end: last.end,
      payload: p.payload,
      surface: text.slice(first.start, surfaceEnd),
    };
  }
  return undefined;
}

/** All non-overlapping longest matches, left to right. */
export function matchAll<T>(m: Matcher<T>, tokens: readonly Token[], text: string): Match<T>[] {
  const out: Match<T>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === "punct") continue;
    const hit = matchAt(m, tokens, i, text);
    if (hit) {
      out.push(hit);
      i = hit.endTok - 1;
    }
  }
  return out;
}
