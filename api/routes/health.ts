// GET /health: the API and the database, with the Neo4j version.
import { Router } from "express";
import { runReadOnce } from "../../graph/queries/run.ts";
import { componentsQuery } from "../../graph/schema.ts";
import { toApiError } from "../errors.ts";
import type { RouteContext } from "./context.ts";

export const API_VERSION = "0.1.0";

export function healthRoutes({ graph }: RouteContext): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const api = { status: "up", version: API_VERSION };
    try {
      const [c] = await runReadOnce<{ name: string; version: string; edition: string }>(
        graph,
        componentsQuery(),
      );
      res.json({
        status: "ok",
        api,
        database: {
          status: "up",
          name: c?.name ?? null,
          version: c?.version ?? null,
          edition: c?.edition ?? null,
          database: graph.database,
        },
      });
    } catch (err) {
      const e = toApiError(err);
      res.status(e.code === "DATABASE_UNAVAILABLE" ? 503 : e.status).json({
        status: "unavailable",
        error: e.code,
        message: e.message,
        details: [],
        api,
        database: { status: "down", version: null },
      });
    }
  });
  return router;
}
