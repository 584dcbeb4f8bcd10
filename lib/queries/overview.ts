import { getDatabase, type Database } from "../db";
import { countMatchesUpTo, EVENT_TOTAL_SQL, matchJoinSql, parseSearchQuery, searchReady } from "../db/search";
import type { CoverageSeries, FacetOption, FacetPage, IngestRunItem, OverviewStats } from "../schemas/dto";
import { and, containsSql, empty, join, raw, sql, toNumber, type Sql } from "./sql";
import { articleConditions, chooseTextPlan, type ArticleWhereInput } from "./where";

/**
 * Corpus-wide counts for the overview cards, in one query. Plain `COUNT(*)`s (SQLite answers
 * them from the smallest index; Prisma's `count()` wraps the table in a LIMIT sub-select that
 * reads every row: ~150 ms each at 100k articles); articles, days and events from the counts tables.
 */
export async function getOverview(database: Database = getDatabase()): Promise<OverviewStats> {
  await searchReady(database);
  const [row] = await database.db.$queryRaw<Record<string, unknown>[]>(sql`SELECT
    (SELECT SUM("articles") FROM "ArticleOutletCount") AS "articles",
    (${raw(EVENT_TOTAL_SQL)}) AS "events",
    (SELECT COUNT(*) FROM "Outlet") AS "outlets",
    (SELECT COUNT(*) FROM "CasualtyClaim") AS "claims",
    (SELECT COUNT(*) FROM "Statement") AS "statements",
    (SELECT COUNT(*) FROM "Article" WHERE "syndicatedFromId" IS NOT NULL) AS "copies",
    (SELECT MIN("day") FROM "ArticleDayTotal") AS "firstDay",
    (SELECT MAX("day") FROM "ArticleDayTotal") AS "lastDay"`);
  const n = (k: string) => toNumber(row?.[k]);
  const day = (k: string) => (typeof row?.[k] === "string" ? (row[k] as string) : null);
  return {
    articles: n("articles"),
    events: n("events"),
    outlets: n("outlets"),
    claims: n("claims"),
    statements: n("statements"),
    copies: n("copies"),
    independentArticles: n("articles") - n("copies"),
    firstDay: day("firstDay"),
    lastDay: day("lastDay"),
  };
}

/**
 * How many articles the corpus holds, from the per-outlet counts (kept by triggers): a sum over
 * a few thousand rows whatever the corpus, where `COUNT(*)` reads an index of every article
 * (16–30 ms at 100k articles on PostgreSQL, ten times that at 1M). For the health check, which
 * load balancers call every few seconds.
 */
export async function countCorpusArticles(database: Database = getDatabase()): Promise<number> {
  await searchReady(database);
  const [row] = await database.db.$queryRaw<Record<string, unknown>[]>(sql`SELECT SUM("articles") AS "articles" FROM "ArticleOutletCount"`);
  return toNumber(row?.articles);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last day of `month` ("YYYY-MM") as "YYYY-MM-DD". */
function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The month after (`step` 1) or before (-1) `month`, as "YYYY-MM". */
function addMonth(month: string, step: 1 | -1): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + step, 1)).toISOString().slice(0, 7);
}

/**
 * An inclusive day range (either end open) as the whole months it covers (`months`, null when
 * none; either end open when the range is) and the days outside them (at most a partial month at
 * each end), so a sum over the range reads month rows for most of it.
 */
export function splitByMonth(from?: string, to?: string): { months: { from?: string; to?: string } | null; days: { from?: string; to?: string }[] } {
  if ((from && !DAY.test(from)) || (to && !DAY.test(to))) return { months: null, days: [{ from, to }] };
  const first = from ? (from.endsWith("-01") ? from.slice(0, 7) : addMonth(from.slice(0, 7), 1)) : undefined;
  const last = to ? (to === monthEnd(to.slice(0, 7)) ? to.slice(0, 7) : addMonth(to.slice(0, 7), -1)) : undefined;
  if (first && last && first > last) return { months: null, days: [{ from, to }] };
  const days: { from?: string; to?: string }[] = [];
  if (from && first !== from.slice(0, 7)) days.push({ from, to: monthEnd(from.slice(0, 7)) });
  if (to && last !== to.slice(0, 7)) days.push({ from: `${to.slice(0, 7)}-01`, to });
  return { months: { from: first, to: last }, days };
}

export interface CoverageCounts {
  /** Articles per outlet id over the whole filter. */
  totals: Map<number, number>;
  /** Articles per day of the `shown` outlets (`outletId`) and of all the others together (null). */
  days(shown: number[]): Promise<{ day: string; outletId: number | null; n: number }[]>;
}

/**
 * Counts from the tables the triggers keep (lib/db/search.ts), never reading an article: per
 * outlet, the day range is summed on ("outletId", "day"); per day, "other outlets" are the day's
 * total minus the shown outlets (or, under an outlet filter, the remaining filtered outlets).
 */
async function countsFromAggregates(database: Database, f: ArticleWhereInput): Promise<CoverageCounts> {
  const { db } = database;
  await searchReady(database);
  const lang = f.language?.length ? sql`c."language" IN (${join(f.language)})` : null;
  const range: Sql[] = [
    ...(f.from ? [sql`c."day" >= ${f.from}`] : []),
    ...(f.to ? [sql`c."day" <= ${f.to}`] : []),
    ...(lang ? [lang] : []),
  ];
  const outletFilter = f.outlet?.length ? sql`o."key" IN (${join(f.outlet)})` : sql`1 = 1`;
  let query: Sql;
  if (!f.from && !f.to) {
    // The whole range: the per-outlet totals of dated articles.
    query = sql`SELECT c."outletId" AS "id", SUM(c."dated") AS n FROM "ArticleOutletCount" c JOIN "Outlet" o ON o."id" = c."outletId"
                WHERE ${outletFilter}${lang ? sql` AND ${lang}` : empty} GROUP BY c."outletId"`;
  } else {
    // Whole months from the monthly counts, the partial months at either end from the daily ones:
    // at a million articles a year and a half is ~36,000 month rows instead of ~400,000 day rows.
    const split = splitByMonth(f.from, f.to);
    const parts: { table: Sql; where: Sql[] }[] = [
      ...(split.months
        ? [{
            table: sql`"ArticleMonthCount"`,
            where: [
              ...(split.months.from ? [sql`c."month" >= ${split.months.from}`] : []),
              ...(split.months.to ? [sql`c."month" <= ${split.months.to}`] : []),
            ],
          }]
        : []),
      ...split.days.map((d) => ({
        table: sql`"ArticleDayCount"`,
        where: [...(d.from ? [sql`c."day" >= ${d.from}`] : []), ...(d.to ? [sql`c."day" <= ${d.to}`] : [])],
      })),
    ].map((p) => ({ ...p, where: [...p.where, ...(lang ? [lang] : [])] }));
    if (database.provider === "sqlite" || f.outlet?.length) {
      // One index range per outlet and part: SQLite sums these faster than it groups every row of the range.
      const sums = parts.map((p) => sql`coalesce((SELECT SUM(c."articles") FROM ${p.table} c WHERE c."outletId" = o."id" AND ${and(p.where)}), 0)`);
      query = sql`SELECT o."id" AS "id", ${join(sums, " + ")} AS n FROM "Outlet" o WHERE ${outletFilter}`;
    } else {
      // PostgreSQL: one grouped scan of each part's ("month") or ("day") index (per-outlet sub-plans cost more).
      const grouped = parts.map((p) => sql`SELECT c."outletId" AS "id", SUM(c."articles") AS n FROM ${p.table} c WHERE ${and(p.where)} GROUP BY c."outletId"`);
      query = sql`SELECT x."id" AS "id", SUM(x.n) AS n FROM (${join(grouped, " UNION ALL ")}) x GROUP BY x."id"`;
    }
  }
  const rows = await db.$queryRaw<{ id: unknown; n: unknown }[]>(query);
  const totals = new Map(rows.map((r) => [toNumber(r.id), toNumber(r.n)] as const).filter(([, n]) => n > 0));
  return {
    totals,
    async days(shown) {
      const perOutlet = db.$queryRaw<{ day: string; outletId: unknown; n: unknown }[]>(
        sql`SELECT c."day" AS "day", c."outletId" AS "outletId", SUM(c."articles") AS n FROM "ArticleDayCount" c
            WHERE c."outletId" IN (${join(shown)}) AND ${and(range)} GROUP BY c."outletId", c."day"`,
      );
      const others = [...totals.keys()].filter((id) => !shown.includes(id));
      let rest: Promise<{ day: string; n: unknown }[]> = Promise.resolve([]);
      if (others.length && f.outlet?.length) {
        rest = db.$queryRaw(
          sql`SELECT c."day" AS "day", SUM(c."articles") AS n FROM "ArticleDayCount" c WHERE c."outletId" IN (${join(others)}) AND ${and(range)} GROUP BY c."day"`,
        );
      } else if (others.length) {
        rest = db.$queryRaw(sql`SELECT c."day" AS "day", SUM(c."articles") AS n FROM "ArticleDayTotal" c WHERE ${and(range)} GROUP BY c."day"`);
      }
      const [mine, all] = await Promise.all([perOutlet, rest]);
      const out: { day: string; outletId: number | null; n: number }[] = mine.map((r) => ({ day: r.day, outletId: toNumber(r.outletId), n: toNumber(r.n) }));
      const shownByDay = new Map<string, number>();
      for (const r of out) shownByDay.set(r.day, (shownByDay.get(r.day) ?? 0) + r.n);
      // Day totals include the shown outlets unless they were summed over the other outlets only.
      const subtract = !f.outlet?.length;
      for (const r of all) out.push({ day: r.day, outletId: null, n: toNumber(r.n) - (subtract ? (shownByDay.get(r.day) ?? 0) : 0) });
      return out;
    },
  };
}

/** Matching articles up to which one GROUP BY (day, outlet) read into memory beats two passes. */
const ONE_PASS_MAX = 200_000;

/**
 * Counts of the matching articles, grouped on the fly (a text query or one event). A small
 * match (one event, a rare text) is grouped by day and outlet in one pass; a large one in two
 * (totals per outlet, then per day with the outlets not shown folded together).
 */
async function countsFromArticles(database: Database, f: ArticleWhereInput): Promise<CoverageCounts> {
  const { db } = database;
  const terms = f.q ? parseSearchQuery(f.q) : [];
  let from = sql`"Article" a`;
  let where: Sql[];
  if (database.provider === "sqlite" && f.q && (await chooseTextPlan(database, f, terms, Number.POSITIVE_INFINITY)) === "drive") {
    // Every match is read: walk the index and join each match to its article (an IN list of a
    // million ids would be built first, then probed: measured 8 s against 3 s at 1M articles).
    await searchReady(database);
    const walk = matchJoinSql(terms, "a");
    from = walk.from;
    where = [...walk.where, ...(await articleConditions(database, { ...f, q: undefined }))];
  } else {
    where = await articleConditions(database, f);
  }
  where.push(sql`a."publishedDay" IS NOT NULL`);
  // (PostgreSQL has no cheap bounded count of a text's matches: two passes unless one event.)
  const sampled = f.event ? 0 : await countMatchesUpTo(database, terms, ONE_PASS_MAX);
  const small = f.event || (sampled !== null && sampled < ONE_PASS_MAX);
  if (small) {
    const rows = await db.$queryRaw<{ day: string; outletId: unknown; n: unknown }[]>(
      sql`SELECT a."publishedDay" AS "day", a."outletId" AS "outletId", COUNT(*) AS n FROM ${from} WHERE ${and(where)} GROUP BY 1, 2`,
    );
    return cellCounts(rows.map((r) => ({ day: r.day, outletId: toNumber(r.outletId), n: toNumber(r.n) })));
  }
  const rows = await db.$queryRaw<{ id: unknown; n: unknown }[]>(
    sql`SELECT a."outletId" AS "id", COUNT(*) AS n FROM ${from} WHERE ${and(where)} GROUP BY a."outletId"`,
  );
  const totals = new Map(rows.map((r) => [toNumber(r.id), toNumber(r.n)] as const));
  return {
    totals,
    async days(shown) {
      const rows = await db.$queryRaw<{ day: string; outletId: unknown; n: unknown }[]>(
        sql`SELECT a."publishedDay" AS "day", CASE WHEN a."outletId" IN (${join(shown)}) THEN a."outletId" END AS "outletId", COUNT(*) AS n
            FROM ${from} WHERE ${and(where)} GROUP BY 1, 2`,
      );
      return rows.map((r) => ({ day: r.day, outletId: r.outletId === null ? null : toNumber(r.outletId), n: toNumber(r.n) }));
    },
  };
}

/**
 * Articles per day per outlet, counted by the database. The `top` outlets by volume get their
 * own series; the rest are summed into "Other outlets". Without a text or event filter the
 * pre-aggregated counts (day × outlet × language, kept by triggers) answer without reading a
 * single article; with one, the matching articles are grouped on the fly (the text through the
 * full-text index, one event through its membership index).
 */
export async function getCoverage(
  f: ArticleWhereInput & { top?: number },
  database: Database = getDatabase(),
): Promise<CoverageSeries> {
  const counts = f.q || f.event ? await countsFromArticles(database, f) : await countsFromAggregates(database, f);
  return coverageSeries(counts, f.top ?? 8, async (ids) => {
    const outlets = await database.db.outlet.findMany({ where: { id: { in: ids } }, select: { id: true, key: true, name: true } });
    return new Map(outlets.map((o) => [o.id, o]));
  });
}

/** Counts of (day, outlet) cells already grouped: one event's articles (see getEvent). */
export function cellCounts(cells: { day: string; outletId: number; n: number }[]): CoverageCounts {
  const totals = new Map<number, number>();
  for (const c of cells) totals.set(c.outletId, (totals.get(c.outletId) ?? 0) + c.n);
  return {
    totals,
    async days(shown) {
      const set = new Set(shown);
      return cells.map((c) => ({ ...c, outletId: set.has(c.outletId) ? c.outletId : null }));
    },
  };
}

/**
 * The coverage series from `counts`: the `top` outlets by volume, the rest as "Other outlets".
 * `outletsById` names the outlets shown.
 */
export async function coverageSeries(
  counts: CoverageCounts,
  top: number,
  outletsById: (ids: number[]) => Promise<Map<number, { key: string; name: string }>>,
): Promise<CoverageSeries> {
  const ranked = [...counts.totals.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (ranked.length === 0) return { series: [], rows: [], totals: {} };
  const shown = ranked.slice(0, top).map(([id]) => id);
  const other = ranked.length > top;
  const [groups, byId] = await Promise.all([counts.days(shown), outletsById(shown)]);
  const series = shown.filter((id) => byId.has(id)).map((id) => ({ key: byId.get(id)!.key, name: byId.get(id)!.name }));
  if (other) series.push({ key: "__other", name: "Other outlets" });

  const rows = new Map<string, { day: string } & Record<string, number | string>>();
  const seriesTotals: Record<string, number> = {};
  for (const g of groups) {
    if (g.n <= 0) continue;
    const key = g.outletId === null ? "__other" : (byId.get(g.outletId)?.key ?? "__other");
    let row = rows.get(g.day);
    if (!row) {
      row = { day: g.day };
      for (const s of series) row[s.key] = 0;
      rows.set(g.day, row);
    }
    row[key] = ((row[key] as number | undefined) ?? 0) + g.n;
    seriesTotals[key] = (seriesTotals[key] ?? 0) + g.n;
  }
  return { series, rows: [...rows.values()].sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0)), totals: seriesTotals };
}

/** An outlet as a filter option: key, name and its articles (the counts the triggers keep). */
export interface OutletOptionRow {
  id: number;
  key: string;
  name: string;
  articles: number;
}

/**
 * Outlets most prolific first (then by name): those whose name, key, main domain or another
 * domain contains `q` (any case for ASCII letters; every outlet without `q`), or whose key is one
 * of `keys`; at most `limit`, `more` when other outlets match too. Reads the outlets and the
 * per-outlet counts, never an article: a few milliseconds for thousands of outlets.
 */
export async function searchOutlets(
  f: { q?: string; keys?: string[]; limit: number; event?: string },
  database: Database = getDatabase(),
): Promise<{ rows: OutletOptionRow[]; more: boolean }> {
  await searchReady(database);
  const where: Sql[] = [];
  const q = f.q?.trim();
  if (q) {
    const contains = (column: Sql) => containsSql(database, column, q);
    where.push(
      sql`${contains(sql`o."name"`)} OR ${contains(sql`o."key"`)} OR ${contains(sql`o."domain"`)}
          OR EXISTS (SELECT 1 FROM "OutletAlias" a WHERE a."outletId" = o."id" AND ${contains(sql`a."key"`)})`,
    );
  }
  if (f.keys) {
    if (f.keys.length === 0) return { rows: [], more: false };
    where.push(sql`o."key" IN (${join(f.keys)})`);
  }
  // Counted over the corpus (pre-aggregated), or over one event's articles: then only its outlets.
  const counts = f.event
    ? sql`JOIN (SELECT a."outletId", COUNT(*) AS n FROM "EventArticle" ea JOIN "Article" a ON a."id" = ea."articleId"
            WHERE ea."eventId" = ${f.event} GROUP BY a."outletId") c ON c."outletId" = o."id"`
    : sql`LEFT JOIN (SELECT "outletId", SUM("articles") AS n FROM "ArticleOutletCount" GROUP BY "outletId") c ON c."outletId" = o."id"`;
  const rows = await database.db.$queryRaw<{ id: unknown; key: string; name: string; n: unknown }[]>(
    sql`SELECT o."id" AS "id", o."key" AS "key", o."name" AS "name", COALESCE(c.n, 0) AS n
        FROM "Outlet" o ${counts}
        WHERE ${and(where)}
        ORDER BY n DESC, o."name" ASC, o."key" ASC
        LIMIT ${f.limit + 1}`,
  );
  return {
    rows: rows.slice(0, f.limit).map((r) => ({ id: toNumber(r.id), key: r.key, name: r.name, articles: toNumber(r.n) })),
    more: rows.length > f.limit,
  };
}

const toOption = (o: OutletOptionRow): FacetOption => ({ value: o.key, label: o.name, count: o.articles });

/**
 * The outlet filter's options for a list page: the first `limit` outlets (most prolific first,
 * `more` when there are others, which the menu searches through GET /api/outlets?q=) and the
 * `selected` outlets with their names, wherever they rank. Counts are each outlet's articles in
 * the whole corpus, whatever the other filters.
 */
export async function listOutletFacets(
  f: { limit: number; selected?: string[] },
  database: Database = getDatabase(),
): Promise<FacetPage> {
  const [first, selected] = await Promise.all([
    searchOutlets({ limit: f.limit }, database),
    f.selected?.length ? searchOutlets({ keys: f.selected, limit: f.selected.length }, database) : null,
  ]);
  return { options: first.rows.map(toOption), selected: selected?.rows.map(toOption) ?? [], more: first.more };
}

/** Languages as filter options, with their article counts (pre-aggregated). */
export async function listLanguages(database: Database = getDatabase()): Promise<FacetOption[]> {
  await searchReady(database);
  const rows = await database.db.$queryRaw<{ language: string; n: unknown }[]>(
    sql`SELECT "language", SUM("articles") AS n FROM "ArticleOutletCount" WHERE "language" <> '' GROUP BY "language" ORDER BY "language"`,
  );
  return rows.filter((r) => toNumber(r.n) > 0).map((r) => ({ value: r.language, label: r.language, count: toNumber(r.n) }));
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
