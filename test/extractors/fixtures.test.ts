// Every fixture article in fixtures/{de,en}/ with its expected findings (*.expected.json),
// and the span invariant `text === source.slice(start, end)` for every span of every fixture.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { extract, createContext } from "../../extractors/pipeline.ts";
import type { ExtractionResult } from "../../extractors/types.ts";

interface Expected {
  language: string;
  persons: string[];
  organizations: string[];
  projects: string[];
  roles: { person: string; role: string; org: string | null }[];
  aliases?: Record<string, string[]>;
}

const root = new URL("../../fixtures/", import.meta.url);
const fixtures = ["de", "en"].flatMap((lang) =>
  readdirSync(new URL(`${lang}/`, root))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({
      name: `${lang}/${f}`,
      text: readFileSync(new URL(`${lang}/${f}`, root), "utf8"),
      expectedFile: new URL(`${lang}/${f.replace(/\.txt$/, ".expected.json")}`, root),
    })),
);

const TYPE = { persons: "Person", organizations: "Organization", projects: "Project" } as const;

describe("extractors on fixture articles", () => {
  for (const fx of fixtures) {
    describe(fx.name, () => {
      let r: ExtractionResult;
      before(() => {
        r = extract(fx.text, createContext());
      });
      it("keeps every span's text equal to the slice of the source", () => {
        for (const e of r.entities)
          for (const m of e.mentions)
            assert.equal(fx.text.slice(m.start, m.end), m.text, `${e.name} mention`);
        for (const x of r.roles) assert.equal(fx.text.slice(x.start, x.end), x.text, `${x.person} role`);
        for (const q of r.quantities) assert.equal(fx.text.slice(q.start, q.end), q.text);
        for (const rel of r.relations)
          assert.equal(fx.text.slice(rel.evidence.start, rel.evidence.end), rel.evidence.sentence);
        for (const s of r.sentences ?? []) assert.equal(fx.text.slice(s.start, s.end), s.text);
      });
      it("names only listed entities in roles", () => {
        const known = new Set(r.entities.map((e) => e.name));
        for (const x of r.roles) {
          assert.ok(known.has(x.person), x.person);
          if (x.org) assert.ok(known.has(x.org), x.org);
        }
      });
      if (!existsSync(fx.expectedFile)) return;
      const exp = JSON.parse(readFileSync(fx.expectedFile, "utf8")) as Expected;
      it(`detects ${exp.language}`, () => assert.equal(r.language, exp.language));
      for (const cat of ["persons", "organizations", "projects"] as const) {
        it(`finds exactly the expected ${cat}`, () => {
          const got = r.entities
            .filter((e) => e.type === TYPE[cat])
            .map((e) => e.name)
            .sort();
          assert.deepEqual(got, [...exp[cat]].sort());
        });
      }
      it("finds the expected roles", () => {
        const got = r.roles.map((x) => `${x.person}|${x.role}|${x.org}`).sort();
        assert.deepEqual(got, exp.roles.map((x) => `${x.person}|${x.role}|${x.org}`).sort());
      });
      it("resolves short mentions to the full name", () => {
        for (const [name, aliases] of Object.entries(exp.aliases ?? {})) {
          const e = r.entities.find((x) => x.name === name);
          assert.ok(e, name);
          const forms = new Set(e.mentions.map((m) => m.text.replace(/(?:['’]s|s)$/, "")));
          for (const a of aliases)
            assert.ok(e.aliases.includes(a) || forms.has(a), `${name} is also mentioned as ${a}`);
        }
      });
    });
  }
});
