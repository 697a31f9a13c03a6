// The local Neo4j Community server that `kg neo4j start|stop|status` manages when NEO4J_URI
// is unset. The standalone tar.gz is not on Maven Central, so the server is assembled from
// the published jars (neo4j/pom.xml) into a cache outside the repository, and runs with its
// home (conf, data, logs, run) in the project's ignored `.neo4j/` folder.
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { type GraphConfig, DatabaseUnavailableError, openGraph, runRead } from "./driver.ts";
import { componentsQuery } from "./schema.ts";

export const NEO4J_VERSION = "5.26.12";
const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface LocalServerPaths {
  /** Where the jars go (shared by every clone): ${KG_CACHE_DIR:-~/.cache/kg}/neo4j-5.26.12/lib */
  lib: string;
  pom: string;
  home: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  pidFile: string;
  consoleLog: string;
}

export function localServerPaths(env: Record<string, string | undefined> = process.env): LocalServerPaths {
  const cache = env.KG_CACHE_DIR ? resolve(env.KG_CACHE_DIR) : join(homedir(), ".cache", "kg");
  const home = env.KG_NEO4J_HOME ? resolve(env.KG_NEO4J_HOME) : join(PROJECT_ROOT, ".neo4j");
  return {
    lib: join(cache, `neo4j-${NEO4J_VERSION}`, "lib"),
    pom: join(PROJECT_ROOT, "neo4j", "pom.xml"),
    home,
    conf: join(home, "conf"),
    data: join(home, "data"),
    logs: join(home, "logs"),
    run: join(home, "run"),
    pidFile: join(home, "run", "neo4j.pid"),
    consoleLog: join(home, "logs", "console.log"),
  };
}

export class LocalServerError extends Error {
  readonly code = "LOCAL_NEO4J_FAILED";
}

type Log = (line: string) => void;

function javaBin(env: Record<string, string | undefined>): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, "bin", "java") : "java";
}

function checkTool(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new LocalServerError(
      `${what} is needed to run the local Neo4j but \`${cmd} ${args.join(" ")}\` failed${r.error ? `: ${r.error.message}` : ""}. Install it, or set NEO4J_URI to use a server you run yourself.`,
    );
  }
}

const COMPLETE_MARKER = ".complete";

/** Downloads the server jars from Maven Central once; later calls find them in the cache. */
export function ensureJars(
  paths: LocalServerPaths,
  log: Log,
  env: Record<string, string | undefined> = process.env,
): void {
  if (existsSync(join(paths.lib, COMPLETE_MARKER))) return;
  checkTool("mvn", ["-v"], "Maven (mvn)");
  const tmp = `${paths.lib}.download-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(
    `Downloading Neo4j ${NEO4J_VERSION} jars from Maven Central into ${paths.lib} (about 130 MB, once) ...`,
  );
  const r = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      paths.pom,
      "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
      `-DoutputDirectory=${tmp}`,
    ],
    { encoding: "utf8", env: env as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new LocalServerError(`Could not download the Neo4j jars with mvn (exit ${r.status}):\n${out}`);
  }
  const jars = readdirSync(tmp).filter((f) => f.endsWith(".jar"));
  if (!jars.some((j) => j.startsWith("neo4j-server-")) || !jars.some((j) => j.startsWith("neo4j-browser-"))) {
    throw new LocalServerError(`mvn finished but ${tmp} lacks neo4j-server or neo4j-browser jars`);
  }
  writeFileSync(join(tmp, COMPLETE_MARKER), `${jars.length} jars\n`);
  rmSync(paths.lib, { recursive: true, force: true });
  renameSync(tmp, paths.lib);
  log(`Got ${jars.length} jars.`);
}

/** neo4j.conf for the local server: loopback only, our ports, a small memory footprint. */
export function neo4jConf(
  paths: LocalServerPaths,
  config: Pick<GraphConfig, "boltPort" | "httpPort">,
): string {
  return [
    "# Written by `kg neo4j start`; edits are overwritten on the next start.",
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.run=${paths.run}`,
    `server.directories.import=${join(paths.home, "import")}`,
    `server.directories.plugins=${join(paths.home, "plugins")}`,
    "server.default_listen_address=127.0.0.1",
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    `server.bolt.advertised_address=localhost:${config.boltPort}`,
    `server.http.listen_address=127.0.0.1:${config.httpPort}`,
    `server.http.advertised_address=localhost:${config.httpPort}`,
    "server.https.enabled=false",
    "server.memory.heap.initial_size=512m",
    "server.memory.heap.max_size=1g",
    "server.memory.pagecache.size=256m",
    "dbms.security.auth_enabled=true",
    "dbms.usage_report.enabled=false",
    "db.tx_log.rotation.retention_policy=1 days",
    "",
  ].join("\n");
}

function adminEnv(paths: LocalServerPaths, env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...(env as NodeJS.ProcessEnv), NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf };
}

function prepareHome(
  paths: LocalServerPaths,
  config: GraphConfig,
  log: Log,
  env: Record<string, string | undefined>,
): void {
  for (const d of [
    paths.conf,
    paths.data,
    paths.logs,
    paths.run,
    join(paths.home, "import"),
    join(paths.home, "plugins"),
  ]) {
    mkdirSync(d, { recursive: true });
  }
  writeFileSync(join(paths.conf, "neo4j.conf"), neo4jConf(paths, config));
  const marker = join(paths.data, "dbms", "auth.ini");
  if (existsSync(marker)) return;
  log("Setting the initial password (from NEO4J_PASSWORD, default kgpassword) ...");
  const r = spawnSync(
    javaBin(env),
    ["-cp", `${paths.lib}/*`, "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", config.password],
    { encoding: "utf8", env: adminEnv(paths, env) },
  );
  if (r.status !== 0) {
    throw new LocalServerError(
      `neo4j-admin set-initial-password failed (exit ${r.status}): ${(r.stderr || r.stdout || "").trim()}`,
    );
  }
}

function readPid(paths: LocalServerPaths): number | null {
  try {
    const pid = Number.parseInt(readFileSync(paths.pidFile, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of our server if its process is alive (a stale pid file is removed). */
export function runningPid(paths: LocalServerPaths): number | null {
  const pid = readPid(paths);
  if (pid === null) return null;
  if (alive(pid)) {
    // Make sure the pid was not recycled by an unrelated process.
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("CommunityEntryPoint")) {
        rmSync(paths.pidFile, { force: true });
        return null;
      }
    } catch {
      /* no /proc (macOS): trust the pid */
    }
    return pid;
  }
  rmSync(paths.pidFile, { force: true });
  return null;
}

async function answers(
  config: GraphConfig,
): Promise<{ ok: true; version: string } | { ok: false; error: Error }> {
  try {
    const graph = await openGraph(config);
    try {
      const rows = await runRead<{ version: string }>(graph, componentsQuery());
      return { ok: true, version: rows[0]?.version ?? "unknown" };
    } finally {
      await graph.close();
    }
  } catch (err) {
    return { ok: false, error: err as Error };
  }
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log written)";
  }
}

export interface StartOutcome {
  state: "started" | "already-running" | "external";
  pid: number | null;
  version: string;
  boltUri: string;
  browserUrl: string;
  log: string;
}

/** Starts the local server (downloading it the first time) and waits until Bolt answers. Idempotent. */
export async function startLocalServer(
  config: GraphConfig,
  options: { log?: Log; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<StartOutcome> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  if (!config.local)
    throw new LocalServerError("NEO4J_URI is set: kg uses that server and does not provision one.");
  const paths = localServerPaths(env);
  const browserUrl = `http://localhost:${config.httpPort}/browser/`;
  const base = { boltUri: config.uri, browserUrl, log: paths.consoleLog };

  const pid = runningPid(paths);
  if (pid !== null) {
    const probe = await waitForBolt(config, pid, paths, options.timeoutMs ?? 180_000);
    return { state: "already-running", pid, version: probe, ...base };
  }
  const other = await answers(config);
  if (other.ok) {
    return { state: "external", pid: null, version: other.version, ...base };
  }

  checkTool(javaBin(env), ["-version"], "Java 17 or newer");
  ensureJars(paths, log, env);
  prepareHome(paths, config, log, env);

  const out = openSync(paths.consoleLog, "a");
  let child;
  try {
    child = spawn(
      javaBin(env),
      [
        "-Xms512m",
        "-Xmx1g",
        "-XX:+UseG1GC",
        "-XX:-OmitStackTraceInFastThrow",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djdk.tls.ephemeralDHKeySize=2048",
        "-Dfile.encoding=UTF-8",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "-cp",
        `${paths.lib}/*`,
        "org.neo4j.server.CommunityEntryPoint",
        `--home-dir=${paths.home}`,
        `--config-dir=${paths.conf}`,
      ],
      { detached: true, stdio: ["ignore", out, out], env: adminEnv(paths, env), cwd: paths.home },
    );
  } finally {
    closeSync(out);
  }
  if (child.pid === undefined) throw new LocalServerError(`Could not start java; see ${paths.consoleLog}`);
  writeFileSync(paths.pidFile, `${child.pid}\n`);
  child.unref();
  log(`Starting Neo4j ${NEO4J_VERSION} (pid ${child.pid}), waiting for Bolt at ${config.uri} ...`);
  const version = await waitForBolt(config, child.pid, paths, options.timeoutMs ?? 180_000);
  return { state: "started", pid: child.pid, version, ...base };
}

async function waitForBolt(
  config: GraphConfig,
  pid: number,
  paths: LocalServerPaths,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | undefined;
  while (Date.now() < deadline) {
    const r = await answers(config);
    if (r.ok) return r.version;
    last = r.error;
    const code = (last as { cause?: { code?: string } }).cause?.code ?? "";
    if (code.startsWith("Neo.ClientError.Security")) {
      throw new LocalServerError(
        `The local Neo4j answers but refuses the password from NEO4J_PASSWORD. The password was fixed when ${paths.data} was first created; use that one, or stop the server and delete ${paths.home} to start over.`,
      );
    }
    if (!alive(pid)) {
      rmSync(paths.pidFile, { force: true });
      const neoLog = join(paths.logs, "neo4j.log");
      throw new LocalServerError(
        `Neo4j exited during startup. Last lines of ${paths.consoleLog}:\n${tail(paths.consoleLog)}\nand of ${neoLog}:\n${tail(neoLog)}`,
      );
    }
    await sleep(1000);
  }
  throw new LocalServerError(
    `Neo4j (pid ${pid}) did not answer on ${config.uri} within ${Math.round(timeoutMs / 1000)} s (${last?.message ?? "no answer"}). See ${paths.consoleLog}, ${join(paths.logs, "neo4j.log")} and ${join(paths.logs, "debug.log")}.`,
  );
}

/** Stops the local server: SIGTERM, wait up to 60 s, then SIGKILL. Returns the pid it stopped, or null. */
export async function stopLocalServer(
  options: { log?: Log; env?: Record<string, string | undefined> } = {},
): Promise<number | null> {
  const paths = localServerPaths(options.env ?? process.env);
  const log = options.log ?? (() => undefined);
  const pid = runningPid(paths);
  if (pid === null) return null;
  process.kill(pid, "SIGTERM");
  log(`Stopping Neo4j (pid ${pid}) ...`);
  const deadline = Date.now() + 60_000;
  while (alive(pid) && Date.now() < deadline) await sleep(250);
  if (alive(pid)) {
    log("Neo4j did not stop within 60 s; killing it.");
    process.kill(pid, "SIGKILL");
    while (alive(pid)) await sleep(100);
  }
  rmSync(paths.pidFile, { force: true });
  return pid;
}

export interface ServerStatus {
  local: boolean;
  running: boolean;
  pid: number | null;
  uri: string;
  browserUrl: string | null;
  version: string | null;
  home: string | null;
  jars: string | null;
  error: string | null;
}

export async function localServerStatus(
  config: GraphConfig,
  env: Record<string, string | undefined> = process.env,
): Promise<ServerStatus> {
  const probe = await answers(config);
  const base = {
    running: probe.ok,
    uri: config.uri,
    version: probe.ok ? probe.version : null,
    error: probe.ok ? null : probe.error.message,
  };
  if (!config.local) {
    return { ...base, local: false, pid: null, browserUrl: null, home: null, jars: null };
  }
  const paths = localServerPaths(env);
  return {
    ...base,
    local: true,
    pid: runningPid(paths),
    browserUrl: `http://localhost:${config.httpPort}/browser/`,
    home: paths.home,
    jars: existsSync(join(paths.lib, COMPLETE_MARKER)) ? paths.lib : null,
  };
}

export { DatabaseUnavailableError };
