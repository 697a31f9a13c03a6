import { strict as assert } from "node:assert";
import { augment, domainSalt, foldDomains } from "../../scripts/domains.ts";
import { emissions } from "../../extractors/tagger/decode.ts";
import { NUM_TAGS } from "../../extractors/tagger/tags.ts";

const bits = 6;
const sf = { feats: Int32Array.from([3, 17, 40]), offsets: Int32Array.from([0, 2, 3]) };

describe("domain feature augmentation", () => {
  it("adds a private copy of every feature, per token, and none without a domain", () => {
    const a = augment(sf, "news", bits);
    const salt = domainSalt("news", (1 << bits) - 1);
    assert.deepEqual([...a.offsets], [0, 4, 6]);
    assert.deepEqual([...a.feats], [3, 3 ^ salt, 17, 17 ^ salt, 40, 40 ^ salt]);
    assert.equal(augment(sf, undefined, bits), sf);
    assert.notEqual(domainSalt("news", 63), domainSalt("wiki", 63));
  });

  it("folds the target domain's copy into the shared weights: scores equal the augmented ones", () => {
    const weights = Float32Array.from({ length: (1 << bits) * NUM_TAGS }, (_, i) => Math.sin(i));
    const model = { weights, transitions: new Float32Array((NUM_TAGS + 1) * NUM_TAGS) };
    const folded = foldDomains(model, ["news"], bits);
    const viaAugmented = emissions(model, augment(sf, "news", bits));
    const viaFolded = emissions(folded, sf);
    viaFolded.forEach((v, i) => assert.ok(Math.abs(v - viaAugmented[i]) < 1e-5));
    // another domain's private weights stay out
    const wiki = emissions(model, augment(sf, "wiki", bits));
    assert.ok(viaFolded.some((v, i) => Math.abs(v - wiki[i]) > 1e-3));
    assert.equal(foldDomains(model, [], bits), model);
  });
});
