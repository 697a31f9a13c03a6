import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import {
  binomialTokens,
  relabelAdjectives,
  facilityTest,
  relabelFacilities,
  relabelOffices,
  relabelTitles,
  splitSilverSpans,
  stripMarkup,
  type FacilityHeads,
} from "../../scripts/silver-spans.ts";

describe("silver spans (WikiANN) brought to news guidelines", () => {
  it("makes 'City , State' two places", () => {
    const { s, free } = splitSilverSpans({
      tokens: ["Atlantic", "City", ",", "New", "Jersey"],
      tags: ["B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC"],
    });
    assert.deepEqual(s.tags, ["B-LOC", "I-LOC", "O", "B-LOC", "I-LOC"]);
    assert.deepEqual([...free], [0, 0, 0, 0, 0]);
  });

  it("keeps an organization's first part and leaves the bracketed rest unknown", () => {
    const { s, free } = splitSilverSpans({
      tokens: ["St.", "Mary", "Kirche", "(", "Sandusky", ")", "ist", "alt"],
      tags: ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
    });
    assert.deepEqual(s.tags, ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]);
    assert.deepEqual([...free], [0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it("leaves names without punctuation, German or English, as they are", () => {
    const x = {
      tokens: ["Deutsche", "Bank", "and", "Angela", "Merkel"],
      tags: ["B-ORG", "I-ORG", "O", "B-PER", "I-PER"],
    };
    assert.deepEqual(splitSilverSpans(x).s.tags, x.tags);
    assert.deepEqual(
      splitSilverSpans({ tokens: ["A", ",", "B"], tags: ["B-LOC", "I-LOC", "I-LOC"] }, false).s.tags,
      ["B-LOC", "I-LOC", "I-LOC"],
    );
  });

  it("relabels a lone nationality adjective: MISC in English, O in German", () => {
    const isAdj = (w: string) => ["British", "deutschen"].includes(w);
    const en = relabelAdjectives(
      {
        tokens: ["a", "British", "band", "from", "British", "Columbia"],
        tags: ["O", "B-LOC", "O", "O", "B-LOC", "I-LOC"],
      },
      isAdj,
      "MISC",
    );
    assert.deepEqual(en.tags, ["O", "B-MISC", "O", "O", "B-LOC", "I-LOC"], "a longer name keeps its label");
    const de = relabelAdjectives(
      { tokens: ["der", "deutschen", "Bahn"], tags: ["O", "B-LOC", "O"] },
      isAdj,
      "O",
    );
    assert.deepEqual(de.tags, ["O", "O", "O"]);
    const none = { tokens: ["Paris"], tags: ["B-LOC"] };
    assert.equal(relabelAdjectives(none, isAdj, "O"), none, "unchanged sentences are not copied");
  });

  it("calls an ORG between title markup a work (MISC), but not a bold list head", () => {
    const song = relabelTitles({
      tokens: ["the", "single", "``", "Heart", "Attack", "''", "by", "Demi", "Lovato"],
      tags: ["O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-PER", "I-PER"],
    });
    assert.deepEqual(song.tags, ["O", "O", "O", "B-MISC", "I-MISC", "O", "O", "B-PER", "I-PER"]);
    const album = relabelTitles({
      tokens: ["das", "Album", "Love", "Metal", "''", "erschien"],
      tags: ["O", "O", "B-ORG", "I-ORG", "O", "O"],
    });
    assert.deepEqual(album.tags, ["O", "O", "B-MISC", "I-MISC", "O", "O"]);
    const bold = {
      tokens: ["'", "''", "Thornhill", "Islanders", "''", "'"],
      tags: ["O", "O", "B-ORG", "I-ORG", "O", "O"],
    };
    assert.equal(relabelTitles(bold), bold);
    const plain = { tokens: ["Siemens", "AG", "baut"], tags: ["B-ORG", "I-ORG", "O"] };
    assert.equal(relabelTitles(plain), plain);
  });

  it("leaves binomials ('Xanthia togata') unknown, names with capitals known", () => {
    const free = binomialTokens({
      tokens: ["moth", "Xanthia", "togata", "in", "New", "York"],
      tags: ["O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC"],
    });
    assert.deepEqual([...free], [0, 1, 1, 0, 0, 0]);
  });

  it("drops Wikipedia's italic and bold markup and keeps quotation marks", () => {
    const s = stripMarkup({
      tokens: ["'", "''", "Zadie", "Smith", "''", "'", "wrote", "``", "White", "Teeth", "''", "."],
      tags: ["O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "B-MISC", "I-MISC", "O", "O"],
    });
    assert.deepEqual(s.tokens, ["Zadie", "Smith", "wrote", "``", "White", "Teeth", "''", "."]);
    assert.deepEqual(s.tags, ["B-PER", "I-PER", "O", "O", "B-MISC", "I-MISC", "O", "O"]);
    const glued = stripMarkup({ tokens: ["''Katherine", "''", "ist"], tags: ["B-MISC", "O", "O"] });
    assert.deepEqual(glued.tokens, ["Katherine", "ist"]);
    const same = { tokens: ["Die", "Zeit"], tags: ["B-ORG", "I-ORG"] };
    assert.equal(stripMarkup(same), same);
  });

  it("makes a facility ORG a place, from the committed head words, in both languages", () => {
    const heads = JSON.parse(readFileSync("scripts/data/facility-heads.json", "utf8")) as Record<
      string,
      FacilityHeads
    >;
    const en = relabelFacilities(
      {
        tokens: ["at", "Citi", "Field", "against", "New", "York", "Mets"],
        tags: ["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG"],
      },
      facilityTest(heads.en),
    );
    assert.deepEqual(en.tags, ["O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "I-ORG"]);
    const de = relabelFacilities(
      {
        tokens: ["Schloss", "Frederiksborg", "und", "Olympiastadion", "und", "FC", "Magdeburg"],
        tags: ["B-ORG", "I-ORG", "O", "B-ORG", "O", "B-ORG", "I-ORG"],
      },
      facilityTest(heads.de),
    );
    assert.deepEqual(de.tags, ["B-LOC", "I-LOC", "O", "B-LOC", "O", "B-ORG", "I-ORG"]);
  });

  it("takes the office out of a silver name and leaves the rest unknown", () => {
    const titles = new Set(["Governor", "Prince", "Herzog"]);
    const gov = relabelOffices(
      {
        tokens: ["as", "Governor", "of", "Gibraltar", "and", "Prince", "Charles"],
        tags: ["O", "B-PER", "I-PER", "I-PER", "O", "B-ORG", "I-ORG"],
      },
      titles,
    );
    assert.deepEqual(gov.s.tags, ["O", "O", "O", "O", "O", "O", "O"]);
    assert.deepEqual([...gov.free], [0, 0, 0, 1, 0, 0, 1]);
    const de = relabelOffices(
      { tokens: ["Herzog", "von", "Sachsen"], tags: ["B-PER", "I-PER", "I-PER"] },
      titles,
    );
    assert.deepEqual([...de.free], [0, 0, 1]);
    const one = { tokens: ["Governor", "Smith", "Herzog"], tags: ["O", "B-PER", "B-PER"] };
    assert.equal(relabelOffices(one, titles).s, one, "a one-word name ('Herzog', a surname) keeps its label");
  });
});
