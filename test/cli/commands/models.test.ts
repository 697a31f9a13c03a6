import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildTinyModel } from "../../support/tiny-model/build.ts";

const KG = fileURLToPath(new URL("../../../bin/kg.mjs", import.meta.url));

function kg(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [KG, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kg models status", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("says the configured model loads, with its labels", () => {
    const m = buildTinyModel({ dtypes: ["q8"] });
    dirs.push(m.root);
    const r = kg(["models", "status", "--json"], { KG_MODEL_DIR: m.root, KG_NER_MODEL: m.name });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.model, m.name);
    assert.equal(s.lookedFor, join(m.root, m.name));
    assert.equal(s.loads, true);
    assert.equal(s.loadedDtype, "q8");
    assert.deepEqual(s.files.onnx, ["model_quantized.onnx"]);
    assert.ok(s.labels.includes("B-PER"));
  });

  it("says where it looked and what is missing when there is no model (exit 1)", () => {
    const empty = mkdtempSync(join(tmpdir(), "kg-no-model-"));
    dirs.push(empty);
    const r = kg(["models", "status"], { KG_MODEL_DIR: empty, KG_NER_MODEL: "" });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Xenova\/bert-base-multilingual-cased-ner-hrl/);
    assert.match(r.stdout, new RegExp(`looked for in: +${empty}/Xenova`));
    assert.match(r.stdout, /loads: +no — .*missing config\.json/);
  });

  it("rejects a bad setting with exit 2", () => {
    const r = kg(["models", "status"], { KG_ALLOW_REMOTE_MODELS: "perhaps" });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /KG_ALLOW_REMOTE_MODELS: expected 1 or 0/);
  });
});
