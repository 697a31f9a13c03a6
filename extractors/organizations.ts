// Organizations and projects nobody put in the lexicon, found by context:
//   legal forms          'Acme Compute GmbH', 'Superintelligence Labs', 'Foo Capital'
//   descriptors          'der Chiphersteller X', 'chipmaker X', 'Supercomputer X', 'X, ein Startup'
//   naming words         'eine Infrastruktur namens X', 'a joint venture called X'
//   compounds            'X-Projekt', 'X project', 'X-Konzern', 'Lancium Clean Campus'
//   role titles          'X-Chef', "X's CEO", 'X CEO Jane Doe', 'CEO von X'
import { isCamelLower, startsUpper, type Candidate, type Doc } from "./doc.ts";
import type { Token } from "./sentences.ts";
import { buildMatcher, matchAt, type Matcher } from "./matcher.ts";
import { roleTitleAt, compoundRole } from "./titles.ts";
import type { EntityType } from "./types.ts";
import type { CueLexicon } from "./lexicon/index.ts";

type Kind = "org" | "project" | "jv";
interface CueIndex {
  descriptors: Matcher<Kind>;
  legal: Matcher<true>;
  naming: Matcher<true>;
  projectSuffix: Matcher<true>;
  orgSuffix: Set<string>;
  orgHeads: string[];
  projectHeads: string[];
  domain: string[];
  stop: Set<string>;
}
const indexes = new WeakMap<CueLexicon, CueIndex>();
function cueIndex(c: CueLexicon): CueIndex {
  let ix = indexes.get(c);
  if (ix) return ix;
  const desc: { surface: string; payload: Kind }[] = [
    ...c.orgDescriptors.map((s) => ({
      surface: s,
      payload: (/joint venture|gemeinschaftsunternehmen/i.test(s) ? "jv" : "org") as Kind,
    })),
    ...c.projectDescriptors.map((s) => ({ surface: s, payload: "project" as Kind })),
  ];
  ix = {
    descriptors: buildMatcher(desc, true),
    legal: buildMatcher(c.legalSuffixes.map((s) => ({ surface: s, payload: true as const }))),
    naming: buildMatcher(
      c.naming.map((s) => ({ surface: s, payload: true as const })),
      true,
    ),
    projectSuffix: buildMatcher(
      c.projectSuffixWords.map((s) => ({ surface: s, payload: true as const })),
      true,
    ),
    orgSuffix: new Set(c.orgSuffixWords.map((s) => s.toLowerCase())),
    orgHeads: c.orgDescriptorHeads,
    projectHeads: c.projectDescriptorHeads,
    domain: c.domainCues,
    stop: new Set(c.stopwords),
  };
  indexes.set(c, ix);
  return ix;
}

const DETS = new Set(["a", "an", "the", "ein", "eine", "einem", "einer", "der", "die", "das", "dem"]);

/** A name given outright ('dubbed "Mistral Compute"') outranks a lexicon name inside it. */
export const NAMED_CONFIDENCE = 0.78;

const GERMAN_NOUN_ENDINGS =
  /(?:ung|heit|keit|schaft|tion|tät|ismus|nisse?|ierung|ungen|chen|lein|ment|ität|ik|ei)$/;

export function findOrganizationsByCue(doc: Doc): Candidate[] {
  const toks = doc.tokens;
  const ix = cueIndex(doc.lex.cues);
  const lexs = doc.lexicons;
  const de = doc.language === "de";
  const out: Candidate[] = [];
  const sentStart = (i: number) => doc.sentences[toks[i].sentence].tokenStart === i;

  /** Could this token be (part of) a name? */
  const nameTok = (t: Token | undefined, i: number, strict: boolean): boolean => {
    if (!t || (t.kind !== "word" && t.kind !== "number")) return false;
    if (t.kind === "number") return false; // 'Hut 8', 'Frankfurt 4' come from runAfter's edition rule
    if (!startsUpper(t.text) && !isCamelLower(t.text)) return false;
    if (lexs.nonNames.has(t.text.toLowerCase())) return false;
    if (ix.stop.has(t.text) && (sentStart(i) || t.text.length <= 3)) return false;
    if (
      strict &&
      de &&
      (doc.lex.commonNouns.has(t.text) ||
        (GERMAN_NOUN_ENDINGS.test(t.text) && t.text !== t.text.toUpperCase()))
    )
      return false;
    if (compoundRole(doc.lex, t.text)) return false;
    return true;
  };
  /** A run of name tokens from i, at most max words: [i, end). */
  const runAfter = (i: number, max: number): number => {
    let j = i;
    let n = 0;
    while (
      j < toks.length &&
      n < max &&
      toks[j].sentence === toks[i].sentence &&
      nameTok(toks[j], j, n === 0)
    ) {
      if (j > i && !toks[j].spaceBefore) break;
      j++;
      n++;
      // 'Hut 8', 'Frankfurt 4': a number after a name.
      if (toks[j]?.kind === "number" && /^\d{1,2}$/.test(toks[j].text) && toks[j].spaceBefore) {
        j++;
        break;
      }
    }
    return j;
  };
  /** A run of name tokens ending right before i: [start, i). */
  const runBefore = (i: number, max: number): number => {
    let j = i;
    let n = 0;
    while (
      j > 0 &&
      n < max &&
      toks[j - 1].sentence === toks[i - 1]?.sentence &&
      nameTok(toks[j - 1], j - 1, false)
    ) {
      if (j < i && !toks[j].spaceBefore) break;
      j--;
      n++;
    }
    // Don't start on a sentence-initial function word or a capitalized German noun.
    // ('Separately, the fund …': a sentence-initial English word is no name either.)
    while (
      j < i &&
      (ix.stop.has(toks[j].text) ||
        ((doc.lex.commonNouns.has(toks[j].text) || (!de && /ly$/.test(toks[j].text))) &&
          (de || sentStart(j))))
    )
      j++;
    return j;
  };
  let words: Map<string, number> | undefined;
  const standalone = (w: string) => {
    if (!words) {
      words = new Map();
      toks.forEach((x, k) => {
        const glued =
          (toks[k + 1]?.text === "-" && !toks[k + 1].spaceBefore) ||
          (x.text !== "-" && !x.spaceBefore && toks[k - 1]?.text === "-");
        if (x.kind === "word" && !glued) words!.set(x.text, (words!.get(x.text) ?? 0) + 1);
      });
    }
    return (words.get(w) ?? 0) > 0;
  };
  // Surnames: words right after a first name ('Musk' after 'Elon'); 'Musk-Konzern' names no company.
  const surnames = new Set<string>();
  toks.forEach((x, k) => {
    if (lexs.firstNames.has(x.text) && toks[k + 1]?.spaceBefore && toks[k + 1].kind === "word")
      surnames.add(toks[k + 1].text.replace(/s$/, ""));
  });
  const personish = (w: string) =>
    lexs.firstNames.has(w) || surnames.has(w) || surnames.has(w.replace(/s$/, ""));
  let docCue: boolean | undefined;
  const docHasDomainCue = (): boolean => {
    if (docCue === undefined) {
      const low = doc.text.toLowerCase();
      docCue = ix.domain.some((c) => low.includes(c));
    }
    return docCue;
  };
  const cueCache = new Map<number, boolean>();
  const hasDomainCue = (s: number): boolean => {
    let v = cueCache.get(s);
    if (v === undefined) {
      const low = doc.sentences[s].text.toLowerCase();
      v = ix.domain.some((c) => low.includes(c));
      cueCache.set(s, v);
    }
    return v;
  };
  const push = (a: number, b: number, type: EntityType, confidence: number, named = false) => {
    if (b <= a) return;
    // A name has a capitalized word ('32 data centers' has none).
    if (!toks.slice(a, b).some((x) => x.kind === "word" && (startsUpper(x.text) || isCamelLower(x.text))))
      return;
    if (toks[a].kind === "number") return;
    // Nationality adjectives are no names ('Chinese AI', 'europäische Cloud').
    if (
      /^\p{Lu}\p{Ll}+(?:ese|ian|ean|ish|an|isch|ische|ischen)$/u.test(toks[a].text) &&
      b - a <= 2 &&
      !lexs.firstNames.has(toks[a].text)
    )
      return;
    const start = toks[a].start;
    const end = toks[b - 1].end;
    const text = doc.text.slice(start, end);
    // A place ('Frankfurt') or a generic word alone is no organization.
    if (b - a === 1 && (lexs.nonNames.has(text.toLowerCase()) || isPlace(doc, text))) return;
    const name = text.replace(/['’]s$/, "").replace(/^(?:„|"|“)|(?:“|"|”)$/g, "");
    out.push({ start, end, text, type, name, source: "pattern", confidence, ...(named ? { named } : {}) });
  };
  // An English title-case headline ('Startup Plans Giant Campus'): capitals say nothing there.
  const headlines = new Map<number, boolean>();
  const headline = (s: number): boolean => {
    let v = headlines.get(s);
    if (v === undefined) {
      v = false;
      if (!de && !/[.!?:;"”]$/.test(doc.sentences[s].text)) {
        const ws = toks
          .slice(doc.sentences[s].tokenStart, doc.sentences[s].tokenEnd)
          .filter((t) => t.kind === "word");
        v = ws.length >= 4 && ws.filter((t) => startsUpper(t.text)).length / ws.length > 0.6;
      }
      headlines.set(s, v);
    }
    return v;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const s = t.sentence;
    // 6. Apposition: 'DataVolt, a Saudi developer', 'Quellwerk, ein Start-up aus Jena'.
    if (t.text === "," && i > 0 && DETS.has(toks[i + 1]?.text.toLowerCase() ?? "")) {
      let kindAfter: Kind | undefined;
      for (let k = i + 2; k < Math.min(i + 6, toks.length) && toks[k].sentence === s; k++) {
        const dk = matchAt(ix.descriptors, toks, k, doc.text);
        if (dk) {
          kindAfter = dk.payload;
          break;
        }
        const low = toks[k].text.toLowerCase();
        if (de && ix.orgHeads.some((h) => low.endsWith(h) && low.length > h.length + 2)) {
          kindAfter = "org";
          break;
        }
        if (toks[k].kind === "punct") break;
      }
      const a = runBefore(i, 3);
      if (
        kindAfter &&
        kindAfter !== "project" &&
        a < i &&
        !lexs.firstNames.has(toks[a].text) &&
        !personish(toks[i - 1].text)
      ) {
        push(a, i, kindAfter === "jv" && hasDomainCue(s) ? "Project" : "Organization", 0.7);
      }
    }
    if (t.kind !== "word") continue;
    // 1. Legal forms and company words after a name: 'Acme GmbH', 'Superintelligence Labs'.
    const legal = matchAt(ix.legal, toks, i, doc.text);
    if (legal && i > 0 && t.spaceBefore && !headline(s)) {
      const a = runBefore(i, 3);
      if (a < i && !(i - a === 1 && lexs.nonNames.has(toks[a].text.toLowerCase()))) {
        push(a, legal.endTok, "Organization", 0.75);
        continue;
      }
    }
    // 2a. A quoted place with a number names a data center site: 'auf „Frankfurt 4“', '"Berlin 2"'.
    if (
      /^[„"“]$/.test(toks[i - 1]?.text ?? "") &&
      isPlace(doc, t.text) &&
      toks[i + 1]?.kind === "number" &&
      /^\d{1,2}$/.test(toks[i + 1].text) &&
      /^[“"”]$/.test(toks[i + 2]?.text ?? "") &&
      docHasDomainCue()
    ) {
      push(i, i + 2, "Project", 0.7);
      i += 1;
      continue;
    }
    // 2. Naming words: 'namens X', 'called X', 'dubbed X'.
    const naming = matchAt(ix.naming, toks, i, doc.text);
    if (naming) {
      let a = naming.endTok;
      if (toks[a] && /^[„"“'‚]$/.test(toks[a].text)) a++;
      const b = runAfter(a, 4);
      if (b > a) {
        // The kind comes from a descriptor just before: 'ein Projekt namens', 'a joint venture called'.
        let kind: Kind | undefined;
        for (let k = i - 1; k >= Math.max(0, i - 6) && toks[k].sentence === s; k--) {
          const d = matchAt(ix.descriptors, toks, k, doc.text);
          if (d) {
            kind = d.payload;
            break;
          }
          const low = toks[k].text.toLowerCase();
          if (ix.projectHeads.some((h) => low.endsWith(h))) {
            kind = "project";
            break;
          }
          if (de && ix.orgHeads.some((h) => low.endsWith(h))) {
            kind = "org";
            break;
          }
        }
        if (kind === "jv" || kind === undefined)
          kind = hasDomainCue(s) ? "project" : kind === "jv" ? "org" : undefined;
        if (kind) push(a, b, kind === "project" ? "Project" : "Organization", NAMED_CONFIDENCE, true);
        i = b - 1;
        continue;
      }
    }
    // 3. Descriptors before a name: 'der Chiphersteller X', 'chipmaker X', 'Supercomputer X'.
    const d = matchAt(ix.descriptors, toks, i, doc.text);
    let kind: Kind | undefined = d?.payload;
    let dEnd = d?.endTok ?? i + 1;
    if (!kind && de) {
      const low = t.text.toLowerCase();
      if (ix.orgHeads.some((h) => low.endsWith(h) && low.length > h.length + 2)) kind = "org";
      else if (ix.projectHeads.some((h) => low.endsWith(h) && low.length > h.length + 2)) kind = "project";
      dEnd = i + 1;
    }
    // English descriptors are lowercase words ('chipmaker'); a capitalized one starts a name.
    // 'Startup Vela Compute raised…': a capital at the sentence start says nothing.
    const capitalDescriptor = !de && startsUpper(toks[i].text) && !sentStart(i);
    if (kind && headline(s)) kind = undefined; // 'Giants Race For AI Dominance'
    if (
      kind &&
      (!capitalDescriptor || (kind === "project" && !headline(s) && !sentStart(i))) &&
      toks[dEnd] &&
      toks[dEnd].spaceBefore
    ) {
      const b = runAfter(dEnd, 4);
      // 'der Konzern X' but not 'der Konzern Milliarden' nor 'das Unternehmen OpenAI' (lexicon: fine either way).
      if (
        b > dEnd &&
        !(toks[b]?.text === "-" && !toks[b].spaceBefore) &&
        !lexs.firstNames.has(toks[dEnd].text)
      ) {
        const type: EntityType =
          kind === "project"
            ? "Project"
            : kind === "jv"
              ? hasDomainCue(s)
                ? "Project"
                : "Organization"
              : "Organization";
        // A place after a project word is where it is ('Rechenzentrum Frankfurt'), unless numbered.
        const runText = doc.text.slice(toks[dEnd].start, toks[b - 1].end);
        if (!(type === "Project" && isPlace(doc, runText)) && !(type === "Project" && !hasDomainCue(s)))
          push(capitalDescriptor ? i : dEnd, b, type, 0.7); // 'Project Rainier' is the whole name
        i = b - 1;
        continue;
      }
    }
    // 4. Project words after a name: 'X-Projekt', 'X project', 'Lancium Clean Campus'.
    const ps = matchAt(ix.projectSuffix, toks, i, doc.text);
    if (ps && i > 0 && !headline(s)) {
      const glued = toks[i - 1].text === "-" && !toks[i - 1].spaceBefore && !t.spaceBefore;
      const capital = startsUpper(t.text);
      const end = glued ? i - 1 : i;
      const a = runBefore(end, 3);
      if (a < end && (glued || t.spaceBefore)) {
        const text = doc.text.slice(toks[a].start, toks[end - 1].end);
        // A glued German compound names a project only when the name also stands alone ('X-Projekt' … 'X').
        const recurs = !glued || (end - a === 1 && standalone(text));
        if (!isPlace(doc, text) && hasDomainCue(s) && recurs) {
          // 'Lancium Clean Campus' names the whole; 'X-Projekt' / 'X project' name X.
          if (capital && !glued && !de) push(a, ps.endTok, "Project", 0.7);
          else push(a, end, "Project", 0.7);
        }
      }
    }
    // 5. Role compounds: 'X-Chef', 'X-Gründer', "X's CEO", 'X CEO Jane Doe'.
    const afterHyphen = i > 0 && toks[i - 1].text === "-" && !toks[i - 1].spaceBefore && !t.spaceBefore;
    if (
      !afterHyphen &&
      t.kind === "word" &&
      i + 2 < toks.length &&
      toks[i + 1].text === "-" &&
      !toks[i + 1].spaceBefore &&
      !toks[i + 2].spaceBefore
    ) {
      const title = roleTitleAt(doc, i);
      if (
        title?.prefix &&
        !title.unit &&
        title.prefix.endTok === i + 1 &&
        nameTok(t, i, false) &&
        !isPlace(doc, t.text) &&
        !personish(t.text)
      ) {
        push(i, i + 1, "Organization", 0.65);
        continue;
      }
      const low = toks[i + 2].text.toLowerCase();
      if (ix.orgSuffix.has(low) && nameTok(t, i, false) && !isPlace(doc, t.text) && !personish(t.text))
        push(i, i + 1, "Organization", 0.65);
    }
    if (
      !de &&
      (toks[i + 1]?.kind === "possessive" || toks[i + 1]?.spaceBefore) &&
      nameTok(t, i, false) &&
      !sentStart(i) &&
      !headline(s)
    ) {
      const k = toks[i + 1]?.kind === "possessive" ? i + 2 : i + 1;
      const title = toks[k] && startsLowerOrAcronym(toks[k].text) ? roleTitleAt(doc, k) : undefined;
      if (
        title &&
        ["CEO", "CFO", "CTO", "COO", "CPO", "Founder", "Chairman"].includes(title.role) &&
        !isPlace(doc, t.text) &&
        !personish(t.text)
      ) {
        const a = runBefore(i + 1, 3);
        push(a, i + 1, "Organization", 0.6);
      }
    }
  }
  return out;
}

const startsLowerOrAcronym = (s: string) =>
  s === s.toUpperCase() || s.charAt(0) === s.charAt(0).toLowerCase();

const placeSets = new WeakMap<object, Set<string>>();
export function isPlace(doc: Doc, text: string): boolean {
  let set = placeSets.get(doc.lexicons);
  if (!set) {
    set = new Set<string>();
    for (const e of doc.lexicons.locations) for (const n of [e.name, ...(e.aliases ?? [])]) set.add(n);
    placeSets.set(doc.lexicons, set);
  }
  return set.has(text) || set.has(text.replace(/s$/, ""));
}
