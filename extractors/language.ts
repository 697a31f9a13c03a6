// Language of an article: franc restricted to a handful of languages, so that German and
// English are told apart and another language is recognized as such ('fr', 'es', ...).
// Short texts, where franc is unreliable, are decided by German and English function words.
import { franc } from "franc";
import { countFunctionWords } from "./function-words.ts";

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
const SHORT = 250;

function functionWords(text: string): { de: number; en: number } {
  return countFunctionWords(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

/** ISO 639-1 code of the text's language ("de", "en", "fr", ...), or "und" when undecidable. */
export function detectLanguage(text: string): string {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  const { de, en } = functionWords(sample);
  if (sample.length < SHORT) {
    const winner = de === en ? undefined : de > en ? "de" : "en";
    if (winner && Math.max(de, en) >= 2) return winner;
    const code = franc(sample, { only: ONLY, minLength: 3 });
    if (code === "deu" || code === "eng") return FRANC_TO_ISO1[code];
    return winner ?? (code === "und" ? "und" : (FRANC_TO_ISO1[code] ?? code));
  }
  const code = franc(sample, { only: ONLY });
  if (code === "deu" || code === "eng") {
    // franc confuses German and English news full of English loan words; function words decide.
    if (de >= 2 * en && de >= 3) return "de";
    if (en >= 2 * de && en >= 3) return "en";
    return FRANC_TO_ISO1[code];
  }
  if (code === "und") return de + en >= 3 ? (de > en ? "de" : "en") : "und";
  return FRANC_TO_ISO1[code] ?? code;
}
