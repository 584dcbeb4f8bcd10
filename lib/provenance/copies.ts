/**
 * Copies nested under their originals. An article is a copy when grouping detected it as a
 * near-duplicate of an earlier article (`syndicatedFromId`), or when it declares an original
 * source ("The original source of this article is …") that is another outlet covering the
 * event. A declared original that is not in the corpus still makes the article a copy: it
 * stands for that original's reporting, and counts once for it however many outlets carry it.
 */
import { hostOf, outletNameKey } from "./normalise";

export interface ProvenanceArticle {
  id: string;
  outletKey: string;
  outletName: string;
  url: string | null;
  /** ISO time, or null when unknown. */
  publishedAt: string | null;
  syndicatedFromId: string | null;
  /** The detected original's outlet, when the original is outside the articles given. */
  syndicatedFrom?: { id: string; outletKey: string; outletName: string } | null;
  originalSourceName: string | null;
  originalSourceUrl: string | null;
}

/** An article as the database gives it (outlet and detected original's outlet as relations). */
export interface StoredProvenanceArticle {
  id: string;
  url: string | null;
  publishedAt: Date | null;
  outlet: { key: string; name: string };
  syndicatedFromId: string | null;
  syndicatedFrom: { id: string; outlet: { key: string; name: string } } | null;
  originalSourceName: string | null;
  originalSourceUrl: string | null;
}

/** The provenance view of a stored article (the event page and the stored event aggregates use the same). */
export function toProvenanceArticle(a: StoredProvenanceArticle): ProvenanceArticle {
  return {
    id: a.id,
    outletKey: a.outlet.key,
    outletName: a.outlet.name,
    url: a.url,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    syndicatedFromId: a.syndicatedFromId,
    syndicatedFrom: a.syndicatedFrom ? { id: a.syndicatedFrom.id, outletKey: a.syndicatedFrom.outlet.key, outletName: a.syndicatedFrom.outlet.name } : null,
    originalSourceName: a.originalSourceName,
    originalSourceUrl: a.originalSourceUrl,
  };
}

export interface OutletName {
  key: string;
  name: string;
}

export type CopyVia = "detected" | "declared";

export type Origin =
  /** The outlet's own reporting. */
  | { kind: "own" }
  /**
   * A copy of another outlet's article. `originalId` is the article copied (null when only the
   * outlet is known: a declared original whose articles are filtered out); `rootId` the first
   * original up the chain among the articles given (null when outside them).
   */
  | {
      kind: "copy";
      originalId: string | null;
      rootId: string | null;
      outletKey: string;
      outletName: string;
      via: CopyVia[];
      inSelection: boolean;
    }
  /** Declares an original source that is not among the event's outlets. */
  | { kind: "declared"; sourceName: string; sourceUrl: string | null };

/** How far a chain of copies is followed (a copy of a copy of …). */
const MAX_CHAIN = 8;

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? Infinity : t;
}

/** The event outlet a declaration names, or null (also null when it names the article's own outlet). */
function declaredOutlet(a: ProvenanceArticle, outlets: OutletName[]): OutletName | "self" | null {
  const host = hostOf(a.originalSourceUrl);
  const nameKey = outletNameKey(a.originalSourceName);
  const own = (o: OutletName) => o.key === a.outletKey;
  const matches = (o: OutletName) =>
    (host !== null && (o.key === host || host.endsWith(`.${o.key}`))) || (nameKey !== "" && outletNameKey(o.name) === nameKey);
  if ((host !== null && (a.outletKey === host || host.endsWith(`.${a.outletKey}`))) || (nameKey !== "" && nameKey === outletNameKey(a.outletName))) {
    return "self";
  }
  return outlets.find((o) => !own(o) && matches(o)) ?? null;
}

/**
 * Which article of `outlet` a declared copy republishes: the one at the declared URL, else the
 * latest published no later than the copy, else the earliest.
 */
function pickDeclaredOriginal(copy: ProvenanceArticle, candidates: ProvenanceArticle[]): ProvenanceArticle | null {
  if (candidates.length === 0) return null;
  const url = copy.originalSourceUrl?.replace(/\/+$/, "");
  const byUrl = url ? candidates.find((c) => c.url?.replace(/\/+$/, "") === url) : undefined;
  if (byUrl) return byUrl;
  const at = time(copy.publishedAt);
  const sorted = [...candidates].sort((x, y) => time(x.publishedAt) - time(y.publishedAt) || x.id.localeCompare(y.id));
  const before = sorted.filter((c) => time(c.publishedAt) <= at);
  return before[before.length - 1] ?? sorted[0]!;
}

/**
 * The origin of each article: its own reporting, a copy (detected or declared) of another
 * outlet's article, or a declared original outside the event.
 *
 * @param articles the articles shown (an event, possibly filtered)
 * @param eventOutlets every outlet of the event, so a declared original filtered out of `articles` is still recognised
 */
export function resolveOrigins(articles: ProvenanceArticle[], eventOutlets: OutletName[] = []): Map<string, Origin> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outlets = new Map<string, OutletName>();
  for (const o of eventOutlets) outlets.set(o.key, o);
  for (const a of articles) if (!outlets.has(a.outletKey)) outlets.set(a.outletKey, { key: a.outletKey, name: a.outletName });
  const byOutlet = new Map<string, ProvenanceArticle[]>();
  for (const a of articles) byOutlet.set(a.outletKey, [...(byOutlet.get(a.outletKey) ?? []), a]);

  const origins = new Map<string, Origin>();
  for (const a of articles) {
    const hasDeclaration = Boolean(a.originalSourceName?.trim() || hostOf(a.originalSourceUrl));
    const declared = hasDeclaration ? declaredOutlet(a, [...outlets.values()]) : null;
    const detected = a.syndicatedFromId ? (byId.get(a.syndicatedFromId) ?? null) : null;
    if (a.syndicatedFromId && (detected || a.syndicatedFrom)) {
      const outletKey = detected?.outletKey ?? a.syndicatedFrom!.outletKey;
      const outletName = detected?.outletName ?? a.syndicatedFrom!.outletName;
      const via: CopyVia[] = declared && declared !== "self" && declared.key === outletKey ? ["detected", "declared"] : ["detected"];
      origins.set(a.id, { kind: "copy", originalId: a.syndicatedFromId, rootId: null, outletKey, outletName, via, inSelection: detected !== null });
    } else if (declared && declared !== "self") {
      const original = pickDeclaredOriginal(a, (byOutlet.get(declared.key) ?? []).filter((c) => c.id !== a.id));
      origins.set(a.id, {
        kind: "copy",
        originalId: original?.id ?? null,
        rootId: null,
        outletKey: declared.key,
        outletName: declared.name,
        via: ["declared"],
        inSelection: original !== null,
      });
    } else if (hasDeclaration && declared !== "self") {
      const name = a.originalSourceName?.trim() || hostOf(a.originalSourceUrl)!;
      origins.set(a.id, { kind: "declared", sourceName: name, sourceUrl: a.originalSourceUrl });
    } else {
      origins.set(a.id, { kind: "own" });
    }
  }

  // The root of each copy: follow originals among the given articles, stopping at a cycle.
  for (const [id, origin] of origins) {
    if (origin.kind !== "copy" || !origin.inSelection || !origin.originalId) continue;
    let root = origin.originalId;
    const seen = new Set([id, root]);
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
      const up = origins.get(root);
      if (!up || up.kind !== "copy" || !up.inSelection || !up.originalId || seen.has(up.originalId)) break;
      root = up.originalId;
      seen.add(root);
    }
    origin.rootId = root;
  }
  return origins;
}

/**
 * The independent report an article stands for: its own id, its root original's, or the
 * declared original's name. Two articles with the same key are one source, not two.
 */
export function sourceKey(articleId: string, origins: Map<string, Origin>): string {
  const declaredKey = (name: string) => `declared:${outletNameKey(name) || name}`;
  const origin = origins.get(articleId);
  if (!origin || origin.kind === "own") return `article:${articleId}`;
  if (origin.kind === "declared") return declaredKey(origin.sourceName);
  if (origin.rootId) {
    const root = origins.get(origin.rootId);
    return root?.kind === "declared" ? declaredKey(root.sourceName) : `article:${origin.rootId}`;
  }
  return origin.originalId ? `article:${origin.originalId}` : `outlet:${origin.outletKey}`;
}

/** How many independent reports stand behind these articles (copies count for their original, once). */
export function countIndependentSources(articleIds: string[], origins: Map<string, Origin>): number {
  return new Set(articleIds.map((id) => sourceKey(id, origins))).size;
}

/** True when the article is its outlet's own reporting or the only stand-in for an original outside the corpus. */
export function isIndependent(articleId: string, origins: Map<string, Origin>): boolean {
  const o = origins.get(articleId);
  return !o || o.kind === "own" || o.kind === "declared";
}

export interface ProvenanceRow<A extends ProvenanceArticle> {
  /** Stable key: the outlet's key, plus the origin for rows of copies. */
  key: string;
  outletKey: string;
  outletName: string;
  /** own: the outlet's reporting; copy: republished from `copyOf`; declared: stands for `declared`. */
  kind: "own" | "copy" | "declared";
  /** The row this one is nested under (copies of an article in that row), or null for a top-level row. */
  parentKey: string | null;
  /** For copies: the original outlet, how the copy was recognised, and whether the original is shown. */
  copyOf: { outletKey: string; outletName: string; via: CopyVia[]; inSelection: boolean } | null;
  /** For declared copies of an original outside the event: the declared name and URL. */
  declared: { name: string; url: string | null } | null;
  /** Outlets whose rows are nested under this one (they republish it). */
  republishedBy: string[];
  articles: A[];
}

const KIND_RANK = { own: 0, declared: 1, copy: 2 } as const;

/**
 * One row per outlet and origin: an outlet's own reporting, its declared copies of an original
 * outside the event, and its copies of each other row, nested right after the row they copy.
 * Top-level rows: own reporting first, then declared copies, then copies whose original is not
 * shown; by number of articles, then name. Nested rows follow in order of first publication.
 */
export function nestCopies<A extends ProvenanceArticle>(articles: A[], origins: Map<string, Origin>): ProvenanceRow<A>[] {
  const rowOf = new Map<string, string>();
  const rows = new Map<string, ProvenanceRow<A>>();
  const add = (key: string, a: A, init: () => Omit<ProvenanceRow<A>, "articles" | "key" | "republishedBy">) => {
    let row = rows.get(key);
    if (!row) {
      row = { key, ...init(), republishedBy: [], articles: [] };
      rows.set(key, row);
    }
    row.articles.push(a);
    rowOf.set(a.id, key);
  };
  const base = (a: A) => ({ outletKey: a.outletKey, outletName: a.outletName });

  // Rows of originals first, so copies can name the row they nest under.
  for (const a of articles) {
    const o = origins.get(a.id) ?? { kind: "own" as const };
    if (o.kind === "own") add(a.outletKey, a, () => ({ ...base(a), kind: "own", parentKey: null, copyOf: null, declared: null }));
    else if (o.kind === "declared") {
      const key = `${a.outletKey}~declared:${outletNameKey(o.sourceName) || o.sourceName}`;
      add(key, a, () => ({ ...base(a), kind: "declared", parentKey: null, copyOf: null, declared: { name: o.sourceName, url: o.sourceUrl } }));
    }
  }
  // Copies, rooted: a copy of a copy nests under the first original.
  for (const a of articles) {
    const o = origins.get(a.id);
    if (!o || o.kind !== "copy") continue;
    const parentKey = o.rootId ? (rowOf.get(o.rootId) ?? null) : null;
    const key = `${a.outletKey}~copy:${parentKey ?? o.outletKey}`;
    const parent = parentKey ? rows.get(parentKey) : undefined;
    add(key, a, () => ({
      ...base(a),
      kind: "copy",
      parentKey,
      copyOf: {
        outletKey: parent?.outletKey ?? o.outletKey,
        outletName: parent?.outletName ?? o.outletName,
        via: [...o.via],
        inSelection: parentKey !== null,
      },
      declared: null,
    }));
    const row = rows.get(key)!;
    for (const v of o.via) if (!row.copyOf!.via.includes(v)) row.copyOf!.via.push(v);
  }

  const all = [...rows.values()];
  const first = (r: ProvenanceRow<A>) => Math.min(...r.articles.map((a) => time(a.publishedAt)));
  const top = all
    .filter((r) => !r.parentKey)
    .sort((x, y) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || y.articles.length - x.articles.length || x.outletName.localeCompare(y.outletName) || x.key.localeCompare(y.key));
  const out: ProvenanceRow<A>[] = [];
  for (const r of top) {
    out.push(r);
    const nested = all
      .filter((c) => c.parentKey === r.key)
      .sort((x, y) => first(x) - first(y) || x.outletName.localeCompare(y.outletName) || x.key.localeCompare(y.key));
    out.push(...nested);
    r.republishedBy = nested.map((c) => c.outletName).filter((n, i, list) => list.indexOf(n) === i);
  }
  return out;
}
