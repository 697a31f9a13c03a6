import assert from "node:assert/strict";
import { entityId, entityKey, factId, isIdentifyingAlias, lookupKeys } from "../../graph/identity.ts";

describe("graph/identity", () => {
  const keys: [string, string][] = [
    ["OpenAI", "openai"],
    ["OpenAI Inc.", "openai"],
    ["OpenAI’s", "openai"],
    ["OpenAI's", "openai"],
    ["Nvidia Corp.", "nvidia"],
    ["SAP SE", "sap"],
    ["Deutsche Telekom AG", "deutsche telekom"],
    ["Müller GmbH & Co. KG", "müller"],
    ["Siemens", "siemens"],
    ["Straßenbau AG", "strassenbau"],
    ["  Europäische   Kommission ", "europäische kommission"],
    ["AG", "ag"],
    ["Ｏｐｅｎ ＡＩ", "open ai"],
    ["xAI", "xai"],
  ];
  for (const [name, key] of keys) {
    it(`key of ${JSON.stringify(name)} is ${JSON.stringify(key)}`, () => assert.equal(entityKey(name), key));
  }

  it("derives ids from type and key", () => {
    assert.equal(entityId("Organization", "deutsche telekom"), "organization:deutsche-telekom");
  });

  it("tries the German genitive only in German and never for -ss", () => {
    assert.deepEqual(lookupKeys("openais", "de"), ["openais", "openai"]);
    assert.deepEqual(lookupKeys("openais", "en"), ["openais"]);
    assert.deepEqual(lookupKeys("boss", "de"), ["boss"]);
    assert.deepEqual(lookupKeys("ais", "de"), ["ais"]);
  });

  it("does not let a bare surname identify a person, but lets a company alias identify a company", () => {
    assert.equal(isIdentifyingAlias("Person", "altman"), false);
    assert.equal(isIdentifyingAlias("Person", "sam altman"), true);
    assert.equal(isIdentifyingAlias("Organization", "telekom"), true);
  });

  it("gives a fact the same id for the same parts and another for other parts", () => {
    assert.equal(factId(["relation", "a", "LEADS", "b"]), factId(["relation", "a", "LEADS", "b"]));
    assert.notEqual(factId(["relation", "a", "LEADS", "b"]), factId(["relation", "b", "LEADS", "a"]));
  });
});
