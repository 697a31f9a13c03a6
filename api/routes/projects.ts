// GET /projects: every compute project with its leaders, participants, operators, suppliers and quantities.
import { Router } from "express";
import { runReadOnce } from "../../graph/queries/run.ts";
import { projectsQuery } from "../../graph/queries/projects.ts";
import { PageQuery } from "../schemas.ts";
import { type RouteContext, parseQuery } from "./context.ts";

export function projectRoutes({ graph, config }: RouteContext): Router {
  const router = Router();
  router.get("/projects", async (req, res) => {
    const { limit, offset } = parseQuery(PageQuery, req);
    const rows = await runReadOnce<{ total: number } & Record<string, unknown>>(
      graph,
      projectsQuery({ limit, offset }, config.limits.maxItems),
    );
    const total = rows[0]?.total ?? (offset > 0 ? null : 0);
    res.json({ limit, offset, total, items: rows.map(({ total: _t, ...p }) => p) });
  });
  return router;
}
