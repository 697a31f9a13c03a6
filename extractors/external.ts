// Adapters to the quantity and relation extractors (extractors/quantities.ts, relations.ts).
import type { Doc } from "./doc.ts";
import type { Entity, QuantityFinding, RelationFinding, RoleFinding } from "./types.ts";

export function findQuantitiesStage(doc: Doc, entities: readonly Entity[]): QuantityFinding[] {
  void doc;
  void entities;
  return [];
}

export function findRelationsStage(
  doc: Doc,
  entities: readonly Entity[],
  roles: readonly RoleFinding[],
  quantities: readonly QuantityFinding[],
): RelationFinding[] {
  void doc;
  void entities;
  void roles;
  void quantities;
  return [];
}
