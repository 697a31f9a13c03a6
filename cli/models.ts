// Loads the committed NER models (models/ner-{de,en}.bin.gz) once per process.
import { readFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeModel, type TaggerModel } from "../extractors/tagger/format.ts";
import type { NerSpan } from "../extractors/types.ts";

export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "models");

const cache = new Map<string, TaggerModel>();

export class ModelMissingError extends Error {
  readonly code = "NER_MODEL_MISSING";
}

/** The trained tagger for a language ("de" or "en"), read from disk on first use. */
export function loadNerModel(lang: "de" | "en", dir = MODELS_DIR): TaggerModel {
  const key = `${dir}:${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = join(dir, `ner-${lang}.bin.gz`);
  if (!existsSync(path)) {
    throw new ModelMissingError(
      `no NER model at ${path}: expected a committed model; run "npm run train:ner" to build it`,
    );
  }
  const model = decodeModel(gunzipSync(readFileSync(path)));
  cache.set(key, model);
  return model;
}

/**
 * Name spans of the trained tagger for an article, with offsets into `text`; the language is
 * given or detected, and a language without a model gives no spans.
 */
export async function taggerSpans(text: string, language?: string): Promise<NerSpan[]> {
  const [{ tagText }, { detectLanguage }] = await Promise.all([
    import("../extractors/tagger/index.ts"),
    import("../extractors/language.ts"),
  ]);
  const lang = language ?? detectLanguage(text);
  if (lang !== "de" && lang !== "en") return [];
  return tagText(loadNerModel(lang), text);
}
