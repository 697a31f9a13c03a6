// GET /facts?subject=&type=&object=: every source of the facts about a subject, and for
// quantities every reported value side by side.
import { Router } from "express";
import type { Graph } from "../../graph/driver.ts";
import { runReadOnce } from "../../graph/queries/run.ts";
import { entityByIdQuery, factsQuery } from "../../graph/queries/facts.ts";
import { ApiError } from "../errors.ts";
import { resolveEntity } from "../resolve.ts";
import { FactsQuery } from "../schemas.ts";
import { type RouteContext, parseQuery } from "./context.ts";

interface EntityRef {
  id: string;
  name: string;
  type: string;
}

/** An entity by id ('person:sam-altman') or else by name; 404 when neither finds one. */
async function entityRef(graph: Graph, idOrName: string, param: string): Promise<EntityRef> {
  const [byId] = await runReadOnce<EntityRef>(graph, entityByIdQuery(idOrName));
  if (byId) return byId;
  const byName = await resolveEntity(graph, [idOrName]);
  if (byName) return byName;
  throw new ApiError(
    "NOT_FOUND",
    `No entity '${idOrName}' (${param}): give an entity id or a name; find them with GET /entities?q=<name>.`,
  );
}

interface FactRow {
  id: string;
  kind: string;
  unit: string | null;
  value: number | null;
  qualifier: string | null;
  articleCount: number;
  sources: unknown[];
}

export function factRoutes({ graph, config }: RouteContext): Router {
  const router = Router();
  router.get("/facts", async (req, res) => {
    const { subject, type, object } = parseQuery(FactsQuery, req);
    const s = await entityRef(graph, subject, "subject");
    const o = object ? await entityRef(graph, object, "object") : null;
    const facts = await runReadOnce<FactRow>(
      graph,
      factsQuery(
        { subjectId: s.id, type: type ?? null, objectId: o?.id ?? null },
        config.limits.maxFacts,
        config.limits.maxSources,
      ),
    );
    // Quantities: every value reported per unit, so that disagreeing figures stand side by side.
    const byUnit = new Map<
      string,
      { value: number | null; qualifier: string | null; articleCount: number; factId: string }[]
    >();
    for (const f of facts) {
      if (f.kind !== "quantity" || !f.unit) continue;
      byUnit.set(f.unit, [
        ...(byUnit.get(f.unit) ?? []),
        { value: f.value, qualifier: f.qualifier, articleCount: f.articleCount, factId: f.id },
      ]);
    }
    res.json({
      subject: s,
      type: type ?? null,
      object: o,
      facts,
      quantities: [...byUnit].map(([unit, values]) => ({ unit, agree: values.length === 1, values })),
    });
  });
  return router;
}
