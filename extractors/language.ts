// Language of an article: franc restricted to a handful of languages, so that German and
// English are told apart and another language is recognized as such ('fr', 'es', ...).
// Short texts, where franc is unreliable, are decided by German and English function words.
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
const SHORT = 250;

const DE_WORDS = new Set([
  "der",
  "die",
  "das",
  "und",
  "ist",
  "nicht",
  "mit",
  "von",
  "für",
  "ein",
  "eine",
  "auf",
  "den",
  "dem",
  "des",
  "sich",
  "zu",
  "im",
  "wird",
  "sagte",
  "nach",
  "bei",
  "auch",
  "soll",
  "baut",
  "liefert",
  "sprach",
  "neue",
  "neuen",
  "einen",
  "einem",
  "über",
  "wie",
  "werden",
  "wurde",
  "hat",
  "haben",
  "sind",
  "noch",
  "nur",
  "oder",
  "aber",
  "als",
  "kündigte",
  "dass",
]);
const EN_WORDS = new Set([
  "the",
  "and",
  "is",
  "not",
  "with",
  "of",
  "for",
  "a",
  "on",
  "to",
  "in",
  "its",
  "has",
  "was",
  "by",
  "that",
  "will",
  "said",
  "says",
  "would",
  "from",
  "at",
  "speak",
  "spoke",
  "are",
  "be",
  "it",
  "this",
  "they",
  "he",
  "she",
]);

function functionWords(text: string): { de: number; en: number } {
  let de = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (DE_WORDS.has(w)) de++;
    if (EN_WORDS.has(w)) en++;
  }
  return { de, en };
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
