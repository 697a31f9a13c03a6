// npm run bench:api [-- --seconds S --connections C]
// Loads the bundled fixture articles (as `kg start` does: idempotent), starts the API on a free
// port, and drives GET /ask (the "who leads which compute project" question, English and
// German), GET /projects and GET /health with autocannon, one after the other for S seconds
// each with C connections, in the same run. Prints requests per second and p50/p99 latency.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "../api/server.ts";
import { apiConfigFromEnv } from "../api/config.ts";
import { createExtractor, pipelineVersion } from "../cli/extraction.ts";
import { runIngest } from "../cli/ingest.ts";
import { maxArticleBytes } from "../cli/readers.ts";
import { openGraph } from "../graph/driver.ts";

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; pipelining?: number }) => Promise<Result>;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!(seconds > 0) || !(connections > 0)) throw new Error("--seconds and --connections must be positive numbers");

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const autocannon = (await import("autocannon" as string)).default as Autocannon;

const graph = await openGraph();
const extractor = await createExtractor(1);
try {
  const summary = await runIngest(
    { inputs: ["fixtures"], base: ROOT, limit: maxArticleBytes() },
    { graph, extractor, pipeline: await pipelineVersion(), progress: () => ({ tick() {}, log() {}, setTotal() {}, stop() {} }) },
  );
  console.log(`fixtures: ${summary.seen} articles (${summary.loaded + summary.replaced} loaded, ${summary.unchanged} unchanged)`);
} finally {
  await extractor.close();
}

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
  console.log(`${"endpoint".padEnd(28)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`);
  for (const [name, path] of targets) {
    const r = await autocannon({ url: server.url + path, connections, duration: seconds });
    const bad = r.errors + r.timeouts + r.non2xx;
    console.log(
      `${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(9)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(bad).padStart(7)}`,
    );
  }
} finally {
  await server.close();
  await graph.close();
}
