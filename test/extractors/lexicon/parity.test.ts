import assert from "node:assert/strict";
import { defaultLexicons } from "../../../extractors/lexicon/index.ts";
import { ROLES } from "../../../extractors/types.ts";

// Every key one language's lexicon has, the other has too (zod's locale parity idea).
describe("extractors/lexicon parity", () => {
  const lex = defaultLexicons();
  it("role titles cover every canonical role in both languages", () => {
    for (const lang of ["de", "en"] as const) {
      assert.deepEqual(Object.keys(lex[lang].roles.titles).sort(), [...ROLES].sort(), `${lang} titles`);
      assert.deepEqual(
        Object.keys(lex[lang].roles.compoundHeads).sort(),
        [...ROLES].sort(),
        `${lang} compound heads`,
      );
      for (const r of ROLES) assert.ok(lex[lang].roles.titles[r].length > 0, `${lang} has a title for ${r}`);
    }
  });
  it("cue lexicons have the same keys in both languages", () => {
    assert.deepEqual(
      Object.keys(lex.de.cues)
        .filter((k) => k !== "_comment")
        .sort(),
      Object.keys(lex.en.cues)
        .filter((k) => k !== "_comment")
        .sort(),
    );
  });
  it("gazetteer entries have unique names and no alias naming two entries", () => {
    const seen = new Map<string, string>();
    for (const list of [lex.organizations, lex.projects, lex.hardware, lex.models]) {
      for (const e of list) {
        for (const s of [e.name, ...(e.aliases ?? [])]) {
          const prev = seen.get(s);
          assert.ok(prev === undefined || prev === e.name, `'${s}' names both ${prev} and ${e.name}`);
          seen.set(s, e.name);
        }
      }
    }
  });
});
