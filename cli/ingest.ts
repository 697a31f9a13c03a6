// The batch behind `kg ingest` (and `kg start`): read -> skip unchanged -> extract (worker
// threads) -> load (main thread, one transaction per article). Bad input is reported per
// file and the batch goes on; a database that goes down stops the batch with one message,
// keeping everything committed before.
import type { ExtractionResult } from "../extractors/types.ts";
import { DatabaseUnavailableError, type Graph } from "../graph/driver.ts";
import { contentHash } from "../graph/identity.ts";
import {
  type ArticleWithResult,
  type LoadOutcome,
  articleStates,
  duplicateArticles,
  ensureSchema,
  loadArticles,
} from "../graph/load.ts";
import type { Extractor } from "./extraction.ts";
import { type Progress, formatDuration } from "./progress.ts";
import { type RawArticle, expandInputs, readArticles } from "./readers.ts";

export const LANGUAGES = ["de", "en"] as const;

export interface IngestOptions {
  inputs: string[];
  /** Article ids of files are their paths relative to this folder. */
  base: string;
  limit: number;
  force?: boolean;
  /** Articles checked, extracted and loaded (in one transaction) together; default 50. */
  batchSize?: number;
}

export interface IngestDeps {
  graph: Graph;
  extractor: Extractor;
  pipeline: string;
  progress: (total: number) => Progress;
}

export interface Failure {
  origin: string;
  reason: string;
}

export interface IngestSummary {
  seen: number;
  loaded: number;
  replaced: number;
  unchanged: number;
  /** Articles skipped because another article with the same text is loaded. */
  duplicates: Failure[];
  failed: Failure[];
  entities: number;
  facts: number;
  sources: number;
  seconds: number;
  /** Set when the database went away: the batch stopped there. */
  aborted: DatabaseUnavailableError | null;
}

/** How many articles the inputs hold: one per file, one per non-empty line of .jsonl. */
async function countArticles(files: string[]): Promise<number> {
  const { createReadStream } = await import("node:fs");
  let n = 0;
  for (const f of files) {
    if (!f.toLowerCase().endsWith(".jsonl")) {
      n++;
      continue;
    }
    let lines = 0;
    let lastByte = 10;
    try {
      for await (const chunk of createReadStream(f) as AsyncIterable<Buffer>) {
        for (const b of chunk) if (b === 10) lines++;
        lastByte = chunk[chunk.length - 1] ?? lastByte;
      }
    } catch {
      /* reported when read */
    }
    n += Math.max(1, lines + (lastByte === 10 ? 0 : 1));
  }
  return n;
}

function languageProblem(lang: string | null | undefined): string | null {
  if (!lang) return null;
  return (LANGUAGES as readonly string[]).includes(lang)
    ? null
    : `language '${lang}' is not supported (only German 'de' and English 'en')`;
}

export async function runIngest(options: IngestOptions, deps: IngestDeps): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = {
    seen: 0,
    loaded: 0,
    replaced: 0,
    unchanged: 0,
    duplicates: [],
    failed: [],
    entities: 0,
    facts: 0,
    sources: 0,
    seconds: 0,
    aborted: null,
  };
  const { files, problems } = await expandInputs(options.inputs, options.base);
  summary.failed.push(...problems);
  const progress = deps.progress(await countArticles(files));
  for (const p of problems) progress.log(`✗ ${p.origin}: ${p.reason}`);
  const fail = (origin: string, reason: string) => {
    summary.failed.push({ origin, reason });
    progress.log(`✗ ${origin}: ${reason}`);
    progress.tick(origin);
  };

  const batchSize = options.batchSize ?? 50;
  const seenIds = new Map<string, string>();
  const hashesThisRun = new Map<string, string>();
  let batch: RawArticle[] = [];
  let loading: Promise<void> = Promise.resolve();

  const count = (o: LoadOutcome) => {
    if (o.status === "unchanged") {
      summary.unchanged++;
      return;
    }
    summary[o.status]++;
    summary.entities += o.entities;
    summary.facts += o.facts;
    summary.sources += o.sources;
  };

  /** Loads extracted articles in one transaction; if that fails for a reason other than the database, one by one. */
  const load = async (ready: { a: RawArticle; item: ArticleWithResult }[]) => {
    if (ready.length === 0 || summary.aborted) return;
    const opts = { pipeline: deps.pipeline, force: options.force };
    try {
      const outs = await loadArticles(
        deps.graph,
        ready.map((r) => r.item),
        opts,
      );
      outs.forEach((o, i) => {
        count(o);
        progress.tick(ready[i]!.a.origin);
      });
      return;
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) {
        summary.aborted = err;
        return;
      }
      if (ready.length === 1) {
        fail(ready[0]!.a.origin, `loading failed: ${(err as Error).message.split("\n")[0]}`);
        return;
      }
    }
    for (const r of ready) await load([r]);
  };

  const flush = async () => {
    const items = batch;
    batch = [];
    if (items.length === 0) return;
    const states = options.force
      ? new Map()
      : await articleStates(
          deps.graph,
          items.map((a) => a.id),
        );
    const changed: { a: RawArticle; hash: string }[] = [];
    for (const a of items) {
      const s = states.get(a.id);
      const hash = contentHash(a.text);
      if (s && s.contentHash === hash && s.pipeline === deps.pipeline) {
        summary.unchanged++;
        progress.tick(a.origin);
      } else changed.push({ a, hash });
    }
    // The same text under another id (a syndicated copy) would count as corroboration: skip it.
    const elsewhere = await duplicateArticles(
      deps.graph,
      changed.map(({ a, hash }) => ({ id: a.id, hash })),
    );
    const todo: RawArticle[] = [];
    for (const { a, hash } of changed) {
      const original = elsewhere.get(a.id) ?? hashesThisRun.get(hash);
      if (original !== undefined && original !== a.id) {
        summary.duplicates.push({ origin: a.origin, reason: `same text as article '${original}'` });
        progress.log(`= ${a.origin}: same text as article '${original}', skipped`);
        progress.tick(a.origin);
        continue;
      }
      hashesThisRun.set(hash, a.id);
      todo.push(a);
    }
    // Extraction of this batch runs (in the workers) while the previous batch is loading.
    const extracted = await Promise.all(
      todo.map((a) =>
        deps.extractor.extract({ text: a.text, lang: a.lang, date: a.date }).then(
          (r): { ok: true; r: ExtractionResult } => ({ ok: true, r }),
          (e: Error) => ({ ok: false as const, e }),
        ),
      ),
    );
    await loading;
    if (summary.aborted) return;
    const ready: { a: RawArticle; item: ArticleWithResult }[] = [];
    todo.forEach((a, i) => {
      const x = extracted[i]!;
      if (!x.ok) return fail(a.origin, `extraction failed: ${x.e.message}`);
      const lang = a.lang ?? x.r.language;
      const bad =
        languageProblem(lang) ?? (lang ? null : "language not recognised (only German and English)");
      if (bad) return fail(a.origin, bad);
      ready.push({
        a,
        item: {
          article: { id: a.id, text: a.text, lang, url: a.url, title: a.title, date: a.date },
          result: x.r,
        },
      });
    });
    loading = load(ready);
  };

  try {
    await ensureSchema(deps.graph);
    for await (const item of readArticles(files, { base: options.base, limit: options.limit })) {
      if (summary.aborted) break;
      summary.seen++;
      if (!item.ok) {
        fail(item.origin, item.reason);
        continue;
      }
      const a = item.article;
      const bad = languageProblem(a.lang);
      if (bad) {
        fail(a.origin, bad);
        continue;
      }
      const first = seenIds.get(a.id);
      if (first !== undefined) {
        fail(a.origin, `duplicate article id '${a.id}' (also ${first})`);
        continue;
      }
      seenIds.set(a.id, a.origin);
      batch.push(a);
      if (batch.length >= batchSize) await flush();
    }
    if (!summary.aborted) await flush();
    await loading;
  } catch (err) {
    if (!(err instanceof DatabaseUnavailableError)) throw err;
    summary.aborted = err;
  } finally {
    progress.stop();
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

export function formatSummary(s: IngestSummary): string[] {
  const done = s.loaded + s.replaced;
  const lines = [
    `Articles: ${done} loaded (${s.loaded} new, ${s.replaced} replaced), ${s.unchanged} unchanged and skipped, ` +
      `${s.duplicates.length} duplicates skipped, ${s.failed.length} failed` +
      ` — ${formatDuration(s.seconds)}, ${(done / Math.max(s.seconds, 0.001)).toFixed(1)} articles/s`,
    `Written:  ${s.entities} entity mentions, ${s.facts} fact statements with ${s.sources} sources`,
  ];
  if (s.failed.length > 0) {
    lines.push("Failed:");
    for (const f of s.failed) lines.push(`  ${f.origin}: ${f.reason}`);
  }
  if (s.aborted) {
    lines.push(
      `Stopped: ${s.aborted.message}`,
      "Everything loaded before this point is committed; run the same command again to go on (unchanged articles are skipped).",
    );
  }
  return lines;
}
