import { getDatabase, type Database } from "../db";
import type { CoverageSeries, FacetOption, IngestRunItem, OutletRef, OverviewStats } from "../schemas/dto";
import { articleWhere, type ArticleWhereInput } from "./where";

/** Corpus-wide counts for the overview cards. */
export async function getOverview(database: Database = getDatabase()): Promise<OverviewStats> {
  const { db } = database;
  const [articles, events, outlets, claims, statements, copies, days] = await Promise.all([
    db.article.count(),
    db.event.count(),
    db.outlet.count(),
    db.casualtyClaim.count(),
    db.statement.count(),
    db.article.count({ where: { syndicatedFromId: { not: null } } }),
    db.article.aggregate({ _min: { publishedDay: true }, _max: { publishedDay: true } }),
  ]);
  return {
    articles,
    events,
    outlets,
    claims,
    statements,
    copies,
    independentArticles: articles - copies,
    firstDay: days._min.publishedDay,
    lastDay: days._max.publishedDay,
  };
}

/**
 * Articles per day per outlet, counted by the database (GROUP BY day, outlet). The `top`
 * outlets by volume get their own series; the rest are summed into "Other outlets".
 */
export async function getCoverage(
  f: ArticleWhereInput & { top?: number },
  database: Database = getDatabase(),
): Promise<CoverageSeries> {
  const { db } = database;
  const top = f.top ?? 8;
  const groups = await db.article.groupBy({
    by: ["publishedDay", "outletId"],
    where: { AND: [articleWhere(database, f), { publishedDay: { not: null } }] },
    _count: { _all: true },
    orderBy: { publishedDay: "asc" },
  });
  const totals = new Map<number, number>();
  for (const g of groups) totals.set(g.outletId, (totals.get(g.outletId) ?? 0) + g._count._all);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const shown = ranked.slice(0, top).map(([id]) => id);
  const outlets = await db.outlet.findMany({ where: { id: { in: shown } }, select: { id: true, key: true, name: true } });
  const byId = new Map(outlets.map((o) => [o.id, o]));
  const series = shown.map((id) => ({ key: byId.get(id)!.key, name: byId.get(id)!.name }));
  const other = ranked.length > top;
  if (other) series.push({ key: "__other", name: "Other outlets" });

  const rows = new Map<string, { day: string } & Record<string, number | string>>();
  const seriesTotals: Record<string, number> = {};
  for (const g of groups) {
    const day = g.publishedDay!;
    const key = byId.get(g.outletId)?.key ?? "__other";
    let row = rows.get(day);
    if (!row) {
      row = { day };
      for (const s of series) row[s.key] = 0;
      rows.set(day, row);
    }
    row[key] = (row[key] as number) + g._count._all;
    seriesTotals[key] = (seriesTotals[key] ?? 0) + g._count._all;
  }
  return { series, rows: [...rows.values()], totals: seriesTotals };
}

export interface OutletListItem extends OutletRef {
  domain: string | null;
  country: string | null;
  language: string | null;
  articleCount: number;
}

export async function listOutlets(database: Database = getDatabase()): Promise<OutletListItem[]> {
  const rows = await database.db.outlet.findMany({
    orderBy: { name: "asc" },
    select: { key: true, name: true, kind: true, domain: true, country: true, language: true, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...o }) => ({ ...o, articleCount: _count.articles }));
}

/** Outlets as filter options, most prolific first. */
export async function listOutletFacets(database: Database = getDatabase()): Promise<FacetOption[]> {
  const rows = await listOutlets(database);
  return rows
    .sort((a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name))
    .map((o) => ({ value: o.key, label: o.name, count: o.articleCount }));
}

export async function listLanguages(database: Database = getDatabase()): Promise<FacetOption[]> {
  const groups = await database.db.article.groupBy({
    by: ["language"],
    where: { language: { not: null } },
    _count: { _all: true },
    orderBy: { language: "asc" },
  });
  return groups.map((g) => ({ value: g.language!, label: g.language!, count: g._count._all }));
}

export async function listIngestRuns(limit = 50, database: Database = getDatabase()): Promise<IngestRunItem[]> {
  const rows = await database.db.ingestRun.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    trigger: r.trigger,
    status: r.status,
    total: r.total,
    added: r.added,
    duplicates: r.duplicates,
    failed: r.failed,
    errors: Array.isArray(r.errors) ? (r.errors as { item: string; reason: string }[]) : [],
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}
