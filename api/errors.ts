// The API's one error catalogue: every error the API sends has a stable code, an HTTP status
// and a message saying what was expected, what was found and what to do. Clients branch on
// `error` (the code), people read `message`; `details` lists what exactly was wrong.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { isUnavailable } from "../graph/driver.ts";

export const ERRORS = Object.freeze({
  INVALID_INPUT: { status: 400, message: "The request's parameters are not valid; see details." },
  INVALID_JSON: {
    status: 400,
    message: "The request body is not valid JSON. Send one JSON object with Content-Type: application/json.",
  },
  UNAUTHORIZED: {
    status: 401,
    message:
      "A valid API key is required: send it as 'Authorization: Bearer <KG_API_KEY>' or 'X-API-Key: <KG_API_KEY>'.",
  },
  NOT_FOUND: {
    status: 404,
    message: "No item with this id. Find ids with GET /entities?q=<name> or GET /articles.",
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: "No such endpoint. See /openapi.json or /docs for the endpoints.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as JSON (Content-Type: application/json)." },
  UNSUPPORTED_LANGUAGE: {
    status: 422,
    message: "Only German (de) and English (en) articles can be ingested.",
  },
  INTERNAL: {
    status: 500,
    message: "Something went wrong on our side. The error was logged; please try again or report it.",
  },
  GRAPH_NOT_READY: {
    status: 503,
    message:
      "The graph has no schema yet (no article was ever loaded): run `npx kg ingest <files>` or `npx kg start` once.",
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message:
      "The database (Neo4j) is not available. Start it with `npx kg neo4j start` or check NEO4J_URI, then retry.",
  },
} as const);

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details: unknown[];
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: unknown[] = [],
  ) {
    super(message ?? ERRORS[code].message);
    this.name = "ApiError";
    this.status = ERRORS[code].status;
  }
}

/** A 400 from a zod error: one detail per issue, with the parameter's path. */
export function invalidInput(err: ZodError, where: string): ApiError {
  const details = err.issues.map((i) => ({ parameter: i.path.join(".") || where, message: i.message }));
  const first = details[0];
  return new ApiError(
    "INVALID_INPUT",
    first ? `Invalid ${where}: ${first.parameter}: ${first.message}` : `Invalid ${where}.`,
    details,
  );
}

/** The body sent for an error, by code. */
export function errorBody(err: ApiError): ErrorBody {
  return { error: err.code, message: err.message, details: err.details };
}

/** Maps anything thrown to an ApiError; never leaks a stack trace. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) return invalidInput(err, "input");
  const e = err as {
    type?: string;
    status?: number;
    limit?: number;
    length?: number;
    message?: string;
  } | null;
  // body-parser's errors
  if (e?.type === "entity.too.large")
    return new ApiError(
      "PAYLOAD_TOO_LARGE",
      `The request body has ${e.length ?? "too many"} bytes; at most ${e.limit} are accepted (KG_MAX_ARTICLE_BYTES plus room for the other fields).`,
    );
  if (e?.type === "entity.parse.failed") return new ApiError("INVALID_JSON");
  if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported")
    return new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8 JSON.");
  if (e?.type === "request.aborted")
    return new ApiError("INVALID_INPUT", "The request was aborted while sending its body.");
  const code = (err as { code?: unknown } | null)?.code;
  if (
    code === "Neo.ClientError.Procedure.ProcedureCallFailed" &&
    /no such fulltext schema index/i.test(e?.message ?? "")
  ) {
    return new ApiError("GRAPH_NOT_READY");
  }
  if (isUnavailable(err)) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : "";
    return new ApiError(
      "DATABASE_UNAVAILABLE",
      reason ? `${ERRORS.DATABASE_UNAVAILABLE.message} (${reason})` : undefined,
    );
  }
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) {
    return new ApiError("INVALID_INPUT", "The request could not be read.");
  }
  return new ApiError("INTERNAL");
}

/** Express error middleware: the catalogue's status and body; unexpected errors are logged, not shown. */
export function errorHandler(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const apiError = toApiError(err);
    if (apiError.code === "INTERNAL") {
      log(
        `[api] ${req.method} ${req.originalUrl}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
    if (apiError.code === "DATABASE_UNAVAILABLE") res.setHeader("Retry-After", "5");
    res.status(apiError.status).json(errorBody(apiError));
  };
}

/** The last route: unknown paths get ROUTE_NOT_FOUND. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(
    new ApiError(
      "ROUTE_NOT_FOUND",
      `No endpoint ${req.method} ${req.path}. See /openapi.json or /docs for the endpoints.`,
    ),
  );
};
