/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava & Li
 * 2014): one hash per shingle instead of one per shingle and permutation, so a signature costs
 * O(shingles + bins). The fraction of equal bins estimates the Jaccard similarity of the two
 * shingle sets.
 */
import { fmix32 } from "./hash";

/** Bins per signature. 128 bins give a Jaccard estimate with standard error <= 0.045 (0.035 at J = 0.8). */
export const MINHASH_BINS = 128;
const BIN_BITS = 7; // log2(MINHASH_BINS)
const EMPTY = 0xffffffff;

/** Signature of a multiset of 32-bit shingle hashes. */
export function minhashSignature(shingles: ArrayLike<number>, seed: number): Uint32Array {
  const sig = new Uint32Array(MINHASH_BINS).fill(EMPTY);
  for (let i = 0; i < shingles.length; i++) {
    const h = fmix32(((shingles[i] ?? 0) ^ seed) >>> 0);
    const bin = h >>> (32 - BIN_BITS);
    // Value: remaining bits, so each bin keeps the minimum of its share of the permutation.
    const v = h & ((1 << (32 - BIN_BITS)) - 1);
    if (v < (sig[bin] ?? EMPTY)) sig[bin] = v;
  }
  // Densify: an empty bin copies the next non-empty bin to its right (circularly), offset by the
  // distance so that copies from different distances differ. Empty signatures stay empty.
  let any = false;
  for (let b = 0; b < MINHASH_BINS; b++) if (sig[b] !== EMPTY) any = true;
  if (!any) return sig;
  const out = new Uint32Array(sig);
  for (let b = 0; b < MINHASH_BINS; b++) {
    if (sig[b] !== EMPTY) continue;
    let d = 1;
    while (sig[(b + d) % MINHASH_BINS] === EMPTY) d++;
    out[b] = ((sig[(b + d) % MINHASH_BINS] ?? 0) + d * 0x2000000) >>> 0;
  }
  return out;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures (0 if either is empty). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < MINHASH_BINS; i++) {
    const x = a[i] ?? EMPTY;
    if (x === EMPTY) return 0;
    if (x === b[i]) eq++;
  }
  return eq / MINHASH_BINS;
}
