import assert from "node:assert/strict";
import { z } from "zod";
import { ApiError, ERRORS, errorBody, toApiError } from "../../api/errors.ts";
import { DatabaseUnavailableError } from "../../graph/driver.ts";

describe("api/errors", () => {
  it("maps every code to a 4xx/5xx status with a message that says what to do", () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      assert.ok(e.status >= 400 && e.status < 600, code);
      assert.ok(e.message.length > 20, code);
    }
  });

  it("turns thrown things into catalogue errors", () => {
    assert.equal(toApiError(new ApiError("NOT_FOUND")).status, 404);
    assert.equal(toApiError(z.object({ a: z.string() }).safeParse({}).error).code, "INVALID_INPUT");
    assert.equal(
      toApiError(Object.assign(new Error("x"), { type: "entity.too.large", limit: 10, length: 20 })).status,
      413,
    );
    assert.equal(
      toApiError(Object.assign(new Error("x"), { type: "entity.parse.failed", status: 400 })).code,
      "INVALID_JSON",
    );
    assert.equal(
      toApiError(new DatabaseUnavailableError("Neo4j is not available at bolt://x", "bolt://x")).status,
      503,
    );
    assert.equal(
      toApiError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ServiceUnavailable" }))
        .status,
      503,
    );
    assert.equal(toApiError(new TypeError("undefined is not a function")).status, 500);
  });

  it("never puts a stack trace in the body", () => {
    const body = errorBody(toApiError(new Error("secret internals at foo.ts:12")));
    assert.equal(body.error, "INTERNAL");
    assert.ok(!JSON.stringify(body).includes("foo.ts"));
  });
});

describe("api/errors: a graph without schema", () => {
  it("a missing full-text index is GRAPH_NOT_READY (503) with what to do, not a 500", () => {
    const err = Object.assign(
      new Error("Failed to invoke procedure: There is no such fulltext schema index: entityNames"),
      {
        code: "Neo.ClientError.Procedure.ProcedureCallFailed",
      },
    );
    const e = toApiError(err);
    assert.equal(e.code, "GRAPH_NOT_READY");
    assert.equal(e.status, 503);
    assert.match(e.message, /kg ingest/);
  });
});
