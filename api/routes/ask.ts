// GET /ask?q=: a question in German or English, answered from the graph with evidence.
import { Router } from "express";
import { ask } from "../ask/run.ts";
import { AskQuery } from "../schemas.ts";
import { type RouteContext, parseQuery } from "./context.ts";

export function askRoutes({ graph, config }: RouteContext): Router {
  const router = Router();
  router.get("/ask", async (req, res) => {
    const { q } = parseQuery(AskQuery, req);
    res.json(await ask(graph, q, config.limits));
  });
  return router;
}
