import type { ArticleInfo, EventClaim, OutletComparison } from "../schemas/dto";

/** Indexes over an event's comparison rows (pure): the page and its lazily loaded sections read them. */

/** The articles of the comparison by id: what evidence popovers and quotes name. */
export function articleIndex(rows: OutletComparison[]): Record<string, ArticleInfo> {
  const out: Record<string, ArticleInfo> = {};
  for (const r of rows) for (const a of r.articles) out[a.id] = { id: a.id, title: a.title, outletName: r.outlet.name, publishedAt: a.publishedAt, language: a.language };
  return out;
}

/** The entries of `index` for these ids (those it has). */
export function pickArticles(index: Record<string, ArticleInfo>, ids: Iterable<string>): Record<string, ArticleInfo> {
  const out: Record<string, ArticleInfo> = {};
  for (const id of ids) if (index[id]) out[id] = index[id];
  return out;
}

/** The articles are in more than one language (figures and quotes then show theirs). */
export function hasMixedLanguages(index: Record<string, ArticleInfo>): boolean {
  return new Set(Object.values(index).map((a) => a.language).filter(Boolean)).size > 1;
}

/** Claims of the comparison by id, for the authority view and the blindspots. */
export function claimIndex(rows: { killed: EventClaim[]; wounded: EventClaim[]; other: EventClaim[] }[]): Map<number, EventClaim> {
  const out = new Map<number, EventClaim>();
  for (const r of rows) for (const c of [...r.killed, ...r.wounded, ...r.other]) out.set(c.id, c);
  return out;
}
