// `kg serve [--port] [--host]`: serve the API over the graph in Neo4j (NEO4J_URI etc.).
import type { Command } from "commander";
import { apiConfigFromEnv } from "../../api/config.ts";
import { startServer } from "../../api/server.ts";
import { DatabaseUnavailableError, type Graph, graphConfigFromEnv, openGraph } from "../../graph/driver.ts";
import { closeOnSignal, fail, say, warn } from "../output.ts";

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw Object.assign(new Error(`--port must be a whole number from 0 to 65535, got '${value}'`), {
      code: "INVALID_INPUT",
    });
  }
  return n;
}

export function register(program: Command): void {
  program
    .command("serve")
    .description(
      "Serve the HTTP API (questions, entities, projects, articles, facts) over the graph in Neo4j",
    )
    .option("-p, --port <port>", "port to listen on (0 = any free port)", process.env.PORT ?? "3000")
    .option(
      "--host <host>",
      "address to listen on (0.0.0.0 for every interface)",
      process.env.HOST ?? "127.0.0.1",
    )
    .addHelpText(
      "after",
      "\nEnvironment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (the graph); PORT, HOST;" +
        "\nKG_API_KEY (at least 16 characters) enables POST /articles; KG_MAX_ARTICLE_BYTES bounds its size." +
        "\nDocs: /docs (browsable) and /openapi.json. Stop with Ctrl-C.",
    )
    .action(async (opts: { port: string; host: string }) => {
      let graph: Graph | undefined;
      try {
        const port = parsePort(opts.port);
        const config = apiConfigFromEnv();
        const gconfig = graphConfigFromEnv();
        try {
          graph = await openGraph(gconfig);
        } catch (err) {
          if (!(err instanceof DatabaseUnavailableError)) throw err;
          warn(`kg: ${err.message}`);
          warn("Serving anyway: requests answer 503 until the database is reachable.");
          graph = await openGraph(gconfig, { verify: false });
        }
        const server = await startServer({ graph, port, host: opts.host, config });
        say(`API:      ${server.url}`);
        say(`Docs:     ${server.url}/docs`);
        say(`OpenAPI:  ${server.url}/openapi.json`);
        say(`Neo4j:    ${gconfig.uri} (database ${gconfig.database})`);
        say(
          config.apiKey
            ? "Ingest:   POST /articles (with KG_API_KEY)"
            : "Ingest:   POST /articles disabled (set KG_API_KEY to enable)",
        );
        closeOnSignal(server, graph);
        graph = undefined; // kept open while serving
      } catch (err) {
        fail(err);
        if (graph) await graph.close();
      }
    });
}
