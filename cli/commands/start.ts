// `kg start` (npm start): the local Neo4j (unless NEO4J_URI is set), the bundled fixture
// articles ingested, the API served (once api/server.ts exists), and the addresses printed.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { type Graph, graphConfigFromEnv, openGraph } from "../../graph/driver.ts";
import { startLocalServer } from "../../graph/local-server.ts";
import { closeOnSignal, fail, say } from "../output.ts";
import { ingestAndReport } from "./ingest.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVER_MODULE = new URL("../../api/server.ts", import.meta.url);

export const BROWSER_QUERY = "MATCH (p:Person)-[r:LEADS|HAS_ROLE]->(x) RETURN p, r, x LIMIT 100";

interface ApiServer {
  url: string;
  close(): Promise<void>;
}
type StartServer = (options: { graph: Graph; port: number }) => Promise<ApiServer>;

/** The API's startServer, or null while api/server.ts does not exist. */
async function loadApi(): Promise<StartServer | null> {
  if (!existsSync(fileURLToPath(SERVER_MODULE))) return null;
  const mod = (await import(SERVER_MODULE.href)) as { startServer?: StartServer };
  if (typeof mod.startServer !== "function") {
    throw new Error("api/server.ts does not export startServer({ graph, port })");
  }
  return mod.startServer;
}

export function register(program: Command): void {
  program
    .command("start")
    .description(
      "Start the local Neo4j (unless NEO4J_URI is set), ingest the bundled fixture articles, serve the API, and print the addresses",
    )
    .option("-p, --port <port>", "API port", process.env.PORT ?? "3000")
    .option("-c, --concurrency <n>", "worker threads for extraction", "1")
    .option("--no-serve", "ingest and print the addresses, but do not serve the API")
    .action(async (opts: { port: string; concurrency: string; serve: boolean }) => {
      let graph: Graph | undefined;
      try {
        const config = graphConfigFromEnv();
        if (config.local) {
          const r = await startLocalServer(config, { log: say });
          say(
            r.state === "started"
              ? `Neo4j ${r.version} started (pid ${r.pid}).`
              : r.state === "already-running"
                ? `Neo4j ${r.version} already running (pid ${r.pid}).`
                : `Using the Neo4j ${r.version} that already answers at ${config.uri}.`,
          );
        } else {
          say(`Using Neo4j at ${config.uri} (NEO4J_URI).`);
        }
        graph = await openGraph(config);

        say("Ingesting the bundled fixture articles (fixtures/) ...");
        const code = await ingestAndReport(["fixtures"], {
          concurrency: Number(opts.concurrency) || 1,
          base: PROJECT_ROOT,
          graph,
        });
        if (code === 2) {
          process.exitCode = 2;
          return;
        }

        const startServer = opts.serve ? await loadApi() : null;
        let api: ApiServer | null = null;
        if (opts.serve && !startServer)
          say("The API is not there yet (api/server.ts is missing): not serving it.");
        if (startServer) api = await startServer({ graph, port: Number(opts.port) });

        say("");
        if (api) {
          say(`API:           ${api.url}`);
          say(`API docs:      ${api.url.replace(/\/$/, "")}/docs`);
        }
        if (config.local) {
          say(`Neo4j Browser: http://localhost:${config.httpPort}/browser/`);
          say(
            `  connect to ${config.uri} as ${config.user}, password from NEO4J_PASSWORD (default kgpassword)`,
          );
        } else {
          say(`Neo4j:         ${config.uri} (open it in your own Neo4j Browser or Aura console)`);
        }
        say(`  paste:       ${BROWSER_QUERY}`);
        say(
          "  style sheet: drag browser/style.grass onto the Browser; saved queries: browser/queries.cypher",
        );

        if (api) {
          closeOnSignal(api, graph);
          graph = undefined; // kept open while serving
          say("\nServing; press Ctrl-C to stop (Neo4j keeps running: `npx kg neo4j stop`).");
        } else if (code !== 0) {
          process.exitCode = code;
        }
      } catch (err) {
        fail(err);
      } finally {
        if (graph) await graph.close();
      }
    });
}
