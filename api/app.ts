// The Express app (no listen here: see api/server.ts). buildApp({ graph, config }) wires the
// routes, the docs and the one error handler.
import express, { type Express } from "express";
import swaggerUi from "swagger-ui-express";
import type { Graph } from "../graph/driver.ts";
import { type ApiConfig, apiConfigFromEnv } from "./config.ts";
import { errorHandler, notFound } from "./errors.ts";
import { type Ingestor, defaultIngestor, once } from "./ingest.ts";
import { openApiDocument } from "./openapi.ts";
import { articleRoutes } from "./routes/articles.ts";
import { askRoutes } from "./routes/ask.ts";
import type { RouteContext } from "./routes/context.ts";
import { entityRoutes } from "./routes/entities.ts";
import { factRoutes } from "./routes/facts.ts";
import { healthRoutes } from "./routes/health.ts";
import { projectRoutes } from "./routes/projects.ts";

export interface BuildAppOptions {
  graph: Graph;
  config?: ApiConfig;
  /** The extraction used by POST /articles; default: the real pipeline, loaded on first use. */
  ingestor?: () => Promise<Ingestor>;
  log?: (line: string) => void;
}

export function buildApp({ graph, config = apiConfigFromEnv(), ingestor, log }: BuildAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  const ctx: RouteContext = { graph, config, ingestor: ingestor ?? once(defaultIngestor) };
  const doc = openApiDocument();

  app.get("/", (_req, res) => {
    res.json({
      name: "kg API",
      docs: "/docs",
      openapi: "/openapi.json",
      endpoints: Object.keys(doc.paths as object),
    });
  });
  app.get("/openapi.json", (_req, res) => {
    res.json(doc);
  });
  // The docs page's assets are relative ('./swagger-ui.css'): serve it under /docs/.
  app.use("/docs", (req, res, next) => {
    if (req.originalUrl === "/docs" || req.originalUrl.startsWith("/docs?"))
      return res.redirect(301, "/docs/");
    next();
  });
  app.use("/docs", swaggerUi.serve);
  app.get("/docs/", swaggerUi.setup(doc, { customSiteTitle: "kg API" }));

  for (const routes of [healthRoutes, askRoutes, entityRoutes, projectRoutes, articleRoutes, factRoutes]) {
    app.use(routes(ctx));
  }
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
