// npm run bench:load [-- --articles N --naive M --group G]
// Generates extraction results for N articles about made-up companies, people and projects
// and loads them, in this process, against the same Neo4j, three ways: the first M with a
// naive loader (one auto-commit query per entity, mention, fact, link and source); all N with
// the real loader, one transaction per article; all N with the real loader, G articles per
// transaction (what `kg ingest` does). Prints facts per second and the ratios to the naive
// loader. Cleans up its data afterwards.
import { parseArgs } from "node:util";
import type {
  Entity,
  ExtractionResult,
  QuantityFinding,
  RelationFinding,
  RelationType,
  Role,
  RoleFinding,
} from "../extractors/types.ts";
import { graphConfigFromEnv, openGraph, runAutoCommit } from "../graph/driver.ts";
import { ensureSchema, loadArticle, loadArticles } from "../graph/load.ts";
import { deleteBenchDataQueries, naiveLoadArticle } from "../graph/naive-load.ts";
import type { ArticleInput } from "../graph/plan.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "3000" },
    naive: { type: "string", default: "300" },
    group: { type: "string", default: "50" },
    seed: { type: "string", default: "42" },
  },
});
const N = Number(values.articles);
const NAIVE = Math.min(Number(values.naive), N);
const GROUP = Math.max(1, Number(values.group));

// Deterministic pseudo-random numbers (mulberry32), so runs are comparable.
let state = Number(values.seed) >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const TAG = `Bq${Math.floor(rand() * 1e6).toString(36)}${Date.now().toString(36)}`;
const syll = [
  "vel",
  "tra",
  "nor",
  "ka",
  "zen",
  "dor",
  "mi",
  "lux",
  "cor",
  "ven",
  "sa",
  "tek",
  "ron",
  "qua",
  "li",
];
const word = () => {
  const w = pick(syll) + pick(syll) + (rand() < 0.5 ? pick(syll) : "");
  return w[0]!.toUpperCase() + w.slice(1);
};
const orgs = Array.from({ length: 400 }, (_, i) => `${word()} ${TAG}o${i}`);
const people = Array.from({ length: 300 }, (_, i) => `${word()} ${word()}${TAG}p${i}`);
const projects = Array.from({ length: 150 }, (_, i) => `${word()} ${TAG}x${i}`);
const roles: Role[] = ["CEO", "CFO", "CTO", "Founder", "Chairman", "Head"];
const relTypes: RelationType[] = ["PARTICIPATES_IN", "OPERATES", "INVESTS_IN", "SUPPLIES", "PARTNERS_WITH"];

function generate(i: number): { article: ArticleInput; result: ExtractionResult } {
  const parts: string[] = [];
  let length = 0;
  const add = (s: string) => {
    const start = length + (parts.length ? 1 : 0);
    parts.push(s);
    length = start + s.length;
    return start;
  };
  const entities = new Map<string, Entity>();
  const mention = (type: Entity["type"], name: string, at: number) => {
    const e = entities.get(name) ?? { id: `${type}:${name}`, type, name, aliases: [], mentions: [] };
    e.mentions.push({ start: at, end: at + name.length, text: name });
    entities.set(name, e);
  };
  const rs: RoleFinding[] = [];
  const qs: QuantityFinding[] = [];
  const rels: RelationFinding[] = [];
  for (let k = 0; k < 3; k++) {
    const p = pick(people);
    const o = pick(orgs);
    const r = pick(roles);
    const s = `${p} is ${r} of ${o}.`;
    const at = add(s);
    mention("Person", p, at);
    mention("Organization", o, at + s.indexOf(o));
    rs.push({
      person: p,
      role: r,
      org: o,
      text: s.slice(0, -1),
      start: at,
      end: at + s.length - 1,
      confidence: 0.9,
    });
    if (r === "CEO") {
      rels.push({
        type: "LEADS",
        subject: p,
        object: o,
        evidence: { sentence: s, start: at, end: at + s.length },
        confidence: 0.8,
      });
    }
  }
  for (let k = 0; k < 5; k++) {
    const o = pick(orgs);
    const t = pick(relTypes);
    const x = t === "PARTNERS_WITH" || t === "SUPPLIES" ? pick(orgs) : pick(projects);
    if (x === o) continue;
    const s = `${o} ${t.toLowerCase().replace("_", " ")} ${x}.`;
    const at = add(s);
    mention("Organization", o, at);
    mention(orgs.includes(x) ? "Organization" : "Project", x, at + s.indexOf(x, o.length));
    rels.push({
      type: t,
      subject: o,
      object: x,
      evidence: { sentence: s, start: at, end: at + s.length },
      confidence: 0.7,
    });
  }
  for (let k = 0; k < 3; k++) {
    const x = pick(projects);
    const value = Math.round(1 + rand() * 9) * 10 ** Math.floor(8 + rand() * 3);
    const unit = pick(["USD", "EUR", "GPU", "W"]);
    const amount = `${value} ${unit}`;
    const s = `${x} plans ${amount}.`;
    const at = add(s);
    mention("Project", x, at);
    const q = at + s.indexOf(amount);
    qs.push({
      value,
      unit,
      text: amount,
      subject: x,
      qualifier: null,
      start: q,
      end: q + amount.length,
      confidence: 0.8,
    });
  }
  const text = parts.join(" ");
  return {
    article: {
      id: `bench:${TAG}:${i}`,
      text,
      lang: "en",
      date: `2025-${String(1 + (i % 12)).padStart(2, "0")}-15`,
      title: `Bench ${i}`,
    },
    result: { language: "en", entities: [...entities.values()], roles: rs, quantities: qs, relations: rels },
  };
}

const graph = await openGraph(graphConfigFromEnv());
const cleanup = async () => {
  for (const q of deleteBenchDataQueries(`bench:${TAG}:`, TAG)) await runAutoCommit(graph, q);
};
const rate = (facts: number, secs: number) => facts / Math.max(secs, 1e-9);
try {
  await ensureSchema(graph);
  const data = Array.from({ length: N }, (_, i) => generate(i));
  console.log(`bench:load: ${N} generated articles (tag ${TAG}), Neo4j at ${graph.config.uri}`);

  // Warm up both code paths (query planning, JIT) on throw-away copies, then start clean.
  for (const d of data.slice(0, 20)) {
    await naiveLoadArticle(graph, { ...d.article, id: `${d.article.id}:warm-naive` }, d.result);
    await loadArticle(graph, { ...d.article, id: `${d.article.id}:warm` }, d.result);
  }
  await cleanup();

  const time = async (fn: () => Promise<number>) => {
    const t0 = performance.now();
    const facts = await fn();
    return { facts, secs: (performance.now() - t0) / 1000 };
  };

  const naive = await time(async () => {
    let facts = 0;
    for (const d of data.slice(0, NAIVE)) facts += await naiveLoadArticle(graph, d.article, d.result);
    return facts;
  });
  await cleanup();

  const perArticle = await time(async () => {
    let facts = 0;
    for (const d of data) facts += (await loadArticle(graph, d.article, d.result)).facts;
    return facts;
  });
  await cleanup();

  const grouped = await time(async () => {
    let facts = 0;
    for (let i = 0; i < data.length; i += GROUP) {
      for (const o of await loadArticles(graph, data.slice(i, i + GROUP))) facts += o.facts;
    }
    return facts;
  });

  const row = (name: string, r: { facts: number; secs: number }) =>
    console.log(
      `${name.padEnd(52)} ${rate(r.facts, r.secs).toFixed(1).padStart(9)} facts/s  (${r.facts} facts in ${r.secs.toFixed(2)} s)`,
    );
  row(`naive: 1 auto-commit query per row (${NAIVE} articles)`, naive);
  row(`batched: 1 transaction per article (${N} articles)`, perArticle);
  row(`batched: ${GROUP} articles per transaction (${N} articles)`, grouped);
  const base = rate(naive.facts, naive.secs);
  console.log(
    `ratio, 1 transaction per article / naive:  ${(rate(perArticle.facts, perArticle.secs) / base).toFixed(1)}x`,
  );
  console.log(
    `ratio, ${GROUP} articles per transaction / naive: ${(rate(grouped.facts, grouped.secs) / base).toFixed(1)}x`,
  );
} finally {
  await cleanup();
  await graph.close();
}
