// Roles: a title before or after a person's name, in compounds and appositions, with the
// organization the text gives or implies:
//   'OpenAI-Chef Sam Altman', 'CFO Sarah Friar', 'Lisa Su, CEO von AMD', 'Oracle co-founder
//   Larry Ellison', "Nvidia's chief executive Jensen Huang", 'Softbank-Chef Son',
//   'the chief executive of Nvidia, Jensen Huang'.
// A bare C-level title ('CFO Sarah Friar') in an article about one company implies that company.
import { tokenOffsetsOf, type Doc } from "./doc.ts";
import { roleTitleAt, type TitleHit } from "./titles.ts";
import { buildMatcher, matchAt, type Matcher } from "./matcher.ts";
import type { Entity, Role, RoleFinding } from "./types.ts";

const COPULA = new Set([
  "ist",
  "war",
  "is",
  "was",
  "wird",
  "bleibt",
  "remains",
  "becomes",
  "became",
  "wurde",
]);
const POSSESSIVES = new Set([
  "sein",
  "seine",
  "seinen",
  "seinem",
  "seiner",
  "ihr",
  "ihre",
  "ihren",
  "ihrem",
  "ihrer",
  "its",
  "their",
  "dessen",
  "deren",
]);
const RELATIVES = new Set(["who", "der", "die", "welcher", "welche"]);
const GENERIC_ORG = new Set([
  "company",
  "firm",
  "group",
  "startup",
  "start-up",
  "chipmaker",
  "lab",
  "unternehmen",
  "unternehmens",
  "konzern",
  "konzerns",
  "firma",
  "start-ups",
  "startups",
]);
const UNIT_NAME =
  /lab|research|institut|cent(?:er|re)|zentrum|team|division|unit|abteilung|school|department/i;
const COORD = new Set(["und", "and", "&", "sowie"]);
const ADJECTIVES = new Set([
  "billionaire",
  "former",
  "longtime",
  "outgoing",
  "incoming",
  "new",
  "current",
  "then",
  "interim",
  "acting",
  "ehemalige",
  "ehemaliger",
  "frühere",
  "früherer",
  "neue",
  "neuer",
  "langjährige",
  "langjähriger",
  "scheidende",
  "scheidender",
  "amtierende",
  "amtierender",
]);
const C_LEVEL = new Set<Role>(["CEO", "CFO", "CTO", "COO", "CPO"]);
const DETERMINERS = new Set([
  "der",
  "die",
  "das",
  "dem",
  "den",
  "des",
  "ein",
  "eine",
  "einer",
  "the",
  "a",
  "an",
  "its",
  "sein",
  "seine",
  "ihr",
  "ihre",
  "dessen",
  "deren",
  "former",
  "ehemalige",
  "ehemaliger",
  "früherer",
  "frühere",
  "current",
  "new",
  "neue",
  "neuer",
  "then",
  "longtime",
  "langjährige",
  "langjähriger",
]);

interface MentionIndex {
  /** Entity at each token index (for tokens inside a mention). */
  byTok: (Entity | undefined)[];
  /** Start token of the mention covering each token. */
  startTok: Int32Array;
  endTok: Int32Array;
}

function indexMentions(doc: Doc, entities: readonly Entity[]): MentionIndex {
  const n = doc.tokens.length;
  const byTok: (Entity | undefined)[] = new Array(n);
  const startTok = new Int32Array(n).fill(-1);
  const endTok = new Int32Array(n).fill(-1);
  const { byStart } = tokenOffsetsOf(doc);
  for (const e of entities) {
    for (const m of e.mentions) {
      const a = byStart.get(m.start);
      if (a === undefined) continue;
      let b = a;
      while (b < n && doc.tokens[b].end <= m.end) b++;
      for (let k = a; k < b; k++) {
        byTok[k] = e;
        startTok[k] = a;
        endTok[k] = b;
      }
    }
  }
  return { byTok, startTok, endTok };
}

/** The most mentioned organization before `offset` (ties: the one named first): the company the text is about so far. */
function mainSoFar(entities: readonly Entity[], offset: number): Entity | undefined {
  let best: Entity | undefined;
  let bestCount = 0;
  for (const e of entities) {
    if (e.type !== "Organization") continue;
    let count = 0;
    for (const m of e.mentions) if (m.start < offset) count++;
    if (
      count > bestCount ||
      (count === bestCount && count > 0 && e.mentions[0].start < best!.mentions[0].start)
    ) {
      best = e;
      bestCount = count;
    }
  }
  return best;
}

const isOrgLike = (e: Entity | undefined) => !!e && (e.type === "Organization" || e.type === "Project");

/** The organization named after a title: 'CEO von AMD', 'chief executive of the chipmaker Nvidia'. */
function orgAfter(doc: Doc, ix: MentionIndex, tok: number): { org: Entity; end: number } | undefined {
  const t = doc.tokens[tok];
  if (!t) return undefined;
  const preps = doc.lex.cues.roleOrgPrepositions;
  // German genitive directly: 'Chef des Konzerns Nvidia' / 'Chef von Nvidia'.
  if (!preps.includes(t.text.toLowerCase())) return undefined;
  for (let k = tok + 1; k < Math.min(tok + 5, doc.tokens.length); k++) {
    const x = doc.tokens[k];
    if (x.sentence !== t.sentence) return undefined;
    const e = ix.byTok[k];
    // 'Chef des Google-Mutterkonzerns Alphabet': an organization inside a compound is not the one meant.
    const glued = doc.tokens[ix.endTok[k]]?.text === "-" && !doc.tokens[ix.endTok[k]].spaceBefore;
    if (e && glued) {
      k = ix.endTok[k]; // 'US-Chipkonzerns': the loop's k++ skips the hyphen
      continue;
    }
    if (isOrgLike(e)) return { org: e!, end: ix.endTok[k] };
    if (e || x.text === "," || x.text === ".") return undefined;
    // Only articles, adjectives and company nouns stand between ('des US-Chipkonzerns Nvidia',
    // 'of the chipmaker Nvidia'), not other nouns ('bei einer Konferenz von Bitkom').
    const low = x.text.toLowerCase();
    const companyNoun = ORG_NOUN.test(low);
    if (
      x.text !== "-" &&
      !DETERMINERS.has(low) &&
      !companyNoun &&
      !(x.kind === "word" && /^\p{Ll}/u.test(x.text) && !doc.lex.cues.roleOrgPrepositions.includes(low))
    )
      return undefined;
  }
  return undefined;
}

const ORG_NOUN =
  /(?:konzerns?|herstellers?|anbieters?|betreibers?|unternehmens?|firma|gesellschaft|startups?|start-ups?|riesen?|giganten?|investors?|versorgers?|fonds|entwicklers?|spezialisten?|labors?|instituts?|behörde|agentur|verband(?:e?s)?|bank|company|firm|maker|provider|operator|developer|group|lab|giant|chipmaker|startup)$/;

/** The organization right before a title: 'Oracle co-founder', "Nvidia's chief executive". */
function orgBefore(doc: Doc, ix: MentionIndex, tok: number): { org: Entity; start: number } | undefined {
  let k = tok - 1;
  if (k >= 0 && ADJECTIVES.has(doc.tokens[k].text.toLowerCase())) k--;
  if (k >= 0 && doc.tokens[k].kind === "possessive") k--;
  else if (k >= 0 && doc.tokens[k].text === "-" && !doc.tokens[k].spaceBefore) k--;
  if (k < 0 || doc.tokens[k].sentence !== doc.tokens[tok].sentence) return undefined;
  const e = ix.byTok[k];
  return isOrgLike(e) ? { org: e!, start: ix.startTok[k] } : undefined;
}

function prefixOrg(ix: MentionIndex, hit: TitleHit): Entity | undefined {
  if (!hit.prefix) return undefined;
  for (let k = hit.prefix.startTok; k < hit.prefix.endTok; k++)
    if (isOrgLike(ix.byTok[k])) return ix.byTok[k];
  return undefined;
}

export function findRoles(doc: Doc, entities: readonly Entity[]): RoleFinding[] {
  const toks = doc.tokens;
  const ix = indexMentions(doc, entities);
  // The article's main company: the most mentioned organization (at least twice).
  let main: Entity | undefined;
  // Ties go to the one named first.
  for (const e of entities)
    if (
      e.type === "Organization" &&
      e.mentions.length >= 2 &&
      (!main ||
        e.mentions.length > main.mentions.length ||
        (e.mentions.length === main.mentions.length && e.mentions[0].start < main.mentions[0].start))
    )
      main = e;
  const out: RoleFinding[] = [];
  const seen = new Set<string>();
  const emit = (
    person: Entity,
    hit: TitleHit,
    org: Entity | undefined,
    spanStart: number,
    spanEnd: number,
  ) => {
    // 'head of Nvidia' heads the company (CEO); 'head of the lab' a unit (Head).
    const bare = doc.text.slice(toks[hit.startTok].start, toks[hit.endTok - 1].end).toLowerCase();
    const role: Role =
      hit.role === "Head" &&
      bare === "head" &&
      org &&
      org.type === "Organization" &&
      !UNIT_NAME.test(org.name)
        ? "CEO"
        : hit.role;
    // A prefix that is no organization ('US-Präsident') keeps the role without one.
    let orgName: string | null = org ? org.name : null;
    if (!orgName && (C_LEVEL.has(role) || (role === "Head" && hit.unit)) && !(hit.prefix && !hit.unit)) {
      // A bare 'Chief executive X' works at the company the text is about so far, else the article's main one.
      orgName = (mainSoFar(entities, toks[hit.startTok].start) ?? main)?.name ?? null;
    }
    if (org && org.name === person.name) orgName = null;
    if (role === "Other" && !orgName) return;
    const key = `${person.name}|${role}|${orgName}`;
    if (seen.has(key)) return;
    seen.add(key);
    const start = toks[spanStart].start;
    const end = toks[spanEnd - 1].end;
    out.push({
      person: person.name,
      role,
      org: orgName,
      text: doc.text.slice(start, end),
      start,
      end,
      confidence: org ? 0.85 : 0.7,
    });
  };
  const titleCache = new Map<number, TitleHit | undefined>();
  const titleAt = (k: number) => {
    if (!titleCache.has(k)) titleCache.set(k, roleTitleAt(doc, k));
    return titleCache.get(k);
  };
  const skipAdj = (k: number) => (toks[k] && ADJECTIVES.has(toks[k].text.toLowerCase()) ? k + 1 : k);
  const skipDet = (k: number) => (toks[k] && DETERMINERS.has(toks[k].text.toLowerCase()) ? k + 1 : k);

  for (let i = 0; i < toks.length; i++) {
    const person = ix.byTok[i];
    if (!person || person.type !== "Person" || ix.startTok[i] !== i) continue;
    const pStart = i;
    const pEnd = ix.endTok[i];
    const sent = toks[i].sentence;
    // A. Title right before the name: 'CFO Sarah Friar', 'OpenAI-Chef Sam Altman',
    //    "Nvidia's chief executive Jensen Huang", 'the CEO of Nvidia, Jensen Huang'.
    let best: { hit: TitleHit; org?: Entity } | undefined;
    for (let k = pStart - 1; k >= Math.max(0, pStart - 8) && toks[k].sentence === sent; k--) {
      const hit = titleAt(k);
      if (!hit) continue;
      // 'CFO Sarah Friar'; "Meta's finance chief, Susan Li"
      if (hit.endTok === pStart || (hit.endTok === pStart - 1 && toks[pStart - 1].text === ",")) {
        best = { hit }; // keep looking for a longer title ('co-founder' over 'founder')
        continue;
      }
      if (best) continue;
      // 'CEO of Nvidia, Jensen Huang' / 'Chef von Nvidia Jensen Huang'
      const after = orgAfter(doc, ix, hit.endTok);
      if (!after) continue;
      let e = after.end;
      if (toks[e]?.text === ",") e++;
      if (e !== pStart) continue;
      best = { hit, org: after.org };
      break;
    }
    if (best) {
      // Coordinated titles: 'Gründer und CTO Larry Ellison', 'CEO and co-founder Chase Lochmiller'.
      const hits = [best.hit];
      for (;;) {
        const first = hits[0];
        const conj = toks[first.startTok - 1];
        if (!conj || !COORD.has(conj.text.toLowerCase())) break;
        let prev: TitleHit | undefined;
        for (let k = first.startTok - 2; k >= Math.max(0, first.startTok - 5); k--) {
          const h = titleAt(k);
          if (h && h.endTok === first.startTok - 1) prev = h;
        }
        if (!prev) break;
        hits.unshift(prev);
      }
      let org = best.org;
      let spanStart = hits[0].startTok;
      // 'machte ihren Gründer und CTO Larry Ellison': a possessive points to the organization named before.
      const det = toks[hits[0].startTok - 1];
      if (!org && !hits.some((h) => h.prefix) && det && POSSESSIVES.has(det.text.toLowerCase())) {
        for (let k = hits[0].startTok - 2; k >= doc.sentences[sent].tokenStart; k--) {
          if (isOrgLike(ix.byTok[k])) {
            org = ix.byTok[k];
            break;
          }
        }
      }
      if (!org) {
        const before = orgBefore(doc, ix, hits[0].startTok);
        if (before) {
          org = before.org;
          spanStart = before.start;
        } else if (
          main &&
          toks[hits[0].startTok - 1]?.kind === "possessive" &&
          GENERIC_ORG.has(toks[hits[0].startTok - 2]?.text.toLowerCase() ?? "")
        ) {
          org = main; // "the company's president, Greg Brockman"
        }
      }
      org ??= hits.map((h) => prefixOrg(ix, h)).find((o) => o);
      // 'Analyst Dan Ives von Wedbush', 'CFO Sarah Friar of OpenAI'
      const afterName = !org ? orgAfter(doc, ix, pEnd) : undefined;
      if (afterName) org = afterName.org;
      for (const hit of hits) emit(person, hit, prefixOrg(ix, hit) ?? org, spanStart, best.hit.endTok);
    }
    // B. Apposition after the name: 'Lisa Su, CEO von AMD', 'Sam Altman, OpenAI's CEO',
    //    'Jensen Huang, Nvidia-Chef', 'Larry Ellison, der Gründer von Oracle',
    //    'Doug Ostrover and Marc Lipschultz, co-CEOs of Blue Owl'.
    const people: Entity[] = [person];
    let k = pEnd;
    while (
      COORD.has(toks[k]?.text.toLowerCase() ?? "") &&
      ix.byTok[k + 1]?.type === "Person" &&
      ix.startTok[k + 1] === k + 1
    ) {
      people.push(ix.byTok[k + 1]!);
      k = ix.endTok[k + 1];
    }
    if (toks[k]?.kind === "possessive") continue;
    // Copula: 'Günter Eggers, ein Sprecher…, ist Sprecher von NTT Data', 'Jane Doe is the CFO of X'.
    let copula = -1;
    {
      let c = k;
      if (
        toks[c]?.text === "," &&
        RELATIVES.has(toks[c + 1]?.text.toLowerCase() ?? "") &&
        COPULA.has(toks[c + 2]?.text.toLowerCase() ?? "")
      ) {
        c += 2;
      } else if (toks[c]?.text === ",") {
        // The apposition may hold commas itself ('X, ein Typ in Hemd, Jeans und Schuhen, ist …').
        let e = c + 1;
        while (
          e < toks.length &&
          e < c + 24 &&
          toks[e].sentence === sent &&
          !(toks[e].text === "," && COPULA.has(toks[e + 1]?.text.toLowerCase() ?? ""))
        ) {
          if (ix.byTok[e]?.type === "Person") break;
          e++;
        }
        c = toks[e]?.text === "," ? e + 1 : -1;
      }
      // 'Satya Nadella, who is Microsoft's chief executive', 'Lisa Su, die Chefin von AMD ist' (the latter via B)
      if (
        c >= 0 &&
        RELATIVES.has(toks[c]?.text.toLowerCase() ?? "") &&
        COPULA.has(toks[c + 1]?.text.toLowerCase() ?? "")
      )
        c++;
      if (c >= 0 && COPULA.has(toks[c]?.text.toLowerCase() ?? "")) copula = skipAdj(skipDet(c + 1));
    }
    if (copula < 0 && !(toks[k]?.text === "," || toks[k]?.text === "(" || toks[k]?.text === "–")) continue;
    k = copula >= 0 ? copula : skipDet(k + 1);
    let org: Entity | undefined;
    const spanStart = k;
    // "OpenAI's CEO", "Nvidia's founder and CEO", 'Oracle co-founder'
    if (isOrgLike(ix.byTok[k]) && ix.startTok[k] === k) {
      const e = ix.endTok[k];
      const t = toks[e]?.kind === "possessive" ? e + 1 : e;
      if (t !== e || (toks[e] && toks[e].spaceBefore)) {
        org = ix.byTok[k];
        k = skipAdj(t);
      }
    }
    const hits: TitleHit[] = [];
    for (;;) {
      const hit = toks[k]?.sentence === sent ? titleAt(k) : undefined;
      if (!hit) break;
      hits.push(hit);
      k = hit.endTok;
      if (COORD.has(toks[k]?.text.toLowerCase() ?? "") && titleAt(skipDet(k + 1))) k = skipDet(k + 1);
      else break;
    }
    if (hits.length === 0) continue;
    const after = orgAfter(doc, ix, k);
    const spanEnd = after ? after.end : k;
    org ??= hits.map((h) => prefixOrg(ix, h)).find((o) => o) ?? after?.org;
    for (const p of people)
      for (const hit of hits) emit(p, hit, prefixOrg(ix, hit) ?? org, spanStart, spanEnd);
  }
  // 'Superintelligence Labs, led by industry heavyweights like Alexandr Wang and Nat Friedman'
  const ledBy = ledByMatcher(doc);
  for (let i = 0; i < toks.length; i++) {
    const hit = toks[i].kind === "word" ? matchAt(ledBy, toks, i, doc.text) : undefined;
    if (!hit) continue;
    const sent = toks[i].sentence;
    let org: Entity | undefined;
    // The sentence's subject: the first organization before the phrase ('Its Labs, now part of X, are led by').
    for (let k = doc.sentences[sent].tokenStart; k < i; k++)
      if (isOrgLike(ix.byTok[k])) {
        org = ix.byTok[k];
        break;
      }
    if (!org) continue;
    let k = hit.endTok;
    while (k < hit.endTok + 6 && toks[k]?.sentence === sent && ix.byTok[k]?.type !== "Person") k++;
    const title: TitleHit = { startTok: i, endTok: hit.endTok, role: "Head" };
    while (ix.byTok[k]?.type === "Person" && ix.startTok[k] === k) {
      emit(ix.byTok[k]!, title, org, i, ix.endTok[k]);
      k = ix.endTok[k];
      if (COORD.has(toks[k]?.text.toLowerCase() ?? "") || toks[k]?.text === ",") k++;
    }
  }
  return out;
}

const ledByMatchers = new WeakMap<object, Matcher<true>>();
function ledByMatcher(doc: Doc): Matcher<true> {
  let m = ledByMatchers.get(doc.lex);
  if (!m) {
    m = buildMatcher(
      (doc.lex.roles.ledBy ?? []).map((s) => ({ surface: s, payload: true as const })),
      true,
    );
    ledByMatchers.set(doc.lex, m);
  }
  return m;
}
