// Hand re-annotations of WikiANN sentences (scripts/data/wikiann-reannotated.jsonl.gz, built
// by scripts/pack-reannotated.ts): news-guideline tags for sentences of the data folder,
// joined to them by file and line and checked by a hash of their tokens.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fnv1a } from "../extractors/tagger/hash.ts";

export interface Reannotation {
  file: string;
  /** 0-based line of the sentence in its file. */
  line: number;
  /** tokensHash of the sentence's tokens. */
  hash: string;
  tags: string[];
  /** Held out for figures, never trained on. */
  heldout: boolean;
}

export function tokensHash(tokens: readonly string[]): string {
  return fnv1a(tokens.join("\u0001")).toString(16).padStart(8, "0");
}

export function readReannotations(path: string): Reannotation[] {
  return gunzipSync(readFileSync(path))
    .toString("utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as {
        file: string;
        line: number;
        hash: string;
        tags: string;
        heldout?: boolean;
      };
      return { ...r, tags: r.tags.split(" "), heldout: r.heldout === true };
    });
}
