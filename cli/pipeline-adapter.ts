// Adapts the extractors' pipeline (extractors/pipeline.ts) to the ExtractFn that ingest uses:
// the context (lexicons) is built once per thread, then extract(text, ctx) runs per article
// with the article's language (when given) and date.
import { createContext, extract } from "../extractors/pipeline.ts";
import type { ExtractFn, ExtractInput } from "./extraction.ts";
import { taggerSpans } from "./models.ts";

export async function createPipelineExtract(): Promise<ExtractFn> {
  const base = createContext();
  return async (input: ExtractInput) => {
    const language = input.lang === "de" || input.lang === "en" ? input.lang : undefined;
    // the trained tagger's name spans (model loaded once per thread), merged with the rules' findings
    const nerSpans = await taggerSpans(input.text, language);
    return extract(input.text, { ...base, ...(language ? { language } : {}), date: input.date, nerSpans });
  };
}
