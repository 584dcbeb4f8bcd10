import { isIndependent, sourceKey, type Origin } from "./copies";

/** What counting figures per source reads of an article. */
export interface SourceFigureArticle {
  id: string;
  /** Publication time (ISO string or Date), null when unknown. */
  publishedAt: string | Date | null;
  claims: ReadonlyArray<{ kind: string; min: number | null; max: number | null; isHeadline: boolean; isContext: boolean }>;
}

function time(t: string | Date | null): number {
  if (t === null) return Infinity;
  const ms = typeof t === "string" ? Date.parse(t) : t.getTime();
  return Number.isNaN(ms) ? Infinity : ms;
}

/**
 * One headline figure of `kind` per independent source: each source (an outlet's own report, or
 * the original a set of declared copies stands for, counted once) gives the figure of its
 * earliest article that states one; copies give none (they repeat their original). This is the
 * rule of the event page's min / median / max and of the stored event aggregates, so both agree.
 */
export function figuresBySource<A extends SourceFigureArticle>(
  articles: readonly A[],
  origins: Map<string, Origin>,
  kind: string,
): { min: number | null; max: number | null }[] {
  const bySource = new Map<string, { min: number | null; max: number | null }>();
  const ordered = [...articles].sort((a, b) => time(a.publishedAt) - time(b.publishedAt) || a.id.localeCompare(b.id));
  for (const a of ordered) {
    if (!isIndependent(a.id, origins)) continue;
    const key = sourceKey(a.id, origins);
    if (bySource.has(key)) continue;
    const c = a.claims.find((x) => x.kind === kind && x.isHeadline && !x.isContext);
    if (c) bySource.set(key, { min: c.min, max: c.max });
  }
  return [...bySource.values()];
}
