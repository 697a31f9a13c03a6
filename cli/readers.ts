// Input for `kg ingest`: expands files, folders and globs, and reads .txt, .md, .html and
// .jsonl into articles. Bad input (empty, binary, invalid UTF-8, too large, unreadable) is
// reported per file (per line for .jsonl) instead of stopping the batch.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import { parse as parseHtml } from "node-html-parser";
import { z } from "zod";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".jsonl"] as const;

/** Largest article accepted (bytes of one file, or of one .jsonl line): KG_MAX_ARTICLE_BYTES, default 2 MiB. */
export function maxArticleBytes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.KG_MAX_ARTICLE_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 2 * 1024 * 1024;
}

export interface RawArticle {
  id: string;
  text: string;
  lang: string | null;
  url: string | null;
  title: string | null;
  date: string | null;
  /** Where it came from, for messages: "news/a.txt" or "feed.jsonl:12". */
  origin: string;
}

export type ReadItem = { ok: true; article: RawArticle } | { ok: false; origin: string; reason: string };

// ---- bytes -> text ---------------------------------------------------------------------

/** Why these bytes are not a readable article, or null. */
export function rejectBytes(bytes: Uint8Array, limit: number): string | null {
  if (bytes.length === 0) return "empty";
  if (bytes.length > limit)
    return `too large: ${bytes.length} bytes, the limit is ${limit} (KG_MAX_ARTICLE_BYTES)`;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return "binary content (NUL bytes), not text";
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sample.length * 0.05) return "binary content (control bytes), not text";
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes strict UTF-8 (a BOM is dropped); a reason string when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { reason: string } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { reason: "invalid UTF-8 (convert the file to UTF-8)" };
  }
}

// ---- formats -----------------------------------------------------------------------------

interface Meta {
  title?: string | null;
  date?: string | null;
  url?: string | null;
  lang?: string | null;
  id?: string | null;
}

/** A leading block "---\ntitle: ...\ndate: 2025-09-24\nurl: ...\nlang: de\n---" (optional, in .txt and .md). */
export function splitFrontMatter(text: string): { meta: Meta; body: string } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) meta[kv[1]!.toLowerCase()] = kv[2]!.replace(/^["']|["']$/g, "");
  }
  return {
    meta: { title: meta.title, date: meta.date, url: meta.url ?? meta.source, lang: meta.lang, id: meta.id },
    body: text.slice(m[0].length),
  };
}

/** Markdown to plain text: headings, emphasis, links, images, code fences and HTML tags lose their markup. */
export function markdownToText(md: string): { text: string; title: string | null } {
  const title = /^#\s+(.+)$/m.exec(md)?.[1]?.trim() ?? null;
  const text = md
    .replace(/^```.*$/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, title };
}

/** HTML to article text and metadata (title, date, canonical URL, lang) from the usual tags. */
export function htmlToArticle(html: string): { text: string; meta: Meta } {
  const root = parseHtml(html, {
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const metaContent = (sel: string) => root.querySelector(sel)?.getAttribute("content")?.trim() || null;
  const title =
    metaContent('meta[property="og:title"]') ??
    root.querySelector("title")?.text.trim() ??
    root.querySelector("h1")?.text.trim() ??
    null;
  const date =
    metaContent('meta[property="article:published_time"]') ??
    metaContent('meta[name="date"]') ??
    metaContent('meta[name="pubdate"]') ??
    root.querySelector("time[datetime]")?.getAttribute("datetime") ??
    null;
  const url =
    root.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    metaContent('meta[property="og:url"]');
  const lang = root.querySelector("html")?.getAttribute("lang")?.slice(0, 2).toLowerCase() ?? null;
  for (const el of root.querySelectorAll(
    "script, style, noscript, nav, header, footer, aside, form, template, svg",
  ))
    el.remove();
  const body =
    root.querySelector("article") ?? root.querySelector("main") ?? root.querySelector("body") ?? root;
  const text = body.structuredText
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
  return { text, meta: { title, date, url: url ?? null, lang } };
}

const JsonlArticle = z.object({
  id: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  date: z.string().nullish(),
  lang: z.string().nullish(),
  text: z.string(),
});

// ---- files ---------------------------------------------------------------------------------

/** Article id of a file: its path relative to `base`, with "/" separators. */
export function fileArticleId(file: string, base: string): string {
  return relative(base, file).split(sep).join("/");
}

/** "DE", "de-DE", "en_US" -> "de", "de", "en"; other values stay as given (lower case) to be reported. */
export function normalizeLang(lang: string | null | undefined): string | null {
  const l = lang?.trim().toLowerCase();
  if (!l) return null;
  const m = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/.exec(l);
  return m ? m[1]! : l;
}

function article(id: string, text: string, meta: Meta, origin: string): ReadItem {
  if (!text.trim()) return { ok: false, origin, reason: "no text (empty after removing markup)" };
  return {
    ok: true,
    article: {
      id: meta.id?.trim() || id,
      text,
      lang: normalizeLang(meta.lang),
      url: meta.url ?? null,
      title: meta.title ?? null,
      date: meta.date ?? null,
      origin,
    },
  };
}

/** Reads one .txt/.md/.html file as an article. */
export async function readDocumentFile(
  file: string,
  options: { base: string; limit: number },
): Promise<ReadItem> {
  const origin = fileArticleId(file, options.base);
  let bytes: Buffer;
  try {
    const s = await stat(file);
    if (s.size > options.limit) {
      return {
        ok: false,
        origin,
        reason: `too large: ${s.size} bytes, the limit is ${options.limit} (KG_MAX_ARTICLE_BYTES)`,
      };
    }
    bytes = await readFile(file);
  } catch (err) {
    return { ok: false, origin, reason: `cannot read: ${(err as Error).message}` };
  }
  const bad = rejectBytes(bytes, options.limit);
  if (bad) return { ok: false, origin, reason: bad };
  const decoded = decodeUtf8(bytes);
  if ("reason" in decoded) return { ok: false, origin, reason: decoded.reason };
  const ext = extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm") {
    const { text, meta } = htmlToArticle(decoded.text);
    return article(origin, text, meta, origin);
  }
  const { meta, body } = splitFrontMatter(decoded.text);
  if (ext === ".md") {
    const { text, title } = markdownToText(body);
    return article(origin, text, { ...meta, title: meta.title ?? title }, origin);
  }
  return article(origin, body, meta, origin);
}

/**
 * Splits a file into lines of bytes (LF, optional CR), so each line is decoded strictly.
 * A line longer than `keep` bytes is not kept in memory: it comes back empty with its size.
 */
async function* byteLines(file: string, keep: number): AsyncGenerator<{ bytes: Buffer; size: number }> {
  let pending: Buffer[] = [];
  let size = 0;
  const add = (b: Buffer) => {
    size += b.length;
    if (size <= keep + 1) pending.push(b);
    else pending = [];
  };
  const take = () => {
    let bytes = size <= keep + 1 ? Buffer.concat(pending) : Buffer.alloc(0);
    let n = size;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) {
      bytes = bytes.subarray(0, -1);
      n--;
    }
    pending = [];
    size = 0;
    return { bytes, size: n };
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, from)) {
      add(chunk.subarray(from, i));
      yield take();
      from = i + 1;
    }
    if (from < chunk.length) add(chunk.subarray(from));
  }
  if (size > 0) yield take();
}

/** Reads a .jsonl file: one article per line ({ id, url, title, date, lang, text }). */
export async function* readJsonlFile(
  file: string,
  options: { base: string; limit: number },
): AsyncGenerator<ReadItem> {
  const name = fileArticleId(file, options.base);
  let n = 0;
  let any = false;
  try {
    for await (const { bytes, size } of byteLines(file, options.limit)) {
      n++;
      const origin = `${name}:${n}`;
      if (size > options.limit) {
        any = true;
        yield {
          ok: false,
          origin,
          reason: `too large: ${size} bytes, the limit is ${options.limit} (KG_MAX_ARTICLE_BYTES)`,
        };
        continue;
      }
      if (bytes.length === 0 || /^\s*$/.test(bytes.toString("latin1"))) continue;
      any = true;
      const decoded = decodeUtf8(bytes);
      if ("reason" in decoded) {
        yield { ok: false, origin, reason: decoded.reason };
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(decoded.text);
      } catch (err) {
        yield { ok: false, origin, reason: `not JSON: ${(err as Error).message}` };
        continue;
      }
      const parsed = JsonlArticle.safeParse(json);
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; ");
        yield { ok: false, origin, reason: `expected {id, url, title, date, lang, text}: ${why}` };
        continue;
      }
      const a = parsed.data;
      if (a.text.includes("\u0000")) {
        yield { ok: false, origin, reason: "binary content (NUL characters), not text" };
        continue;
      }
      yield article(
        a.id ?? origin,
        a.text,
        { title: a.title, url: a.url, date: a.date, lang: a.lang },
        origin,
      );
    }
  } catch (err) {
    yield { ok: false, origin: name, reason: `cannot read: ${(err as Error).message}` };
    return;
  }
  if (!any) yield { ok: false, origin: name, reason: "empty" };
}

export interface ExpandedInputs {
  files: string[];
  /** Arguments that matched nothing, or files of an unsupported type. */
  problems: { origin: string; reason: string }[];
}

/** Files, folders (searched recursively for supported files) and glob patterns, sorted and deduplicated. */
export async function expandInputs(inputs: string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const problems: ExpandedInputs["problems"] = [];
  const exts = SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(",");
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const s = await stat(abs).catch(() => null);
    if (s?.isDirectory()) {
      const found = await fg(`**/*.{${exts}}`, {
        cwd: abs,
        absolute: true,
        caseSensitiveMatch: false,
        dot: false,
      });
      if (found.length === 0)
        problems.push({
          origin: input,
          reason: `no ${SUPPORTED_EXTENSIONS.join(", ")} files in this folder`,
        });
      for (const f of found) files.add(resolve(f));
    } else if (s?.isFile()) {
      if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(abs).toLowerCase())) files.add(abs);
      else
        problems.push({
          origin: input,
          reason: `unsupported file type (use ${SUPPORTED_EXTENSIONS.join(", ")})`,
        });
    } else {
      const found = fg.isDynamicPattern(input)
        ? await fg(input, { cwd, absolute: true, onlyFiles: true, dot: false })
        : [];
      const usable = found.filter((f) =>
        (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(f).toLowerCase()),
      );
      if (usable.length === 0)
        problems.push({
          origin: input,
          reason: s ? "not a file or folder" : "no such file, folder or matching pattern",
        });
      for (const f of usable) files.add(resolve(f));
    }
  }
  return { files: [...files].sort(), problems };
}

/** Every article of the given files, in order; one item per file (per line for .jsonl). */
export async function* readArticles(
  files: string[],
  options: { base: string; limit: number },
): AsyncGenerator<ReadItem> {
  for (const f of files) {
    if (extname(f).toLowerCase() === ".jsonl") yield* readJsonlFile(f, options);
    else yield await readDocumentFile(f, options);
  }
}
