// Listening: startServer({ graph, port }) serves buildApp on a port (0 = any free port) and
// returns its URL and a close() that stops accepting connections and ends idle ones.
import type { AddressInfo } from "node:net";
import { type Graph, isUnavailable } from "../graph/driver.ts";
import { ensureSchema } from "../graph/load.ts";
import { buildApp } from "./app.ts";
import { type ApiConfig, apiConfigFromEnv } from "./config.ts";
import { defaultIngestor, lazyIngestor } from "./ingest.ts";

export interface StartServerOptions {
  graph: Graph;
  port: number;
  /** Default 127.0.0.1; use 0.0.0.0 to listen on every interface. */
  host?: string;
  config?: ApiConfig;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer({
  graph,
  port,
  host = "127.0.0.1",
  config,
}: StartServerOptions): Promise<RunningServer> {
  // Constraints and the full-text index, as the loader creates them (idempotent); a database
  // that is down now is no reason not to serve: requests answer 503 until it is back.
  await ensureSchema(graph).catch((err: unknown) => {
    if (!isUnavailable(err)) throw err;
  });
  const ingestor = lazyIngestor(() => defaultIngestor({ worker: true }));
  const app = buildApp({ graph, config: config ?? apiConfigFromEnv(), ingestor: ingestor.get });
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? Object.assign(
              new Error(`Port ${port} on ${host} is already in use: choose another with --port (or PORT).`),
              { code: "INVALID_INPUT" },
            )
          : err,
      ),
    );
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  const { port: actual } = server.address() as AddressInfo;
  const shownHost =
    host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      });
      await ingestor.close();
    },
  };
}
