// Input schemas of every endpoint (parsed once, at the boundary) — also the source of the
// parameter schemas in the OpenAPI document.
import { z } from "zod";
import { ENTITY_TYPES, RELATION_TYPES, ROLES } from "../extractors/types.ts";
import { DEFAULT_LIMITS } from "./config.ts";

const L = DEFAULT_LIMITS;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must have at most ${max} characters`);

export const page = {
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(L.maxPage, `limit must be at most ${L.maxPage}`)
    .default(L.defaultPage)
    .describe(`page size (1..${L.maxPage}, default ${L.defaultPage})`),
  offset: z.coerce
    .number({ error: "offset must be a number" })
    .int("offset must be a whole number")
    .min(0, "offset must be 0 or more")
    .max(100_000, "offset must be at most 100000")
    .default(0)
    .describe("items to skip"),
};

export const AskQuery = z.strictObject({
  q: text("q (the question)", L.maxQuestionChars).describe(
    "a question in German or English, e.g. 'Who leads which compute project?'",
  ),
});

export const EntitiesQuery = z.strictObject({
  q: text("q (the search text)", 200).optional().describe("name or alias to search for (typo tolerant)"),
  type: z
    .enum(ENTITY_TYPES, { error: `type must be one of ${ENTITY_TYPES.join(", ")}` })
    .optional()
    .describe("entity type"),
  ...page,
});

export const PageQuery = z.strictObject({ ...page });

const ID_MAX = 500;
export const IdParam = z.object({ id: text("id", ID_MAX) });

export const FACT_TYPES = [...RELATION_TYPES, "HAS_ROLE", "HAS_QUANTITY", ...ROLES] as const;

export const FactsQuery = z.strictObject({
  subject: text("subject", 200).describe(
    "the subject: an entity id ('person:sam-altman') or a name ('Sam Altman')",
  ),
  type: z
    .enum(FACT_TYPES, { error: `type must be one of ${FACT_TYPES.join(", ")}` })
    .optional()
    .describe("a relation type, HAS_ROLE, HAS_QUANTITY, or a role (CEO ...)"),
  object: text("object", 200).optional().describe("the object: an entity id or a name"),
});

const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?$/;

/** POST /articles: the fields of one .jsonl line. */
export const ArticleBody = z.strictObject({
  id: z
    .union([text("id", ID_MAX), z.number().int().nonnegative()])
    .transform(String)
    .optional()
    .describe("article id; default: 'api:' + a hash of the text"),
  url: z.url({ error: "url must be an absolute URL" }).max(2000).nullish(),
  title: z.string().max(1000, "title must have at most 1000 characters").nullish(),
  date: z
    .string()
    .regex(isoDate, "date must be an ISO date like 2025-09-24")
    .refine((d) => !Number.isNaN(Date.parse(d.slice(0, 10))), "date must be a real calendar date")
    .transform((d) => d.slice(0, 10))
    .nullish(),
  lang: z.enum(["de", "en"], { error: "lang must be 'de' or 'en' (or left out to detect it)" }).nullish(),
  text: z
    .string({ error: "text is required and must be a string" })
    .refine((t) => t.trim().length > 0, "text must not be empty"),
});
export type ArticleBody = z.infer<typeof ArticleBody>;
