import assert from "node:assert/strict";
import { detectLanguage } from "../../extractors/language.ts";

describe("extractors/language", () => {
  const cases: [string, string][] = [
    [
      "Der Chiphersteller Nvidia liefert die Grafikprozessoren für das neue Rechenzentrum, das im kommenden Jahr in Betrieb gehen soll.",
      "de",
    ],
    [
      "The chipmaker Nvidia will supply the graphics processors for the new data center, which is due to open next year.",
      "en",
    ],
    [
      "Le fabricant de puces Nvidia fournira les processeurs graphiques du nouveau centre de données, qui doit ouvrir l'année prochaine.",
      "fr",
    ],
    [
      "El fabricante de chips Nvidia suministrará los procesadores gráficos para el nuevo centro de datos, que abrirá el próximo año.",
      "es",
    ],
    ["OpenAI baut ein Rechenzentrum in der Wüste.", "de"],
  ];
  for (const [text, lang] of cases)
    it(`detects ${lang}: ${text.slice(0, 40)}…`, () => assert.equal(detectLanguage(text), lang));
});
