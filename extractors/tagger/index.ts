// The trained sequence tagger: tags token lists (CoNLL style) or whole article texts.
import type { NerSpan } from "../types.ts";
import { hashContext, wordInfo, type WordInfo } from "./features.ts";
import { fnv1a } from "./hash.ts";
import { emissions, margins, marginals, viterbi } from "./decode.ts";
import type { TaggerModel } from "./format.ts";
import { NUM_TAGS, TAGS, type Tag } from "./tags.ts";
import { splitSentences, tokenize, type Token } from "./tokenize.ts";

export type { TaggerModel } from "./format.ts";
export { TAGS, type Tag } from "./tags.ts";

export interface TaggedSentence {
  tags: Tag[];
  /** Per token, the margin of the chosen tag over the runner-up (emission scores). */
  margins: Float64Array;
  /** Per token, the probability of the chosen tag (forward-backward), when asked for. */
  confidence?: Float64Array;
}

/** How sharp the tag probabilities are: the model's calibrated scale, else a default. */
function scaleOf(model: TaggerModel): number {
  const s = model.meta.scale;
  return typeof s === "number" && s > 0 ? s : 0.1;
}

interface CachedWord {
  info: WordInfo;
  /** Summed weights of the word-level features, per tag. */
  sum: Float64Array;
}

const MAX_CACHE = 200_000;
const TAG_NAMES: readonly Tag[] = [...TAGS];
const caches = new WeakMap<TaggerModel, Map<string, CachedWord>>();

/** A word form's word-level emission scores, computed once per model (a memo, not state). */
function cachedWord(model: TaggerModel, cache: Map<string, CachedWord>, w: string): CachedWord {
  let c = cache.get(w);
  if (c) return c;
  const info = wordInfo(w, model.gazetteer);
  const T = NUM_TAGS;
  const sum = new Float64Array(T);
  const mask = (1 << model.bits) - 1;
  const weights = model.weights;
  for (const name of info.local) {
    const off = (fnv1a(name) & mask) * T;
    for (let t = 0; t < T; t++) sum[t] += weights[off + t];
  }
  c = { info, sum };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(w, c);
  return c;
}

/** Tags one sentence given as tokens. Empty input gives empty output. */
export function tagTokens(
  model: TaggerModel,
  tokens: readonly string[],
  opts: { confidence?: boolean } = {},
): TaggedSentence {
  if (tokens.length === 0) return { tags: [], margins: new Float64Array(0) };
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new Map()));
  const words = tokens.map((w) => cachedWord(model, cache, w));
  const mask = (1 << model.bits) - 1;
  const ctx = hashContext(
    tokens,
    words.map((x) => x.info),
    model.gazetteer,
    mask,
  );
  const emit = emissions(model, ctx);
  const T = NUM_TAGS;
  for (let i = 0; i < tokens.length; i++) {
    const sum = words[i].sum;
    for (let t = 0; t < T; t++) emit[i * T + t] += sum[t];
  }
  const path = viterbi(emit, model.transitions);
  const names = TAG_NAMES;
  const tags: Tag[] = new Array(path.length);
  for (let i = 0; i < path.length; i++) tags[i] = names[path[i]];
  const result: TaggedSentence = { tags, margins: margins(emit, path) };
  if (opts.confidence) {
    const m = marginals(emit, model.transitions, scaleOf(model));
    result.confidence = Float64Array.from(path, (t, i) => m[i * T + t]);
  }
  return result;
}

/** Token-index spans of a BIO sequence; a stray I- opens a span. */
export function bioSpans(tags: readonly string[]): { label: string; start: number; end: number }[] {
  const out: { label: string; start: number; end: number }[] = [];
  let cur: { label: string; start: number; end: number } | null = null;
  tags.forEach((t, i) => {
    const m = /^([BI])-(\w+)$/.exec(t);
    if (!m || m[1] === "B" || (cur && cur.label !== m[2])) {
      if (cur) out.push(cur);
      cur = null;
    }
    if (m && !cur) cur = { label: m[2], start: i, end: i + 1 };
    else if (m && cur) cur.end = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Character spans of the tagged names of one tokenized sentence. */
export function tokenSpansToNer(text: string, tokens: readonly Token[], tagged: TaggedSentence): NerSpan[] {
  return bioSpans(tagged.tags).map(({ label, start, end }) => {
    let m = Infinity;
    for (let i = start; i < end; i++)
      m = Math.min(m, tagged.confidence ? tagged.confidence[i] : sigmoid(tagged.margins[i] / 4));
    const s = tokens[start].start;
    const e = tokens[end - 1].end;
    return {
      start: s,
      end: e,
      text: text.slice(s, e),
      label: label as NerSpan["label"],
      score: Math.round(m * 1000) / 1000,
      source: "tagger" as const,
    };
  });
}

/** Tags a whole article: tokenizes, splits sentences, returns name spans with offsets into `text`. */
export function tagText(model: TaggerModel, text: string): NerSpan[] {
  const tokens = tokenize(text);
  const out: NerSpan[] = [];
  for (const sent of splitSentences(text, tokens)) {
    const tagged = tagTokens(
      model,
      sent.map((t) => t.text),
      { confidence: true },
    );
    out.push(...tokenSpansToNer(text, sent, tagged));
  }
  return out;
}
