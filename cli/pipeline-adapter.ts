// Adapts the extractors' pipeline (extractors/pipeline.ts) to the ExtractFn that ingest uses:
// the context (lexicons) is built once per thread, then extract(text, ctx) runs per article
// with the article's language (when given) and date.
import { createContext, extract } from "../extractors/pipeline.ts";
import type { ExtractFn, ExtractInput } from "./extraction.ts";
import { nerSpansFor, resolveNerMode } from "./ner-mode.ts";

export async function createPipelineExtract(): Promise<ExtractFn> {
  const base = createContext();
  // --ner of kg ingest, resolved once in the main thread and handed down as KG_NER (models load once per thread)
  const mode = await resolveNerMode(process.env.KG_NER || undefined, { notice: () => undefined });
  return async (input: ExtractInput) => {
    const language = input.lang === "de" || input.lang === "en" ? input.lang : undefined;
    // the statistical name spans (tagger and/or transformer), merged with the rules' findings
    const nerSpans = await nerSpansFor(mode, input.text, language);
    return extract(input.text, { ...base, ...(language ? { language } : {}), date: input.date, nerSpans });
  };
}
