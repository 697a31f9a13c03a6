// The API without a database: input validation, errors, auth, docs. Neo4j is pointed at a
// closed port, so every request that reaches the database must answer 503 (fast).
import assert from "node:assert/strict";
import request from "supertest";
import { buildApp } from "../../api/app.ts";
import { apiConfigFromEnv } from "../../api/config.ts";
import type { Ingestor } from "../../api/ingest.ts";
import { type Graph, graphConfigFromEnv, openGraph } from "../../graph/driver.ts";

const KEY = "test-key-0123456789abcdef";

describe("api/app without a database", () => {
  let graph: Graph;
  let app: ReturnType<typeof buildApp>;
  let extracted = 0;
  const logged: string[] = [];
  // The pipeline is not the subject here; a stub keeps these tests fast (the @db tests use the real one).
  const ingestor = async (): Promise<Ingestor> => ({
    pipeline: "stub",
    extract: async ({ text, lang }) => {
      extracted++;
      return {
        language: lang ?? (/[äöüß]|\bder\b/.test(text) ? "de" : /^[\x00-\x7f]*$/.test(text) ? "en" : "fr"),
        entities: [],
        roles: [],
        quantities: [],
        relations: [],
      };
    },
  });

  before(async () => {
    graph = await openGraph(graphConfigFromEnv({ NEO4J_URI: "bolt://127.0.0.1:1" }), { verify: false });
    const config = apiConfigFromEnv({ KG_API_KEY: KEY, KG_MAX_ARTICLE_BYTES: "1000" });
    app = buildApp({ graph, config, ingestor, log: (l) => logged.push(l) });
  });
  after(async () => {
    await graph?.close();
    assert.deepEqual(logged, [], "unexpected errors (500s) were logged");
  });

  it("GET /health: 503 with the database down, and says so", async () => {
    const res = await request(app).get("/health").expect(503);
    assert.equal(res.body.status, "unavailable");
    assert.equal(res.body.error, "DATABASE_UNAVAILABLE");
    assert.equal(res.body.api.status, "up");
    assert.equal(res.body.database.status, "down");
    assert.match(res.body.message, /Neo4j/);
  });

  for (const path of [
    "/ask?q=Who%20leads%20which%20compute%20project%3F",
    "/entities?q=Stargate",
    "/projects",
    "/articles",
    "/entities/organization%3Aopenai",
    "/facts?subject=OpenAI",
  ]) {
    it(`GET ${path}: 503 DATABASE_UNAVAILABLE with a clear message, no stack`, async () => {
      const res = await request(app).get(path).expect(503).expect("content-type", /json/);
      assert.equal(res.body.error, "DATABASE_UNAVAILABLE");
      assert.match(res.body.message, /kg neo4j start|NEO4J_URI/);
      assert.ok(!/\n\s+at /.test(JSON.stringify(res.body)));
    });
  }

  const BAD: [string, RegExp][] = [
    ["/ask", /q/],
    ["/ask?q=", /must not be empty/],
    ["/ask?q=a&q=b", /q/],
    [`/ask?q=${"x".repeat(501)}`, /at most 500/],
    ["/ask?q=who&extra=1", /extra/],
    ["/entities?limit=abc", /limit/],
    ["/entities?limit=0", /at least 1/],
    ["/entities?limit=101", /at most 100/],
    ["/entities?offset=-1", /offset/],
    ["/entities?type=Planet", /type must be one of/],
    ["/entities?q=%3F%21", /letter or digit/],
    ["/projects?limit=1.5", /whole number/],
    ["/articles?offset=x", /offset/],
    ["/facts", /subject/],
    ["/facts?subject=OpenAI&type=LOVES", /type must be one of/],
  ];
  for (const [path, detail] of BAD) {
    it(`GET ${path.slice(0, 60)}: 400 with details`, async () => {
      const res = await request(app).get(path).expect(400);
      assert.equal(res.body.error, "INVALID_INPUT");
      assert.ok(Array.isArray(res.body.details) && res.body.details.length > 0);
      assert.match(JSON.stringify(res.body), detail);
    });
  }

  it("unknown paths: 404 ROUTE_NOT_FOUND", async () => {
    const res = await request(app).get("/nope").expect(404);
    assert.equal(res.body.error, "ROUTE_NOT_FOUND");
  });

  describe("POST /articles", () => {
    const article = { id: "t1", text: "Jane Roe leads Nimbus.", lang: "en" };
    it("401 without a key, with a wrong key, and when the server has no key", async () => {
      assert.equal(
        (await request(app).post("/articles").send(article).expect(401)).body.error,
        "UNAUTHORIZED",
      );
      await request(app)
        .post("/articles")
        .set("Authorization", "Bearer wrong-key-wrong-key")
        .send(article)
        .expect(401);
      await request(app).post("/articles").set("X-API-Key", KEY.slice(0, -1)).send(article).expect(401);
      const keyless = buildApp({ graph, config: apiConfigFromEnv({}), ingestor });
      const res = await request(keyless).post("/articles").set("X-API-Key", KEY).send(article).expect(401);
      assert.match(res.body.message, /KG_API_KEY/);
      assert.equal(extracted, 0);
    });

    it("400 for bad JSON and bad fields, 415 for non-JSON, 413 for too large", async () => {
      const auth = { Authorization: `Bearer ${KEY}` };
      let res = await request(app)
        .post("/articles")
        .set(auth)
        .set("Content-Type", "application/json")
        .send('{"text": ')
        .expect(400);
      assert.equal(res.body.error, "INVALID_JSON");
      res = await request(app).post("/articles").set(auth).send({ text: "" }).expect(400);
      assert.match(res.body.message, /text/);
      res = await request(app)
        .post("/articles")
        .set(auth)
        .send({ text: "x", date: "24.09.2025" })
        .expect(400);
      assert.match(res.body.message, /date/);
      res = await request(app).post("/articles").set(auth).send({ text: "x", lang: "fr" }).expect(400);
      assert.match(res.body.message, /lang/);
      res = await request(app).post("/articles").set(auth).send({ text: "x", url: "not a url" }).expect(400);
      await request(app).post("/articles").set(auth).send([article]).expect(400);
      await request(app)
        .post("/articles")
        .set(auth)
        .send({ ...article, surprise: 1 })
        .expect(400);
      await request(app)
        .post("/articles")
        .set(auth)
        .set("Content-Type", "text/plain")
        .send("hello")
        .expect(415);
      res = await request(app)
        .post("/articles")
        .set(auth)
        .send({ text: "ü".repeat(600) })
        .expect(413);
      assert.match(res.body.message, /KG_MAX_ARTICLE_BYTES/);
      res = await request(app)
        .post("/articles")
        .set(auth)
        .send({ text: "a".repeat(20_000) })
        .expect(413);
      assert.equal(res.body.error, "PAYLOAD_TOO_LARGE");
      assert.equal(extracted, 0);
    });

    it("422 for an article in neither German nor English", async () => {
      const res = await request(app)
        .post("/articles")
        .set("X-API-Key", KEY)
        .send({ text: "Le président dirige l'entreprise." })
        .expect(422);
      assert.equal(res.body.error, "UNSUPPORTED_LANGUAGE");
    });

    it("a valid article with a valid key reaches the loader: 503 with the database down", async () => {
      const res = await request(app).post("/articles").set("X-API-Key", KEY).send(article).expect(503);
      assert.equal(res.body.error, "DATABASE_UNAVAILABLE");
    });
  });

  it("serves the OpenAPI document and the docs page without any CDN", async () => {
    const doc = (await request(app).get("/openapi.json").expect(200)).body;
    assert.match(doc.openapi, /^3\./);
    for (const p of [
      "/health",
      "/ask",
      "/entities",
      "/entities/{id}",
      "/projects",
      "/articles",
      "/articles/{id}",
      "/facts",
    ])
      assert.ok(doc.paths[p], p);
    assert.ok(
      doc.paths["/ask"].get.parameters.some(
        (x: { name: string; required: boolean }) => x.name === "q" && x.required,
      ),
    );
    assert.ok(doc.paths["/articles"].post.security);
    await request(app).get("/docs").expect(301).expect("location", "/docs/");
    const html = (await request(app).get("/docs/").expect(200)).text;
    assert.match(html, /swagger-ui/);
    assert.ok(
      !/https?:\/\/(?!localhost)[^"']*\.(js|css)/.test(html),
      "docs page loads assets from the internet",
    );
    await request(app).get("/docs/swagger-ui-bundle.js").expect(200);
    const init = (await request(app).get("/docs/swagger-ui-init.js").expect(200)).text;
    assert.match(init, /kg API/);
  });
});
