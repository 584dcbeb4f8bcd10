/**
 * Seeded 32-bit hashing for the grouper. Everything that needs a "random" choice (term ids,
 * sketches, MinHash) goes through these functions so that the same input always gives the same
 * output: no Math.random, no insertion-order-dependent Map iteration in scoring.
 */

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, seeded, then finalised. Unsigned 32-bit result. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Combine two 32-bit hashes (order-sensitive). */
export function hashPair(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

/** A short, stable, lowercase hex id derived from a string (two independent 32-bit hashes). */
export function shortId(s: string, seed = 0): string {
  const a = hashString(s, seed).toString(16).padStart(8, "0");
  const b = hashString(s, seed ^ 0x5bd1e995).toString(16).padStart(8, "0");
  return (a + b).slice(0, 12);
}
