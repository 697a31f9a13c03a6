// `kg neo4j start|stop|status`: the local Neo4j server (only when NEO4J_URI is unset).
import type { Command } from "commander";
import { graphConfigFromEnv } from "../../graph/driver.ts";
import { localServerStatus, startLocalServer, stopLocalServer } from "../../graph/local-server.ts";
import { fail, say } from "../output.ts";

export function register(program: Command): void {
  const neo4j = program
    .command("neo4j")
    .description("Manage the local Neo4j server (ignored when NEO4J_URI points to your own server)");

  neo4j
    .command("start")
    .description(
      "Start the local Neo4j (downloading it from Maven Central the first time) and wait until Bolt answers",
    )
    .option("--timeout <seconds>", "how long to wait for Bolt", "180")
    .action(async (opts: { timeout: string }) => {
      try {
        const config = graphConfigFromEnv();
        if (!config.local) {
          say(`NEO4J_URI is set: using the server at ${config.uri}; nothing to start.`);
          return;
        }
        const r = await startLocalServer(config, { log: say, timeoutMs: Number(opts.timeout) * 1000 });
        const what =
          r.state === "started"
            ? `Neo4j ${r.version} started (pid ${r.pid})`
            : r.state === "already-running"
              ? `Neo4j ${r.version} is already running (pid ${r.pid})`
              : `A Neo4j ${r.version} not started by kg already answers`;
        say(`${what}: Bolt ${r.boltUri}, Browser ${r.browserUrl}`);
      } catch (err) {
        fail(err);
      }
    });

  neo4j
    .command("stop")
    .description("Stop the local Neo4j (SIGTERM, then SIGKILL after 60 s)")
    .action(async () => {
      try {
        const config = graphConfigFromEnv();
        if (!config.local) {
          say(`NEO4J_URI is set: kg did not start the server at ${config.uri} and will not stop it.`);
          return;
        }
        const pid = await stopLocalServer({ log: say });
        say(pid === null ? "The local Neo4j is not running." : `Neo4j (pid ${pid}) stopped.`);
      } catch (err) {
        fail(err);
      }
    });

  neo4j
    .command("status")
    .description("Say where Neo4j runs, its pid and version; exit code 1 when it does not answer")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      try {
        const s = await localServerStatus(graphConfigFromEnv());
        if (opts.json) {
          say(JSON.stringify(s, null, 2));
        } else if (s.running) {
          say(
            `Neo4j ${s.version} answers at ${s.uri}${s.pid ? ` (local server, pid ${s.pid})` : s.local ? " (not started by kg)" : " (NEO4J_URI)"}`,
          );
          if (s.browserUrl) say(`Browser: ${s.browserUrl}`);
          if (s.home) say(`Home:    ${s.home}`);
          if (s.jars) say(`Jars:    ${s.jars}`);
        } else {
          say(`Neo4j does not answer at ${s.uri}${s.local ? " (start it with `npx kg neo4j start`)" : ""}.`);
          if (s.pid) say(`A server process (pid ${s.pid}) exists but does not answer yet.`);
        }
        if (!s.running) process.exitCode = 1;
      } catch (err) {
        fail(err);
      }
    });
}
