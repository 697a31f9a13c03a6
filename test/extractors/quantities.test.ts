import assert from "node:assert/strict";
import { findQuantities, parseNumber, scanQuantities } from "../../extractors/quantities.ts";
import type { Entity, EntityType, Language } from "../../extractors/types.ts";
import { entities, sentences } from "./hand-built.ts";

const scan = (text: string, lang: Language) =>
  scanQuantities(text, { lang }).map((q) => [q.value, q.unit, q.qualifier] as const);

describe("extractors/quantities: numbers", () => {
  const cases: [string, Language, number][] = [
    ["1,5", "de", 1.5],
    ["100.000", "de", 100000],
    ["1.000.000", "de", 1000000],
    ["2.5", "de", 2.5],
    ["1.2", "en", 1.2],
    ["100,000", "en", 100000],
    ["1,000,000", "en", 1000000],
    ["1,234.5", "en", 1234.5],
    ["1.234,5", "de", 1234.5],
  ];
  for (const [s, lang, v] of cases) it(`${lang} '${s}' is ${v}`, () => assert.equal(parseNumber(s, lang), v));
});

describe("extractors/quantities: amounts, units and qualifiers", () => {
  const cases: [string, Language, string, [number, string, string | null][]][] = [
    [
      "German scale words and US-Dollar",
      "de",
      "Das Projekt kostet 500 Milliarden US-Dollar.",
      [[5e11, "USD", null]],
    ],
    [
      "German decimal comma, 'rund', Mrd.",
      "de",
      "Der Konzern zahlt rund 1,5 Mrd. Euro.",
      [[1.5e9, "EUR", "about"]],
    ],
    ["German Billion is 10^12", "de", "Die Ausgaben erreichen zwei Billionen Dollar.", [[2e12, "USD", null]]],
    [
      "English billion is 10^9, trillion 10^12",
      "en",
      "It costs $1.2 billion now and over $1 trillion later.",
      [
        [1.2e9, "USD", null],
        [1e12, "USD", "more_than"],
      ],
    ],
    [
      "attached suffixes",
      "en",
      "A $500B plan, a €2bn fund and 18k Nvidia Blackwell GPUs.",
      [
        [5e11, "USD", null],
        [2e9, "EUR", null],
        [18000, "GPU", null],
      ],
    ],
    [
      "German thousands dot with chips and 'über'",
      "de",
      "Dort laufen über 200.000 Nvidia-Chips.",
      [[200000, "GPU", "more_than"]],
    ],
    [
      "number words: 'mehr als eine Million GPUs'",
      "de",
      "OpenAI will mehr als eine Million GPUs.",
      [[1e6, "GPU", "more_than"]],
    ],
    [
      "'bis zu einer Million Recheneinheiten'",
      "de",
      "Später sind bis zu einer Million Recheneinheiten möglich.",
      [[1e6, "GPU", "up_to"]],
    ],
    ["H100 equivalents", "de", "Geplant sind 50 Millionen H100-Äquivalente.", [[5e7, "GPU", null]]],
    [
      "power in Megawatt with 'etwa'",
      "de",
      "Der Komplex braucht etwa 900 Megawatt Strom.",
      [[9e8, "W", "about"]],
    ],
    [
      "power compound '200-Megawatt-Kapazität'",
      "de",
      "Es beginnt mit einer 200-Megawatt-Kapazität.",
      [[2e8, "W", null]],
    ],
    [
      "'über einem Gigawatt'",
      "de",
      "Ein Kraftwerk mit über einem Gigawatt entsteht.",
      [[1e9, "W", "more_than"]],
    ],
    [
      "GW abbreviation and kW",
      "en",
      "The site draws 1.2 GW; a rack uses 120 kW.",
      [
        [1.2e9, "W", null],
        [120000, "W", null],
      ],
    ],
    ["English word numbers with power", "en", "It will scale up to five gigawatts.", [[5e9, "W", "up_to"]]],
    [
      "'roughly', 'about', 'around'",
      "en",
      "roughly $7 billion, about 26 gigawatts and around 300,000 accelerators",
      [
        [7e9, "USD", "about"],
        [26e9, "W", "about"],
        [300000, "GPU", "about"],
      ],
    ],
    [
      "'at least', 'more than'",
      "en",
      "at least 10 gigawatts and more than 250,000 Nvidia GPUs",
      [
        [1e10, "W", "more_than"],
        [250000, "GPU", "more_than"],
      ],
    ],
    [
      "a range shares scale and unit",
      "en",
      "That means four to five million GPUs.",
      [
        [4e6, "GPU", null],
        [5e6, "GPU", null],
      ],
    ],
    [
      "German range with 'bis'",
      "de",
      "Das kostet 10 bis 15 Milliarden Euro.",
      [
        [1e10, "EUR", null],
        [1.5e10, "EUR", null],
      ],
    ],
    [
      "both ends of 'between ... and ...'",
      "en",
      "between $64 billion and $72 billion in capex",
      [
        [64e9, "USD", null],
        [72e9, "USD", null],
      ],
    ],
    [
      "pounds, yen, Franken",
      "de",
      "£31 Milliarden, 3 Milliarden Yen und 2 Millionen Franken",
      [
        [31e9, "GBP", null],
        [3e9, "JPY", null],
        [2e6, "CHF", null],
      ],
    ],
    [
      "model units need a model name",
      "en",
      "up to 50,000 NVIDIA GB200 NVL72 units, but 100 new units of housing",
      [[50000, "GPU", "up_to"]],
    ],
    [
      "chip models as the counted noun",
      "en",
      "a cluster of 100,000 H100s and 20,000 Nvidia H100 chips",
      [
        [100000, "GPU", null],
        [20000, "GPU", null],
      ],
    ],
    [
      "German chip model without plural",
      "de",
      "Dort stehen 50.000 H100 und 1,5 GW.",
      [
        [50000, "GPU", null],
        [1.5e9, "W", null],
      ],
    ],
    [
      "currency codes before, hyphenated scale",
      "en",
      "USD 3 billion, EUR 500 million and a $40-billion deal",
      [
        [3e9, "USD", null],
        [5e8, "EUR", null],
        [4e10, "USD", null],
      ],
    ],
    ["vague amounts are no quantities", "de", "Hunderttausende GPUs und mehrere Milliarden Dollar.", []],
    [
      "TPUs and superchips",
      "en",
      "It ordered 1 million TPUs and 36 Grace Blackwell superchips.",
      [
        [1e6, "GPU", null],
        [36, "GPU", null],
      ],
    ],
    [
      "money compound '12-Milliarden-Dollar-Fabrik'",
      "de",
      "Die neue 12-Milliarden-Dollar-Fabrik steht.",
      [[1.2e10, "USD", null]],
    ],
    [
      "a money noun takes the article's currency",
      "de",
      "Es kostet 5 Milliarden Dollar. Das ergibt einen Jahresumsatz von 10 Milliarden.",
      [
        [5e9, "USD", null],
        [1e10, "USD", null],
      ],
    ],
  ];
  for (const [title, lang, text, expected] of cases)
    it(title, () => assert.deepEqual(scan(text, lang), expected));

  const none: [string, Language, string][] = [
    ["percentages", "de", "Der Anteil stieg um 5 Prozent auf 40 %."],
    ["share prices", "en", "Shares rose to $182.50; the target is $250 per share."],
    ["years and dates", "de", "Im Jahr 2025 Chips zu kaufen, am 30. Juni 2024."],
    ["counts of people and durations", "en", "It employs 2,000 people and will take five years."],
    [
      "process nodes, single chips and per-unit specs",
      "de",
      "Die 3-Nanometer-Chips, ein Chip und 72 GPUs pro Rack.",
    ],
    ["energy is not power", "de", "Das Werk liefert 300 MWh pro Tag."],
    ["vague parameters without unit", "en", "The model has 70 billion parameters."],
    ["empty text", "en", ""],
  ];
  for (const [title, lang, text] of none)
    it(`ignores ${title}`, () => assert.deepEqual(scan(text, lang), []));

  it("gives spans that slice the text, qualifier included", () => {
    const text = "Meta plant bis zu 5 Gigawatt und rund 27 Mrd. USD.";
    const found = scanQuantities(text, { lang: "de" });
    assert.equal(found.length, 2);
    for (const q of found) assert.equal(text.slice(q.start, q.end), q.text);
    assert.deepEqual(
      found.map((q) => q.text),
      ["bis zu 5 Gigawatt", "rund 27 Mrd. USD"],
    );
  });

  it("never throws on odd input", () => {
    for (const t of [
      "$",
      "€€€ 1,,,,2 Mrd.",
      "1.2.3.4.5 GW",
      "$-5 billion",
      "\u0000\uFFFF 9".repeat(50),
      "bis zu",
      "k".repeat(1000),
    ]) {
      assert.doesNotThrow(() => findQuantities(t, sentences(t), [], { lang: "de" }));
      assert.doesNotThrow(() => findQuantities(t, [], [], { lang: "en" }));
    }
    // @ts-expect-error bad input on purpose
    assert.deepEqual(findQuantities(null, null, null, { lang: "en" }), []);
  });
});

describe("extractors/quantities: subjects", () => {
  const cases: [string, Language, string, [string, EntityType][], (string | null)[]][] = [
    [
      "the spender before the amount",
      "en",
      "Nvidia will invest up to $100 billion in OpenAI.",
      [
        ["Nvidia", "Organization"],
        ["OpenAI", "Organization"],
      ],
      ["Nvidia"],
    ],
    [
      "a project the amount is for",
      "de",
      "Oracle stellt 40 Milliarden Dollar für Stargate bereit.",
      [
        ["Oracle", "Organization"],
        ["Stargate", "Project"],
      ],
      ["Stargate"],
    ],
    [
      "a project named before it in the sentence",
      "de",
      "OpenAI gründete Stargate, ein Projekt mit Oracle und SoftBank, das mit 500 Milliarden Dollar angekündigt wurde.",
      [
        ["OpenAI", "Organization"],
        ["Stargate", "Project"],
        ["Oracle", "Organization"],
        ["SoftBank", "Organization"],
      ],
      ["Stargate"],
    ],
    [
      "the previous sentence's topic",
      "en",
      "Crusoe is building a campus in Texas. The site will draw 1.2 gigawatts.",
      [["Crusoe", "Organization"]],
      ["Crusoe"],
    ],
    [
      "not a source ('laut Reuters')",
      "de",
      "Laut Reuters braucht xAI 2 Gigawatt.",
      [
        ["Reuters", "Organization"],
        ["xAI", "Organization"],
      ],
      ["xAI"],
    ],
    [
      "not a hardware brand ('Nvidia-Chips')",
      "de",
      "Meta baut Hyperion. Für 300.000 Nvidia-Chips sind 18 Milliarden Dollar veranschlagt.",
      [
        ["Meta", "Organization"],
        ["Hyperion", "Project"],
        ["Nvidia", "Organization"],
      ],
      ["Hyperion", "Meta"],
    ],
    [
      "a site noun stands for the article's main project",
      "de",
      "Stargate wächst. Oracle liefert. Stargate kommt voran. Der gesamte Komplex braucht etwa 900 Megawatt.",
      [
        ["Stargate", "Project"],
        ["Oracle", "Organization"],
      ],
      ["Stargate"],
    ],
    [
      "a site noun never stands for a project the text names only later",
      "en",
      "Nebius will supply Microsoft from a new data center. The facility will draw about 300 megawatts. Later, Stargate grew. Stargate expands. Stargate leads.",
      [
        ["Nebius", "Organization"],
        ["Microsoft", "Organization"],
        ["Stargate", "Project"],
      ],
      ["Nebius"],
    ],
    [
      "a company named inside a relative clause is not the spender",
      "de",
      "Die Schwarz-Gruppe, zu der Lidl gehört, will rund elf Milliarden Euro investieren.",
      [
        ["Schwarz-Gruppe", "Organization"],
        ["Lidl", "Organization"],
      ],
      ["Schwarz-Gruppe"],
    ],
    [
      "no single owner for a list of companies",
      "en",
      "Alphabet, Amazon, Meta and Microsoft will spend $400 billion this year.",
      [
        ["Alphabet", "Organization"],
        ["Amazon", "Organization"],
        ["Meta", "Organization"],
        ["Microsoft", "Organization"],
      ],
      [null],
    ],
    [
      "not the recipient after the amount",
      "en",
      "Microsoft is expanding. The company will spend $80 billion on data centers with OpenAI.",
      [
        ["Microsoft", "Organization"],
        ["OpenAI", "Organization"],
      ],
      ["Microsoft"],
    ],
    [
      "supplied amounts belong to the recipient ('an X')",
      "de",
      "AMD soll Chips mit 6 Gigawatt an OpenAI liefern.",
      [
        ["AMD", "Organization"],
        ["OpenAI", "Organization"],
      ],
      ["OpenAI"],
    ],
    [
      "supplied amounts belong to the recipient ('supply X with')",
      "en",
      "Oracle will supply OpenAI with 4.5 gigawatts.",
      [
        ["Oracle", "Organization"],
        ["OpenAI", "Organization"],
      ],
      ["OpenAI"],
    ],
    [
      "the supplier is not the owner",
      "de",
      "Die Telekom baut eine KI-Fabrik. Nvidia liefert dafür 10.000 GPUs.",
      [
        ["Telekom", "Organization"],
        ["Nvidia", "Organization"],
      ],
      ["Telekom"],
    ],
    [
      "the buyer, not what is bought nor a backer",
      "en",
      "CoreWeave, a cloud provider backed by Nvidia, agreed to buy Core Scientific for $9 billion.",
      [
        ["CoreWeave", "Organization"],
        ["Nvidia", "Organization"],
        ["Core Scientific", "Organization"],
      ],
      ["CoreWeave"],
    ],
    ["null where nothing is named", "de", "Weltweit wurden 2700 Megawatt gebaut.", [], [null]],
    [
      "the possessor in English",
      "en",
      "Meta’s Prometheus cluster will deliver over one gigawatt.",
      [
        ["Meta", "Organization"],
        ["Prometheus", "Project"],
      ],
      ["Prometheus"],
    ],
  ];
  for (const [title, lang, text, spec, expected] of cases)
    it(title, () =>
      assert.deepEqual(
        findQuantities(text, sentences(text), entities(text, spec), { lang }).map((q) => q.subject),
        expected,
      ),
    );

  it("a person who leads an organization stands for it", () => {
    const text =
      "Tesla und Elon Musks xAI wachsen. Musk kündigte an, 50 Millionen H100-Äquivalente einzusetzen.";
    const [tesla, xai] = entities(text, [
      ["Tesla", "Organization"],
      ["xAI", "Organization"],
    ]);
    const musk: Entity = {
      id: "p",
      type: "Person",
      name: "Elon Musk",
      aliases: ["Musk"],
      mentions: [
        { start: 10, end: 20, text: "Elon Musks" },
        { start: 34, end: 38, text: "Musk" },
      ],
    };
    assert.equal(text.slice(34, 38), "Musk");
    const [q] = findQuantities(text, sentences(text), [tesla!, xai!, musk], { lang: "de" });
    assert.equal(q!.subject, "xAI");
    const role = {
      person: "Elon Musk",
      role: "CEO" as const,
      org: "Tesla",
      text: "Tesla-Chef",
      start: 0,
      end: 5,
    };
    const [q2] = findQuantities(
      text,
      sentences(text),
      [tesla!, xai!, { ...musk, mentions: [musk.mentions[1]!] }],
      { lang: "de", roles: [role] },
    );
    assert.equal(q2!.subject, "Tesla");
  });

  it("lists a repeated amount once", () => {
    const text = "Oracle erhält 30 Milliarden Dollar pro Jahr. Die 30 Milliarden Dollar kommen von OpenAI.";
    const found = findQuantities(
      text,
      sentences(text),
      entities(text, [
        ["Oracle", "Organization"],
        ["OpenAI", "Organization"],
      ]),
      { lang: "de" },
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.subject, "Oracle");
  });
});
