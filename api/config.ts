// The API's configuration: parsed once from the environment, validated and frozen.
import { z } from "zod";
import { maxArticleBytes } from "../cli/readers.ts";

export interface Limits {
  /** Page size of /entities, /projects, /articles when none is asked for, and the largest allowed. */
  defaultPage: number;
  maxPage: number;
  /** Items per list inside one profile, project or article (roles, relations, facts ...). */
  maxItems: number;
  /** Rows of one /ask answer. */
  maxRows: number;
  /** Facts of one /facts answer, and sources per fact. */
  maxFacts: number;
  maxSources: number;
  /** Evidence: facts quoted per answer, sources per fact. */
  maxEvidenceFacts: number;
  evidencePerFact: number;
  /** Longest question and search text, in characters. */
  maxQuestionChars: number;
}

export interface ApiConfig {
  /** KG_API_KEY: the key POST /articles requires; null = ingest over HTTP is refused. */
  apiKey: string | null;
  /** Largest article text accepted by POST /articles, in bytes (KG_MAX_ARTICLE_BYTES). */
  maxArticleBytes: number;
  /** Largest request body: the article plus room for the other fields. */
  maxBodyBytes: number;
  limits: Limits;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  defaultPage: 20,
  maxPage: 100,
  maxItems: 50,
  maxRows: 200,
  maxFacts: 100,
  maxSources: 50,
  maxEvidenceFacts: 20,
  evidencePerFact: 3,
  maxQuestionChars: 500,
});

const Env = z.object({
  KG_API_KEY: z.string().min(16, "KG_API_KEY must have at least 16 characters").optional(),
});

export function apiConfigFromEnv(env: Record<string, string | undefined> = process.env): ApiConfig {
  const parsed = Env.safeParse({ KG_API_KEY: env.KG_API_KEY || undefined });
  if (!parsed.success) {
    throw Object.assign(
      new Error(`Invalid API configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`),
      {
        code: "INVALID_CONFIG",
      },
    );
  }
  const article = maxArticleBytes(env);
  return Object.freeze({
    apiKey: parsed.data.KG_API_KEY ?? null,
    maxArticleBytes: article,
    // JSON escaping can double a text's size (umlauts as \u00fc are 6 bytes for 2)
    maxBodyBytes: article * 3 + 64 * 1024,
    limits: DEFAULT_LIMITS,
  });
}
