// Adapters to the quantity and relation extractors (extractors/quantities.ts, relations.ts).
import type { Doc } from "./doc.ts";
import type { Entity, QuantityFinding, RelationFinding, RoleFinding } from "./types.ts";
import { findQuantities } from "./quantities.ts";
import { findRelations } from "./relations.ts";

export function findQuantitiesStage(
  doc: Doc,
  entities: readonly Entity[],
  roles?: readonly RoleFinding[],
): QuantityFinding[] {
  return findQuantities(doc.text, doc.sentences, entities, { lang: doc.language, roles });
}

export function findRelationsStage(
  doc: Doc,
  entities: readonly Entity[],
  roles: readonly RoleFinding[],
  quantities: readonly QuantityFinding[],
): RelationFinding[] {
  void quantities;
  return findRelations(doc.text, doc.sentences, entities, roles, { lang: doc.language });
}
