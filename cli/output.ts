// Printing for the CLI: plain lines to stdout, and one clear message (no stack trace) for
// the errors a user can act on.
import { ConfigError, DatabaseUnavailableError } from "../graph/driver.ts";

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Errors whose message says all a user needs; others get their stack with KG_DEBUG=1. */
export function isExpected(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    err instanceof DatabaseUnavailableError ||
    err instanceof ConfigError ||
    code === "LOCAL_NEO4J_FAILED" ||
    code === "INVALID_INPUT"
  );
}

/** Reports an error as one message and sets a failing exit code. */
export function fail(err: unknown): void {
  const msg = err instanceof Error ? err.message : String(err);
  warn(`kg: ${msg}`);
  if (!isExpected(err) && process.env.KG_DEBUG && err instanceof Error && err.stack) warn(err.stack);
  process.exitCode = 1;
}

/** Keeps a served API and its graph open until Ctrl-C or SIGTERM, then closes both and exits. */
export function closeOnSignal(server: { close(): Promise<void> }, graph: { close(): Promise<void> }): void {
  const shutdown = async () => {
    await server.close().catch(() => undefined);
    await graph.close().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
