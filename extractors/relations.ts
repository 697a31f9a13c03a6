import type { Entity, Language, RelationFinding, RoleFinding, Span } from "./types.ts";
export function findRelations(text: string, sentences: readonly Span[], entities: readonly Entity[], roles: readonly RoleFinding[], ctx: { lang: Language }): RelationFinding[] {
  void text; void sentences; void entities; void roles; void ctx;
  return [];
}
