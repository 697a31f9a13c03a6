// Ingesting one article over HTTP with the same pipeline and loader as `kg ingest`: the
// extractors' pipeline (through cli/extraction.ts, so that the pipeline version matches) and
// graph/load.ts. The pipeline is loaded on first use.
import { createHash } from "node:crypto";
import { inlineExtractor, pipelineVersion, workerExtractor } from "../cli/extraction.ts";
import type { ExtractionResult } from "../extractors/types.ts";
import type { Graph } from "../graph/driver.ts";
import { type LoadOutcome, loadArticle } from "../graph/load.ts";
import { ApiError } from "./errors.ts";
import type { ArticleBody } from "./schemas.ts";

export interface Ingestor {
  extract(input: { text: string; lang: string | null; date: string | null }): Promise<ExtractionResult>;
  /** Identifies the pipeline (an article loaded by another pipeline version is reloaded). */
  pipeline: string;
  close?(): Promise<void>;
}

/**
 * The real pipeline: in a worker thread (the server keeps answering while a long article is
 * extracted; close() ends the thread), or in this thread.
 */
export async function defaultIngestor(options: { worker?: boolean } = {}): Promise<Ingestor> {
  const [extractor, pipeline] = await Promise.all([
    options.worker ? workerExtractor(1) : inlineExtractor(),
    pipelineVersion(),
  ]);
  return { extract: (input) => extractor.extract(input), pipeline, close: () => extractor.close() };
}

/** An ingestor built on first use, and closed (if it was built) with the server. */
export function lazyIngestor(make: () => Promise<Ingestor>): {
  get: () => Promise<Ingestor>;
  close(): Promise<void>;
} {
  let made: Promise<Ingestor> | null = null;
  const get = once(() => (made = make()));
  return {
    get,
    async close() {
      const ing = await made?.catch(() => null);
      await ing?.close?.();
    },
  };
}

/** Memoizes an async factory: one pipeline per app, built when first needed. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    p ??= make().catch((err) => {
      p = null;
      throw err;
    });
    return p;
  };
}

export interface IngestReply extends LoadOutcome {
  language: string;
  pipeline: string;
}

export async function ingestArticle(
  graph: Graph,
  ingestor: Ingestor,
  body: ArticleBody,
): Promise<IngestReply> {
  const id = body.id ?? `api:${createHash("sha256").update(body.text).digest("hex").slice(0, 16)}`;
  const result = await ingestor.extract({
    text: body.text,
    lang: body.lang ?? null,
    date: body.date ?? null,
  });
  if (result.language !== "de" && result.language !== "en") {
    throw new ApiError(
      "UNSUPPORTED_LANGUAGE",
      `The article's language was detected as '${result.language}'; only German (de) and English (en) are ingested. Set "lang" if the detection is wrong.`,
    );
  }
  const outcome = await loadArticle(
    graph,
    {
      id,
      text: body.text,
      lang: result.language,
      url: body.url ?? null,
      title: body.title ?? null,
      date: body.date ?? null,
    },
    result,
    { pipeline: ingestor.pipeline },
  );
  return { ...outcome, language: result.language, pipeline: ingestor.pipeline };
}
