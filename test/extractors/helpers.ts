import { extract, createContext } from "../../extractors/pipeline.ts";
import type { ExtractionResult, Language, NerSpan } from "../../extractors/types.ts";

const ctx = createContext();
export const run = (text: string, language?: Language, nerSpans?: NerSpan[]): ExtractionResult =>
  extract(text, language || nerSpans ? createContext({ language, nerSpans }) : ctx);
export const names = (r: ExtractionResult, type: string) =>
  r.entities.filter((e) => e.type === type).map((e) => e.name);
export const roleTuples = (r: ExtractionResult) => r.roles.map((x) => [x.person, x.role, x.org] as const);
