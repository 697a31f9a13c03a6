// The one place that knows how to reach Neo4j: configuration from the environment,
// opening a driver, running built queries ({ cypher, params }) in managed transactions,
// and converting driver values (Integer, Node, temporal types) back to plain JavaScript.
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from "neo4j-driver";
import { z } from "zod";

/** A built query: Cypher with every value passed as a `$param`. Builders in graph/ return these. */
export interface Query {
  cypher: string;
  params: Record<string, unknown>;
}

export interface GraphConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when NEO4J_URI is unset: the server is the local one `kg neo4j start` provisions. */
  local: boolean;
  boltPort: number;
  httpPort: number;
}

export interface Graph {
  driver: Driver;
  database: string;
  config: GraphConfig;
  close(): Promise<void>;
}

export const DEFAULT_PASSWORD = "kgpassword";

const port = z.coerce.number().int().min(1).max(65535);
const EnvSchema = z.object({
  NEO4J_URI: z.string().trim().min(1).optional(),
  NEO4J_USER: z.string().trim().min(1).default("neo4j"),
  NEO4J_PASSWORD: z
    .string()
    .min(8, "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)")
    .default(DEFAULT_PASSWORD),
  NEO4J_DATABASE: z.string().trim().min(1).default("neo4j"),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HTTP_PORT: port.default(7474),
});

export class ConfigError extends Error {
  readonly code = "INVALID_CONFIG";
}

/** Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_BOLT_PORT, NEO4J_HTTP_PORT. */
export function graphConfigFromEnv(env: Record<string, string | undefined> = process.env): GraphConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith("NEO4J_") && v !== undefined && v !== ""),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid Neo4j configuration in the environment: ${issues}`);
  }
  const e = parsed.data;
  return Object.freeze({
    uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${e.NEO4J_BOLT_PORT}`,
    user: e.NEO4J_USER,
    password: e.NEO4J_PASSWORD,
    database: e.NEO4J_DATABASE,
    local: e.NEO4J_URI === undefined,
    boltPort: e.NEO4J_BOLT_PORT,
    httpPort: e.NEO4J_HTTP_PORT,
  });
}

/** Neo4j cannot be reached (down, wrong address) or refuses our credentials. */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";
  constructor(
    message: string,
    readonly uri: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/** True for errors that mean "the database is not there", as opposed to a bad query. */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const msg = err instanceof Error ? err.message : "";
  return /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|Could not perform discovery|Failed to connect/i.test(
    msg,
  );
}

/** Wraps driver errors meaning "no database" into a DatabaseUnavailableError with advice. */
export function asUnavailable(err: unknown, config: Pick<GraphConfig, "uri" | "local">): unknown {
  if (err instanceof DatabaseUnavailableError || !isUnavailable(err)) return err;
  const code = (err as { code?: unknown }).code;
  const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
  const auth = typeof code === "string" && code.startsWith("Neo.ClientError.Security");
  const advice = auth
    ? "Check NEO4J_USER and NEO4J_PASSWORD."
    : config.local
      ? "Start the local server with `npx kg neo4j start` (or set NEO4J_URI to use another server)."
      : "Check that the server at NEO4J_URI is running and reachable.";
  return new DatabaseUnavailableError(
    `Neo4j is not available at ${config.uri}: ${reason}. ${advice}`,
    config.uri,
    {
      cause: err,
    },
  );
}

/** Opens a driver and (by default) checks that the server answers; throws DatabaseUnavailableError if not. */
export async function openGraph(
  config: GraphConfig = graphConfigFromEnv(),
  options: { verify?: boolean } = {},
): Promise<Graph> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: 10_000,
    maxTransactionRetryTime: 15_000,
    userAgent: "kg/0.1",
  });
  if (options.verify ?? true) {
    try {
      await driver.verifyConnectivity({ database: config.database });
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw asUnavailable(err, config);
    }
  }
  return { driver, database: config.database, config, close: () => driver.close() };
}

/** Converts driver values to plain JavaScript: Integer -> number, nodes -> properties, temporals -> ISO strings. */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) {
    const n = value as unknown as { toNumber(): number; inSafeRange(): boolean; toString(): string };
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value !== "object") return value;
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toNative((value as { properties: unknown }).properties);
  }
  if (neo4j.isPath(value as never)) {
    const path = value as { segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return path.segments.map((s) => ({
      start: toNative(s.start),
      relationship: toNative(s.relationship),
      end: toNative(s.end),
    }));
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toNative(v)]),
  );
}

/** Plain records (keys -> native values) of a result. */
export function recordsOf<T = Record<string, unknown>>(result: QueryResult<RecordShape>): T[] {
  return result.records.map((r) => toNative(r.toObject()) as T);
}

/** Runs one query inside an open transaction and returns plain records. */
export async function runIn<T = Record<string, unknown>>(tx: ManagedTransaction, query: Query): Promise<T[]> {
  return recordsOf<T>(await tx.run(query.cypher, query.params));
}

/** Runs work in one managed read transaction (retried on transient errors); the session is always closed. */
export async function readTx<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work);
  } catch (err) {
    throw asUnavailable(err, graph.config);
  } finally {
    await session.close();
  }
}

/** Runs work in one managed write transaction (retried on transient errors); the session is always closed. */
export async function writeTx<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work);
  } catch (err) {
    throw asUnavailable(err, graph.config);
  } finally {
    await session.close();
  }
}

/** One read query, plain records back. */
export function runRead<T = Record<string, unknown>>(graph: Graph, query: Query): Promise<T[]> {
  return readTx(graph, (tx) => runIn<T>(tx, query));
}

/** One write query, plain records back. */
export function runWrite<T = Record<string, unknown>>(graph: Graph, query: Query): Promise<T[]> {
  return writeTx(graph, (tx) => runIn<T>(tx, query));
}

/** Schema statements cannot run in a managed transaction with other writes; runs one in an auto-commit transaction. */
export async function runAutoCommit(graph: Graph, query: Query): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run(query.cypher, query.params);
  } catch (err) {
    throw asUnavailable(err, graph.config);
  } finally {
    await session.close();
  }
}

/** An integer parameter: Cypher receives an INTEGER, not a FLOAT. */
export const int = (n: number) => neo4j.int(n);
