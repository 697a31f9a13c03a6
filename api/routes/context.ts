// What every route module gets: the graph, the configuration, and input parsing.
import type { Request } from "express";
import type { z } from "zod";
import type { Graph } from "../../graph/driver.ts";
import type { ApiConfig } from "../config.ts";
import { invalidInput } from "../errors.ts";
import type { Ingestor } from "../ingest.ts";

export interface RouteContext {
  graph: Graph;
  config: ApiConfig;
  ingestor: () => Promise<Ingestor>;
}

/** Parses the query string with a schema; a 400 with every problem otherwise. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const r = schema.safeParse(req.query);
  if (!r.success) throw invalidInput(r.error, "query parameters");
  return r.data;
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const r = schema.safeParse(req.params);
  if (!r.success) throw invalidInput(r.error, "path parameters");
  return r.data;
}

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const r = schema.safeParse(req.body);
  if (!r.success) throw invalidInput(r.error, "request body");
  return r.data;
}
