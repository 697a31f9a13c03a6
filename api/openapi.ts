// The OpenAPI 3.1 document of the API (served at /openapi.json, browsable at /docs). Parameter
// schemas come from the same zod schemas that validate the requests.
import { z } from "zod";
import { ERRORS } from "./errors.ts";
import { API_VERSION } from "./routes/health.ts";
import { ArticleBody, AskQuery, EntitiesQuery, FactsQuery, PageQuery } from "./schemas.ts";

type Json = Record<string, unknown>;

function queryParams(schema: z.ZodObject, required: string[] = []): Json[] {
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: required.includes(name) || (js.required ?? []).includes(name),
    description: s.description,
    schema: { ...s, description: undefined },
  }));
}

const idParam = (what: string, example: string): Json => ({
  name: "id",
  in: "path",
  required: true,
  description: `${what} (URL-encode it: '/' -> %2F)`,
  schema: { type: "string", maxLength: 500 },
  example,
});

const errorSchema = { $ref: "#/components/schemas/Error" };
const err = (code: keyof typeof ERRORS, description: string): Json => ({
  description: `${description} (${code})`,
  content: { "application/json": { schema: errorSchema } },
});
const ok = (description: string, schema: Json, example?: unknown): Json => ({
  description,
  content: { "application/json": { schema, ...(example ? { example } : {}) } },
});
const common = {
  "400": err("INVALID_INPUT", "bad parameters"),
  "503": err("DATABASE_UNAVAILABLE", "Neo4j is down"),
};

const entityRef = {
  type: "object",
  properties: { id: { type: "string" }, name: { type: "string" }, type: { type: "string" } },
};
const page = (item: Json) => ({
  type: "object",
  properties: {
    limit: { type: "integer" },
    offset: { type: "integer" },
    total: { type: ["integer", "null"] },
    items: { type: "array", items: item },
  },
});

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "kg API",
      version: API_VERSION,
      description:
        "Questions and answers over the knowledge graph of AI compute infrastructure news (German and English): " +
        "who leads, founds, builds, operates, funds and supplies which compute project, with the sentences behind every fact.",
    },
    paths: {
      "/health": {
        get: {
          summary: "The API and the database, with the Neo4j version",
          responses: {
            "200": ok(
              "both up",
              { type: "object" },
              {
                status: "ok",
                api: { status: "up", version: API_VERSION },
                database: {
                  status: "up",
                  name: "Neo4j Kernel",
                  version: "5.26.12",
                  edition: "community",
                  database: "neo4j",
                },
              },
            ),
            "503": ok("the database is down", { type: "object" }),
          },
        },
      },
      "/ask": {
        get: {
          summary: "Answer a question in German or English",
          description:
            "Families: who leads which compute project; who leads X; what role P has; who works at O; which projects O takes part in / builds / operates; " +
            "who takes part in X; how much money is invested in X; how many GPUs / how much power X has; who founded X; who supplies X. " +
            "A question not understood gives understood: false and example questions.",
          parameters: queryParams(AskQuery),
          responses: {
            "200": ok(
              "the answer",
              { $ref: "#/components/schemas/Answer" },
              {
                question: "Who leads which compute project?",
                language: "en",
                understood: true,
                answer:
                  "Projects and who leads them: Colossus: Elon Musk (via xAI) and Stargate: Sam Altman (via OpenAI).",
                rows: [
                  { project: "Stargate", person: "Sam Altman", via: "OpenAI" },
                  { project: "Colossus", person: "Elon Musk", via: "xAI" },
                ],
                evidence: [
                  {
                    factId: "…",
                    article: { id: "fixtures/de/seed-article.txt", url: null, title: null, date: null },
                    sentence: "OpenAI-Chef Sam Altman …",
                  },
                ],
              },
            ),
            ...common,
          },
        },
      },
      "/entities": {
        get: {
          summary: "Search entities by name or alias (full-text, typo tolerant), paged",
          parameters: queryParams(EntitiesQuery),
          responses: { "200": ok("a page of entities, best match first", page(entityRef)), ...common },
        },
      },
      "/entities/{id}": {
        get: {
          summary: "An entity's profile: names, aliases, roles, relations both ways, quantities, articles",
          parameters: [idParam("entity id", "organization:openai")],
          responses: {
            "200": ok("the profile", { type: "object" }),
            "404": err("NOT_FOUND", "no such entity"),
            ...common,
          },
        },
      },
      "/projects": {
        get: {
          summary:
            "Every compute project with its leaders (direct and via organization), participants, operators, founders, investors, suppliers and quantities",
          parameters: queryParams(PageQuery),
          responses: { "200": ok("a page of projects", page({ type: "object" })), ...common },
        },
      },
      "/articles": {
        get: {
          summary: "The ingested articles, newest first",
          parameters: queryParams(PageQuery),
          responses: { "200": ok("a page of articles", page({ type: "object" })), ...common },
        },
        post: {
          summary: "Ingest one article (same fields as a .jsonl line); requires KG_API_KEY",
          security: [{ bearer: [] }, { apiKey: [] }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: z.toJSONSchema(ArticleBody, { io: "input", unrepresentable: "any" }),
              },
            },
          },
          responses: {
            "201": ok("loaded (or replaced)", { type: "object" }),
            "200": ok("unchanged: already loaded with the same text and pipeline", { type: "object" }),
            "400": err("INVALID_INPUT", "bad fields or bad JSON"),
            "401": err("UNAUTHORIZED", "missing or wrong API key"),
            "413": err("PAYLOAD_TOO_LARGE", "article too large"),
            "415": err("UNSUPPORTED_MEDIA_TYPE", "not JSON"),
            "422": err("UNSUPPORTED_LANGUAGE", "neither German nor English"),
            "503": err("DATABASE_UNAVAILABLE", "Neo4j is down"),
          },
        },
      },
      "/articles/{id}": {
        get: {
          summary:
            "One article: metadata, the entities it mentions, the facts it states with their sentences",
          parameters: [idParam("article id", "fixtures/de/seed-article.txt")],
          responses: {
            "200": ok("the article", { type: "object" }),
            "404": err("NOT_FOUND", "no such article"),
            ...common,
          },
        },
      },
      "/facts": {
        get: {
          summary:
            "Why do you say so: every source of the facts about a subject (sentence, offsets, date, corroboration); quantities side by side",
          parameters: queryParams(FactsQuery),
          responses: {
            "200": ok("the facts with their sources", { type: "object" }),
            "404": err("NOT_FOUND", "no such subject or object"),
            ...common,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "KG_API_KEY" },
        apiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "KG_API_KEY" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "message", "details"],
          properties: {
            error: { type: "string", enum: Object.keys(ERRORS), description: "stable error code" },
            message: { type: "string" },
            details: { type: "array", items: { type: "object" } },
          },
        },
        Answer: {
          type: "object",
          required: ["question", "language", "understood", "answer", "rows", "evidence"],
          properties: {
            question: { type: "string" },
            language: { type: "string", enum: ["de", "en"] },
            understood: { type: "boolean" },
            intent: { type: ["object", "null"] },
            entity: { oneOf: [entityRef, { type: "null" }] },
            answer: { type: "string", description: "a short sentence in the question's language" },
            rows: { type: "array", items: { type: "object" } },
            evidence: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  factId: { type: "string" },
                  article: {
                    type: "object",
                    properties: {
                      id: { type: "string" },
                      url: { type: ["string", "null"] },
                      title: { type: ["string", "null"] },
                      date: { type: ["string", "null"] },
                    },
                  },
                  sentence: { type: ["string", "null"] },
                  sentenceStart: { type: ["integer", "null"] },
                  sentenceEnd: { type: ["integer", "null"] },
                },
              },
            },
            examples: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  };
}
