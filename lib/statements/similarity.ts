import type { QuoteFingerprint } from "./normalize";

export interface QuoteSimilarity {
  /** Content words the two wordings share (multiset intersection). */
  shared: number;
  /**
   * shared / size of the smaller wording: 1 when one is contained in the other. Suited to quotes
   * of different lengths: a shortened or ellipsis-cut quote is wholly contained in the full one,
   * where a Jaccard score would fall with the length ratio.
   */
  containment: number;
  /** shared / size of the union: how close the two are as wholes (a tie-breaker). */
  jaccard: number;
}

/** How much a content word counts as evidence; 1 for every word unless weights are given. */
export type WordWeight = (word: string) => number;

const UNIT: WordWeight = () => 1;

const sizes = new WeakMap<WordWeight, WeakMap<QuoteFingerprint, number>>();

/** Sum of a fingerprint's word weights, computed once per (weights, fingerprint). */
function weightedSize(f: QuoteFingerprint, weight: WordWeight): number {
  let byFp = sizes.get(weight);
  if (!byFp) sizes.set(weight, (byFp = new WeakMap()));
  let t = byFp.get(f);
  if (t === undefined) {
    t = 0;
    for (const [w, n] of f.content) t += n * weight(w);
    byFp.set(f, t);
  }
  return t;
}

/**
 * Token-set overlap of two fingerprints (content-word multisets). With `weight`, containment and
 * Jaccard are weighted (see `eventWordWeights`): sharing "strike" and "Syrian" in a story about a
 * strike in Syria is weaker evidence than sharing "unintended".
 */
export function quoteSimilarity(a: QuoteFingerprint, b: QuoteFingerprint, weight: WordWeight = UNIT): QuoteSimilarity {
  let shared = 0;
  let sharedW = 0;
  for (const [w, n] of a.content) {
    const k = Math.min(n, b.content.get(w) ?? 0);
    shared += k;
    sharedW += k * weight(w);
  }
  const ta = weightedSize(a, weight);
  const tb = weightedSize(b, weight);
  const min = Math.min(ta, tb);
  const union = ta + tb - sharedW;
  return { shared, containment: min ? sharedW / min : 0, jaccard: union ? sharedW / union : 0 };
}

/**
 * Inverse document frequency of content words over one event's distinct wordings, smoothed with
 * BACKGROUND pseudo-wordings that contain no word, so a small event (or a unit test with two
 * quotes) weighs words almost evenly while a large one discounts the story's own vocabulary.
 * Identical wordings (wire copies) count once, so syndication does not make a quote's words common.
 * The square root of the IDF: on the demo strike, full IDF split a genuine paraphrase of the
 * Russian Defence Ministry (it shares mostly story words: "strike", "Islamic State", "position"),
 * while no weighting let two different US statements of regret join on "loss of life" and "Syrian".
 */
export function eventWordWeights(fingerprints: readonly QuoteFingerprint[]): WordWeight {
  const BACKGROUND = 20;
  const df = new Map<string, number>();
  const seen = new Set<string>();
  for (const f of fingerprints) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    for (const w of f.content.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = seen.size + BACKGROUND;
  const cache = new Map<string, number>();
  return (w) => {
    let v = cache.get(w);
    if (v === undefined) cache.set(w, (v = Math.sqrt(Math.log(n / ((df.get(w) ?? 0) + 0.5)))));
    return v;
  };
}

/** How the two speakers relate: see `compareSpeakers`. */
export type SpeakerRelation = "same" | "compatible" | "unknown" | "conflict";

export interface MatchThreshold {
  /** At least this many shared content words... */
  minShared: number;
  /** ...and at least this containment. */
  minContainment: number;
}

/**
 * How much wording evidence a match needs, by what the speakers say. The same (or a compatible)
 * speaker needs little: a paraphrase that keeps 6 of 9 content words is the same statement. An
 * unknown speaker (an unresolved "he") needs more, and a different speaker needs a lot: the words
 * alone must identify the statement, which is exactly how a misattributed quote is caught.
 * Thresholds set on the fixtures in statements.test.ts (full, shortened, ellipsis, bracket,
 * paraphrase, unrelated quote of the same speaker) and the demo corpus.
 */
export const MATCH_THRESHOLDS: Readonly<Record<SpeakerRelation, MatchThreshold>> = {
  same: { minShared: 3, minContainment: 0.6 },
  compatible: { minShared: 3, minContainment: 0.6 },
  unknown: { minShared: 4, minContainment: 0.7 },
  conflict: { minShared: 5, minContainment: 0.8 },
};

/**
 * A match score in (0, 2] when the wordings are the same statement given the speakers' relation,
 * else 0. Identical normalised wording always matches unless the speakers conflict and the
 * wording is too short to identify a statement ("in a statement"). Higher is a better match:
 * containment first, Jaccard as the tie-breaker.
 */
export function matchScore(a: QuoteFingerprint, b: QuoteFingerprint, relation: SpeakerRelation, weight: WordWeight = UNIT): number {
  const t = MATCH_THRESHOLDS[relation];
  if (a.key && a.key === b.key && (relation !== "conflict" || a.contentSize >= t.minShared)) return 2;
  const s = quoteSimilarity(a, b, weight);
  if (s.shared < t.minShared || s.containment < t.minContainment) return 0;
  return s.containment + s.jaccard / 2;
}
