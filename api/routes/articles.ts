// GET /articles, GET /articles/:id (what was ingested and found), POST /articles (ingest one,
// API key required).
import { createHash, timingSafeEqual } from "node:crypto";
import { type RequestHandler, Router, json } from "express";
import { runReadOnce } from "../../graph/queries/run.ts";
import { articleQuery, articlesQuery } from "../../graph/queries/articles.ts";
import { ApiError } from "../errors.ts";
import { ingestArticle } from "../ingest.ts";
import { ArticleBody, IdParam, PageQuery } from "../schemas.ts";
import { type RouteContext, parseBody, parseParams, parseQuery } from "./context.ts";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The key from 'Authorization: Bearer <key>' or 'X-API-Key: <key>'. */
function presentedKey(header: (name: string) => string | undefined): string | null {
  const auth = header("authorization");
  const bearer = auth ? /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
  return bearer ?? header("x-api-key") ?? null;
}

/** 401 unless the request carries KG_API_KEY (compared in constant time). */
export function requireApiKey(apiKey: string | null): RequestHandler {
  const expected = apiKey ? digest(apiKey) : null;
  return (req, _res, next) => {
    const given = presentedKey((n) => req.get(n));
    if (!expected) {
      return next(
        new ApiError(
          "UNAUTHORIZED",
          "Ingest over HTTP is disabled: the server has no KG_API_KEY set. Start it with KG_API_KEY=<at least 16 characters>.",
        ),
      );
    }
    if (!given || !timingSafeEqual(digest(given), expected)) return next(new ApiError("UNAUTHORIZED"));
    next();
  };
}

export function articleRoutes({ graph, config, ingestor }: RouteContext): Router {
  const router = Router();
  router.get("/articles", async (req, res) => {
    const { limit, offset } = parseQuery(PageQuery, req);
    const rows = await runReadOnce<{ total: number } & Record<string, unknown>>(
      graph,
      articlesQuery({ limit, offset }),
    );
    res.json({
      limit,
      offset,
      total: rows[0]?.total ?? (offset > 0 ? null : 0),
      items: rows.map(({ total: _t, ...a }) => a),
    });
  });
  router.get("/articles/:id", async (req, res) => {
    const { id } = parseParams(IdParam, req);
    const [article] = await runReadOnce(graph, articleQuery(id, config.limits.maxFacts));
    if (!article)
      throw new ApiError("NOT_FOUND", `No article with id '${id}'. List them with GET /articles.`);
    res.json(article);
  });
  router.post(
    "/articles",
    requireApiKey(config.apiKey),
    (req, _res, next) => {
      if (!req.is("application/json")) return next(new ApiError("UNSUPPORTED_MEDIA_TYPE"));
      next();
    },
    json({ limit: config.maxBodyBytes, strict: true }),
    async (req, res) => {
      const body = parseBody(ArticleBody, req);
      const bytes = Buffer.byteLength(body.text, "utf8");
      if (bytes > config.maxArticleBytes) {
        throw new ApiError(
          "PAYLOAD_TOO_LARGE",
          `The article text has ${bytes} bytes; at most ${config.maxArticleBytes} are accepted (KG_MAX_ARTICLE_BYTES).`,
        );
      }
      const reply = await ingestArticle(graph, await ingestor(), body);
      res.status(reply.status === "unchanged" ? 200 : 201).json(reply);
    },
  );
  return router;
}
