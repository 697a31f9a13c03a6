// Building Lucene queries for the full-text index from user input. Every character Lucene
// treats as syntax is escaped, so 'AT&T (US)' or 'C++' search for themselves; each word
// matches exactly, as a prefix or within a small edit distance ('Stargte' finds 'Stargate').

/** Characters with a meaning in Lucene's classic query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes one term for Lucene's query parser: 'C++' -> 'C\+\+'. */
export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** Words of a user's search text, without surrounding punctuation ('"Stargate"?' -> ['Stargate']). */
export function searchTerms(text: string): string[] {
  return text
    .normalize("NFKC")
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** Edit distance allowed for a word of this length: none for very short words. */
function fuzziness(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

/**
 * A typo-tolerant Lucene query: every word must match (exactly, as a prefix, or fuzzily),
 * an exact phrase ranks highest. Null when the text has no words.
 */
export function fuzzyLuceneQuery(text: string): string | null {
  const words = searchTerms(text).map((w) => w.toLocaleLowerCase("und"));
  if (words.length === 0) return null;
  const clauses = words.map((w) => {
    const e = escapeLucene(w);
    const f = fuzziness(w);
    const parts = [`${e}^3`];
    if (w.length >= 2) parts.push(`${e}*`);
    if (f > 0) parts.push(`${e}~${f}`);
    return `(${parts.join(" OR ")})`;
  });
  const phrase = words.length > 1 ? `"${words.map(escapeLucene).join(" ")}"^5 OR ` : "";
  return `${phrase}(${clauses.join(" AND ")})`;
}
