import assert from "node:assert/strict";
import { escapeLucene, fuzzyLuceneQuery, searchTerms } from "../../../graph/queries/lucene.ts";

describe("graph/queries/lucene", () => {
  it("escapes every character with a meaning in Lucene syntax", () => {
    assert.equal(escapeLucene("C++"), "C\\+\\+");
    assert.equal(
      escapeLucene('a&&b||!(c){d}[e]^"f"~g*h?i:j\\k/l-m'),
      'a\\&\\&b\\|\\|\\!\\(c\\)\\{d\\}\\[e\\]\\^\\"f\\"\\~g\\*h\\?i\\:j\\\\k\\/l\\-m',
    );
    assert.equal(escapeLucene("Stargate"), "Stargate");
  });

  it("splits search text into words without surrounding punctuation", () => {
    assert.deepEqual(searchTerms(' "Sam  Altman"? '), ["Sam", "Altman"]);
    assert.deepEqual(searchTerms("(( ))"), []);
    assert.equal(searchTerms("a b c d e f g h i j k").length, 8);
  });

  it("builds a typo-tolerant query: exact, prefix and fuzzy per word, all words required", () => {
    assert.equal(fuzzyLuceneQuery("Stargte"), "((stargte^3 OR stargte* OR stargte~2))");
    assert.equal(fuzzyLuceneQuery("xAI"), "((xai^3 OR xai*))");
    assert.equal(
      fuzzyLuceneQuery("Sam Altman"),
      '"sam altman"^5 OR ((sam^3 OR sam*) AND (altman^3 OR altman* OR altman~1))',
    );
  });

  it("neutralizes Lucene operators in user input", () => {
    const q = fuzzyLuceneQuery("AND OR NOT a:b")!;
    // keywords are lower-cased (Lucene operators are upper case only), field syntax escaped
    assert.ok(!/\b(AND|OR|NOT) (AND|OR|NOT)\b/.test(q.replace(/\) AND \(/g, "")));
    assert.ok(q.includes("a\\:b"));
    assert.equal(fuzzyLuceneQuery(" ?! "), null);
  });
});
