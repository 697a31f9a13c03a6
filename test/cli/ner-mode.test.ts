import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildTinyModel, type TinyModel } from "../support/tiny-model/build.ts";
import { NerModeError, nerSpansFor, resolveNerMode } from "../../cli/ner-mode.ts";
import { inlineExtractor, workerExtractor } from "../../cli/extraction.ts";
import {
  ModelUnavailableError,
  transformerConfig,
  type TransformerConfig,
} from "../../cli/transformer-model.ts";

const KG = fileURLToPath(new URL("../../bin/kg.mjs", import.meta.url));

function kg(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [KG, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Out {
  file: string;
  entities: Array<{ name: string; type: string; sources?: string[] }>;
}

describe("cli/ner-mode: --ner rules|tagger|transformer|hybrid", () => {
  let tiny: TinyModel;
  let empty: string;
  let withModel: TransformerConfig;
  let without: TransformerConfig;
  let article: string;
  let article2: string;
  // Made-up names: no lexicon knows 'Korvath'; only the model's span makes it an entity.
  const text = "The new data center is for Korvath. Tamsin Okonkwo said Korvath plans a new Campus.";

  before(() => {
    tiny = buildTinyModel();
    empty = mkdtempSync(join(tmpdir(), "kg-no-model-"));
    withModel = transformerConfig({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name });
    without = transformerConfig({ KG_MODEL_DIR: empty });
    article = join(empty, "korvath.en.txt");
    article2 = join(empty, "rechenzentrum.de.txt");
    writeFileSync(article, text + "\n");
    writeFileSync(
      article2,
      "Sam Altman leitet OpenAI. Nvidia baut mit Meta in Abilene, Texas ein neues Rechenzentrum.\n",
    );
  });
  after(() => {
    rmSync(tiny.root, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  describe("resolveNerMode", () => {
    it("defaults to hybrid when a model loads, to the tagger (silently) when none does", async () => {
      const notices: string[] = [];
      assert.equal(
        await resolveNerMode(undefined, { cfg: withModel, notice: (m) => notices.push(m) }),
        "hybrid",
      );
      assert.equal(
        await resolveNerMode(undefined, { cfg: without, notice: (m) => notices.push(m) }),
        "tagger",
      );
      assert.deepEqual(notices, []);
    });

    it("hybrid without a model falls back to the tagger with one notice saying why", async () => {
      const notices: string[] = [];
      assert.equal(
        await resolveNerMode("hybrid", { cfg: without, notice: (m) => notices.push(m) }),
        "tagger",
      );
      assert.equal(notices.length, 1);
      assert.match(
        notices[0],
        /--ner hybrid runs without the transformer model .*not available: expected it in/,
      );
    });

    it("transformer without a model is an error, rules and tagger never load it", async () => {
      await assert.rejects(resolveNerMode("transformer", { cfg: without }), ModelUnavailableError);
      assert.equal(await resolveNerMode("rules", { cfg: without }), "rules");
      assert.equal(await resolveNerMode("tagger", { cfg: without }), "tagger");
      await assert.rejects(resolveNerMode("spacy", { cfg: withModel }), NerModeError);
    });
  });

  describe("nerSpansFor", () => {
    it("transformer gives the model's spans; hybrid adds the tagger's; rules none", async () => {
      const tr = await nerSpansFor("transformer", text, "en", withModel);
      assert.deepEqual(
        tr!.map((s) => `${s.label}:${s.text}@${s.start}`),
        ["ORG:Korvath@27", "PER:Tamsin Okonkwo@36", "ORG:Korvath@56"],
      );
      const hy = await nerSpansFor("hybrid", text, "en", withModel);
      assert.ok(hy!.length > tr!.length, "hybrid adds the tagger's spans");
      assert.deepEqual(new Set(hy!.map((s) => s.source)), new Set(["tagger", "transformer"]));
      assert.equal(await nerSpansFor("rules", text, "en", withModel), undefined);
    });
  });

  describe("kg extract --ner", () => {
    const env = () => ({ KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name });
    const run = (args: string[], e: Record<string, string>) => {
      const r = kg(["extract", "--json", ...args], e);
      return {
        ...r,
        out: r.stdout
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Out),
      };
    };

    it("hybrid with a model: a name only the model found becomes an entity", () => {
      const r = run(["--lang", "en", "--ner", "hybrid", article], env());
      assert.equal(r.code, 0, r.stderr);
      const korvath = r.out[0].entities.find((e) => e.name === "Korvath");
      assert.ok(korvath, JSON.stringify(r.out[0].entities));
      assert.equal(korvath.type, "Organization");
      assert.ok(korvath.sources?.includes("transformer"));
      const rules = run(["--lang", "en", "--ner", "rules", article], env());
      assert.equal(
        rules.out[0].entities.find((e) => e.name === "Korvath"),
        undefined,
        "the rules alone do not know Korvath",
      );
    });

    it("without --ner: hybrid when the model loads; KG_NER sets another default", () => {
      const byDefault = run(["--lang", "en", article], env());
      assert.ok(
        byDefault.out[0].entities.find((e) => e.name === "Korvath")?.sources?.includes("transformer"),
      );
      const rules = run(["--lang", "en", article], { ...env(), KG_NER: "rules" });
      assert.equal(
        rules.out[0].entities.find((e) => e.name === "Korvath"),
        undefined,
      );
    });

    it("hybrid without a model: runs, with exactly one notice for several files", () => {
      const r = run(["--ner", "hybrid", article, article2], { KG_MODEL_DIR: empty, KG_NER_MODEL: "" });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.out.length, 2);
      assert.ok(r.out[1].entities.some((e) => e.name === "OpenAI"));
      assert.equal(r.stderr.match(/notice/g)?.length, 1, r.stderr);
    });

    it("transformer without a model: a clear error, exit 1, no stack trace", () => {
      const r = kg(["extract", "--ner", "transformer", article], { KG_MODEL_DIR: empty, KG_NER_MODEL: "" });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /kg extract: --ner transformer: transformer NER model .* not available/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(r.stdout, "");
    });
  });

  describe("kg ingest: the pipeline adapter with KG_NER, inline and in worker threads", () => {
    const saved: Record<string, string | undefined> = {};
    const set = (vars: Record<string, string>) => {
      for (const [k, v] of Object.entries(vars)) {
        saved[k] ??= process.env[k];
        process.env[k] = v;
      }
    };
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
        delete saved[k];
      }
    });
    const input = { text, lang: "en", date: null };
    const korvath = (r: { entities: Array<{ name: string; sources?: string[] }> }) =>
      r.entities.find((e) => e.name === "Korvath");

    it("KG_NER=transformer: the model's spans reach the pipeline", async () => {
      set({ KG_NER: "transformer", KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name });
      const ex = await inlineExtractor();
      try {
        assert.ok(korvath(await ex.extract(input))?.sources?.includes("transformer"));
      } finally {
        await ex.close();
      }
    });

    it("KG_NER=rules: no model spans", async () => {
      set({ KG_NER: "rules", KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name });
      const ex = await inlineExtractor();
      try {
        assert.equal(korvath(await ex.extract(input)), undefined);
      } finally {
        await ex.close();
      }
    });

    it("two worker threads each load the model and find the same names", async () => {
      set({ KG_NER: "hybrid", KG_MODEL_DIR: tiny.root, KG_NER_MODEL: tiny.name });
      const ex = await workerExtractor(2);
      try {
        const results = await Promise.all([1, 2, 3, 4].map(() => ex.extract(input)));
        for (const r of results)
          assert.ok(korvath(r)?.sources?.includes("transformer"), JSON.stringify(r.entities));
      } finally {
        await ex.close();
      }
    });
  });
});
