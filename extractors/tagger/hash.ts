// 32-bit FNV-1a over UTF-16 code units: feature names and gazetteer phrases become table indexes.
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Continues a phrase hash with a separator and the next token ("Deutsche" + " " + "Bank"). */
export function fnv1aExtend(h: number, token: string): number {
  h ^= 0x20;
  h = Math.imul(h, 0x01000193);
  return fnv1a(token, h);
}

/** Hash of a phrase given as tokens, equal to extending token by token. */
export function phraseHash(tokens: readonly string[]): number {
  let h = fnv1a(tokens[0] ?? "");
  for (let i = 1; i < tokens.length; i++) h = fnv1aExtend(h, tokens[i]);
  return h;
}
