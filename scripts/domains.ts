// Feature augmentation across domains (Daumé 2007, "Frustratingly easy domain adaptation"):
// while training, every feature of a sentence also fires in a copy private to the sentence's
// domain (its bucket XOR a per-domain salt); the shipped model folds the target domains'
// copies into the shared weights, so tagging costs nothing extra.
import type { SentenceFeatures } from "../extractors/tagger/features.ts";
import type { LinearModel } from "../extractors/tagger/decode.ts";
import { fnv1a } from "../extractors/tagger/hash.ts";
import { NUM_TAGS } from "../extractors/tagger/tags.ts";

/** Bucket offset of a domain's private copy of the features: index ^ salt. */
export function domainSalt(domain: string, mask: number): number {
  return (fnv1a("domain:" + domain) & mask) | 1;
}

/** Shared weights plus the target domains' private copies: what inference uses. */
export function foldDomains(m: LinearModel, domains: readonly string[], bits: number): LinearModel {
  if (domains.length === 0) return m;
  const mask = (1 << bits) - 1;
  const T = NUM_TAGS;
  const weights = Float32Array.from(m.weights);
  for (const d of domains) {
    const salt = domainSalt(d, mask);
    for (let b = 0; b <= mask; b++) {
      const from = (b ^ salt) * T;
      for (let t = 0; t < T; t++) weights[b * T + t] += m.weights[from + t];
    }
  }
  return { weights, transitions: m.transitions };
}

/** Adds every feature's copy private to the domain (feature augmentation). */
export function augment(sf: SentenceFeatures, domain: string | undefined, bits: number): SentenceFeatures {
  if (!domain) return sf;
  const salt = domainSalt(domain, (1 << bits) - 1);
  const feats = new Int32Array(sf.feats.length * 2);
  const offsets = new Int32Array(sf.offsets.length);
  let k = 0;
  for (let t = 0; t + 1 < sf.offsets.length; t++) {
    offsets[t] = k;
    for (let j = sf.offsets[t]; j < sf.offsets[t + 1]; j++) {
      feats[k++] = sf.feats[j];
      feats[k++] = sf.feats[j] ^ salt;
    }
  }
  offsets[sf.offsets.length - 1] = k;
  return { feats, offsets };
}
