// Hand-built sentences and entities for table tests of extractors that take them as input.
import type { Entity, EntityType, Span } from "../../extractors/types.ts";

/** Every whole-word occurrence of each surface form (name and aliases) is a mention. */
export function entities(text: string, spec: [string, EntityType, string[]?][]): Entity[] {
  return spec.map(([name, type, aliases = []]) => {
    const mentions: Span[] = [];
    for (const form of [name, ...aliases]) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "gu");
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null)
        mentions.push({ start: m.index, end: m.index + form.length, text: form });
    }
    mentions.sort((a, b) => a.start - b.start);
    return { id: `${type}:${name}`, type, name, aliases, mentions };
  });
}

/** Sentences split at '. ' before a capital (enough for hand-written tests). */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /[.!?](?=\s+\p{Lu}|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ start, end: m.index + 1, text: text.slice(start, m.index + 1) });
    start = m.index + 1;
    while (text[start] === " ") start++;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}
