// `--ner rules|tagger|transformer|hybrid` for kg extract and kg ingest: which statistical name
// finders hand spans to the pipeline (the rules always run).
//   rules        lexicons and patterns only
//   tagger       the trained perceptron tagger + rules
//   transformer  the transformer model + rules (an error when there is no model)
//   hybrid       tagger + transformer + rules; without a model: tagger + rules, with one notice
// Without --ner: hybrid when a transformer model loads, else tagger.
import type { Language, NerSpan } from "../extractors/types.ts";
import { tryLoadTransformer, transformerSpans, type TransformerConfig } from "./transformer-model.ts";

export type NerMode = "rules" | "tagger" | "transformer" | "hybrid";
export const NER_MODES: readonly NerMode[] = Object.freeze(["rules", "tagger", "transformer", "hybrid"]);

export class NerModeError extends Error {
  readonly code = "NER_MODE";
}

export interface ResolveOptions {
  /** Where the fallback notice goes (stderr by default). */
  notice?: (message: string) => void;
  cfg?: TransformerConfig;
}

const stderrNotice = (message: string) => process.stderr.write(`${message}\n`);

/**
 * The mode to run, given the one asked for (or none). Loads the transformer model when the mode
 * needs it, so a later nerSpansFor() finds it loaded. Throws NerModeError for an unknown mode and
 * ModelUnavailableError for --ner transformer without a model.
 */
export async function resolveNerMode(
  requested: string | undefined,
  options: ResolveOptions = {},
): Promise<NerMode> {
  if (requested !== undefined && !NER_MODES.includes(requested as NerMode)) {
    throw new NerModeError(`--ner: expected one of ${NER_MODES.join(", ")}, found "${requested}"`);
  }
  const mode = requested as NerMode | undefined;
  if (mode === "rules" || mode === "tagger") return mode;
  const loaded = await tryLoadTransformer(options.cfg);
  if (loaded.ok) return mode ?? "hybrid";
  if (mode === "transformer") throw loaded.error;
  if (mode === "hybrid") {
    (options.notice ?? stderrNotice)(
      `kg: notice: --ner hybrid runs without the transformer model (the trained tagger and rules only): ${loaded.error.message}`,
    );
  }
  return "tagger";
}

/** The statistical name spans for one article in a resolved mode (undefined for rules). */
export async function nerSpansFor(
  mode: NerMode,
  text: string,
  language?: Language,
  cfg?: TransformerConfig,
): Promise<NerSpan[] | undefined> {
  if (mode === "rules") return undefined;
  const spans: NerSpan[] = [];
  if (mode === "tagger" || mode === "hybrid") {
    try {
      const { taggerSpans } = await import("./models.ts");
      spans.push(...(await taggerSpans(text, language)));
    } catch (err) {
      if (mode === "tagger") throw err;
    }
  }
  if (mode === "transformer" || mode === "hybrid") spans.push(...(await transformerSpans(text, cfg)));
  return spans;
}
