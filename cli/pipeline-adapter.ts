// Adapts extractors/pipeline.ts (owned by the extraction code) to the ExtractFn that ingest
// uses: builds the pipeline's context once per thread, then extract(text, ctx) per article.
import type { ExtractionResult } from "../extractors/types.ts";
import type { ExtractFn, ExtractInput } from "./extraction.ts";

type PipelineModule = Record<string, unknown>;

export async function createPipelineExtract(): Promise<ExtractFn> {
  const specifier = "../extractors/pipeline.ts";
  let mod: PipelineModule;
  try {
    mod = (await import(specifier)) as PipelineModule;
  } catch (err) {
    throw new Error(
      `The extraction pipeline (extractors/pipeline.ts) could not be loaded: ${(err as Error).message}`,
    );
  }
  const extract = mod.extract as
    ((text: string, ctx: unknown) => ExtractionResult | Promise<ExtractionResult>) | undefined;
  if (typeof extract !== "function")
    throw new Error("extractors/pipeline.ts does not export extract(text, ctx)");
  const factory = ["createContext", "loadContext", "createExtractionContext"]
    .map((k) => mod[k])
    .find((f) => typeof f === "function") as ((opts?: unknown) => unknown) | undefined;
  const base = factory ? await factory() : undefined;
  return (input: ExtractInput) =>
    extract(input.text, {
      ...(base as object),
      ...(input.lang ? { language: input.lang, lang: input.lang } : {}),
      date: input.date,
    });
}
