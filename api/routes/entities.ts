// GET /entities (search by name or alias, typo tolerant, paged) and GET /entities/:id (profile).
import { Router } from "express";
import { runReadOnce } from "../../graph/queries/run.ts";
import { entityProfileQuery, listEntitiesQuery, searchEntitiesQuery } from "../../graph/queries/entities.ts";
import { ApiError } from "../errors.ts";
import { EntitiesQuery, IdParam } from "../schemas.ts";
import { type RouteContext, parseParams, parseQuery } from "./context.ts";

export function entityRoutes({ graph, config }: RouteContext): Router {
  const router = Router();
  router.get("/entities", async (req, res) => {
    const { q, type, limit, offset } = parseQuery(EntitiesQuery, req);
    const query = q
      ? searchEntitiesQuery(q, type ?? null, { limit, offset })
      : listEntitiesQuery(type ?? null, { limit, offset });
    if (!query)
      throw new ApiError("INVALID_INPUT", "q must contain at least one letter or digit", [
        { parameter: "q", message: "no searchable words" },
      ]);
    const [row] = await runReadOnce<{ total: number; items: unknown[] }>(graph, query);
    res.json({
      q: q ?? null,
      type: type ?? null,
      limit,
      offset,
      total: row?.total ?? 0,
      items: row?.items ?? [],
    });
  });
  router.get("/entities/:id", async (req, res) => {
    const { id } = parseParams(IdParam, req);
    const [profile] = await runReadOnce(graph, entityProfileQuery(id, config.limits.maxItems));
    if (!profile)
      throw new ApiError("NOT_FOUND", `No entity with id '${id}'. Find ids with GET /entities?q=<name>.`);
    res.json(profile);
  });
  return router;
}
