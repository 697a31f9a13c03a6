import { strict as assert } from "node:assert";
import { capClass, featureNames, shape, extractFeatures } from "../../../extractors/tagger/features.ts";
import {
  GAZ,
  SortedGazetteer,
  WORD_NOUN,
  matchGazetteer,
  wordKey,
} from "../../../extractors/tagger/gazetteer.ts";
import { phraseHash } from "../../../extractors/tagger/hash.ts";

const gaz = SortedGazetteer.fromMap(
  new Map([
    [phraseHash(["Angela"]), 1 << GAZ.FIRST],
    [phraseHash(["Deutsche", "Bank"]), 1 << GAZ.COMPANY],
    [wordKey("cap", "Ebene"), 1 << WORD_NOUN],
    [wordKey("cap", "Land"), 1 << WORD_NOUN],
    [wordKey("cap", "Atom"), 1 << WORD_NOUN],
    [wordKey("cap", "Modell"), 1 << WORD_NOUN],
  ]),
);

describe("tagger features", () => {
  it("describes word shapes, collapsing runs", () => {
    const rows: [string, string][] = [
      ["OpenAI", "XxX"],
      ["GPU", "X"],
      ["2024", "d"],
      ["H100", "Xd"],
      ["OpenAI-Chef", "XxX-Xx"],
      ["über", "x"],
    ];
    for (const [w, s] of rows) assert.equal(shape(w), s, w);
  });

  it("classifies capitalization", () => {
    const rows: [string, string][] = [
      ["Nvidia", "C"],
      ["NVIDIA", "U"],
      ["OpenAI", "M"],
      ["iPhone", "M"],
      ["rechenzentrum", "L"],
      ["1,5", "D"],
      [",", "P"],
      ["Ärzte", "C"],
    ];
    for (const [w, c] of rows) assert.equal(capClass(w), c, w);
  });

  it("marks the first token only in running text, not in fragments", () => {
    const toks = ["Die", "Deutsche", "Bank", "investiert", "."];
    const f = featureNames(toks, gaz);
    assert.ok(f[0].includes("first") && f[0].includes("first|c=C"));
    assert.ok(!f[1].includes("first"));
    const frag = featureNames(toks, gaz, { fragment: true });
    assert.ok(!frag[0].includes("first"));
    assert.ok(frag[0].includes("l-1=<F>"), "fragments get their own boundary token");
  });

  it("uses neighbours, affixes and gazetteer matches", () => {
    const toks = ["Angela", "sprach", "mit", "der", "Deutsche", "Bank", "GmbH"];
    const f = featureNames(toks, gaz);
    assert.ok(f[0].includes("gFIRST2"), "unit match of a first name");
    assert.ok(f[4].includes("gCOMPANY0") && f[5].includes("gCOMPANY1"), "phrase begin and inside");
    assert.ok(f[3].includes("g+1COMPANY"), "the next token is in a gazetteer");
    assert.ok(f[4].includes("csuf+2"), "company suffix two tokens ahead");
    assert.ok(f[1].includes("l-1=angela") && f[1].includes("l+2=der"));
    assert.ok(f[0].includes("p2=an") && f[0].includes("s3=ela"));
  });

  it("finds the head noun of a German compound and known nouns", () => {
    const f = featureNames(["Die", "Landesebene", "und", "das", "Modell", "von", "Rosatom"], gaz);
    assert.ok(f[1].includes("head=Ebene"), "Land + linking -es- + Ebene");
    assert.ok(!f[6].includes("head"), "'Ros' is no word: a name, not a compound");
    assert.ok(f[4].includes("noun"));
    assert.ok(!f[2].includes("noun"));
  });

  it("adds word-cluster features at three grains, by lowercase form, only for clustered words", () => {
    // cluster ids are 12 bits: 0x36d has the coarse class 0x3 and the middle class 0x36
    const clu = SortedGazetteer.fromMap(
      new Map([
        [wordKey("clu", "siemens"), 0x36d + 1],
        [wordKey("clu", "baut"), 0x100 + 1],
      ]),
    );
    const f = featureNames(["SIEMENS", "baut", "Xyzzy"], clu);
    assert.ok(f[0].includes("k4=3") && f[0].includes("k8=54") && f[0].includes("k12=877"));
    assert.ok(f[0].includes("k12=877|c=U"), "the fine cluster with the capitalization");
    assert.ok(f[0].includes("k+1=16"), "the next word's middle cluster");
    assert.deepEqual(
      featureNames(["Siemens"], clu)[0].filter((x) => x.startsWith("k")),
      featureNames(["siemens"], clu)[0]
        .filter((x) => x.startsWith("k"))
        .map((x) => x.replace("c=L", "c=C")),
      "any capitalization finds the same cluster",
    );
    assert.ok(!f[2].some((x) => /^k(4|8|12)=/.test(x)), "no cluster, no cluster features");
    assert.ok(!featureNames(["SIEMENS"], gaz)[0].some((x) => x.startsWith("k")), "a model without clusters");
  });

  it("matches gazetteer phrases by token position", () => {
    const m = matchGazetteer(["die", "Deutsche", "Bank"], gaz);
    assert.equal(m[0], 0);
    assert.equal(m[1], 1 << (GAZ.COMPANY * 3 + 0));
    assert.equal(m[2], 1 << (GAZ.COMPANY * 3 + 1));
  });

  it("hashes features into the table and handles an empty sentence", () => {
    const sf = extractFeatures(["Nvidia", "baut"], gaz, 10);
    assert.equal(sf.offsets.length, 3);
    assert.equal(sf.offsets[2], sf.feats.length);
    for (const x of sf.feats) assert.ok(x >= 0 && x < 1024);
    const empty = extractFeatures([], gaz, 10);
    assert.equal(empty.feats.length, 0);
  });
});

describe("tagger phrase hashes", () => {
  it("hash a single token as its FNV-1a and depend on token order", async () => {
    const { fnv1a } = await import("../../../extractors/tagger/hash.ts");
    assert.equal(phraseHash(["Nvidia"]), fnv1a("Nvidia"));
    assert.notEqual(phraseHash(["Deutsche", "Bank"]), phraseHash(["Bank", "Deutsche"]));
    assert.notEqual(phraseHash(["Deutsche", "Bank"]), phraseHash(["Deutsche Bank"]));
  });
});
