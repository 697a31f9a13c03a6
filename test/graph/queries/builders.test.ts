import assert from "node:assert/strict";
import neo4j from "neo4j-driver";
import type { Query } from "../../../graph/driver.ts";
import { evidenceQuery, factsAroundQuery, quantitiesQuery } from "../../../graph/queries/ask.ts";
import { articleQuery, articlesQuery } from "../../../graph/queries/articles.ts";
import {
  entityProfileQuery,
  listEntitiesQuery,
  resolveEntityQuery,
  searchEntitiesQuery,
} from "../../../graph/queries/entities.ts";
import { entityByIdQuery, factsQuery } from "../../../graph/queries/facts.ts";
import { LEADING_ROLES, leadersQuery } from "../../../graph/queries/leaders.ts";
import { projectsQuery } from "../../../graph/queries/projects.ts";

const EVIL = "x' }) DETACH DELETE (n) //";

describe("graph/queries builders", () => {
  const built: [string, Query][] = [
    ["searchEntities", searchEntitiesQuery(EVIL, "Person", { limit: 5, offset: 10 })!],
    ["listEntities", listEntitiesQuery(null, { limit: 5, offset: 0 })],
    ["resolveEntity", resolveEntityQuery(EVIL, ["Organization"])],
    ["entityProfile", entityProfileQuery(EVIL, 10)],
    ["leaders", leadersQuery(EVIL, 10)],
    [
      "factsAround",
      factsAroundQuery({
        entityId: EVIL,
        side: "object",
        types: ["LEADS"],
        roles: [],
        otherTypes: ["Person"],
        limit: 5,
      }),
    ],
    ["quantities", quantitiesQuery(EVIL, "money", 5)],
    ["evidence", evidenceQuery([EVIL], 3)],
    ["projects", projectsQuery({ limit: 5, offset: 0 }, 10)],
    ["articles", articlesQuery({ limit: 5, offset: 0 })],
    ["article", articleQuery(EVIL, 10)],
    ["facts", factsQuery({ subjectId: EVIL, type: "LEADS", objectId: EVIL }, 10, 5)],
    ["entityById", entityByIdQuery(EVIL)],
  ];

  for (const [name, q] of built) {
    it(`${name}: user input only as parameters, limits as integers`, () => {
      assert.ok(!q.cypher.includes("DETACH DELETE (n)"), "input spliced into the Cypher");
      assert.ok(!q.cypher.includes(EVIL));
      for (const key of ["limit", "offset", "max", "maxFacts", "maxSources", "perFact"]) {
        if (key in q.params) assert.ok(neo4j.isInt(q.params[key]), `${key} is not a Cypher integer`);
      }
      for (const m of q.cypher.matchAll(/\$([A-Za-z]+)/g))
        assert.ok(m[1]! in q.params, `$${m[1]} has no value`);
    });
  }

  it("resolves a name by identity keys of each wanted type, German genitive tolerated", () => {
    const q = resolveEntityQuery("OpenAIs", ["Organization", "Project"]);
    assert.deepEqual(q.params.keyIds, [
      "organization:openais",
      "organization:openai",
      "project:openais",
      "project:openai",
    ]);
    assert.deepEqual(q.params.types, ["Organization", "Project"]);
  });

  it("leaders: every project when no target, CEO and Chairman count as leading", () => {
    const q = leadersQuery(null, 50);
    assert.equal(q.params.targetId, null);
    assert.deepEqual(q.params.leadingRoles, [...LEADING_ROLES]);
    assert.deepEqual(q.params.leadingVia, ["FOUNDED", "PARTICIPATES_IN", "OPERATES"]);
  });

  it("factsAround: which side the entity is on decides the direction", () => {
    const subj = factsAroundQuery({
      entityId: "a",
      side: "subject",
      types: [],
      roles: null,
      otherTypes: [],
      limit: 1,
    });
    const obj = factsAroundQuery({
      entityId: "a",
      side: "object",
      types: [],
      roles: null,
      otherTypes: [],
      limit: 1,
    });
    assert.match(subj.cypher, /MATCH \(f:Fact\)-\[:SUBJECT\]->\(e\)/);
    assert.match(obj.cypher, /MATCH \(f:Fact\)-\[:OBJECT\]->\(e\)/);
    assert.equal(subj.params.withRoles, false);
    const roles = factsAroundQuery({
      entityId: "a",
      side: "object",
      types: [],
      roles: [],
      otherTypes: [],
      limit: 1,
    });
    assert.equal(roles.params.withRoles, true);
    assert.equal(roles.params.roles, null); // every role
  });

  it("a search text without words builds no query", () => {
    assert.equal(searchEntitiesQuery("?!", null, { limit: 5, offset: 0 }), null);
  });
});
