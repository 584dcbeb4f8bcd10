import type { Database, Prisma } from "../db";
import { articleMatchesSql, countMatchesUpTo, matchingRowidsSql, parseSearchQuery, searchReady, type SearchTerm, type TextPlan } from "../db/search";
import { and, ident, join, sql, timestampSql, toNumber, type Sql } from "./sql";

export interface ArticleWhereInput {
  /** Full-text query: see lib/db/search.ts for what it matches. */
  q?: string;
  outlet?: string[];
  language?: string[];
  from?: string;
  to?: string;
  event?: string;
}

const DAY_MS = 86_400_000;

/** Start of `day` (UTC) and start of the day after `to`, for half-open date ranges. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  const end = to ? Date.parse(`${to}T00:00:00Z`) + DAY_MS : null;
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    // The day after 9999-12-31 is written "+010000-…", which neither database compares as a
    // date: no stored date is later, so that end bounds nothing (it listed no row at all).
    ...(end !== null && end < LAST_DAY_END ? { lt: new Date(end) } : {}),
  };
}

/** 10000-01-01T00:00:00Z: the end of the last day a four-digit date names. */
const LAST_DAY_END = Date.UTC(10000, 0, 1);

/**
 * Case-insensitive substring match in a Prisma filter (for short fields such as event titles;
 * article text goes through the full-text index). SQLite's LIKE is already case-insensitive for
 * ASCII; PostgreSQL needs `mode: "insensitive"` (ILIKE), which the SQLite client type does not know.
 */
export function containsText(database: Database, q: string): { contains: string } {
  return database.provider === "postgresql" ? ({ contains: q, mode: "insensitive" } as { contains: string }) : { contains: q };
}

/**
 * The filter every article list, chart and export shares, as SQL conditions on the article
 * table under `alias`: outlets (keys), languages, a publication date range (UTC days,
 * inclusive), one event, and a full-text query. `rowsWanted` is how many matching rows the
 * query will read (a page: offset + size; a capped count: the cap; everything: Infinity), or
 * `exportPages` the pages of an export that reads them all: on SQLite they decide how the text
 * condition runs (see TextPlan). Awaits the search index.
 */
export async function articleConditions(
  database: Database,
  f: ArticleWhereInput,
  opts: { alias?: string; rowsWanted?: number; exportPages?: ExportPages } = {},
): Promise<Sql[]> {
  const alias = opts.alias ?? "a";
  const col = (c: string) => ident(alias, c);
  const where: Sql[] = [];
  // One outlet (the usual filter) as an equality: SQLite then walks Article_outletId_publishedAt_idx
  // in the list's order and stops at the page, where `IN (…)` made it read and sort every
  // candidate first (1M articles, one outlet's half-range matching "killed": 53 → 5 ms a page).
  // Not for exports, which read every row: there the equality made SQLite drive a text-filtered
  // statements export from the text's matches (100k corpus: 0.56 → 0.74–0.91 s).
  if (f.outlet?.length === 1 && !opts.exportPages) where.push(sql`${col("outletId")} = (SELECT o."id" FROM "Outlet" o WHERE o."key" = ${f.outlet[0]!})`);
  else if (f.outlet?.length) where.push(sql`${col("outletId")} IN (SELECT o."id" FROM "Outlet" o WHERE o."key" IN (${join(f.outlet)}))`);
  if (f.language?.length) where.push(sql`${col("language")} IN (${join(f.language)})`);
  const range = dayRange(f.from, f.to);
  if (range?.gte) where.push(sql`${col("publishedAt")} >= ${timestampSql(database, range.gte)}`);
  if (range?.lt) where.push(sql`${col("publishedAt")} < ${timestampSql(database, range.lt)}`);
  if (f.event) where.push(sql`${col("id")} IN (SELECT ea."articleId" FROM "EventArticle" ea WHERE ea."eventId" = ${f.event})`);
  if (f.q) {
    await searchReady(database);
    const terms = parseSearchQuery(f.q);
    const plan =
      database.provider !== "sqlite"
        ? "probe"
        : opts.exportPages
          ? await chooseExportTextPlan(database, f, terms, opts.exportPages)
          : await chooseTextPlan(database, f, terms, opts.rowsWanted ?? Number.POSITIVE_INFINITY);
    where.push(articleMatchesSql(database, terms, alias, plan));
  }
  return where;
}

/** A probe (one index seek and a row check) costs about this many index entries read in order. */
const PROBE_COST = 3;
/** Text matches counted before a term is called common (about √(PROBE_COST × page × a million articles)). */
export const TEXT_SAMPLE = 20_000;

/** What the text can match (counted up to TEXT_SAMPLE), what the other filters let through, and the corpus size. */
export interface TextStats {
  sampled: number;
  others: number;
  total: number;
}

/** With this few candidates from the other filters, probing each is cheap whatever the text. */
const FEW_CANDIDATES = 2_000;

const statsMemo = new WeakMap<ArticleWhereInput, Promise<TextStats>>();

/**
 * SQLite only: the estimates the text plans are chosen from, computed once per filter object
 * (a list's page and count share them): one query over the counts tables, then, unless the
 * other filters leave few candidates, the text's matches counted up to TEXT_SAMPLE.
 */
export function textStats(database: Database, f: ArticleWhereInput, terms: SearchTerm[]): Promise<TextStats> {
  let p = statsMemo.get(f);
  if (!p) {
    p = computeTextStats(database, f, terms);
    statsMemo.set(f, p);
  }
  return p;
}

async function computeTextStats(database: Database, f: ArticleWhereInput, terms: SearchTerm[]): Promise<TextStats> {
  const { others, total } = await estimateOtherFilters(database, f);
  const sampled = others <= FEW_CANDIDATES ? TEXT_SAMPLE : ((await countMatchesUpTo(database, terms, TEXT_SAMPLE)) ?? 0);
  return { sampled, others, total };
}

/** Matches counted, at most, to settle a close call between probing and driving. */
const TEXT_SAMPLE_MAX = 200_000;

/**
 * Probe or drive (TextPlan) for a query that reads `rowsWanted` matching rows in some order.
 * Probing reads the candidates needed to find `rowsWanted` matches (about rowsWanted × others /
 * matches, if text and other filters are independent); driving reads every match. The matches
 * are counted only as far as the choice needs: up to TEXT_SAMPLE, then, for a common text whose
 * probing would cost more than that, up to that cost (if there are at least as many matches,
 * probing is the cheaper) or TEXT_SAMPLE_MAX.
 */
export async function chooseTextPlan(database: Database, f: ArticleWhereInput, terms: SearchTerm[], rowsWanted: number): Promise<TextPlan> {
  const { sampled, others } = await textStats(database, f, terms);
  if (sampled === 0) return "drive";
  const probeCost = (matches: number) => PROBE_COST * Math.min(others, (rowsWanted * others) / matches);
  if (sampled < TEXT_SAMPLE || probeCost(sampled) <= sampled) return probeCost(sampled) <= sampled ? "probe" : "drive";
  const bound = Math.min(Math.ceil(probeCost(sampled)), TEXT_SAMPLE_MAX);
  const t = (await countMatchesUpTo(database, terms, bound)) ?? 0;
  if (t >= bound && bound === Math.ceil(probeCost(sampled))) return "probe";
  return probeCost(t) <= t ? "probe" : "drive";
}

/** Text matches counted for an export's plan: its cost is paid on every page. */
const EXPORT_TEXT_SAMPLE = 200_000;

/**
 * Looking one candidate up in held matches (the article's full-text rowid, then the temporary
 * table: two b-tree seeks) against reading one match again for one page when driving: ~0.9 µs
 * against ~6 µs (exports forced to each plan on the 100k bench corpus; driving pays for the
 * article ids it reads and the set it builds from them, for every page).
 */
const HELD_PROBE_COST = 0.15;

/** How an export reads its rows: `size` rows a page; `onRelease` is handed what to run when it ends. */
export interface ExportPages {
  size: number;
  onRelease: (release: () => void) => void;
}

/**
 * The text plan of an export that reads every match in pages (SQLite). Driving reads all the
 * text's matches again for each page. Holding reads them once into a temporary table of the
 * driver's reading connection (`BulkReader.hold`) and looks each candidate of the other filters
 * up in it; without that reader, probing queries the full-text index for each candidate.
 * A held plan's table is dropped by the function handed to `pages.onRelease`.
 */
export async function chooseExportTextPlan(database: Database, f: ArticleWhereInput, terms: SearchTerm[], pages: ExportPages): Promise<TextPlan> {
  const [{ others }, matches] = await Promise.all([estimateOtherFilters(database, f), countMatchesUpTo(database, terms, EXPORT_TEXT_SAMPLE)]);
  const t = matches ?? 0;
  if (t === 0) return "drive";
  const drive = t >= EXPORT_TEXT_SAMPLE ? Number.POSITIVE_INFINITY : t * Math.ceil(Math.min(t, others) / pages.size);
  const reader = database.bulk;
  if (reader?.hold) {
    if (t + HELD_PROBE_COST * others >= drive) return "drive";
    const held = await reader.hold(matchingRowidsSql(terms));
    pages.onRelease(held.release);
    return { held: held.table };
  }
  return PROBE_COST * others <= drive ? "probe" : "drive";
}

/**
 * For counting up to `want` matches on SQLite: probe each candidate of the other filters, or walk
 * the text's matches in index order (matchJoinSql) checking the other filters, stopping at `want`.
 */
export function chooseCountPlan(stats: TextStats, want: number): "probe" | "walk" {
  const probe = PROBE_COST * stats.others;
  const walk = stats.sampled < TEXT_SAMPLE ? stats.sampled : (want * stats.total) / Math.max(1, stats.others);
  return probe <= walk ? "probe" : "walk";
}

/**
 * An estimate (an upper bound, or proportional for a date range) of the articles the non-text
 * filters let through, and the corpus size, from the counts tables in one query.
 */
async function estimateOtherFilters(database: Database, f: ArticleWhereInput): Promise<{ others: number; total: number }> {
  const lang = f.language?.length ? sql`c."language" IN (${join(f.language)})` : sql`1 = 1`;
  const outlets = f.outlet?.length ? sql`c."outletId" IN (SELECT o."id" FROM "Outlet" o WHERE o."key" IN (${join(f.outlet)}))` : sql`1 = 1`;
  const range = and([...(f.from ? [sql`c."day" >= ${f.from}`] : []), ...(f.to ? [sql`c."day" <= ${f.to}`] : [])]);
  const [row] = await database.db.$queryRaw<Record<string, unknown>[]>(sql`SELECT
    (SELECT SUM(c."articles") FROM "ArticleOutletCount" c WHERE ${lang} AND ${outlets}) AS "base",
    (SELECT SUM(c."articles") FROM "ArticleOutletCount" c) AS "total",
    (SELECT SUM(c."articles") FROM "ArticleDayTotal" c WHERE ${range}) AS "inRange",
    (SELECT SUM(c."articles") FROM "ArticleDayTotal" c) AS "dated",
    ${f.event ? sql`(SELECT COUNT(*) FROM "EventArticle" ea WHERE ea."eventId" = ${f.event})` : sql`NULL`} AS "event"`);
  const n = (k: string) => toNumber(row?.[k]);
  const total = n("total");
  if (f.event) return { others: n("event"), total };
  const base = n("base");
  // A date range keeps the share of all dated articles that falls in it.
  const others = (f.from || f.to) && n("dated") > 0 ? Math.ceil((base * n("inRange")) / n("dated")) : base;
  return { others, total };
}

/** Most ids a Prisma `in` filter may carry (Prisma refuses more than 999 parameters on SQLite). */
export const MAX_PRISMA_IDS = 900;

/**
 * The same filter as a Prisma `where`, for queries over a bounded set of articles (one event).
 * A text query cannot be expressed in Prisma, so it is resolved through the full-text index
 * into the matching ids (under all the other filters); when more than MAX_PRISMA_IDS match,
 * this throws: use `articleConditions` in raw SQL instead.
 */
export async function articleWhere(database: Database, f: ArticleWhereInput): Promise<Prisma.ArticleWhereInput> {
  const and_: Prisma.ArticleWhereInput[] = [];
  if (f.outlet?.length) and_.push({ outlet: { key: { in: f.outlet } } });
  if (f.language?.length) and_.push({ language: { in: f.language } });
  const range = dayRange(f.from, f.to);
  if (range) and_.push({ publishedAt: range });
  if (f.event) and_.push({ membership: { eventId: f.event } });
  if (f.q) {
    const rows = await database.db.$queryRaw<{ id: string }[]>(
      sql`SELECT a."id" AS "id" FROM "Article" a WHERE ${and(await articleConditions(database, f, { rowsWanted: MAX_PRISMA_IDS + 1 }))} LIMIT ${MAX_PRISMA_IDS + 1}`,
    );
    if (rows.length > MAX_PRISMA_IDS) {
      throw new Error(`the text filter matches more than ${MAX_PRISMA_IDS} articles here; narrow it, or query with articleConditions (raw SQL)`);
    }
    and_.push({ id: { in: rows.map((r) => r.id) } });
  }
  return and_.length ? { AND: and_ } : {};
}
