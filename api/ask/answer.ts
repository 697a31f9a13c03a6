// The short answer sentence of /ask, in the question's language, from the structured rows.
// Pure: no I/O.
import type { Language } from "../../extractors/types.ts";
import type { Intent } from "./parse.ts";

export interface LeaderRow {
  project: string;
  person: string;
  via: string | null;
}
export interface LeaderOfRow {
  person: string;
  of: string;
  via: string | null;
}
export interface RoleRow {
  person: string;
  role: string;
  at: string | null;
}
export interface ProjectRow {
  project: string;
  relations: string[];
}
export interface ParticipantRow {
  participant: string;
  relations: string[];
}
export interface QuantityRow {
  value: number;
  unit: string;
  qualifier: string | null;
  articleCount: number;
}
export interface NameRow {
  name: string;
}

const MAX_LISTED = 8;

/** "A, B and C" / "A, B und C", cut after MAX_LISTED items ("and 3 more"). */
export function list(items: string[], lang: Language): string {
  const and = lang === "de" ? "und" : "and";
  const uniq = [...new Set(items)];
  const shown = uniq.slice(0, MAX_LISTED);
  const rest = uniq.length - shown.length;
  if (rest > 0) shown.push(lang === "de" ? `${rest} weitere` : `${rest} more`);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${and} ${shown[shown.length - 1]}`;
}

const ROLE_WORDS: Record<string, { de: string; en: string }> = {
  LEADS: { de: "leitet", en: "leads" },
  FOUNDED: { de: "hat gegründet", en: "founded" },
};

const RELATION_WORDS: Record<string, { de: string; en: string }> = {
  PARTICIPATES_IN: { de: "beteiligt", en: "participant" },
  FOUNDED: { de: "Gründer", en: "founder" },
  OPERATES: { de: "Betreiber", en: "operator" },
  INVESTS_IN: { de: "Investor", en: "investor" },
  SUPPLIES: { de: "Lieferant", en: "supplier" },
  LEADS: { de: "Leitung", en: "leader" },
  PARTNERS_WITH: { de: "Partner", en: "partner" },
};

function relationWords(rels: string[], lang: Language): string {
  return rels.map((r) => RELATION_WORDS[r]?.[lang] ?? r).join(", ");
}

/** 500000000000 USD -> "500 billion USD" / "500 Mrd. USD"; 1e6 GPU -> "1,000,000 GPUs"; 1.2e9 W -> "1.2 GW". */
export function formatQuantity(
  q: { value: number; unit: string; qualifier: string | null },
  lang: Language,
): string {
  const locale = lang === "de" ? "de-DE" : "en-US";
  let amount: string;
  if (q.unit === "W") {
    const steps: [number, string][] = [
      [1e9, "GW"],
      [1e6, "MW"],
      [1e3, "kW"],
      [1, "W"],
    ];
    const [f, u] = steps.find(([f]) => Math.abs(q.value) >= f) ?? [1, "W"];
    amount = `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(q.value / f)} ${u}`;
  } else if (q.unit === "GPU") {
    amount = `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(q.value)} GPUs`;
  } else {
    const compact = new Intl.NumberFormat(locale, {
      notation: "compact",
      compactDisplay: "long",
      maximumFractionDigits: 2,
    }).format(q.value);
    amount = `${compact} ${q.unit}`;
  }
  const qual =
    q.qualifier === "up_to"
      ? lang === "de"
        ? "bis zu "
        : "up to "
      : q.qualifier === "more_than"
        ? lang === "de"
          ? "mehr als "
          : "more than "
        : q.qualifier === "about"
          ? lang === "de"
            ? "etwa "
            : "about "
          : "";
  return qual + amount;
}

const MEASURE_WORDS = {
  money: { de: "Geldbeträge", en: "amounts of money" },
  gpu: { de: "GPU-Zahlen", en: "GPU counts" },
  power: { de: "Leistungsangaben", en: "power figures" },
} as const;

/** The answer when the question named something the graph does not know. */
export function unknownEntityAnswer(name: string, lang: Language): string {
  return lang === "de"
    ? `„${name}“ kenne ich nicht: keine Person, Organisation oder kein Projekt dieses Namens im Graphen.`
    : `I don't know "${name}": no person, organization or project of that name is in the graph.`;
}

/** The answer to a question not understood. */
export function notUnderstoodAnswer(lang: Language): string {
  return lang === "de"
    ? "Diese Frage verstehe ich nicht. Versuchen Sie eine Frage wie die Beispiele."
    : "I don't understand this question. Try one like the examples.";
}

/** The answer sentence for an intent's rows; `name` is the resolved entity's name. */
export function answerFor(intent: Intent, name: string, rows: unknown[], lang: Language): string {
  const de = lang === "de";
  const none = (en: string, deText: string) => (de ? deText : en);
  switch (intent.kind) {
    case "leadersOfProjects": {
      const r = rows as LeaderRow[];
      if (r.length === 0)
        return none(
          "The graph knows of no compute project with a known leader yet.",
          "Im Graphen ist noch kein Rechenzentrumsprojekt mit bekannter Leitung.",
        );
      const person = (x: LeaderRow) => (x.via ? `${x.person} (${de ? "über" : "via"} ${x.via})` : x.person);
      const projects = [...groupBy(r, (x) => x.project)];
      const shown = projects
        .slice(0, MAX_LISTED)
        .map(([project, xs]) => `${project}: ${list(xs.map(person), lang)}`);
      const rest = projects.length - shown.length;
      if (rest > 0) shown.push(de ? `${rest} weitere Projekte` : `${rest} more projects`);
      return (de ? "Projekte und ihre Leitung: " : "Projects and who leads them: ") + shown.join("; ") + ".";
    }
    case "leadersOf": {
      const r = rows as LeaderOfRow[];
      if (r.length === 0)
        return none(`I found no one who leads ${name}.`, `Ich habe niemanden gefunden, der ${name} leitet.`);
      const people = r.map((x) => (x.via ? `${x.person} (${de ? "über" : "via"} ${x.via})` : x.person));
      return de
        ? `${name} wird geleitet von ${list(people, lang)}.`
        : `${name} is led by ${list(people, lang)}.`;
    }
    case "roleOf": {
      const r = rows as RoleRow[];
      if (r.length === 0) return none(`I know of no role of ${name}.`, `Zu ${name} ist keine Rolle bekannt.`);
      const roles = r.map((x) => {
        const word = ROLE_WORDS[x.role]?.[lang];
        if (word) return `${word} ${x.at ?? ""}`.trim();
        return x.at ? `${x.role} ${de ? "bei" : "at"} ${x.at}` : x.role;
      });
      return de ? `${name}: ${list(roles, lang)}.` : `${name}: ${list(roles, lang)}.`;
    }
    case "peopleAt": {
      const r = rows as RoleRow[];
      if (r.length === 0)
        return none(`I know of no people at ${name}.`, `Zu ${name} sind keine Personen bekannt.`);
      const people = [...groupBy(r, (x) => x.person)].map(
        ([person, xs]) =>
          `${person} (${[...new Set(xs.map((x) => ROLE_WORDS[x.role]?.[lang] ?? x.role))].join(", ")})`,
      );
      return de ? `Bei ${name}: ${list(people, lang)}.` : `At ${name}: ${list(people, lang)}.`;
    }
    case "projectsOf": {
      const r = rows as ProjectRow[];
      if (r.length === 0)
        return none(
          `I know of no compute project ${name} is involved in.`,
          `Ich kenne kein Projekt, an dem ${name} beteiligt ist.`,
        );
      const items = r.map((x) => `${x.project} (${relationWords(x.relations, lang)})`);
      return de
        ? `${name} ist beteiligt an: ${list(items, lang)}.`
        : `${name} is involved in ${list(items, lang)}.`;
    }
    case "participantsOf": {
      const r = rows as ParticipantRow[];
      if (r.length === 0)
        return none(`I know of no one taking part in ${name}.`, `Zu ${name} sind keine Beteiligten bekannt.`);
      const items = r.map((x) => `${x.participant} (${relationWords(x.relations, lang)})`);
      return de
        ? `An ${name} beteiligt: ${list(items, lang)}.`
        : `Taking part in ${name}: ${list(items, lang)}.`;
    }
    case "quantityOf": {
      const r = rows as QuantityRow[];
      const what = MEASURE_WORDS[intent.measure][lang];
      if (r.length === 0)
        return none(`I know of no ${what} for ${name}.`, `Zu ${name} sind keine ${what} bekannt.`);
      const values = r.map((x) => {
        const v = formatQuantity(x, lang);
        return x.articleCount > 1 ? `${v} (${x.articleCount} ${de ? "Artikel" : "articles"})` : v;
      });
      if (r.length === 1) return de ? `${name}: ${values[0]}.` : `${name}: ${values[0]}.`;
      return de
        ? `Für ${name} werden verschiedene Werte genannt: ${list(values, lang)}.`
        : `Different figures are reported for ${name}: ${list(values, lang)}.`;
    }
    case "foundersOf": {
      const r = rows as NameRow[];
      if (r.length === 0)
        return none(`I don't know who founded ${name}.`, `Wer ${name} gegründet hat, ist nicht bekannt.`);
      return de
        ? `${name} wurde gegründet von ${list(
            r.map((x) => x.name),
            lang,
          )}.`
        : `${name} was founded by ${list(
            r.map((x) => x.name),
            lang,
          )}.`;
    }
    case "suppliersOf": {
      const r = rows as NameRow[];
      if (r.length === 0)
        return none(`I know of no supplier of ${name}.`, `Zu ${name} sind keine Lieferanten bekannt.`);
      return de
        ? `${name} wird beliefert von ${list(
            r.map((x) => x.name),
            lang,
          )}.`
        : `${name} is supplied by ${list(
            r.map((x) => x.name),
            lang,
          )}.`;
    }
  }
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
