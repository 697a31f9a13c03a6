// People: a known first name followed by a capitalized surname ('Sam Altman', 'Ursula von
// der Leyen', 'Lip-Bu Tan'), or capitalized words right after a role title or honorific
// ('CFO Sarah Friar', 'Softbank-Chef Son', 'Mr. Huang'), or before ', <title>' ('Lisa Su,
// CEO von AMD'). German genitives are stripped where the bare form also occurs ('Musks').
import { startsUpper, stripGenitive, type Candidate, type Doc } from "./doc.ts";
import type { Token } from "./sentences.ts";
import { roleTitleAt } from "./titles.ts";

const PRONOUNS = new Set([
  "Sie",
  "Ihr",
  "Ihre",
  "Ihnen",
  "Er",
  "Es",
  "Wir",
  "Der",
  "Die",
  "Das",
  "Den",
  "Dem",
  "Des",
  "Und",
  "Oder",
  "The",
  "A",
  "An",
  "And",
  "Or",
  "He",
  "She",
  "It",
  "They",
  "We",
  "I",
  "In",
  "Im",
  "Am",
  "Auf",
  "Bei",
  "Mit",
  "Von",
  "Für",
  "Zu",
  "Of",
  "At",
  "On",
  "For",
  "With",
  "By",
  "To",
]);
const HONORIFICS = new Set(["herr", "frau", "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord"]);

function isNameWord(doc: Doc, t: Token | undefined, stop: ReadonlySet<string>, inside = false): boolean {
  if (!t || t.kind !== "word" || !startsUpper(t.text)) return false;
  // Inside a name, a capitalized function word is a surname ('Kevin Weil'), bar pronouns.
  if ((inside ? PRONOUNS.has(t.text) : stop.has(t.text)) || doc.lexicons.nonNames.has(t.text.toLowerCase()))
    return false;
  if (t.text.length > 1 && t.text === t.text.toUpperCase() && !/\p{N}/u.test(t.text)) return false; // 'NVIDIA', 'FB', 'AI'
  return true;
}

/** Extends a name over 'von der', '-Bu', 'J.' pieces; returns the exclusive end token index. */
function nameEnd(
  doc: Doc,
  i: number,
  maxWords: number,
  stop: ReadonlySet<string>,
  afterFirstName = false,
): number {
  const toks = doc.tokens;
  const particles = new Set(doc.lex.cues.nameParticles);
  let j = i;
  let words = 0;
  while (j < toks.length && words < maxWords) {
    const t = toks[j];
    if (t.sentence !== toks[i].sentence) break;
    if (words > 0 && !t.spaceBefore) break;
    // A third name word must not be a noun, place or company word ('Matthew Williams Liebeskummer').
    if (words >= 1 && !afterFirstName && words >= 2 && !extraWordOk(doc, t)) break;
    if (words >= 1 && afterFirstName && !extraWordOk(doc, t)) break;
    if (isNameWord(doc, t, stop, j > i || doc.sentences[t.sentence].tokenStart !== j)) {
      // 'Lip-Bu', 'Jen-Hsun', 'Abdul-Rahman': a hyphen glued to another capitalized piece.
      let k = j + 1;
      while (
        toks[k]?.text === "-" &&
        !toks[k].spaceBefore &&
        isNameWord(doc, toks[k + 1], stop) &&
        !toks[k + 1].spaceBefore &&
        toks[k + 2]?.text !== "-"
      )
        k += 2;
      // An initial 'J.'
      if (t.text.length === 1 && toks[k]?.text === "." && !toks[k].spaceBefore) k++;
      j = k;
      words++;
      continue;
    }
    // 'von der Leyen', 'van den Berg', 'bin Salman'
    if ((afterFirstName ? words === 0 : words === 1) && particles.has(t.text)) {
      let k = j + 1;
      while (k < j + 3 && particles.has(toks[k]?.text ?? "")) k++;
      if (isNameWord(doc, toks[k], stop, true)) {
        j = k;
        continue;
      }
    }
    break;
  }
  return j;
}

const ORG_WORD =
  /(?:systems|works|labs|tech|soft|ware|electronics|industries|motors|bank|group|holdings|solutions|services|networks|capital|partners|ventures|energy|computing|cloud|media|school|university|college|institute|centre|center|district|atlas|street|straße)$/i;

function extraWordOk(doc: Doc, t: Token): boolean {
  if (doc.lex.commonNouns.has(t.text) || ORG_WORD.test(t.text)) return false;
  return !placeNames(doc).has(t.text);
}

const placeCache = new WeakMap<object, Set<string>>();
function placeNames(doc: Doc): Set<string> {
  let set = placeCache.get(doc.lexicons);
  if (!set) {
    set = new Set(doc.lexicons.locations.flatMap((e) => [e.name, ...(e.aliases ?? [])]));
    placeCache.set(doc.lexicons, set);
  }
  return set;
}

export function findPeople(doc: Doc): Candidate[] {
  const toks = doc.tokens;
  const stop = new Set(doc.lex.cues.stopwords);
  const first = doc.lexicons.firstNames;
  const out: Candidate[] = [];
  const push = (a: number, b: number, confidence: number) => {
    if (ORG_WORD.test(toks[b - 1].text)) return; // 'Sun Microsystems', 'Matthew Humberstone School'
    const start = toks[a].start;
    const end = toks[b - 1].end;
    out.push({
      start,
      end,
      text: doc.text.slice(start, end),
      type: "Person",
      name: doc.text.slice(start, end),
      source: "people",
      confidence,
    });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== "word") continue;
    // A first name (possibly hyphenated 'Lip-Bu') and at least one more name word.
    const fn = t.text;
    let afterFirst = i + 1;
    let firstName = first.has(fn);
    if (toks[i + 1]?.text === "-" && !toks[i + 1].spaceBefore && toks[i + 2] && !toks[i + 2].spaceBefore) {
      const joined = `${fn}-${toks[i + 2].text}`;
      // 'Jean-Noël', or two short syllables as in 'Fei-Fei', 'Kai-Fu', 'Lip-Bu'.
      const short =
        /^\p{Lu}\p{Ll}{1,3}$/u.test(fn) &&
        /^\p{Lu}\p{Ll}{1,3}$/u.test(toks[i + 2].text) &&
        !startsUpper(toks[i + 3]?.text ?? "x") === false;
      if (first.has(joined) || (first.has(fn) && startsUpper(toks[i + 2].text)) || short) {
        firstName = true;
        afterFirst = i + 3;
      } else if (firstName) firstName = false; // 'Jensen-Chef' is no name
    }
    if (firstName && !stop.has(fn)) {
      const e = nameEnd(doc, afterFirst, 3, stop, true);
      if (e > afterFirst && toks[afterFirst].spaceBefore && isNameWord(doc, toks[e - 1], stop, true)) {
        push(i, e, 0.85);
        i = e - 1;
        continue;
      }
    }
    // After a role title or honorific: 'CFO Sarah Friar', 'Softbank-Chef Son', 'Mr. Huang'.
    const title = roleTitleAt(doc, i);
    let nameStart = -1;
    if (title) nameStart = title.endTok;
    else if (HONORIFICS.has(t.text.toLowerCase()) && startsUpper(t.text))
      nameStart = toks[i + 1]?.text === "." ? i + 2 : i + 1;
    if (
      nameStart > 0 &&
      nameStart < toks.length &&
      toks[nameStart].sentence === t.sentence &&
      toks[nameStart].spaceBefore
    ) {
      const e = nameEnd(doc, nameStart, 3, stop);
      if (e > nameStart && !(e - nameStart === 1 && isKnownNonPerson(doc, toks[nameStart]))) {
        push(nameStart, e, e - nameStart > 1 ? 0.8 : 0.65);
        i = e - 1;
        continue;
      }
    }
  }
  return out;
}

function isKnownNonPerson(doc: Doc, t: Token): boolean {
  const low = t.text.toLowerCase();
  return doc.lexicons.nonNames.has(low);
}

/**
 * Canonical person names: genitive stripped where the bare form occurs elsewhere ('Elon
 * Musks' → 'Elon Musk' when 'Musk' occurs), else kept ('Peter Diamandis').
 */
export function normalizePersonNames(doc: Doc, people: readonly Candidate[]): Candidate[] {
  const words = new Set<string>();
  for (const t of doc.tokens) if (t.kind === "word" && startsUpper(t.text)) words.add(t.text);
  return people.map((c) => {
    const parts = c.name.split(" ");
    const last = parts[parts.length - 1];
    const bare = stripGenitive(last, words);
    if (bare === last) return c;
    return { ...c, name: [...parts.slice(0, -1), bare].join(" ") };
  });
}
