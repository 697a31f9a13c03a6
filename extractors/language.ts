// Language of an article: franc restricted to a handful of languages, so that German and
// English are told apart and another language is recognized as such ('fra', 'spa', ...).
import { franc } from "franc";

const FRANC_TO_ISO1: Readonly<Record<string, string>> = Object.freeze({
  deu: "de",
  eng: "en",
  fra: "fr",
  spa: "es",
  ita: "it",
  nld: "nl",
  por: "pt",
  pol: "pl",
  swe: "sv",
  dan: "da",
  tur: "tr",
  rus: "ru",
  ukr: "uk",
  cmn: "zh",
  jpn: "ja",
});
const ONLY = Object.keys(FRANC_TO_ISO1);

// For short texts franc gives up ('und'); common function words decide instead.
const DE_WORDS = new Set(["der", "die", "das", "und", "ist", "nicht", "mit", "von", "für", "ein", "eine", "auf", "den", "dem", "des", "sich", "zu", "im", "wird"]);
const EN_WORDS = new Set(["the", "and", "is", "not", "with", "of", "for", "a", "an", "on", "to", "in", "its", "has", "was", "by", "that", "will"]);

/** ISO 639-1 code of the text's language ("de", "en", "fr", ...), or "und" when undecidable. */
export function detectLanguage(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const code = franc(sample, { only: ONLY, minLength: 20 });
  if (code !== "und" && (code === "deu" || code === "eng") === false && sample.length >= 60) return FRANC_TO_ISO1[code] ?? code;
  if (code === "deu" || code === "eng") {
    // franc confuses short German/English news with many English loan words; check function words.
    const byWords = byFunctionWords(sample);
    return byWords ?? FRANC_TO_ISO1[code];
  }
  return byFunctionWords(sample) ?? (code === "und" ? "und" : FRANC_TO_ISO1[code] ?? code);
}

function byFunctionWords(text: string): "de" | "en" | null {
  const short = text.length < 80;
  let de = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (DE_WORDS.has(w)) de++;
    if (EN_WORDS.has(w)) en++;
  }
  if (short && de !== en) return de > en ? "de" : "en";
  if (de + en < 3) return null;
  if (de >= en * 2) return "de";
  if (en >= de * 2) return "en";
  return null;
}
