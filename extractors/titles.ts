// Role titles at a token: 'CEO', 'chief executive officer', 'Konzernchef', 'OpenAI-Chef',
// 'Deutschland-Chef' (Head), 'Mitgründer', 'co-founder'. Lexicon-driven (lexicon/{de,en}/roles.json).
import type { Doc } from "./doc.ts";
import type { LanguageLexicon } from "./lexicon/index.ts";
import { buildMatcher, matchAt, type Matcher } from "./matcher.ts";
import type { Role } from "./types.ts";

export interface TitleHit {
  /** Token range of the whole title, including a compound prefix ('OpenAI-Chef'). */
  startTok: number;
  endTok: number;
  role: Role;
  /** Token range of a compound prefix naming the organization ('OpenAI' in 'OpenAI-Chef'). */
  prefix?: { startTok: number; endTok: number };
  /** A unit or region prefix ('Deutschland-Chef', 'KI-Chef'): head of a unit, not the CEO. */
  unit?: boolean;
}

// Closed compounds whose ending only looks like a title ('Halbleiter' is no 'Leiter').
const NOT_TITLES = new Set([
  "halbleiter",
  "leiter",
  "lautsprecher",
  "supraleiter",
  "wegbereiter",
  "fürsprecher",
  "widersprecher",
  "stromleiter",
  "gesprächsleiter",
  "versprecher",
  "ansprecher",
  "halbleiterhersteller",
  "küchenchef",
]);

interface TitleIndex {
  matcher: Matcher<Role>;
  words: Map<string, Role>;
  heads: [string, Role][];
  unitHeads: Set<string>;
}
const indexes = new WeakMap<LanguageLexicon, TitleIndex>();

function index(lex: LanguageLexicon): TitleIndex {
  let ix = indexes.get(lex);
  if (ix) return ix;
  const items: { surface: string; payload: Role }[] = [];
  for (const [role, titles] of Object.entries(lex.roles.titles) as [Role, string[]][])
    for (const t of titles) items.push({ surface: t, payload: role });
  const heads: [string, Role][] = [];
  for (const [role, hs] of Object.entries(lex.roles.compoundHeads) as [Role, string[]][])
    for (const h of hs) heads.push([h, role]);
  // Longest heads first: 'finanzchef' before 'chef'.
  heads.sort((a, b) => b[0].length - a[0].length);
  const words = new Map(
    items.filter((x) => !/[\s-]/.test(x.surface)).map((x) => [x.surface.toLowerCase(), x.payload] as const),
  );
  ix = { matcher: buildMatcher(items, true), words, heads, unitHeads: new Set(lex.roles.unitHeads) };
  indexes.set(lex, ix);
  return ix;
}

/** The role of a single word by itself ('Konzernchef' → CEO, 'Deutschlandchef' → Head). */
export function compoundRole(lex: LanguageLexicon, word: string): { role: Role; unit: boolean } | undefined {
  const low = word.toLowerCase();
  if (NOT_TITLES.has(low)) return undefined;
  const ix = index(lex);
  const direct = ix.words.get(low);
  if (direct) return { role: direct, unit: false };
  for (const [head, role] of ix.heads) {
    if (low.length > head.length + 2 && low.endsWith(head)) {
      const stem = low.slice(0, -head.length).replace(/s$/, "");
      if (NOT_TITLES.has(low)) return undefined;
      const unit =
        (role === "CEO" || role === "Director") &&
        (ix.unitHeads.has(stem) || ix.unitHeads.has(low.slice(0, -head.length)));
      return { role: unit ? "Head" : role, unit };
    }
  }
  return undefined;
}

/** The role title starting at token i, if any. */
export function roleTitleAt(doc: Doc, i: number): TitleHit | undefined {
  const toks = doc.tokens;
  const t = toks[i];
  if (!t || t.kind !== "word") return undefined;
  const ix = index(doc.lex);
  const direct = matchAt(ix.matcher, toks, i, doc.text);
  // A compound prefix: 'OpenAI-Chef', 'Deutschland-Chef', 'Ex-CEO'.
  if (toks[i + 1]?.text === "-" && !toks[i + 1].spaceBefore && toks[i + 2] && !toks[i + 2].spaceBefore) {
    // Skip multi-part prefixes: 'Google-Cloud-Chef' → the title starts at 'Google'.
    let j = i;
    while (
      toks[j + 1]?.text === "-" &&
      !toks[j + 1].spaceBefore &&
      toks[j + 2] &&
      !toks[j + 2].spaceBefore &&
      toks[j + 2].kind === "word"
    ) {
      const head = matchAt(ix.matcher, toks, j + 2, doc.text);
      const closed = head ? undefined : compoundRole(doc.lex, toks[j + 2].text);
      if (head || closed) {
        if (direct && direct.endTok > j + 2) break; // 'KI-Chef' is itself a title
        const role = head ? head.payload : closed!.role;
        const end = head ? head.endTok : j + 3;
        // The title must end the compound ('OpenAI-Chef-Posten' is no title).
        if (toks[end]?.text === "-" && !toks[end].spaceBefore) return undefined;
        const prefixLow = toks
          .slice(i, j + 1)
          .map((x) => x.text)
          .join("")
          .toLowerCase();
        const unit = ix.unitHeads.has(prefixLow) || ix.unitHeads.has(prefixLow.replace(/s$/, ""));
        if (prefixLow === "ex" || prefixLow === "co" || prefixLow === "vize") {
          return {
            startTok: i,
            endTok: end,
            role: prefixLow === "co" ? role : role === "CEO" && prefixLow === "vize" ? "VP" : role,
          };
        }
        return {
          startTok: i,
          endTok: end,
          role: unit && (role === "CEO" || role === "Director") ? "Head" : role,
          prefix: { startTok: i, endTok: j + 1 },
          unit,
        };
      }
      j += 2;
    }
  }
  if (direct) return { startTok: i, endTok: direct.endTok, role: direct.payload };
  const closed = compoundRole(doc.lex, t.text);
  if (closed) return { startTok: i, endTok: i + 1, role: closed.role, unit: closed.unit };
  return undefined;
}
