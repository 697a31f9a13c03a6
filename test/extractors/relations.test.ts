import assert from "node:assert/strict";
import { findRelations } from "../../extractors/relations.ts";
import type { Entity, EntityType, Language, RoleFinding } from "../../extractors/types.ts";
import { entities, sentences } from "./hand-built.ts";

const triples = (
  text: string,
  lang: Language,
  spec: [string, EntityType, string[]?][],
  roles: RoleFinding[] = [],
) =>
  findRelations(text, sentences(text), entities(text, spec), roles, { lang })
    .map((r) => `${r.type} ${r.subject} -> ${r.object}`)
    .sort();

const O: EntityType = "Organization";
const P: EntityType = "Project";
const H: EntityType = "Person";

describe("extractors/relations", () => {
  const cases: [string, Language, string, [string, EntityType, string[]?][], string[]][] = [
    [
      "'the cloud provider X' names X, it says nothing of who supplies whom",
      "en",
      "Anthropic will build data centers together with the cloud provider Fluidstack.",
      [
        ["Anthropic", O],
        ["Fluidstack", O],
      ],
      [],
    ],
    [
      "'der Zulieferer X' ist eine Bezeichnung, kein Verb",
      "de",
      "Telekom baut das Netz mit dem Zulieferer Ericsson aus.",
      [
        ["Telekom", O],
        ["Ericsson", O],
      ],
      [],
    ],
    [
      "a coordinated joint venture distributes over all partners (de)",
      "de",
      "Das Joint Venture Stargate von OpenAI, Oracle und der SoftBank Group eröffnet ein Rechenzentrum.",
      [
        ["Stargate", P],
        ["OpenAI", O],
        ["Oracle", O],
        ["SoftBank Group", O],
      ],
      [
        "PARTICIPATES_IN OpenAI -> Stargate",
        "PARTICIPATES_IN Oracle -> Stargate",
        "PARTICIPATES_IN SoftBank Group -> Stargate",
      ],
    ],
    [
      "'X operates Y' (en)",
      "en",
      "CoreWeave operates Horizon in Texas.",
      [
        ["CoreWeave", O],
        ["Horizon", P],
      ],
      ["OPERATES CoreWeave -> Horizon"],
    ],
    [
      "'Y is operated by X' (en)",
      "en",
      "The Horizon cluster is operated by CoreWeave.",
      [
        ["Horizon", P],
        ["CoreWeave", O],
      ],
      ["OPERATES CoreWeave -> Horizon"],
    ],
    [
      "German passive with 'von ... betrieben'",
      "de",
      "Der Supercomputer Jupiter wird vom Forschungszentrum Jülich betrieben.",
      [
        ["Jupiter", P],
        ["Forschungszentrum Jülich", O],
      ],
      ["OPERATES Forschungszentrum Jülich -> Jupiter"],
    ],
    [
      "'X invests in Y' (en)",
      "en",
      "Nvidia will invest up to $100 billion in OpenAI.",
      [
        ["Nvidia", O],
        ["OpenAI", O],
      ],
      ["INVESTS_IN Nvidia -> OpenAI"],
    ],
    [
      "'backed by X' (en)",
      "en",
      "Backed by Nvidia, CoreWeave rents out GPUs.",
      [
        ["Nvidia", O],
        ["CoreWeave", O],
      ],
      ["INVESTS_IN Nvidia -> CoreWeave"],
    ],
    [
      "'X investiert in Y' (de)",
      "de",
      "Microsoft investiert zehn Milliarden Dollar in Mistral AI.",
      [
        ["Microsoft", O],
        ["Mistral AI", O],
      ],
      ["INVESTS_IN Microsoft -> Mistral AI"],
    ],
    [
      "'X liefert an Y' (de)",
      "de",
      "AMD liefert Chips an OpenAI.",
      [
        ["AMD", O],
        ["OpenAI", O],
      ],
      ["SUPPLIES AMD -> OpenAI"],
    ],
    [
      "'Kunden von X' (de): X supplies the customers",
      "de",
      "Apple und Nvidia, beide wichtige Kunden von TSMC, begrüßten das.",
      [
        ["Apple", O],
        ["Nvidia", O],
        ["TSMC", O],
      ],
      ["SUPPLIES TSMC -> Apple", "SUPPLIES TSMC -> Nvidia"],
    ],
    [
      "a hardware brand supplies the project",
      "de",
      "Colossus läuft mit 200.000 Nvidia-Chips.",
      [
        ["Colossus", P],
        ["Nvidia", O],
      ],
      ["SUPPLIES Nvidia -> Colossus"],
    ],
    [
      "'partnered with' is symmetric and listed once",
      "en",
      "Nscale partnered with Microsoft. Microsoft partnered with Nscale.",
      [
        ["Nscale", O],
        ["Microsoft", O],
      ],
      ["PARTNERS_WITH Nscale -> Microsoft"],
    ],
    [
      "'X und Y ... Partnerschaft' pairs inside the group",
      "de",
      "AMD und OpenAI verkünden eine Partnerschaft.",
      [
        ["AMD", O],
        ["OpenAI", O],
      ],
      ["PARTNERS_WITH AMD -> OpenAI"],
    ],
    [
      "'led by' (en)",
      "en",
      "The lab is part of Meta and led by Alexandr Wang.",
      [
        ["Meta", O],
        ["Alexandr Wang", H],
      ],
      ["LEADS Alexandr Wang -> Meta"],
    ],
    [
      "'gegründet von' (de)",
      "de",
      "Das Startup Nscale wurde gegründet von Josh Payne.",
      [
        ["Nscale", O],
        ["Josh Payne", H],
      ],
      ["FOUNDED Josh Payne -> Nscale"],
    ],
    [
      "a German genitive names the leader",
      "de",
      "Elon Musks xAI baut weiter.",
      [
        ["Elon Musk", H, ["Elon Musks"]],
        ["xAI", O],
      ],
      ["LEADS Elon Musk -> xAI"],
    ],
    [
      "a leader stands for the organization with a project",
      "de",
      "Elon Musks xAI wächst. Musk sagte, Colossus werde weiter genutzt.",
      [
        ["Elon Musk", H, ["Elon Musks", "Musk"]],
        ["xAI", O],
        ["Colossus", P],
      ],
      ["LEADS Elon Musk -> xAI", "OPERATES xAI -> Colossus"],
    ],
    [
      "a source is no participant",
      "de",
      "Laut Reuters baut Meta den Campus Hyperion.",
      [
        ["Reuters", O],
        ["Meta", O],
        ["Hyperion", P],
      ],
      ["OPERATES Meta -> Hyperion"],
    ],
    [
      "a clause with 'while' separates",
      "en",
      "Microsoft pledged billions, while OpenAI revealed Stargate UK.",
      [
        ["Microsoft", O],
        ["OpenAI", O],
        ["Stargate UK", P],
      ],
      ["PARTICIPATES_IN OpenAI -> Stargate UK"],
    ],
    [
      "'joint venture with' is a partnership, not only taking part",
      "en",
      "Crusoe, the AI infrastructure company, formed a joint venture with Blue Owl Capital and Primary Digital Infrastructure.",
      [
        ["Crusoe", O],
        ["Blue Owl Capital", O],
        ["Primary Digital Infrastructure", O],
      ],
      ["PARTNERS_WITH Crusoe -> Blue Owl Capital", "PARTNERS_WITH Crusoe -> Primary Digital Infrastructure"],
    ],
    [
      "'das Projekt' with a cue refers to the article's main project",
      "de",
      "Stargate UAE wächst. Stargate UAE startet 2026. Zusammen mit Oracle und Cisco wollen sie das Projekt bauen.",
      [
        ["Stargate UAE", P],
        ["Oracle", O],
        ["Cisco", O],
      ],
      ["PARTICIPATES_IN Cisco -> Stargate UAE", "PARTICIPATES_IN Oracle -> Stargate UAE"],
    ],
    [
      "a company named only for its AI model is no participant",
      "en",
      "Hyperion will train models like Google Gemini.",
      [
        ["Hyperion", P],
        ["Google", O],
        ["Gemini", "Model"],
      ],
      [],
    ],
    [
      "'gemeinsam mit' without a project is a partnership",
      "de",
      "Die Telekom baut gemeinsam mit Nvidia eine KI-Fabrik.",
      [
        ["Telekom", O],
        ["Nvidia", O],
      ],
      ["PARTNERS_WITH Telekom -> Nvidia"],
    ],
    [
      "cooperation on a named project is taking part, not PARTNERS_WITH",
      "de",
      "OpenAI und Nvidia forcieren ihre Zusammenarbeit am Projekt Stargate UAE.",
      [
        ["OpenAI", O],
        ["Nvidia", O],
        ["Stargate UAE", P],
      ],
      ["PARTICIPATES_IN Nvidia -> Stargate UAE", "PARTICIPATES_IN OpenAI -> Stargate UAE"],
    ],
    [
      "two German agents: operated by one, financed by another",
      "de",
      "Der Supercomputer JUPITER wird vom Forschungszentrum Jülich betrieben und von EuroHPC finanziert.",
      [
        ["JUPITER", P],
        ["Forschungszentrum Jülich", O],
        ["EuroHPC", O],
      ],
      ["INVESTS_IN EuroHPC -> JUPITER", "OPERATES Forschungszentrum Jülich -> JUPITER"],
    ],
    [
      "an object is not taken across another cue",
      "en",
      "CoreWeave, a cloud provider backed by Nvidia, grew fast.",
      [
        ["CoreWeave", O],
        ["Nvidia", O],
      ],
      ["INVESTS_IN Nvidia -> CoreWeave"],
    ],
    [
      "a chip maker named at 'the site' supplies the main project",
      "de",
      "Stargate wächst. Stargate startet. Der Standort soll Hunderttausende Chips von Nvidia beherbergen.",
      [
        ["Stargate", P],
        ["Nvidia", O],
      ],
      ["SUPPLIES Nvidia -> Stargate"],
    ],
    [
      "'a data centre start-up' is a company, not the main project",
      "en",
      "Stargate UK grows. Stargate UK opens. Nscale, a data centre start-up, was named a key partner.",
      [
        ["Stargate UK", P],
        ["Nscale", O],
      ],
      [],
    ],
    [
      "a passive with words before 'by' ('Founded in 2017 by')",
      "en",
      "Founded in 2017 by Chase Lochmiller, Crusoe builds campuses.",
      [
        ["Chase Lochmiller", H],
        ["Crusoe", O],
      ],
      ["FOUNDED Chase Lochmiller -> Crusoe"],
    ],
    ["nothing without two entities", "en", "OpenAI builds data centers.", [["OpenAI", O]], []],
  ];
  for (const [title, lang, text, spec, expected] of cases)
    it(title, () => assert.deepEqual(triples(text, lang, spec), expected));

  it("roles imply LEADS and FOUNDED", () => {
    const text = "Oracle-Gründer Larry Ellison und CEO Safra Catz sprachen.";
    const roles: RoleFinding[] = [
      { person: "Larry Ellison", role: "Founder", org: "Oracle", text: "Oracle-Gründer", start: 0, end: 14 },
      { person: "Safra Catz", role: "CEO", org: "Oracle", text: "CEO", start: 33, end: 36 },
      { person: "Safra Catz", role: "Spokesperson", org: "Oracle", text: "CEO", start: 33, end: 36 },
    ];
    assert.deepEqual(
      triples(
        text,
        "de",
        [
          ["Oracle", O],
          ["Larry Ellison", H],
          ["Safra Catz", H],
        ],
        roles,
      ),
      ["FOUNDED Larry Ellison -> Oracle", "LEADS Safra Catz -> Oracle"],
    );
  });

  it("gives each relation its sentence as evidence", () => {
    const text = "Heute ist Montag. CoreWeave operates Horizon.";
    const [r] = findRelations(
      text,
      sentences(text),
      entities(text, [
        ["CoreWeave", O],
        ["Horizon", P],
      ]),
      [],
      { lang: "en" },
    );
    assert.ok(r);
    assert.equal(r.evidence.sentence, "CoreWeave operates Horizon.");
    assert.equal(text.slice(r.evidence.start, r.evidence.end), r.evidence.sentence);
    assert.ok(r.confidence > 0 && r.confidence <= 1);
  });

  it("still finds relations inside an overlong sentence (a text without full stops)", () => {
    const filler = "und weiter geht es mit vielen Worten ohne Punkt ".repeat(100);
    const text = `${filler}CoreWeave betreibt Horizon ${filler}`;
    const spans = [{ start: 0, end: text.length, text }];
    const found = findRelations(
      text,
      spans,
      entities(text, [
        ["CoreWeave", O],
        ["Horizon", P],
      ]),
      [],
      { lang: "de" },
    );
    assert.deepEqual(
      found.map((r) => `${r.type} ${r.subject} -> ${r.object}`),
      ["OPERATES CoreWeave -> Horizon"],
    );
    assert.ok(found[0]!.evidence.sentence.length < text.length);
    assert.equal(text.slice(found[0]!.evidence.start, found[0]!.evidence.end), found[0]!.evidence.sentence);
  });

  it("never throws on odd input", () => {
    // @ts-expect-error bad input on purpose
    assert.deepEqual(findRelations(null, null, null, null, { lang: "de" }), []);
    assert.deepEqual(findRelations("", [], [], [], { lang: "en" }), []);
    const text = "X ".repeat(500);
    const bad = [
      {
        id: "x",
        type: "Organization",
        name: "X",
        aliases: [],
        mentions: [
          { start: -5, end: 99999, text: "X" },
          { start: 0, end: 1, text: "X" },
        ],
      },
    ] as Entity[];
    assert.doesNotThrow(() => findRelations(text, sentences(text), bad, [], { lang: "en" }));
  });
});
