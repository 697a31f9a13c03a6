import assert from "node:assert/strict";
import { run, roleTuples } from "./helpers.ts";

describe("extractors/roles", () => {
  const cases: [string, string, [string, string, string | null][]][] = [
    [
      "'OpenAI-Chef Sam Altman'",
      "OpenAI-Chef Sam Altman kündigte neue Rechenzentren an.",
      [["Sam Altman", "CEO", "OpenAI"]],
    ],
    [
      "'CFO Sarah Friar' takes the article's company",
      "OpenAI baut. OpenAI plant. CFO Sarah Friar bestätigte das.",
      [["Sarah Friar", "CFO", "OpenAI"]],
    ],
    [
      "a bare title goes to the company the text is about so far, not one named more often later",
      "Nebius will supply Microsoft with GPUs from Nebius data centers. Chief executive Arkady Volozh said so. Intel plans a fab. Intel hires. Intel grows.",
      [["Arkady Volozh", "CEO", "Nebius"]],
    ],
    [
      "ein bloßer Titel gehört zur Firma, um die es bis dahin geht",
      "IONOS eröffnet ein Rechenzentrum. IONOS wächst. Finanzchefin Britta Schmidt sprach von Rekorden. Siemens baut. Siemens liefert. Siemens wächst.",
      [["Britta Schmidt", "CFO", "IONOS"]],
    ],
    ["'Lisa Su, CEO von AMD'", "Lisa Su, CEO von AMD, stellte neue Chips vor.", [["Lisa Su", "CEO", "AMD"]]],
    [
      "'Oracle co-founder Larry Ellison'",
      "Oracle co-founder Larry Ellison spoke on Monday.",
      [["Larry Ellison", "Founder", "Oracle"]],
    ],
    [
      '"Nvidia\'s chief executive Jensen Huang"',
      "Nvidia's chief executive Jensen Huang said demand is strong.",
      [["Jensen Huang", "CEO", "Nvidia"]],
    ],
    ["'Softbank-Chef Son'", "Softbank-Chef Son sagte, Stargate komme voran.", [["Son", "CEO", "Softbank"]]],
    [
      "'Deutschland-Chef' is Head",
      "Google-Deutschlandchef Philipp Justus sprach. Google investiert.",
      [["Philipp Justus", "Head", "Google"]],
    ],
    [
      "coordinated titles",
      "Gründer und CTO Larry Ellison von Oracle sprach.",
      [
        ["Larry Ellison", "Founder", "Oracle"],
        ["Larry Ellison", "CTO", "Oracle"],
      ],
    ],
    [
      "'founder and CEO' after the name",
      "Jensen Huang, Nvidia’s founder and CEO, spoke.",
      [
        ["Jensen Huang", "Founder", "Nvidia"],
        ["Jensen Huang", "CEO", "Nvidia"],
      ],
    ],
    [
      "'the chief executive of X, Name'",
      "The chief executive of Microsoft, Satya Nadella, agreed.",
      [["Satya Nadella", "CEO", "Microsoft"]],
    ],
    [
      "copula: 'X ist Sprecher von Y'",
      "Anna Berg, eine erfahrene Managerin, ist Sprecherin von Equinix.",
      [["Anna Berg", "Spokesperson", "Equinix"]],
    ],
    [
      "a bare VP keeps no organization",
      "Für Forscher sind GPUs wichtig, so VP Jonathan Cohen.",
      [["Jonathan Cohen", "VP", null]],
    ],
    [
      "a minister without organization",
      "Digitalministerin Karin Prien lobte den Plan.",
      [["Karin Prien", "Minister", null]],
    ],
  ];
  for (const [title, text, expected] of cases)
    it(title, () => assert.deepEqual(roleTuples(run(text)), expected));

  it("gives each role the span of its title phrase", () => {
    const text = "OpenAI-Chef Sam Altman sprach.";
    const [r] = run(text).roles;
    assert.equal(text.slice(r.start, r.end), r.text);
    assert.equal(r.text, "OpenAI-Chef");
  });
});

describe("extractors/roles: leaders after 'led by' / 'geleitet von'", () => {
  const cases: [string, string, [string, string, string | null][]][] = [
    [
      "English, two people",
      "Its Quantflow Labs, now part of Meta, are led by researchers like Dana Whitfield and Raj Malhotra.",
      [
        ["Dana Whitfield", "Head", "Quantflow Labs"],
        ["Raj Malhotra", "Head", "Quantflow Labs"],
      ],
    ],
    [
      "German",
      "Das Jülich Supercomputing Centre wird geleitet von Kristina Vogt.",
      [["Kristina Vogt", "Head", "Jülich Supercomputing Centre"]],
    ],
    [
      "a possessive points back to the company",
      "Die Oracle-Aktie stieg und machte ihren Gründer und CTO Larry Ellison reicher.",
      [
        ["Larry Ellison", "Founder", "Oracle"],
        ["Larry Ellison", "CTO", "Oracle"],
      ],
    ],
  ];
  for (const [title, text, expected] of cases)
    it(title, () => assert.deepEqual(roleTuples(run(text)), expected));
});

describe("extractors/roles: more phrasings", () => {
  const cases: [string, [string, string, string | null][]][] = [
    [
      "Sundar Pichai, Chef des Google-Mutterkonzerns Alphabet, sagte am Dienstag, dass die Nachfrage steigt.",
      [["Sundar Pichai", "CEO", "Alphabet"]],
    ],
    [
      "Satya Nadella, who is Microsoft’s chief executive, said the cluster is ready.",
      [["Satya Nadella", "CEO", "Microsoft"]],
    ],
    [
      "OpenAI builds. OpenAI plans. The company’s president, Greg Brockman, said it would spend more.",
      [["Greg Brockman", "President", "OpenAI"]],
    ],
    [
      "Der Chef der Bundesnetzagentur, Klaus Müller, warnte vor Engpässen.",
      [["Klaus Müller", "CEO", "Bundesnetzagentur"]],
    ],
    [
      "Amazon CEO Andy Jassy told investors on Thursday that it would spend more.",
      [["Andy Jassy", "CEO", "Amazon"]],
    ],
    [
      "Dario Amodei, Anthropic’s CEO and co-founder, wrote in a blog post.",
      [
        ["Dario Amodei", "CEO", "Anthropic"],
        ["Dario Amodei", "Founder", "Anthropic"],
      ],
    ],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(roleTuples(run(text)), expected));
});

describe("extractors/roles: organization after the name", () => {
  const cases: [string, [string, string, string | null][]][] = [
    [
      "Analyst Dan Ives von Wedbush sieht weiteres Potenzial für die Aktie.",
      [["Dan Ives", "Analyst", "Wedbush"]],
    ],
    ["Analyst Dan Ives of Wedbush said the stock could rise.", [["Dan Ives", "Analyst", "Wedbush"]]],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(roleTuples(run(text)), expected));
});

describe("extractors/roles: what may stand between a title and its organization", () => {
  const cases: [string, [string, string, string | null][]][] = [
    ["Der Chef des US-Chipkonzerns Nvidia, Jensen Huang, sprach.", [["Jensen Huang", "CEO", "Nvidia"]]],
    [
      "The chief executive of the chipmaker Nvidia, Jensen Huang, spoke.",
      [["Jensen Huang", "CEO", "Nvidia"]],
    ],
    [
      "CFO Sarah Friar sprach bei einer Konferenz von Bitkom über Chips. OpenAI baut. OpenAI plant.",
      [["Sarah Friar", "CFO", "OpenAI"]],
    ],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(roleTuples(run(text)), expected));
});

describe("extractors/roles: 'head of' a company or a unit", () => {
  const cases: [string, [string, string, string | null][]][] = [
    ["Jensen Huang, head of Nvidia, said demand is strong.", [["Jensen Huang", "CEO", "Nvidia"]]],
    [
      "Kristina Vogt, head of the Jülich Supercomputing Centre, spoke.",
      [["Kristina Vogt", "Head", "Jülich Supercomputing Centre"]],
    ],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(roleTuples(run(text)), expected));
});
