// Entity identity: the normalized key of a name, and the graph ids derived from it.
// 'OpenAI', 'OpenAI Inc.' and 'OpenAI’s' share the key "openai"; the German genitive
// ('OpenAIs') is matched by lookup only (see lookupKeys), never folded into the key,
// so that 'Siemens' stays "siemens".
import { createHash } from "node:crypto";
import type { EntityType } from "../extractors/types.ts";

/** Legal-form suffixes dropped at the end of organization names ('Nvidia Corp.', 'SAP SE'). */
const LEGAL_SUFFIXES = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "llc",
  "plc",
  "lp",
  "ag",
  "gmbh",
  "se",
  "sa",
  "nv",
  "bv",
  "kg",
  "kgaa",
  "ohg",
  "ev",
  "mbh",
  "holdings",
]);

/** The normalized name used for identity: NFKC, lower case, no punctuation, no legal suffix, no "'s". */
export function entityKey(name: string): string {
  let s = name.normalize("NFKC").toLocaleLowerCase("und");
  s = s.replace(/[’'`´]s\b/gu, ""); // "OpenAI's" / "OpenAI’s"
  s = s.replace(/ß/gu, "ss");
  s = s.replace(/&/gu, " and ");
  s = s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const tokens = s.split(" ").filter(Boolean);
  // "Nvidia Corp" / "Foo GmbH & Co KG": strip trailing legal forms but never the whole name
  while (tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop();
  while (
    tokens.length > 2 &&
    tokens[tokens.length - 1] === "and" &&
    LEGAL_SUFFIXES.has(tokens[tokens.length - 2]!)
  ) {
    tokens.splice(-2);
  }
  return tokens.join(" ");
}

/** The graph id of an entity: "organization:openai". */
export function entityId(type: EntityType, key: string): string {
  return `${type.toLowerCase()}:${key.replace(/ /g, "-")}`;
}

/**
 * Keys to look an entity up by, best first. In German text a trailing genitive -s is also
 * tried ('OpenAIs' finds "openai"), but only as a lookup: it never names a new node.
 */
export function lookupKeys(key: string, language: string): string[] {
  const out = [key];
  if (language === "de" && key.length > 3 && key.endsWith("s") && !key.endsWith("ss"))
    out.push(key.slice(0, -1));
  return out;
}

/** A single-token person alias ('Altman') is too ambiguous to identify a person across articles. */
export function isIdentifyingAlias(type: EntityType, aliasKey: string): boolean {
  if (aliasKey.length < 2) return false;
  if (type === "Person" && !aliasKey.includes(" ")) return false;
  return true;
}

/** A stable short id for a fact, from its identifying parts. */
export function factId(parts: readonly (string | number | null)[]): string {
  return createHash("sha1").update(JSON.stringify(parts)).digest("hex");
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
