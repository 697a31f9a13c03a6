import assert from "node:assert/strict";
import { run, names } from "./helpers.ts";

describe("extractors/organizations (lexicon and context cues)", () => {
  const orgs: [string, string, string[]][] = [
    [
      "lexicon names and German genitives",
      "Nvidias Umsatz wächst, Microsofts auch.",
      ["Nvidia", "Microsoft"],
    ],
    ["a legal form", "Die Havelcloud GmbH baut in Brandenburg.", ["Havelcloud GmbH"]],
    ["'der Chiphersteller X'", "Der Chiphersteller Arclight liefert die Beschleuniger.", ["Arclight"]],
    ["'chipmaker X'", "The chipmaker Arclight supplies the accelerators.", ["Arclight"]],
    ["'X-Chef' makes X a company", "Quantflow-Chef Jonas Brandt sprach.", ["Quantflow"]],
    ["'X CEO Name' in English", "Tomorrow, Mesa CEO Dana Whitfield will speak.", ["Mesa"]],
    [
      "a short form of a legal name",
      "Mesa Compute Inc. said so. Mesa Compute's CFO agreed.",
      ["Mesa Compute Inc."],
    ],
    [
      "'Superintelligence Labs'-style names",
      "Meta moved staff to its Superintelligence Labs last year.",
      ["Meta", "Superintelligence Labs"],
    ],
    [
      "no company from a capitalized German noun",
      "Der Konzern Milliarden investieren will, sagt die Nachfrage.",
      [],
    ],
  ];
  for (const [title, text, expected] of orgs)
    it(title, () => assert.deepEqual(names(run(text), "Organization"), expected));

  const projects: [string, string, string[]][] = [
    [
      "'das Projekt X' with a naming word",
      "OpenAI plant ein Rechenzentrum namens Nordlicht mit 20.000 GPUs.",
      ["Nordlicht"],
    ],
    [
      "'a joint venture called X' in a compute context",
      "They formed a joint venture called Helix Compute to run GPU clusters.",
      ["Helix Compute"],
    ],
    ["'Supercomputer X'", "Das LRZ nimmt den Supercomputer Isarflug in Betrieb.", ["Isarflug"]],
    [
      "an edition of a known project",
      "Das Rechenzentrum Stargate UAE soll 2026 starten, Colossus 2 auch.",
      ["Stargate UAE", "Colossus 2"],
    ],
    ["'X-Projekt' uninflected", "Das Stargate-Projekt wächst. Stargate braucht Strom.", ["Stargate"]],
    ["AI models and chips are no projects", "GPT-5 läuft auf H100-Chips.", []],
  ];
  for (const [title, text, expected] of projects)
    it(title, () => assert.deepEqual(names(run(text), "Project"), expected));

  it("keeps places and hardware as their own types", () => {
    const r = run("Nvidia liefert H100-Chips nach Texas.");
    assert.deepEqual(names(r, "Location"), ["Texas"]);
    assert.deepEqual(names(r, "Hardware"), ["H100"]);
  });
});

describe("extractors/organizations: inflection and compounds", () => {
  it("uninflects German adjective endings of lexicon names", () => {
    assert.deepEqual(names(run("Analysten der Deutschen Bank erwarten mehr Nachfrage."), "Organization"), [
      "Deutsche Bank",
    ]);
  });
  it("reads a hyphenated multi-word name in a compound", () => {
    const r = run("Aleph-Alpha-Gründer Jonas Andrulis sagte, Europa brauche Rechenzentren.");
    assert.deepEqual(names(r, "Organization"), ["Aleph Alpha"]);
    assert.deepEqual(
      r.roles.map((x) => [x.person, x.role, x.org]),
      [["Jonas Andrulis", "Founder", "Aleph Alpha"]],
    );
  });
  it("keeps a person's name as written", () => {
    assert.deepEqual(names(run("Stephen Kinder, CEO of Mesa, spoke."), "Person"), ["Stephen Kinder"]);
  });
});

describe("extractors/organizations: names given outright and compounds", () => {
  it("a name given outright beats a lexicon name inside it", () => {
    assert.deepEqual(
      names(
        run('The partners launch an AI cloud infrastructure dubbed "Nvidia Forge" in France.'),
        "Project",
      ),
      ["Nvidia Forge"],
    );
  });
  it("'X-Aktie', 'X-Fabrik' make X a company", () => {
    assert.deepEqual(
      names(
        run("Die Quantflow-Aktie stieg, die alte Brightmill-Fabrik wird ein Rechenzentrum."),
        "Organization",
      ),
      ["Quantflow", "Brightmill"],
    );
  });
  it("a person's surname in a compound stays a person", () => {
    assert.deepEqual(names(run("Elon Musk spricht. Der Musk-Konzern wächst."), "Organization"), []);
  });
});

describe("extractors/organizations: projects named by context", () => {
  const cases: [string, string, string[]][] = [
    [
      "Meta said its Lunar Forge cluster in Ohio will come online in 2026 with 1 gigawatt of power.",
      "Project",
      ["Lunar Forge"],
    ],
    ["Microsoft calls the new facility Skyline, an AI datacenter in Wisconsin.", "Project", ["Skyline"]],
    [
      "Das Rechenzentrumsprojekt Nordhafen soll 2027 fertig werden, sagte der Betreiber.",
      "Project",
      ["Nordhafen"],
    ],
    ["Google will im Projekt Sternwarte 50.000 TPUs einsetzen.", "Project", ["Sternwarte"]],
    ["The supercomputer, named Aurora Borealis, is the fastest in Europe.", "Project", ["Aurora Borealis"]],
    [
      "Startup Vela Compute raised $500 million to build GPU clusters in Norway.",
      "Organization",
      ["Vela Compute"],
    ],
  ];
  for (const [text, type, expected] of cases)
    it(text, () => assert.deepEqual(names(run(text), type), expected));
});

describe("extractors/organizations: non-profits and place-led names", () => {
  it("'die Umweltorganisation X' with a name that starts with a place", () => {
    const text = "Kritik kam von der Umweltorganisation Memphis Clean Air Coalition, die Klage einreichte.";
    assert.deepEqual(names(run(text), "Organization"), ["Memphis Clean Air Coalition"]);
  });
  it("'the advocacy group X'", () => {
    const text = "The advocacy group Ratepayers United criticized the plan on Monday.";
    assert.deepEqual(names(run(text), "Organization"), ["Ratepayers United"]);
  });
});

describe("extractors/organizations: appositions", () => {
  it("'X, a Saudi developer'", () => {
    const text =
      "Separately, the fund agreed. DataVolt, a Saudi developer, pledged $20 billion for AI data centers.";
    assert.deepEqual(names(run(text), "Organization"), ["DataVolt"]);
  });
  it("'X, ein Start-up aus Jena'", () => {
    const text = "Quellwerk, ein Start-up aus Jena, will Rechenzentren mit Abwärme betreiben.";
    assert.deepEqual(names(run(text), "Organization"), ["Quellwerk"]);
  });
  it("no company from a person's apposition", () => {
    assert.deepEqual(names(run("Lisa Chen, an analyst at the firm, said so."), "Organization"), []);
  });
});

describe("extractors/organizations: quoted data center sites", () => {
  it("a quoted place with a number in an article about data centers", () => {
    const text =
      "Der Betreiber hat drei Rechenzentren. Die Kundenzufriedenheit habe auf „Berlin 2“ oberste Priorität.";
    assert.deepEqual(names(run(text), "Project"), ["Berlin 2"]);
  });
  it("not outside the domain", () => {
    assert.deepEqual(
      names(run("Der Verein spielte gegen „Berlin 2“ und gewann das Spiel deutlich."), "Project"),
      [],
    );
  });
});

describe("extractors/gazetteer: product names", () => {
  it("a maker's name inside a model name is no company mention", () => {
    assert.deepEqual(
      names(run("The models behind tools such as ChatGPT and Google Gemini need compute."), "Organization"),
      [],
    );
    assert.deepEqual(names(run("Google said Gemini needs more compute."), "Organization"), ["Google"]);
  });
});
