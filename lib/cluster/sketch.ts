/**
 * Bounded-memory counters for the online statistics (term document frequencies, recurring lines).
 * A count-min sketch over 32-bit keys: two rows of 2^bits Uint32 counters, estimate = min of the
 * two. Memory is fixed (2 x 4 x 2^bits bytes) however long the stream runs; with 2^20 counters
 * per row and a vocabulary of a million terms a rare term is over-counted only if it collides in
 * both rows (probability ~ (1e6 / 2^20)^2 per term for heavy hitters, far less in practice since
 * most counts are small).
 */
import { fmix32 } from "./hash";

export class CountMinSketch {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  private readonly mask: number;
  private readonly seed: number;

  constructor(bits = 20, seed = 0) {
    this.a = new Uint32Array(1 << bits);
    this.b = new Uint32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.seed = seed;
  }

  /** Count one more occurrence of `key` (saturates at 2^32 - 1). */
  add(key: number): void {
    const i = key & this.mask;
    const j = fmix32((key ^ this.seed ^ 0x27d4eb2d) >>> 0) & this.mask;
    if ((this.a[i] ?? 0) < 0xffffffff) this.a[i] = (this.a[i] ?? 0) + 1;
    if ((this.b[j] ?? 0) < 0xffffffff) this.b[j] = (this.b[j] ?? 0) + 1;
  }

  /** Estimated count of `key` (never under the true count). */
  get(key: number): number {
    const i = key & this.mask;
    const j = fmix32((key ^ this.seed ^ 0x27d4eb2d) >>> 0) & this.mask;
    return Math.min(this.a[i] ?? 0, this.b[j] ?? 0);
  }
}
