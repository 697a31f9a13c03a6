// The lexicons, loaded once from data files by static JSON imports (no I/O in extractors).
import deAbbr from "./de/abbreviations.json" with { type: "json" };
import enAbbr from "./en/abbreviations.json" with { type: "json" };
import deRoles from "./de/roles.json" with { type: "json" };
import enRoles from "./en/roles.json" with { type: "json" };
import deCues from "./de/cues.json" with { type: "json" };
import enCues from "./en/cues.json" with { type: "json" };
import organizations from "./shared/organizations.json" with { type: "json" };
import projects from "./shared/projects.json" with { type: "json" };
import hardware from "./shared/hardware.json" with { type: "json" };
import models from "./shared/models.json" with { type: "json" };
import locations from "./shared/locations.json" with { type: "json" };
import firstNames from "./shared/first-names.json" with { type: "json" };
import nonNames from "./shared/non-names.json" with { type: "json" };
import deNouns from "./de/common-nouns.json" with { type: "json" };
import enNouns from "./en/common-nouns.json" with { type: "json" };
import type { EntityType, Role } from "../types.ts";

export interface GazetteerEntry {
  name: string;
  aliases?: string[];
  type?: EntityType;
  /** A common word too: matched only in a sentence with a domain cue. */
  ambiguous?: boolean;
  /** A generic class ('AI Gigafactory'): not an entity by itself. */
  generic?: boolean;
  /** The canonical name is not matched as such, only its aliases ('X' via 'Twitter'). */
  aliasOnly?: boolean;
}

export interface RoleLexicon {
  titles: Record<Role, string[]>;
  compoundHeads: Record<Role, string[]>;
  unitHeads: string[];
  /** 'led by', 'geleitet von': the people after it lead the organization before it. */
  ledBy: string[];
}

export interface CueLexicon {
  /** Nouns that introduce an organization name after them ('der Chiphersteller X'). */
  orgDescriptors: string[];
  /** Word endings that make a compound such a noun ('Softwarekonzern'). */
  orgDescriptorHeads: string[];
  /** Nouns that introduce a project name ('das Projekt X', 'Supercomputer X'). */
  projectDescriptors: string[];
  projectDescriptorHeads: string[];
  /** Words that name what follows ('namens', 'called'). */
  naming: string[];
  /** Words after a name that mark it as an organization ('X-Konzern'). */
  orgSuffixWords: string[];
  /** Words after a name that mark it as a project ('X-Projekt', 'X data center'). */
  projectSuffixWords: string[];
  /** Legal forms ('GmbH', 'Inc.'). */
  legalSuffixes: string[];
  /** Prepositions linking a role to its organization ('CEO von X'). */
  roleOrgPrepositions: string[];
  /** Words that suggest a compute context (for ambiguous lexicon names). */
  domainCues: string[];
  /** Capitalized words that are never names in this language (articles, pronouns, ...). */
  stopwords: string[];
  /** Person name particles ('von', 'van', 'de'). */
  nameParticles: string[];
}

export interface LanguageLexicon {
  abbreviations: ReadonlySet<string>;
  roles: RoleLexicon;
  cues: CueLexicon;
  /** Capitalized common nouns of the language ('Nachfrage', 'Rechenleistung'): no names. */
  commonNouns: ReadonlySet<string>;
  /** Lower-cased kinds of organization and project ('joint venture', 'rechenzentrum'): no names. */
  descriptors: ReadonlySet<string>;
}

export interface Lexicons {
  de: LanguageLexicon;
  en: LanguageLexicon;
  organizations: readonly GazetteerEntry[];
  projects: readonly GazetteerEntry[];
  hardware: readonly GazetteerEntry[];
  models: readonly GazetteerEntry[];
  locations: readonly GazetteerEntry[];
  firstNames: ReadonlySet<string>;
  /** Capitalized words that are no names in either language ('Chef', 'KI', 'Januar'). */
  nonNames: ReadonlySet<string>;
}

const lang = (
  abbr: { abbreviations: string[] },
  roles: unknown,
  cues: unknown,
  nouns: { words: string[] },
): LanguageLexicon =>
  Object.freeze({
    commonNouns: new Set(nouns.words),
    descriptors: new Set(
      [...(cues as CueLexicon).orgDescriptors, ...(cues as CueLexicon).projectDescriptors].map((w) =>
        w.toLowerCase(),
      ),
    ),
    abbreviations: new Set(abbr.abbreviations),
    roles: roles as RoleLexicon,
    cues: cues as CueLexicon,
  });

let cached: Lexicons | undefined;

/** The built-in lexicons (built once, frozen). */
export function defaultLexicons(): Lexicons {
  cached ??= Object.freeze({
    de: lang(deAbbr, deRoles, deCues, deNouns),
    en: lang(enAbbr, enRoles, enCues, enNouns),
    organizations: (organizations.entries as GazetteerEntry[]).map((e) => ({
      type: "Organization" as const,
      ...e,
    })),
    projects: (projects.entries as GazetteerEntry[]).map((e) => ({ type: "Project" as const, ...e })),
    hardware: (hardware.entries as GazetteerEntry[]).map((e) => ({ type: "Hardware" as const, ...e })),
    models: (models.entries as GazetteerEntry[]).map((e) => ({ type: "Model" as const, ...e })),
    locations: (locations.entries as GazetteerEntry[]).map((e) => ({ type: "Location" as const, ...e })),
    firstNames: new Set(firstNames.names),
    nonNames: new Set(nonNames.words.map((w: string) => w.toLowerCase())),
  });
  return cached;
}
