// A small, deterministic extraction pipeline for testing ingestion mechanics (the real
// extractors have their own tests): capitalized word runs become organizations, the
// language is guessed from a few function words, and "EXPLODE" makes extraction throw.
import type { Entity, ExtractionResult } from "../../extractors/types.ts";
import type { ExtractFn, ExtractInput } from "../../cli/extraction.ts";

function guessLanguage(text: string): string {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const count = (list: string[]) => words.filter((w) => list.includes(w)).length;
  const scores: [string, number][] = [
    ["de", count(["der", "die", "das", "und", "mit", "baut", "für"])],
    ["en", count(["the", "and", "with", "builds", "for", "is"])],
    ["fr", count(["le", "la", "les", "et", "avec", "pour"])],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0]![1] > 0 ? scores[0]![0] : "und";
}

export function capitalizedExtract(input: ExtractInput): ExtractionResult {
  if (input.text.includes("EXPLODE")) throw new Error("the extractor gave up on EXPLODE");
  const entities = new Map<string, Entity>();
  for (const m of input.text.matchAll(/\b\p{Lu}[\p{L}\d]+(?: \p{Lu}[\p{L}\d]+)+/gu)) {
    const name = m[0];
    const e = entities.get(name) ?? {
      id: `organization:${name}`,
      type: "Organization" as const,
      name,
      aliases: [],
      mentions: [],
    };
    e.mentions.push({ start: m.index!, end: m.index! + name.length, text: name });
    entities.set(name, e);
  }
  const list = [...entities.values()];
  const relations =
    list.length >= 2
      ? [
          {
            type: "PARTNERS_WITH" as const,
            subject: list[0]!.name,
            object: list[1]!.name,
            evidence: { sentence: input.text, start: 0, end: input.text.length },
            confidence: 0.5,
          },
        ]
      : [];
  return {
    language: input.lang ?? guessLanguage(input.text),
    entities: list,
    roles: [],
    quantities: [],
    relations,
  };
}

export async function createPipelineExtract(): Promise<ExtractFn> {
  return capitalizedExtract;
}
