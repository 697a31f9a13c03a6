import assert from "node:assert/strict";
import { compoundRole } from "../../extractors/titles.ts";
import { defaultLexicons } from "../../extractors/lexicon/index.ts";

const de = defaultLexicons().de;

describe("extractors/titles", () => {
  const cases: [string, string | undefined][] = [
    ["Konzernchef", "CEO"],
    ["Vorstandsvorsitzender", "CEO"],
    ["Finanzchefin", "CFO"],
    ["Mitgründer", "Founder"],
    ["Deutschlandchef", "Head"],
    ["Digitalministerin", "Minister"],
    ["Halbleiter", undefined],
    ["Lautsprecher", undefined],
    ["Rechenzentrum", undefined],
  ];
  for (const [word, role] of cases)
    it(`'${word}' → ${role ?? "no title"}`, () => assert.equal(compoundRole(de, word)?.role, role));
});
