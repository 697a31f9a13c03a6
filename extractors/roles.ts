// Roles: a title before or after a person's name, in compounds and appositions.
import type { Doc } from "./doc.ts";
import type { Entity, RoleFinding } from "./types.ts";

export function findRoles(doc: Doc, entities: readonly Entity[]): RoleFinding[] {
  void doc;
  void entities;
  return [];
}
