// npm run bench:api [-- --seconds S --connections C --projects N]
// Loads the bundled fixture articles (as `kg start` does: idempotent) plus N made-up compute
// projects (each founded by a company whose CEO thereby leads it, and one direct leader) so
// that the "who leads" answer has rows to find; starts the API on a free port, and drives GET /ask (the "who leads which compute project" question, English and
// German), GET /projects and GET /health with autocannon, one after the other for S seconds
// each with C connections, in the same run. Prints requests per second and p50/p99 latency,
// then removes the made-up projects.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "../api/server.ts";
import { apiConfigFromEnv } from "../api/config.ts";
import { ingestFixtures } from "../cli/fixtures.ts";
import type { ExtractionResult } from "../extractors/types.ts";
import { openGraph } from "../graph/driver.ts";
import { type ArticleWithResult, loadArticles, removeArticle } from "../graph/load.ts";

/** One made-up article: "<Person> is the CEO of <Org>. <Org> founded <Project>. <Person2> leads <Project>." */
function syntheticArticle(tag: string, i: number): ArticleWithResult {
  const [ceo, org, project, lead] = [
    `Ada ${tag}${i}`,
    `Corp ${tag}${i}`,
    `Cluster ${tag}${i}`,
    `Bo ${tag}${i}`,
  ];
  const s1 = `${ceo} is the CEO of ${org}.`;
  const s2 = `${org} founded ${project}.`;
  const s3 = `${lead} leads ${project}.`;
  const text = `${s1} ${s2} ${s3}`;
  const at = (x: string, from = 0) => text.indexOf(x, from);
  const ent = (type: "Person" | "Organization" | "Project", name: string) => ({
    id: `${type}:${name}`,
    type,
    name,
    aliases: [],
    mentions: [...text.matchAll(new RegExp(name, "g"))].map((m) => ({
      start: m.index!,
      end: m.index! + name.length,
      text: name,
    })),
  });
  const sentence = (x: string) => ({ sentence: x, start: at(x), end: at(x) + x.length });
  const result: ExtractionResult = {
    language: "en",
    entities: [ent("Person", ceo), ent("Organization", org), ent("Project", project), ent("Person", lead)],
    roles: [
      { person: ceo, role: "CEO", org, text: s1.slice(0, -1), start: 0, end: s1.length - 1, confidence: 0.9 },
    ],
    quantities: [],
    relations: [
      { type: "FOUNDED", subject: org, object: project, evidence: sentence(s2), confidence: 0.8 },
      { type: "LEADS", subject: lead, object: project, evidence: sentence(s3), confidence: 0.8 },
    ],
  };
  return { article: { id: `bench-api:${tag}:${i}`, text, lang: "en", date: "2025-01-01" }, result };
}

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
}) => Promise<Result>;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    projects: { type: "string", default: "50" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!(seconds > 0) || !(connections > 0))
  throw new Error("--seconds and --connections must be positive numbers");

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const autocannon = (await import("autocannon" as string)).default as Autocannon;

const graph = await openGraph();
const summary = await ingestFixtures(graph, ROOT);
console.log(
  `fixtures: ${summary.seen} articles (${summary.loaded + summary.replaced} loaded, ${summary.unchanged} unchanged)`,
);

const tag = `Zq${Date.now().toString(36)}`;
const synthetic = Array.from({ length: Number(values.projects) || 0 }, (_, i) => syntheticArticle(tag, i));
await loadArticles(graph, synthetic);
console.log(`made-up projects: ${synthetic.length}`);

const server = await startServer({ graph, port: 0, config: apiConfigFromEnv({}) });
const targets: [string, string][] = [
  ["GET /health", "/health"],
  ["GET /ask (who leads, en)", `/ask?q=${encodeURIComponent("Who leads which compute project?")}`],
  ["GET /ask (wer leitet, de)", `/ask?q=${encodeURIComponent("Wer leitet welches Rechenzentrumsprojekt?")}`],
  ["GET /projects", "/projects"],
];
try {
  for (const [, path] of targets) {
    const r = await fetch(server.url + path);
    const body = (await r.json()) as { rows?: unknown[]; items?: unknown[] };
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
    if (body.rows) console.log(`${path.slice(0, 40)}: ${body.rows.length} rows`);
    if (body.items) console.log(`${path}: ${body.items.length} items`);
  }
  console.log(`\nautocannon: ${seconds} s per endpoint, ${connections} connections, API at ${server.url}\n`);
  console.log(
    `${"endpoint".padEnd(28)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`,
  );
  for (const [name, path] of targets) {
    const r = await autocannon({ url: server.url + path, connections, duration: seconds });
    const bad = r.errors + r.timeouts + r.non2xx;
    console.log(
      `${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(9)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(bad).padStart(7)}`,
    );
  }
} finally {
  await server.close();
  for (const { article } of synthetic) await removeArticle(graph, article.id);
  await graph.close();
}
