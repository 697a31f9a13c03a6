// Extraction for `kg ingest`: the extractors' pipeline, run in this thread or in a pool of
// worker threads (--concurrency N). Loading stays in the main thread, batched per article.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import type { ExtractionResult } from "../extractors/types.ts";

export interface ExtractInput {
  text: string;
  /** Language given with the article ("de"/"en"), or null to detect it. */
  lang: string | null;
  /** Article date ("2025-09-24") or null. */
  date: string | null;
}

export type ExtractFn = (input: ExtractInput) => ExtractionResult | Promise<ExtractionResult>;

export interface Extractor {
  extract(input: ExtractInput): Promise<ExtractionResult>;
  close(): Promise<void>;
  readonly workers: number;
}

const EXTRACTORS_DIR = fileURLToPath(new URL("../extractors/", import.meta.url));
const MODELS_DIR = fileURLToPath(new URL("../models/", import.meta.url));

/** The module that builds the ExtractFn: exports createPipelineExtract(): Promise<ExtractFn>. */
export const DEFAULT_PIPELINE_MODULE = new URL("./pipeline-adapter.ts", import.meta.url).href;

/** Loads the extractors' pipeline (extractors/pipeline.ts, through cli/pipeline-adapter.ts) once per thread. */
export async function loadPipeline(moduleUrl: string = DEFAULT_PIPELINE_MODULE): Promise<ExtractFn> {
  const mod = (await import(moduleUrl)) as { createPipelineExtract(): Promise<ExtractFn> };
  return mod.createPipelineExtract();
}

/**
 * Identifies the extraction code and data: a hash of the name-finder mode (KG_NER), the transformer
 * model where that mode uses one (KG_NER_MODEL, KG_NER_DTYPE), and of every
 * file under extractors/ and models/ (files over 32 MB by size and date). An article loaded by another version of the pipeline
 * is extracted and loaded again.
 */
export async function pipelineVersion(): Promise<string> {
  const h = createHash("sha256");
  const mode = process.env.KG_NER ?? "";
  h.update(`ner:${mode}\0`); // the name-finder mode of `kg ingest --ner`
  // Another transformer model finds other names: it is part of the version wherever it is used.
  if (mode === "transformer" || mode === "hybrid")
    h.update(`model:${process.env.KG_NER_MODEL ?? ""}\0dtype:${process.env.KG_NER_DTYPE ?? ""}\0`);
  for (const dir of [EXTRACTORS_DIR, MODELS_DIR]) {
    const files = (
      await fg("**/*", { cwd: dir, onlyFiles: true, dot: false }).catch(() => [] as string[])
    ).sort();
    for (const f of files) {
      const path = join(dir, f);
      const s = await stat(path);
      h.update(`${dir === MODELS_DIR ? "models" : "extractors"}/${f}\0`);
      h.update(s.size > 32 * 1024 * 1024 ? `${s.size}:${s.mtimeMs}` : await readFile(path));
    }
  }
  return h.digest("hex").slice(0, 16);
}

/** In this thread: one article at a time. */
export async function inlineExtractor(moduleUrl?: string): Promise<Extractor> {
  const fn = await loadPipeline(moduleUrl);
  return {
    workers: 0,
    extract: async (input) => fn(input),
    close: async () => undefined,
  };
}

interface Task {
  id: number;
  input: ExtractInput;
  resolve: (r: ExtractionResult) => void;
  reject: (e: Error) => void;
}

export class ExtractionError extends Error {
  readonly code = "EXTRACTION_FAILED";
}

/** A pool of worker threads, each with its own pipeline; tasks are queued and answered in any order. */
export async function workerExtractor(
  size: number,
  moduleUrl: string = DEFAULT_PIPELINE_MODULE,
): Promise<Extractor> {
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const all = new Set<Worker>();
  let nextId = 1;
  let closing = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const t = queue.shift()!;
      busy.set(w, t);
      w.postMessage({ id: t.id, input: t.input });
    }
  };

  const spawnWorker = (): Promise<Worker> =>
    new Promise((resolveReady, rejectReady) => {
      const w = new Worker(new URL("./extract-worker.mjs", import.meta.url), {
        workerData: { module: moduleUrl },
      });
      let ready = false;
      all.add(w);
      w.on("message", (msg: { ready?: true; id?: number; result?: ExtractionResult; error?: string }) => {
        if (msg.ready) {
          ready = true;
          idle.push(w);
          resolveReady(w);
          dispatch();
          return;
        }
        const t = busy.get(w);
        busy.delete(w);
        idle.push(w);
        if (t) {
          if (msg.error !== undefined) t.reject(new ExtractionError(msg.error));
          else t.resolve(msg.result!);
        }
        dispatch();
      });
      w.on("error", (err) => {
        if (!ready) rejectReady(err);
      });
      w.on("exit", (code) => {
        all.delete(w);
        const i = idle.indexOf(w);
        if (i >= 0) idle.splice(i, 1);
        const t = busy.get(w);
        busy.delete(w);
        if (t) t.reject(new ExtractionError(`extraction worker stopped (exit code ${code})`));
        if (!ready) rejectReady(new ExtractionError(`extraction worker failed to start (exit code ${code})`));
        else if (!closing) spawnWorker().catch(() => undefined); // replace a crashed worker
      });
    });

  await Promise.all(Array.from({ length: size }, spawnWorker));
  return {
    workers: size,
    extract(input) {
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}

/** --concurrency N: N worker threads (N > 1), or extraction in this thread (N = 1). */
export async function createExtractor(concurrency: number, moduleUrl?: string): Promise<Extractor> {
  const n = Math.max(1, Math.min(Math.trunc(concurrency) || 1, availableParallelism() * 4));
  return n > 1 ? workerExtractor(n, moduleUrl) : inlineExtractor(moduleUrl);
}
