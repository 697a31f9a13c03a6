// Understanding a question in German or English: which family it belongs to (who leads which
// project, who founded X, how many GPUs X has, ...) and the name it asks about. Pure: a table
// of phrasings per family and language, tried in order; no I/O.
import type { Language } from "../../extractors/types.ts";

export type Measure = "money" | "gpu" | "power";

/** `name`: the name asked about, without articles and descriptive words; `asked`: with them, when different. */
export type Intent =
  /** "Wer leitet welches Rechenzentrumsprojekt?" / "who leads which compute project?" */
  | { kind: "leadersOfProjects" }
  /** "who leads Stargate?" / "Wer ist Chef von OpenAI?" */
  | { kind: "leadersOf"; name: string; asked?: string }
  /** "what role does Sam Altman have?" / "Welche Rolle hat Sarah Friar?" */
  | { kind: "roleOf"; name: string; asked?: string }
  /** "who works at OpenAI?" / "Wer arbeitet bei xAI?" */
  | { kind: "peopleAt"; name: string; asked?: string }
  /** "which projects does Oracle take part in?" / "Welche Projekte betreibt xAI?" */
  | { kind: "projectsOf"; name: string; asked?: string; relation: ProjectRelation }
  /** "who takes part in Stargate?" / "Wer ist an Stargate beteiligt?" */
  | { kind: "participantsOf"; name: string; asked?: string }
  /** "how much money is invested in Stargate?" / "Wie viele GPUs hat Colossus?" */
  | { kind: "quantityOf"; name: string; asked?: string; measure: Measure }
  /** "who founded Stargate?" / "Wer hat xAI gegründet?" */
  | { kind: "foundersOf"; name: string; asked?: string }
  /** "who supplies Colossus?" / "Wer liefert an Stargate?" */
  | { kind: "suppliersOf"; name: string; asked?: string };

export type IntentKind = Intent["kind"];

/** Which of an organization's project relations the question asks about. */
export type ProjectRelation = "any" | "builds" | "operates" | "founded" | "invests";

export interface ParsedQuestion {
  question: string;
  language: Language;
  intent: Intent | null;
}

type Make = (m: RegExpExecArray) => Intent | null;
interface Phrasing {
  language: Language;
  re: RegExp;
  make: Make;
}

/** The name parts of an intent: the name cleaned, and as asked when that differs ("Projekt Stargate" / "Stargate"). */
function names(raw: string): { name: string; asked?: string } | null {
  const name = cleanName(raw);
  if (!name) return null;
  const asked = cleanName(raw, { keepDescriptors: true });
  return asked && asked !== name ? { name, asked } : { name };
}

const named =
  <K extends Exclude<IntentKind, "leadersOfProjects" | "projectsOf" | "quantityOf">>(kind: K): Make =>
  (m) => {
    const n = names(m.groups?.name ?? "");
    return n ? ({ kind, ...n } as Intent) : null;
  };
const quantity =
  (measure: Measure): Make =>
  (m) => {
    const n = names(m.groups?.name ?? "");
    return n ? { kind: "quantityOf", ...n, measure } : null;
  };
const projectsOf =
  (relation: ProjectRelation | ((verb: string) => ProjectRelation)): Make =>
  (m) => {
    const n = names(m.groups?.name ?? "");
    const rel = typeof relation === "function" ? relation((m.groups?.verb ?? "").toLowerCase()) : relation;
    return n ? { kind: "projectsOf", ...n, relation: rel } : null;
  };
const all: Make = () => ({ kind: "leadersOfProjects" });

// Words for compute projects ("Rechenzentrumsprojekt", "KI-Rechenzentren", "compute projects", "data centers").
const PROJECT_EN = String.raw`(?:(?:ai|compute|computing|data[- ]?cent(?:er|re)|infrastructure|gpu|supercomputing)[- ]?)*(?:projects?|data[- ]?cent(?:er|re)s?|clusters?|supercomputers?|campus(?:es)?|initiatives?|ventures?)`;
const PROJECT_DE = String.raw`[\p{L}-]*(?:projekt|rechenzentr|cluster|supercomputer|campus|initiative|vorhaben|gigafactory|fabrik)[\p{L}-]*`;
const LEAD_EN = String.raw`(?:leads?|leading|runs?|running|heads?|heading|manages?|managing|directs?|directing|controls?|is in charge of|are in charge of|in charge of|is at the helm of)`;
const LEAD_DE = String.raw`(?:leitet|leiten|führt|führen|lenkt|lenken|steuert|steuern|managt|verantwortet|verantworten|steht an der spitze (?:von|des|der)|ist (?:der |die )?(?:chef|chefin|leiter|leiterin|boss)(?: von)?)`;
const WHICH_EN = String.raw`(?:which|what)`;
const WHICH_DE = String.raw`welche[nmrs]?`;
const NAME = String.raw`(?<name>.+?)`;

/** Phrasings, most specific first. Questions are matched lower-cased, without the final '?'. */
// prettier-ignore
const PHRASINGS: Phrasing[] = [
  // --- who leads which compute project --------------------------------------------------
  { language: "en", re: re(`^(?:who|whom)(?: is| are|'s)? ${LEAD_EN} ${WHICH_EN} ${PROJECT_EN}`), make: all },
  { language: "en", re: re(`^${WHICH_EN} ${PROJECT_EN} (?:is|are) (?:led|run|headed|managed|directed) by (?:whom|who)`), make: all },
  { language: "en", re: re(`^(?:who are |list |show )?(?:the )?(?:leaders|heads|bosses) of (?:the |all )?${PROJECT_EN}$`), make: all },
  { language: "en", re: re(`^who(?: is| are|'s)? behind ${WHICH_EN} ${PROJECT_EN}`), make: all },
  { language: "de", re: re(`^wer ${LEAD_DE} ${WHICH_DE} ${PROJECT_DE}`), make: all },
  { language: "de", re: re(`^wer ist (?:der |die )?(?:chef|chefin|leiter|leiterin) ${WHICH_DE} ${PROJECT_DE}`), make: all },
  { language: "de", re: re(`^wer steht (?:hinter|an der spitze) ${WHICH_DE} ${PROJECT_DE}`), make: all },
  { language: "de", re: re(`^${WHICH_DE} ${PROJECT_DE} (?:werden|wird) von wem (?:geleitet|geführt|gelenkt)`), make: all },
  { language: "de", re: re(`^von wem (?:werden|wird) ${WHICH_DE} ${PROJECT_DE} (?:geleitet|geführt)`), make: all },
  { language: "de", re: re(`^(?:wer sind )?(?:die )?(?:leiter|chefs|chefinnen) (?:der|aller|von) ${PROJECT_DE}$`), make: all },

  // --- money / GPUs / power of X ---------------------------------------------------------
  { language: "en", re: re(`^how much(?: money| capital| funding| cash)? (?:is|was|has been|have been|will be|are|were|gets?|got)? ?(?:being )?(?:invested|committed|spent|put|pledged|going|flowing) (?:in|into|to|for|on) ${NAME}$`), make: quantity("money") },
  { language: "en", re: re(`^how much (?:does|did|will) ${NAME} cost$`), make: quantity("money") },
  { language: "en", re: re(`^how (?:expensive|costly) is ${NAME}$`), make: quantity("money") },
  { language: "en", re: re(`^what(?: is|'s| are) (?:the )?(?:investments?|costs?|budget|funding|price|money|investment volume) (?:in|into|of|for|behind) ${NAME}$`), make: quantity("money") },
  { language: "en", re: re(`^how much (?:money|funding|capital) (?:does|did|will) ${NAME} (?:get|have|receive|need|raise)$`), make: quantity("money") },
  { language: "en", re: re(`^how many (?:gpus|chips|accelerators|graphics cards|graphics processors|h100s?|gpu chips|ai chips)(?: does| do| will| did| is| are| has| have)? ${NAME}(?: have| has| plan| planned| get| use| run| deploy| buy| add| contain| need| own)?(?: to (?:have|get|use|deploy|add|buy))?$`), make: quantity("gpu") },
  { language: "en", re: re(`^how many (?:gpus|chips|accelerators|h100s?) (?:are|will be|were) (?:in|at|for|planned for|used by) ${NAME}$`), make: quantity("gpu") },
  { language: "en", re: re(`^how much (?:power|electricity|energy|capacity|compute power|electric power)(?: does| do| will| did| is| are)? ${NAME}(?: have| has| need| use| draw| consume| plan| require| get)?$`), make: quantity("power") },
  { language: "en", re: re(`^how much (?:power|electricity|energy|capacity) (?:is|will be) (?:planned for|needed by|used by|available to|in) ${NAME}$`), make: quantity("power") },
  { language: "en", re: re(`^how many (?:gigawatts?|megawatts?|gw|mw|watts?)(?: does| do| will| is| are)? ${NAME}(?: have| has| need| use| draw| plan)?$`), make: quantity("power") },
  { language: "en", re: re(`^what(?: is|'s) (?:the )?(?:power|energy|electricity)(?: consumption| capacity| demand| use| need)? (?:of|for) ${NAME}$`), make: quantity("power") },
  { language: "de", re: re(`^wie ?viel(?:e)?(?: geld| kapital)? (?:wird|wurde|ist|sind|werden|wurden|fließt|fließen|floss|flossen|soll|sollen) (?:in|für) ${NAME}(?: investiert| ausgegeben| gesteckt| zugesagt| bereitgestellt| fließen| gehen)?(?: werden| worden)?$`), make: quantity("money") },
  { language: "de", re: re(`^wie ?viel(?:e)?(?: geld| kapital)? (?:investiert|investieren|steckt|stecken|gibt|geben) ${NAME}$`), make: quantity("money") },
  { language: "de", re: re(`^wie ?viel (?:kostet|kosten|kostete) ${NAME}$`), make: quantity("money") },
  { language: "de", re: re(`^wie (?:hoch|groß) (?:ist|sind|war|waren) (?:die |das )?(?:investitionen|investition|investitionsvolumen|kosten|budget|finanzierung|summe) (?:in|für|von|des|der) ${NAME}$`), make: quantity("money") },
  { language: "de", re: re(`^wie ?viele (?:gpus|grafikprozessoren|grafikkarten|chips|ki-chips|beschleuniger|h100)(?: hat| haben| bekommt| bekommen| nutzt| nutzen| plant| planen| soll| sollen| wird| werden| erhält| braucht| benötigt| besitzt)? ${NAME}(?: haben| bekommen| erhalten| nutzen| einsetzen| geplant| hinzufügen)?$`), make: quantity("gpu") },
  { language: "de", re: re(`^wie ?viele (?:gpus|grafikprozessoren|chips|beschleuniger) (?:sind|werden|stecken|laufen) (?:in|für|bei) ${NAME}(?: geplant| verbaut| vorgesehen| im einsatz)?$`), make: quantity("gpu") },
  { language: "de", re: re(`^wie ?viel(?:e)? (?:strom|energie|leistung|kapazität|rechenleistung|elektrizität)(?: hat| haben| braucht| brauchen| benötigt| benötigen| verbraucht| verbrauchen| plant| soll| wird| bekommt)? ${NAME}(?: haben| brauchen| verbrauchen| bekommen)?$`), make: quantity("power") },
  { language: "de", re: re(`^wie ?viele (?:gigawatt|megawatt|gw|mw|watt)(?: hat| haben| braucht| brauchen| soll| plant)? ${NAME}(?: haben)?$`), make: quantity("power") },
  { language: "de", re: re(`^welche (?:leistung|strommenge|kapazität|anschlussleistung) (?:hat|haben|braucht|benötigt|soll|plant) ${NAME}(?: haben)?$`), make: quantity("power") },
  { language: "de", re: re(`^wie (?:hoch|groß) (?:ist|sind) (?:der |die )?(?:strombedarf|leistung|energiebedarf|kapazität|stromverbrauch) (?:von|des|der|für) ${NAME}$`), make: quantity("power") },

  // --- founders ------------------------------------------------------------------------------
  { language: "en", re: re(`^who (?:founded|started|created|set up|established|launched|co-founded|cofounded) ${NAME}$`), make: named("foundersOf") },
  { language: "en", re: re(`^(?:who (?:is|are|was|were) )?(?:the )?(?:co-?)?founders? of ${NAME}$`), make: named("foundersOf") },
  { language: "en", re: re(`^(?:by whom|who) (?:was|were|is) ${NAME} (?:founded|started|created|set up|established|launched)(?: by)?$`), make: named("foundersOf") },
  { language: "de", re: re(`^wer (?:hat|hatte) ${NAME} (?:gegründet|ins leben gerufen|gestartet|aufgebaut|initiiert|mitgegründet)$`), make: named("foundersOf") },
  { language: "de", re: re(`^wer (?:gründete|gründet|startete|initiierte) ${NAME}$`), make: named("foundersOf") },
  { language: "de", re: re(`^von wem (?:wurde|ist|wird) ${NAME} (?:gegründet|ins leben gerufen|gestartet|initiiert)(?: worden)?$`), make: named("foundersOf") },
  { language: "de", re: re(`^(?:wer (?:ist|sind|war|waren) )?(?:der |die )?(?:mit)?(?:gründer|gründerin|gründerinnen) (?:von|des|der) ${NAME}$`), make: named("foundersOf") },

  // --- suppliers -------------------------------------------------------------------------------
  { language: "en", re: re(`^who (?:supplies|supplied|delivers|equips|provides|furnishes)(?: (?:gpus|chips|hardware|servers|power|equipment|technology))?(?: (?:to|for))? ${NAME}$`), make: named("suppliersOf") },
  { language: "en", re: re(`^(?:who (?:is|are) )?(?:the )?(?:suppliers?|vendors?|providers?) (?:of|to|for) ${NAME}$`), make: named("suppliersOf") },
  { language: "en", re: re(`^(?:which|what) (?:companies|firms|vendors|suppliers) (?:supply|deliver to|equip|provide) ${NAME}$`), make: named("suppliersOf") },
  { language: "de", re: re(`^wer (?:liefert|lieferte|beliefert|belieferte|rüstet|stattet)(?: (?:die |das )?(?:gpus|chips|hardware|server|technik|technologie|strom))? (?:an |für |nach )?${NAME}(?: aus)?(?: mit (?:gpus|chips|hardware|servern|strom|technik|technologie|rechenleistung))?(?: aus)?$`), make: named("suppliersOf") },
  { language: "de", re: re(`^(?:wer (?:ist|sind) )?(?:der |die )?(?:lieferanten|lieferant|zulieferer|ausrüster) (?:von|des|der|für) ${NAME}$`), make: named("suppliersOf") },
  { language: "de", re: re(`^welche (?:firmen|unternehmen|konzerne|hersteller) (?:liefern|beliefern) (?:an |für )?${NAME}$`), make: named("suppliersOf") },

  // --- projects of an organization -------------------------------------------------------------
  { language: "en", re: re(`^${WHICH_EN} ${PROJECT_EN} (?:does|do|did|is|are|has|have) ${NAME} (?<verb>take part in|taking part in|participate in|participating in|involved in|part of|a part of|partner in|partner on|participated in|taken part in|build|building|built|construct|constructing|develop|developing|operate|operating|run|running|operated|found|founded|co-found|fund|funding|funded|invest in|investing in|invested in|back|backing|have|own|work on|working on|behind)$`), make: projectsOf(relationOfVerb) },
  { language: "en", re: re(`^(?:in |on )?${WHICH_EN} ${PROJECT_EN} (?:does|do|is|are) ${NAME} (?<verb>involved|participating|taking part|engaged|active|investing)(?: in| on)?$`), make: projectsOf(relationOfVerb) },
  { language: "en", re: re(`^what (?:does|do|did) ${NAME} (?<verb>build|operate|run|take part in|participate in|invest in|fund)$`), make: projectsOf(relationOfVerb) },
  { language: "en", re: re(`^(?:what|which) (?:is|are) ${NAME}(?:'s)? (?:compute )?projects$`), make: projectsOf("any") },
  { language: "de", re: re(`^(?:an |bei |in |mit )?${WHICH_DE} ${PROJECT_DE} (?:ist|sind|war|waren|hat|haben|beteiligt sich|beteiligen sich|arbeitet|arbeiten) ${NAME} (?<verb>beteiligt|dabei|mit|mitglied|partner|tätig|investiert|gebaut|errichtet|betrieben|gegründet|teilgenommen)?$`), make: projectsOf((v) => relationOfVerb(v)) },
  { language: "de", re: re(`^${WHICH_DE} ${PROJECT_DE} (?<verb>baut|bauen|errichtet|errichten|entwickelt|entwickeln|betreibt|betreiben|gründete|gründet|finanziert|finanzieren|plant|planen|unterstützt|leitet|hat|verantwortet) ${NAME}$`), make: projectsOf((v) => relationOfVerb(v)) },
  { language: "de", re: re(`^(?:woran|wobei|worin) (?:ist|sind|war) ${NAME} (?:beteiligt|dabei|engagiert)$`), make: projectsOf("any") },
  { language: "de", re: re(`^${WHICH_DE} ${PROJECT_DE} (?:werden|wird) von ${NAME} (?<verb>betrieben|gebaut|errichtet|finanziert|gegründet|geplant)$`), make: projectsOf((v) => relationOfVerb(v)) },
  { language: "de", re: re(`^(?:in |an )?${WHICH_DE} ${PROJECT_DE} (?<verb>investiert|investieren) ${NAME}$`), make: projectsOf("invests") },

  // --- leaders, phrasings that would otherwise read as taking part ("who is in charge of X") ---
  { language: "en", re: re(`^who(?: is| are|'s)? (?:in charge of|at the helm of|the head of|heading|leading|running) ${NAME}$`), make: named("leadersOf") },
  { language: "de", re: re(`^wer hat (?:bei|in|im|an) ${NAME} das sagen$`), make: named("leadersOf") },
  { language: "de", re: re(`^wer hat das sagen (?:bei|in|im|an) ${NAME}$`), make: named("leadersOf") },

  // --- participants of a project ----------------------------------------------------------------
  { language: "en", re: re(`^who (?:takes|take|took|is taking|are taking) part in ${NAME}$`), make: named("participantsOf") },
  { language: "en", re: re(`^who (?:participates|participated|is participating|are participating|is involved|are involved|was involved|is a partner|are (?:the )?partners|invests|invested|is investing) (?:in|on|of) ${NAME}$`), make: named("participantsOf") },
  { language: "en", re: re(`^who(?: is|'s|are) (?:part of|behind|building|backing|funding|in) ${NAME}$`), make: named("participantsOf") },
  { language: "en", re: re(`^(?:which|what) (?:companies|organizations|organisations|firms|partners|participants|investors)(?: are| were)? (?:take part in|taking part in|participate in|participating in|involved in|part of|behind|in|building|backing|invested in|investing in) ${NAME}$`), make: named("participantsOf") },
  { language: "en", re: re(`^(?:who are |what are )?(?:the )?(?:partners|participants|members|investors|backers) (?:of|in) ${NAME}$`), make: named("participantsOf") },
  { language: "en", re: re(`^who (?:builds|built|is building|operates|operated|funds|backs|owns|owned) ${NAME}$`), make: named("participantsOf") },
  { language: "en", re: re(`^(?:which|what) (?:company|companies|firm|firms|organi[sz]ations?|partners?) (?:operates|operate|runs|run|builds|build|built|is building|are building|funds|fund|backs|back|owns|own|is behind|are behind|takes part in|take part in|participates in|participate in) ${NAME}$`), make: named("participantsOf") },
  { language: "de", re: re(`^wer (?:ist|sind|war|waren) (?:alles )?(?:an|bei|in) ${NAME} (?:beteiligt|dabei|engagiert)$`), make: named("participantsOf") },
  { language: "de", re: re(`^wer (?:nimmt|nehmen|nahm|nahmen) (?:an|bei) ${NAME} teil$`), make: named("participantsOf") },
  { language: "de", re: re(`^wer (?:beteiligt sich|beteiligen sich|beteiligte sich|macht|machen|investiert|investieren) (?:an|bei|in) ${NAME}(?: mit)?$`), make: named("participantsOf") },
  { language: "de", re: re(`^wer (?:baut|errichtet|betreibt|finanziert|steht hinter|unterstützt|trägt|besitzt) ${NAME}$`), make: named("participantsOf") },
  { language: "de", re: re(`^welche[rs]? (?:firma|firmen|unternehmen|konzern|konzerne|organisation|organisationen|partner) (?:betreibt|betreiben|baut|bauen|errichtet|errichten|finanziert|finanzieren|besitzt|besitzen|steht hinter|stehen hinter) ${NAME}$`), make: named("participantsOf") },
  { language: "de", re: re(`^wem (?:gehört|gehören|gehörte) ${NAME}$`), make: named("participantsOf") },
  { language: "de", re: re(`^welche (?:firmen|unternehmen|konzerne|partner|organisationen|investoren|beteiligten) (?:sind|waren) (?:an|bei|in) ${NAME} (?:beteiligt|dabei)$`), make: named("participantsOf") },
  { language: "de", re: re(`^(?:wer sind )?(?:die )?(?:partner|beteiligten|teilnehmer|investoren|geldgeber) (?:von|bei|des|der|an) ${NAME}$`), make: named("participantsOf") },

  // --- people at an organization ------------------------------------------------------------------
  { language: "en", re: re(`^who (?:works|worked|is working|are working) (?:at|for|in|with) ${NAME}$`), make: named("peopleAt") },
  { language: "en", re: re(`^who (?:is|are) (?:employed|working) (?:at|by|for) ${NAME}$`), make: named("peopleAt") },
  { language: "en", re: re(`^(?:which|what) (?:people|persons|executives|managers|employees) (?:work|are|are working) (?:at|for) ${NAME}$`), make: named("peopleAt") },
  { language: "en", re: re(`^(?:who are )?(?:the )?(?:people|executives|employees|staff|management|managers) (?:at|of) ${NAME}$`), make: named("peopleAt") },
  { language: "de", re: re(`^wer (?:arbeitet|arbeiten|arbeitete|ist beschäftigt|ist angestellt|ist tätig) (?:bei|für|an) ${NAME}$`), make: named("peopleAt") },
  { language: "de", re: re(`^wer (?:ist|sind) (?:bei|für) ${NAME} (?:tätig|beschäftigt|angestellt)$`), make: named("peopleAt") },
  { language: "de", re: re(`^welche (?:personen|leute|manager|managerinnen|mitarbeiter|mitarbeiterinnen|führungskräfte) (?:arbeiten|sind|gibt es) (?:bei|für) ${NAME}(?: tätig)?$`), make: named("peopleAt") },

  // --- role of a person ----------------------------------------------------------------------------
  { language: "en", re: re(`^what (?:role|roles|position|positions|title|job|function) (?:does|did|do) ${NAME} (?:have|hold|play|fill|occupy)$`), make: named("roleOf") },
  { language: "en", re: re(`^what(?: is|'s| was) ${NAME}(?:'s|’s) (?:role|position|title|job|function)$`), make: named("roleOf") },
  { language: "en", re: re(`^what(?: is|'s| was) the (?:role|position|title|job) of ${NAME}$`), make: named("roleOf") },
  { language: "en", re: re(`^what (?:does|did) ${NAME} do$`), make: named("roleOf") },
  { language: "de", re: re(`^welche (?:rolle|rollen|position|positionen|funktion|funktionen|aufgabe|stelle) (?:hat|hatte|spielt|besetzt|bekleidet|innehat) ${NAME}(?: inne)?$`), make: named("roleOf") },
  { language: "de", re: re(`^was (?:ist|war) ${NAME} (?:von beruf|beruflich)$`), make: named("roleOf") },
  { language: "de", re: re(`^was (?:macht|machte) ${NAME}(?: beruflich)?$`), make: named("roleOf") },
  { language: "de", re: re(`^(?:was ist|welche ist) (?:die )?(?:rolle|position|funktion) von ${NAME}$`), make: named("roleOf") },

  // --- leaders of X (after the "which project" forms above) ----------------------------------------
  { language: "en", re: re(`^who(?: is| are|'s|) ${LEAD_EN} ${NAME}$`), make: named("leadersOf") },
  { language: "en", re: re(`^who(?: is| was|'s) (?:the )?(?:ceo|chief executive|chief executive officer|head|leader|boss|chair|chairman|chairwoman|director|president) (?:of|at) ${NAME}$`), make: named("leadersOf") },
  { language: "en", re: re(`^(?:by whom|who) (?:is|was|are) ${NAME} (?:led|run|headed|managed|directed)(?: by)?$`), make: named("leadersOf") },
  { language: "en", re: re(`^who(?: is|'s) at the (?:helm|head|top) of ${NAME}$`), make: named("leadersOf") },
  { language: "de", re: re(`^wer (?:leitet|führt|lenkt|steuert|managt|verantwortet|leitete|führte) ${NAME}$`), make: named("leadersOf") },
  { language: "de", re: re(`^wer (?:ist|war) (?:der |die )?(?:chef|chefin|leiter|leiterin|boss|ceo|vorstandschef|vorstandschefin|vorsitzende|vorsitzender|konzernchef|geschäftsführer|geschäftsführerin|präsident|präsidentin) (?:von|bei|des|der) ${NAME}$`), make: named("leadersOf") },
  { language: "de", re: re(`^wer steht (?:an der spitze )?(?:von|des|der) ${NAME}(?: vor)?$`), make: named("leadersOf") },
  { language: "de", re: re(`^wer steht ${NAME} vor$`), make: named("leadersOf") },
  { language: "de", re: re(`^von wem (?:wird|wurde) ${NAME} (?:geleitet|geführt|gelenkt)$`), make: named("leadersOf") },

  // --- "who is P": a person's roles (last: every more specific "who is ..." form comes first) ----
  { language: "en", re: re(`^who(?: is|'s) ${NAME}$`), make: named("roleOf") },
  { language: "de", re: re(`^wer (?:ist|war) ${NAME}$`), make: named("roleOf") },
];

function re(source: string): RegExp {
  return new RegExp(source, "du");
}

function relationOfVerb(verb: string): ProjectRelation {
  if (
    /^(build|building|built|construct|constructing|develop|developing|gebaut|baut|bauen|errichtet|errichten|entwickelt|entwickeln)/.test(
      verb,
    )
  )
    return "builds";
  if (/^(operat|run|betreib|betrieben)/.test(verb)) return "operates";
  if (/^(found|co-found|gegründet|gründet)/.test(verb)) return "founded";
  if (/^(fund|invest|back|finanzier)/.test(verb)) return "invests";
  return "any";
}

// Words in front of or after a name that are not part of it: "the Stargate project", "das Projekt Stargate".
const ARTICLES = /^(?:the|a|an|der|die|das|dem|den|des|ein|eine|einem|einen|einer)\s+/iu;
const LEADING_DESCRIPTORS =
  /^(?:project|projekt|company|unternehmen|firma|konzern|startup|start-up|data center|rechenzentrum|supercomputer|cluster)\s+/iu;
const TRAILING_FILLERS =
  /\s+(?:now|currently|today|derzeit|aktuell|heute|eigentlich|genau|insgesamt|already|bereits)$/iu;
const TRAILING_DESCRIPTORS =
  /\s+(?:project|projekt|company|unternehmen|data center|rechenzentrum|initiative|venture|joint venture|plan|plans)$/iu;
const QUOTES_AROUND = /^["'„“‚‘«»]+|["'“”‘’«»]+$/gu;

/**
 * The name as asked: quotes, articles, possessive -'s and filler words removed; descriptive
 * words ("Projekt", "company") too unless `keepDescriptors`.
 */
export function cleanName(raw: string, options: { keepDescriptors?: boolean } = {}): string {
  let s = raw.trim().replace(QUOTES_AROUND, "").trim();
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(ARTICLES, "").replace(TRAILING_FILLERS, "").trim();
    if (!options.keepDescriptors)
      s = s.replace(LEADING_DESCRIPTORS, "").replace(TRAILING_DESCRIPTORS, "").trim();
    s = s.replace(QUOTES_AROUND, "").trim();
    if (s === before) break;
  }
  s = s.replace(/(?:'s|’s)$/u, "");
  return s.length > 0 && s.length <= 120 ? s : "";
}

const GERMAN_HINTS =
  /\b(?:wer|was|wie|wieviel|wieviele|welche[nmrs]?|ist|sind|hat|haben|wird|werden|von|und|der|die|das|dem|den|des|mit|für|bei|leitet|gegründet|beteiligt|liefert|viele|viel|geld|gibt)\b|[äöüß]/giu;
const ENGLISH_HINTS =
  /\b(?:who|what|which|how|is|are|does|do|has|have|the|of|and|with|for|at|leads|founded|supplies|many|much|money|works)\b/giu;

/** German or English, from function words (short questions defeat statistical detectors). */
export function questionLanguage(q: string): Language {
  const de = q.match(GERMAN_HINTS)?.length ?? 0;
  const en = q.match(ENGLISH_HINTS)?.length ?? 0;
  return de > en ? "de" : "en";
}

/** Lower case, single spaces, no final punctuation; names keep their letters (matched case-insensitively later). */
function normalizeQuestion(q: string): string {
  return q
    .normalize("NFKC")
    .replace(/[\s\u00a0]+/gu, " ")
    .trim()
    .replace(/[?!.¿\s]+$/u, "")
    .replace(/^(?:und|and|also|so|bitte|please|sag mir|tell me|weißt du|do you know)[,:]?\s+/iu, "")
    .trim();
}

/** Parses a question into an intent and the name it asks about; intent null when not understood. */
export function parseQuestion(question: string): ParsedQuestion {
  const q = normalizeQuestion(question);
  const lower = q.toLocaleLowerCase("de");
  const guessed = questionLanguage(q);
  for (const p of PHRASINGS) {
    const m = p.re.exec(lower);
    if (!m) continue;
    // Names keep their original spelling: the same span of the question before lower-casing.
    const span = m.indices?.groups?.name;
    if (span && m.groups && lower.length === q.length) m.groups.name = q.slice(span[0], span[1]);
    const intent = p.make(m);
    if (intent) return { question, language: p.language, intent };
  }
  return { question, language: guessed, intent: null };
}

/** Example questions the parser understands, in the given language (shown when a question is not understood). */
export const EXAMPLES: Record<Language, string[]> = {
  en: [
    "Who leads which compute project?",
    "Who leads OpenAI?",
    "What role does Sam Altman have?",
    "Who works at OpenAI?",
    "Which projects does Oracle take part in?",
    "Who takes part in Stargate?",
    "How much money is invested in Stargate?",
    "How many GPUs does Colossus have?",
    "How much power does Stargate need?",
    "Who founded Stargate?",
    "Who supplies Colossus?",
  ],
  de: [
    "Wer leitet welches Rechenzentrumsprojekt?",
    "Wer leitet OpenAI?",
    "Welche Rolle hat Sam Altman?",
    "Wer arbeitet bei OpenAI?",
    "An welchen Projekten ist Oracle beteiligt?",
    "Wer ist an Stargate beteiligt?",
    "Wie viel Geld wird in Stargate investiert?",
    "Wie viele GPUs hat Colossus?",
    "Wie viel Strom braucht Stargate?",
    "Wer hat Stargate gegründet?",
    "Wer liefert an Stargate?",
  ],
};
