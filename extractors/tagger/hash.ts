// 32-bit hashes: feature names and gazetteer phrases become table indexes. Strings are hashed
// once (FNV-1a over UTF-16 code units); phrases and feature names combine those hashes with
// integer arithmetic only, so tagging a token hashes no strings that were seen before.
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines a running hash with the next part's hash (order matters: mix(mix(a, b), c)). */
export function mix(h: number, x: number): number {
  // the rotation makes the order count: mix(a, b) !== mix(b, a)
  h = Math.imul(((h << 5) | (h >>> 27)) ^ x, 0x9e3779b1);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Continues a phrase hash with the next token ("Deutsche" then "Bank"). */
export function phraseExtend(h: number, tokenHash: number): number {
  return mix(h ^ 0x20, tokenHash);
}

/** Hash of a phrase given as tokens: a single token's is fnv1a(token). */
export function phraseHash(tokens: readonly string[]): number {
  let h = fnv1a(tokens[0] ?? "");
  for (let i = 1; i < tokens.length; i++) h = phraseExtend(h, fnv1a(tokens[i]));
  return h;
}
