// Adapts the extractors' pipeline (extractors/pipeline.ts) to the ExtractFn that ingest uses:
// the context (lexicons) is built once per thread, then extract(text, ctx) runs per article
// with the article's language (when given) and date.
import { createContext, extract } from "../extractors/pipeline.ts";
import type { ExtractFn, ExtractInput } from "./extraction.ts";

export async function createPipelineExtract(): Promise<ExtractFn> {
  const base = createContext();
  return (input: ExtractInput) =>
    extract(input.text, {
      ...base,
      ...(input.lang === "de" || input.lang === "en" ? { language: input.lang } : {}),
      date: input.date,
    });
}
