import assert from "node:assert/strict";
import neo4j from "neo4j-driver";
import { type Graph, openGraph, runRead } from "../../graph/driver.ts";
import {
  clearArticlesQuery,
  loadArticle,
  loadArticles,
  removeArticle,
  upsertArticlesQuery,
  writeEntitiesQuery,
  writeFactsQuery,
} from "../../graph/load.ts";
import { planArticle, resolvePlan } from "../../graph/plan.ts";
import { entity, quantity, relation, result, role, runTag } from "./helpers.ts";

describe("graph/load builders", () => {
  const text = "Jane Roe leads Nimbus. Nimbus plans 20,000 GPUs.";
  const res = result("en", {
    entities: [entity(text, "Person", "Jane Roe"), entity(text, "Organization", "Nimbus")],
    roles: [role(text, "Jane Roe", "CEO", "Nimbus", "Jane Roe leads Nimbus")],
    quantities: [quantity(text, 20000, "GPU", "20,000 GPUs", "Nimbus")],
    relations: [relation(text, "LEADS", "Jane Roe", "Nimbus", "leads")],
  });
  const plan = resolvePlan(
    planArticle({ id: "art-'quoted'", text, lang: "en", date: "2025-03-01" }, res),
    new Map(),
  );

  it("passes every value as a parameter, never inside the Cypher", () => {
    for (const q of [
      upsertArticlesQuery([plan.article]),
      clearArticlesQuery([plan.article.id]),
      writeEntitiesQuery(plan.entities.map((entity) => ({ articleId: plan.article.id, entity, keys: [] }))),
      writeFactsQuery([{ articleId: plan.article.id, facts: plan.facts, sources: plan.sources }]),
    ]) {
      assert.ok(!q.cypher.includes("art-'quoted'"));
      assert.ok(!q.cypher.includes("Jane"));
    }
  });

  it("sends offsets as Cypher integers", () => {
    const q = writeFactsQuery([{ articleId: plan.article.id, facts: plan.facts, sources: plan.sources }]);
    const s = (q.params.facts as { sources: Record<string, unknown>[] }[])[0]!.sources[0]!;
    assert.ok(neo4j.isInt(s.start) && neo4j.isInt(s.sentenceEnd));
  });

  it("derives a LEADS edge from the relation and a HAS_ROLE edge from the role, none from the quantity", () => {
    const facts = writeFactsQuery([{ articleId: plan.article.id, facts: plan.facts, sources: plan.sources }])
      .params.facts as {
      kind: string;
      edge: string | null;
      role: string | null;
    }[];
    assert.deepEqual(facts.map((f) => `${f.kind}:${f.edge}`).sort(), [
      "quantity:null",
      "relation:LEADS",
      "role:HAS_ROLE",
    ]);
    assert.equal(facts.find((f) => f.edge === "HAS_ROLE")!.role, "CEO");
  });
});

describe("graph/load @db", function () {
  this.timeout(60_000);
  let graph: Graph;
  const T = runTag(); // fictional names unique to this run: "Veltron Qhxzbk"
  const articleIds: string[] = [];
  const id = (s: string) => {
    const v = `test:${T}:${s}`;
    articleIds.push(v);
    return v;
  };

  before(async () => {
    graph = await openGraph();
  });
  after(async () => {
    if (!graph) return;
    for (const a of articleIds) await removeArticle(graph, a);
    const left = await runRead<{ n: number }>(graph, {
      cypher:
        "MATCH (n) WHERE n.name CONTAINS $t OR n.id CONTAINS $tl OR n.id CONTAINS $t RETURN count(n) AS n",
      params: { t: T, tl: T.toLowerCase() },
    });
    await graph.close();
    assert.equal(left[0]!.n, 0, "test data left behind");
  });

  const org = `Veltron ${T}`;
  const person = `Mara ${T}`;
  const project = `Projekt ${T}`;

  const enText = `${org} Inc. said ${person} leads ${org}. ${org} Inc. invests 100 billion dollars in ${project}.`;
  const enResult = () =>
    result("en", {
      entities: [
        entity(enText, "Organization", `${org} Inc.`, [], [`${org} Inc.`, org]),
        entity(enText, "Person", person),
        entity(enText, "Project", project),
      ],
      relations: [
        relation(enText, "LEADS", person, `${org} Inc.`, `${person} leads`),
        relation(enText, "INVESTS_IN", `${org} Inc.`, project, "invests"),
      ],
      roles: [role(enText, person, "CEO", `${org} Inc.`, `${person} leads ${org}`)],
      quantities: [quantity(enText, 100e9, "USD", "100 billion dollars", project)],
    });

  const deText = `${org}s Chefin ${person} leitet ${org}. Das ${project} kostet 500 Milliarden Dollar.`;
  const deResult = () =>
    result("de", {
      entities: [
        entity(deText, "Organization", `${org}s`, [], [`${org}s`]),
        entity(deText, "Person", person),
        entity(deText, "Project", project),
      ],
      relations: [relation(deText, "LEADS", person, `${org}s`, "leitet")],
      roles: [role(deText, person, "CEO", `${org}s`, "Chefin")],
      quantities: [quantity(deText, 500e9, "USD", "500 Milliarden Dollar", project)],
    });

  const factsOf = (articleId: string) =>
    runRead<{
      type: string;
      n: number;
      sentence: string;
      start: number;
      end: number;
      text: string;
      statedOn: string;
    }>(graph, {
      cypher: `MATCH (f:Fact)-[s:STATED_IN]->(a:Article {id: $id})
RETURN f.type AS type, f.articleCount AS n, s.sentence AS sentence, s.start AS start, s.end AS end, s.text AS text, s.statedOn AS statedOn
ORDER BY type, start`,
      params: { id: articleId },
    });

  it("writes entities, facts and their sources, each traceable to its sentence", async () => {
    const a = id("en-1");
    const out = await loadArticle(graph, { id: a, text: enText, lang: "en", date: "2025-02-01" }, enResult());
    assert.equal(out.status, "loaded");
    assert.equal(out.entities, 3);
    assert.equal(out.facts, 4);
    const facts = await factsOf(a);
    assert.deepEqual(
      facts.map((f) => f.type),
      ["HAS_QUANTITY", "HAS_ROLE", "INVESTS_IN", "LEADS"],
    );
    for (const f of facts) {
      assert.equal(enText.slice(f.start, f.end), f.text);
      assert.ok(f.sentence.includes(f.text));
      assert.equal(f.statedOn, "2025-02-01");
    }
    const [e] = await runRead<{ id: string; labels: string[]; aliases: string[] }>(graph, {
      cypher: "MATCH (e:Entity {id: $id}) RETURN e.id AS id, labels(e) AS labels, e.aliases AS aliases",
      params: { id: `organization:veltron-${T.toLowerCase()}` },
    });
    assert.ok(e, "OpenAI Inc.-style name keyed without its legal suffix");
    assert.ok(e.labels.includes("Organization"));
    assert.ok(e.aliases.includes(org) && e.aliases.includes(`${org} Inc.`));
  });

  it("changes nothing when the same article is loaded again", async () => {
    const a = `test:${T}:en-1`;
    const before = await factsOf(a);
    const out = await loadArticle(graph, { id: a, text: enText, lang: "en", date: "2025-02-01" }, enResult());
    assert.equal(out.status, "unchanged");
    assert.deepEqual(await factsOf(a), before);
  });

  it("joins a German article's genitive form to the same node and counts the corroborating article", async () => {
    const a = id("de-1");
    const out = await loadArticle(graph, { id: a, text: deText, lang: "de", date: "2025-03-05" }, deResult());
    assert.equal(out.status, "loaded");
    const rows = await runRead<{ name: string; articles: number; aliases: string[] }>(graph, {
      cypher: `MATCH (e:Organization) WHERE e.name STARTS WITH $org RETURN e.name AS name, e.articleCount AS articles, e.aliases AS aliases`,
      params: { org: org },
    });
    assert.equal(rows.length, 1, "one node for Veltron Inc. / Veltrons");
    assert.equal(rows[0]!.articles, 2);
    assert.ok(rows[0]!.aliases.includes(`${org}s`));
    const [leads] = await runRead<{ n: number; first: string; last: string; edge: number }>(graph, {
      cypher: `MATCH (p:Person {name: $person})<-[:SUBJECT]-(f:RelationFact {type: 'LEADS'})
MATCH (p)-[r:LEADS]->(:Organization)
RETURN f.articleCount AS n, f.firstStated AS first, f.lastStated AS last, r.articleCount AS edge`,
      params: { person },
    });
    assert.deepEqual(leads, { n: 2, first: "2025-02-01", last: "2025-03-05", edge: 2 });
  });

  it("keeps two disagreeing totals for one project, each with its own source", async () => {
    const rows = await runRead<{ value: number; n: number; article: string }>(graph, {
      cypher: `MATCH (:Project {name: $project})-[:HAS_QUANTITY]->(q:QuantityFact {unit: 'USD'})-[:STATED_IN]->(a:Article)
RETURN q.value AS value, q.articleCount AS n, a.id AS article ORDER BY value`,
      params: { project },
    });
    assert.deepEqual(rows, [
      { value: 100e9, n: 1, article: `test:${T}:en-1` },
      { value: 500e9, n: 1, article: `test:${T}:de-1` },
    ]);
  });

  it("matches a name the lexicon gave as an alias in another language", async () => {
    const enC = `The European Commission ${T} backs ${project}.`;
    const deC = `Die Europäische Kommission ${T} unterstützt ${project}.`;
    await loadArticle(
      graph,
      { id: id("en-2"), text: enC, lang: "en" },
      result("en", {
        entities: [
          entity(
            enC,
            "Organization",
            `European Commission ${T}`,
            [`Europäische Kommission ${T}`],
            [`European Commission ${T}`],
          ),
        ],
      }),
    );
    await loadArticle(
      graph,
      { id: id("de-2"), text: deC, lang: "de" },
      result("de", { entities: [entity(deC, "Organization", `Europäische Kommission ${T}`)] }),
    );
    const rows = await runRead<{ name: string; articles: number }>(graph, {
      cypher: `MATCH (e:Organization) WHERE e.name CONTAINS 'Commission' AND e.name ENDS WITH $t OR e.name CONTAINS 'Kommission' AND e.name ENDS WITH $t
RETURN e.name AS name, e.articleCount AS articles`,
      params: { t: T },
    });
    assert.deepEqual(rows, [{ name: `European Commission ${T}`, articles: 2 }]);
  });

  it("loads a group of articles in one call with the same identities as one by one", async () => {
    const en = `Nordwind Energy ${T} Ltd. supplies ${project}.`;
    const de = `Nordwind Energie ${T} beliefert ${project}. Nordwind Energie ${T} liefert Strom.`;
    const out = await loadArticles(graph, [
      {
        article: { id: id("g-en"), text: en, lang: "en", date: "2025-04-01" },
        result: result("en", {
          entities: [
            entity(
              en,
              "Organization",
              `Nordwind Energy ${T} Ltd.`,
              [`Nordwind Energie ${T}`],
              [`Nordwind Energy ${T} Ltd.`],
            ),
            entity(en, "Project", project),
          ],
          relations: [relation(en, "SUPPLIES", `Nordwind Energy ${T} Ltd.`, project, "supplies")],
        }),
      },
      {
        article: { id: id("g-de"), text: de, lang: "de", date: "2025-04-02" },
        result: result("de", {
          entities: [entity(de, "Organization", `Nordwind Energie ${T}`), entity(de, "Project", project)],
          relations: [relation(de, "SUPPLIES", `Nordwind Energie ${T}`, project, "beliefert")],
        }),
      },
    ]);
    assert.deepEqual(
      out.map((o) => o.status),
      ["loaded", "loaded"],
    );
    const rows = await runRead<{ name: string; n: number; facts: number }>(graph, {
      cypher: `MATCH (e:Organization) WHERE e.name STARTS WITH 'Nordwind' AND e.name CONTAINS $t
OPTIONAL MATCH (e)<-[:SUBJECT]-(f:RelationFact {type: 'SUPPLIES'})
RETURN e.name AS name, e.articleCount AS n, f.articleCount AS facts`,
      params: { t: T },
    });
    assert.deepEqual(rows, [{ name: `Nordwind Energy ${T} Ltd.`, n: 2, facts: 2 }]);
    await assert.rejects(
      loadArticles(graph, [
        { article: { id: "dup", text: "x", lang: "en" }, result: result("en", {}) },
        { article: { id: "dup", text: "y", lang: "en" }, result: result("en", {}) },
      ]),
      /appears twice/,
    );
  });

  it("replaces a changed article's facts and leaves nothing stale", async () => {
    const a = `test:${T}:de-1`;
    const newer = `${person} leitet ${org}.`;
    const out = await loadArticle(
      graph,
      { id: a, text: newer, lang: "de", date: "2025-03-06" },
      result("de", {
        entities: [entity(newer, "Person", person), entity(newer, "Organization", org)],
        relations: [relation(newer, "LEADS", person, org, "leitet")],
      }),
    );
    assert.equal(out.status, "replaced");
    assert.deepEqual(
      (await factsOf(a)).map((f) => f.type),
      ["LEADS"],
    );
    const q = await runRead<{ n: number }>(graph, {
      cypher:
        "MATCH (q:QuantityFact {value: 500e9})-[:SUBJECT]->(:Project {name: $project}) RETURN count(q) AS n",
      params: { project },
    });
    assert.equal(q[0]!.n, 0, "the old 500 bn quantity is gone");
    const [role] = await runRead<{ n: number }>(graph, {
      cypher: "MATCH (:Person {name: $person})<-[:SUBJECT]-(f:RoleFact) RETURN f.articleCount AS n",
      params: { person },
    });
    assert.equal(role!.n, 1, "the role is now stated by the English article only");
    const [leads] = await runRead<{ last: string }>(graph, {
      cypher:
        "MATCH (:Person {name: $person})<-[:SUBJECT]-(f:RelationFact {type: 'LEADS'}) RETURN f.lastStated AS last",
      params: { person },
    });
    assert.equal(leads!.last, "2025-03-06");
  });

  it("removes an article with everything only it stated", async () => {
    const a = `test:${T}:en-1`;
    assert.equal(await removeArticle(graph, a), true);
    assert.equal(await removeArticle(graph, a), false);
    const [r] = await runRead<{ q: number; inv: number }>(graph, {
      cypher: `OPTIONAL MATCH (q:QuantityFact)-[:SUBJECT]->(:Project {name: $project})
WITH count(q) AS q
OPTIONAL MATCH (:Organization)-[i:INVESTS_IN]->(:Project {name: $project})
RETURN q, count(i) AS inv`,
      params: { project },
    });
    assert.deepEqual(r, { q: 0, inv: 0 });
  });
});
