// `kg ingest PATH...`: extract and load articles from files, folders and globs.
import type { Command } from "commander";
import { type Graph, graphConfigFromEnv, openGraph } from "../../graph/driver.ts";
import { graphCounts } from "../../graph/load.ts";
import { createExtractor, pipelineVersion } from "../extraction.ts";
import { formatSummary, runIngest } from "../ingest.ts";
import { fail, say, warn } from "../output.ts";
import { createProgress } from "../progress.ts";
import { maxArticleBytes } from "../readers.ts";
import { NER_MODES, resolveNerMode } from "../ner-mode.ts";

export interface IngestCliOptions {
  concurrency: string;
  force?: boolean;
  progress?: boolean;
  ner?: string;
}

/** Runs an ingest and prints its summary; returns the exit code (0 all good, 1 some failed, 2 database down). */
export async function ingestAndReport(
  inputs: string[],
  opts: { concurrency: number; force?: boolean; base?: string; graph?: Graph; bar?: boolean },
): Promise<number> {
  const graph = opts.graph ?? (await openGraph(graphConfigFromEnv()));
  const extractor = await createExtractor(opts.concurrency);
  try {
    const summary = await runIngest(
      { inputs, base: opts.base ?? process.cwd(), limit: maxArticleBytes(), force: opts.force },
      {
        graph,
        extractor,
        pipeline: await pipelineVersion(),
        progress: (total) =>
          createProgress({ total, label: "ingest", ...(opts.bar === false ? { tty: false } : {}) }),
      },
    );
    for (const line of formatSummary(summary)) (line.startsWith("Stopped") ? warn : say)(line);
    if (!summary.aborted) {
      const c = await graphCounts(graph);
      say(`Graph:    ${c.articles} articles, ${c.entities} entities, ${c.facts} facts, ${c.sources} sources`);
    }
    return summary.aborted ? 2 : summary.failed.length > 0 ? 1 : 0;
  } finally {
    await extractor.close();
    if (!opts.graph) await graph.close();
  }
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description(
      "Extract people, roles, companies, projects and quantities from articles and load them into Neo4j.\n" +
        "PATH: files, folders (searched recursively) or glob patterns of .txt, .md, .html and .jsonl " +
        "(one article a line: id, url, title, date, lang, text). Articles already loaded with the same text are skipped.",
    )
    .argument("<path...>", "files, folders or globs")
    .option("-c, --concurrency <n>", "worker threads for extraction (1 = in the main thread)", "1")
    .option("-f, --force", "reload articles even when their text is unchanged")
    .option("--no-progress", "plain progress lines even on a terminal")
    .option("--ner <mode>", `name finder: ${NER_MODES.join(", ")} (default: hybrid when a transformer model loads, else tagger)`)
    .addHelpText(
      "after",
      "\nLimits: one article (file or .jsonl line) may have at most KG_MAX_ARTICLE_BYTES bytes (default 2 MiB);" +
        "\nonly German and English articles are loaded. Exit code: 0 all loaded, 1 some failed, 2 database unavailable.",
    )
    .action(async (paths: string[], opts: IngestCliOptions) => {
      try {
        const concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1) {
          throw Object.assign(
            new Error(`--concurrency must be a whole number of at least 1, got '${opts.concurrency}'`),
            {
              code: "INVALID_INPUT",
            },
          );
        }
        // Resolved once here (one notice when hybrid has no model); worker threads read KG_NER.
        process.env.KG_NER = await resolveNerMode(opts.ner ?? (process.env.KG_NER || undefined));
        process.exitCode = await ingestAndReport(paths, {
          concurrency,
          force: opts.force,
          bar: opts.progress,
        });
      } catch (err) {
        fail(err);
        if ((err as { code?: string }).code === "DATABASE_UNAVAILABLE") process.exitCode = 2;
      }
    });
}
