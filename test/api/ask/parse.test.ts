import assert from "node:assert/strict";
import { EXAMPLES, type Intent, cleanName, parseQuestion, questionLanguage } from "../../../api/ask/parse.ts";

// [question, language, intent]
// prettier-ignore
const UNDERSTOOD: [string, "de" | "en", Intent][] = [
  // who leads which compute project
  ["Wer leitet welches Rechenzentrumsprojekt?", "de", { kind: "leadersOfProjects" }],
  ["wer führt welche Projekte", "de", { kind: "leadersOfProjects" }],
  ["Wer steht hinter welchem Rechenzentrum?", "de", { kind: "leadersOfProjects" }],
  ["Welche KI-Projekte werden von wem geleitet?", "de", { kind: "leadersOfProjects" }],
  ["Wer ist Chef welches Supercomputer-Projekts?", "de", { kind: "leadersOfProjects" }],
  ["Who leads which compute project?", "en", { kind: "leadersOfProjects" }],
  ["who runs which AI data centers", "en", { kind: "leadersOfProjects" }],
  ["Which projects are led by whom?", "en", { kind: "leadersOfProjects" }],
  ["Who is in charge of which data center project?", "en", { kind: "leadersOfProjects" }],
  // who leads X
  ["Who leads OpenAI?", "en", { kind: "leadersOf", name: "OpenAI" }],
  ["Who is the CEO of the Stargate project?", "en", { kind: "leadersOf", name: "Stargate", asked: "Stargate project" }],
  ["Who's the boss of xAI", "en", { kind: "leadersOf", name: "xAI" }],
  ["By whom is Colossus run?", "en", { kind: "leadersOf", name: "Colossus" }],
  ["Wer leitet OpenAI?", "de", { kind: "leadersOf", name: "OpenAI" }],
  ["Wer ist Chef von xAI?", "de", { kind: "leadersOf", name: "xAI" }],
  ["Wer steht an der Spitze von SoftBank?", "de", { kind: "leadersOf", name: "SoftBank" }],
  ["Who's in charge of Stargate?", "en", { kind: "leadersOf", name: "Stargate" }],
  ["Who runs OpenAI?", "en", { kind: "leadersOf", name: "OpenAI" }],
  ["Wer hat bei OpenAI das Sagen?", "de", { kind: "leadersOf", name: "OpenAI" }],
  ["Von wem wird das Projekt Stargate geleitet?", "de", { kind: "leadersOf", name: "Stargate", asked: "Projekt Stargate" }],
  // role of a person
  ["What role does Sam Altman have?", "en", { kind: "roleOf", name: "Sam Altman" }],
  ["What is Sarah Friar's role?", "en", { kind: "roleOf", name: "Sarah Friar" }],
  ["Who is Elon Musk?", "en", { kind: "roleOf", name: "Elon Musk" }],
  ["Welche Rolle hat Sarah Friar?", "de", { kind: "roleOf", name: "Sarah Friar" }],
  ["Welche Position hat Kevin Weil?", "de", { kind: "roleOf", name: "Kevin Weil" }],
  ["Was macht Jensen Huang beruflich?", "de", { kind: "roleOf", name: "Jensen Huang" }],
  // people at an organization
  ["Who works at OpenAI?", "en", { kind: "peopleAt", name: "OpenAI" }],
  ["Which executives work for Nvidia?", "en", { kind: "peopleAt", name: "Nvidia" }],
  ["Wer arbeitet bei xAI?", "de", { kind: "peopleAt", name: "xAI" }],
  ["Welche Manager arbeiten für die Deutsche Telekom?", "de", { kind: "peopleAt", name: "Deutsche Telekom" }],
  // projects of an organization
  ["Which projects does Oracle take part in?", "en", { kind: "projectsOf", name: "Oracle", relation: "any" }],
  ["Which data centers does xAI operate?", "en", { kind: "projectsOf", name: "xAI", relation: "operates" }],
  ["What projects is Microsoft building?", "en", { kind: "projectsOf", name: "Microsoft", relation: "builds" }],
  ["An welchen Projekten ist Oracle beteiligt?", "de", { kind: "projectsOf", name: "Oracle", relation: "any" }],
  ["Welche Rechenzentren betreibt xAI?", "de", { kind: "projectsOf", name: "xAI", relation: "operates" }],
  ["Welche Projekte baut die Telekom?", "de", { kind: "projectsOf", name: "Telekom", relation: "builds" }],
  // participants of a project
  ["Who takes part in Stargate?", "en", { kind: "participantsOf", name: "Stargate" }],
  ["Which companies are involved in the Stargate project?", "en", { kind: "participantsOf", name: "Stargate", asked: "Stargate project" }],
  ["Who are the partners of Stargate?", "en", { kind: "participantsOf", name: "Stargate" }],
  ["Which company operates Colossus?", "en", { kind: "participantsOf", name: "Colossus" }],
  ["Who owns Colossus?", "en", { kind: "participantsOf", name: "Colossus" }],
  ["Wer ist an Stargate beteiligt?", "de", { kind: "participantsOf", name: "Stargate" }],
  ["Welche Firma betreibt Colossus?", "de", { kind: "participantsOf", name: "Colossus" }],
  ["Wem gehört Colossus?", "de", { kind: "participantsOf", name: "Colossus" }],
  ["Wer nimmt an Stargate teil?", "de", { kind: "participantsOf", name: "Stargate" }],
  ["Welche Unternehmen sind an Stargate beteiligt?", "de", { kind: "participantsOf", name: "Stargate" }],
  // quantities
  ["How much money is invested in Stargate?", "en", { kind: "quantityOf", name: "Stargate", measure: "money" }],
  ["How much does Stargate cost?", "en", { kind: "quantityOf", name: "Stargate", measure: "money" }],
  ["Wie viel Geld wird in Stargate investiert?", "de", { kind: "quantityOf", name: "Stargate", measure: "money" }],
  ["Wieviel kostet Stargate?", "de", { kind: "quantityOf", name: "Stargate", measure: "money" }],
  ["Wie hoch ist die Investition in Stargate?", "de", { kind: "quantityOf", name: "Stargate", measure: "money" }],
  ["How many GPUs does Colossus have?", "en", { kind: "quantityOf", name: "Colossus", measure: "gpu" }],
  ["How many GPUs does xAI plan to deploy?", "en", { kind: "quantityOf", name: "xAI", measure: "gpu" }],
  ["Wie viele GPUs hat Colossus?", "de", { kind: "quantityOf", name: "Colossus", measure: "gpu" }],
  ["Wie viele Grafikprozessoren soll OpenAI bekommen?", "de", { kind: "quantityOf", name: "OpenAI", measure: "gpu" }],
  ["How much power does Stargate need?", "en", { kind: "quantityOf", name: "Stargate", measure: "power" }],
  ["Wie viel Strom braucht Stargate?", "de", { kind: "quantityOf", name: "Stargate", measure: "power" }],
  ["Welche Leistung hat JUPITER?", "de", { kind: "quantityOf", name: "JUPITER", measure: "power" }],
  // founders
  ["Who founded Stargate?", "en", { kind: "foundersOf", name: "Stargate" }],
  ["Who are the founders of xAI?", "en", { kind: "foundersOf", name: "xAI" }],
  ["Wer hat xAI gegründet?", "de", { kind: "foundersOf", name: "xAI" }],
  ["Von wem wurde Stargate gegründet?", "de", { kind: "foundersOf", name: "Stargate" }],
  // suppliers
  ["Who supplies Colossus?", "en", { kind: "suppliersOf", name: "Colossus" }],
  ["Who provides chips for Stargate?", "en", { kind: "suppliersOf", name: "Stargate" }],
  ["Wer liefert an Stargate?", "de", { kind: "suppliersOf", name: "Stargate" }],
  ["Wer beliefert Colossus mit GPUs?", "de", { kind: "suppliersOf", name: "Colossus" }],
];

const NOT_UNDERSTOOD: [string, "de" | "en"][] = [
  ["What is the weather like?", "en"],
  ["Wie spät ist es?", "de"],
  ["hello", "en"],
  ["Warum ist der Himmel blau?", "de"],
  ["who", "en"],
  ["??", "en"],
];

describe("api/ask/parse", () => {
  for (const [q, lang, intent] of UNDERSTOOD) {
    it(`${JSON.stringify(q)} -> ${intent.kind}${"name" in intent ? ` (${intent.name})` : ""}`, () => {
      const p = parseQuestion(q);
      assert.deepEqual(p.intent, intent);
      assert.equal(p.language, lang);
      assert.equal(p.question, q);
    });
  }

  for (const [q, lang] of NOT_UNDERSTOOD) {
    it(`does not pretend to understand ${JSON.stringify(q)}`, () => {
      const p = parseQuestion(q);
      assert.equal(p.intent, null);
      assert.equal(p.language, lang);
    });
  }

  it("understands every example it offers", () => {
    for (const lang of ["de", "en"] as const) {
      for (const q of EXAMPLES[lang]) {
        const p = parseQuestion(q);
        assert.ok(p.intent, `example not understood: ${q}`);
        assert.equal(p.language, lang, q);
      }
    }
  });

  it("keeps the name's spelling and survives odd input", () => {
    assert.deepEqual(parseQuestion("WHO FOUNDED xAI?").intent, { kind: "foundersOf", name: "xAI" });
    assert.deepEqual(parseQuestion("  who   supplies  „Stargate“ ?! ").intent, {
      kind: "suppliersOf",
      name: "Stargate",
    });
    assert.equal(parseQuestion("").intent, null);
    assert.equal(parseQuestion("x".repeat(5000)).intent, null);
  });

  it("cleans names: articles, quotes, possessives", () => {
    assert.equal(cleanName("the Stargate project"), "Stargate");
    assert.equal(cleanName("das Projekt Stargate"), "Stargate");
    assert.equal(cleanName("'Colossus'"), "Colossus");
    assert.equal(cleanName("OpenAI's"), "OpenAI");
    assert.equal(cleanName("das Projekt Stargate", { keepDescriptors: true }), "Projekt Stargate");
    assert.equal(cleanName("the"), "the");
    assert.equal(cleanName("   "), "");
  });

  it("guesses the language of questions it does not understand", () => {
    assert.equal(questionLanguage("Was ist das für ein Ding?"), "de");
    assert.equal(questionLanguage("What is this thing?"), "en");
  });
});
