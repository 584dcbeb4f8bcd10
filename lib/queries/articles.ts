import { getDatabase, type Database } from "../db";
import { matchJoinSql, parseSearchQuery, searchReady } from "../db/search";
import type { ArticleFilters } from "../schemas/filters";
import type { ArticleDetail, ArticleListItem, Paged } from "../schemas/dto";
import {
  articleListSelect,
  claimSelect,
  loadArticleListItems,
  pageCount,
  statementSelect,
  toArticleListItem,
  toClaimItem,
  toStatementItem,
} from "./select";
import { and, cappedCount, ident, join, pageIds, sql, toNumber, type SortKey, type Sql } from "./sql";
import { articleConditions, chooseCountPlan, textStats, type ArticleWhereInput } from "./where";

/** Articles a text query counts before it stops and reports "10,000+" (see `Paged.totalCapped`). */
export const COUNT_CAP = 10_000;

/**
 * ORDER BY keys of the article list (and export) for a sort, ending with the unique id in the
 * same direction (so an index read backwards serves a descending sort).
 */
export function articleSortKeys(sort: ArticleFilters["sort"], dir: "asc" | "desc", alias = "a"): SortKey[] {
  const primary: SortKey =
    sort === "outlet"
      ? { expr: ident("o", "name"), dir, nullable: false }
      : sort === "publishedAt" || sort === "language"
        ? { expr: ident(alias, sort), dir, nullable: true }
        : { expr: ident(alias, "title"), dir, nullable: false };
  return [primary, { expr: ident(alias, "id"), dir, nullable: false }];
}

/**
 * FROM clause (and join condition) for the article list: the outlet is joined only when sorting
 * by its name. On SQLite, CROSS JOIN makes it walk outlets by name and each outlet's articles by
 * id on ("outletId", "id"), already in order; left to itself it sorts every article.
 */
export function articleFrom(
  database: Database,
  sort: ArticleFilters["sort"] | undefined,
  alias = "a",
  event?: string,
): { from: Sql; where: Sql[] } {
  const a = ident(alias);
  // PostgreSQL answered "an event's first rows by date" by walking the whole corpus in date
  // order until it met them (0.6–4.4 s at 1M articles for a large event): one event's articles
  // are a bounded set, so they are read from its membership first (OFFSET 0 keeps the subquery
  // from being flattened back into the same plan) and sorted. SQLite already starts there.
  const article =
    event && database.provider !== "sqlite"
      ? sql`(SELECT ea."articleId" AS "id" FROM "EventArticle" ea WHERE ea."eventId" = ${event} OFFSET 0) m JOIN "Article" ${a} ON ${a}."id" = m."id"`
      : sql`"Article" ${a}`;
  if (sort !== "outlet") return { from: article, where: [] };
  if (database.provider === "sqlite") return { from: sql`"Outlet" o CROSS JOIN ${article}`, where: [sql`o."id" = ${a}."outletId"`] };
  return { from: sql`${article} JOIN "Outlet" o ON o."id" = ${a}."outletId"`, where: [] };
}

/**
 * How many articles match. Without a text or event filter the pre-aggregated counts answer
 * exactly (per outlet and language, per day, or per outlet and day) without touching the
 * article table; an event's articles are counted exactly (an indexed range); a text query
 * counts up to COUNT_CAP and then stops.
 */
export async function countArticles(database: Database, f: ArticleWhereInput): Promise<{ total: number; capped: boolean }> {
  const num = async (q: Sql) => toNumber((await database.db.$queryRaw<{ n: unknown }[]>(q))[0]?.n);
  if (!f.q && !f.event) {
    await searchReady(database);
    const cond: Sql[] = [];
    if (f.outlet?.length) cond.push(sql`c."outletId" IN (SELECT o."id" FROM "Outlet" o WHERE o."key" IN (${join(f.outlet)}))`);
    if (f.language?.length) cond.push(sql`c."language" IN (${join(f.language)})`);
    if (f.from) cond.push(sql`c."day" >= ${f.from}`);
    if (f.to) cond.push(sql`c."day" <= ${f.to}`);
    const table = !f.from && !f.to ? sql`"ArticleOutletCount"` : f.outlet?.length ? sql`"ArticleDayCount"` : sql`"ArticleDayTotal"`;
    return { total: await num(sql`SELECT SUM(c."articles") AS n FROM ${table} c WHERE ${and(cond)}`), capped: false };
  }
  if (!f.q) {
    const where = await articleConditions(database, f);
    return { total: await num(sql`SELECT COUNT(*) AS n FROM "Article" a WHERE ${and(where)}`), capped: false };
  }
  let n: number;
  const terms = parseSearchQuery(f.q);
  const stats = database.provider === "sqlite" ? await textStats(database, f, terms) : null;
  if (stats && stats.sampled === 0) n = 0;
  else if (stats && chooseCountPlan(stats, COUNT_CAP + 1) === "walk") {
    const join_ = matchJoinSql(terms, "a");
    n = await cappedCount(database, join_.from, [...join_.where, ...(await articleConditions(database, { ...f, q: undefined }))], COUNT_CAP);
  } else {
    n = await cappedCount(database, sql`"Article" a`, await articleConditions(database, f, { rowsWanted: COUNT_CAP + 1 }), COUNT_CAP);
  }
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}

/**
 * One page of articles: the page's ids are chosen in SQL (filters, full-text query, sort,
 * offset), then those rows are loaded with their outlet, event, copy-of and counts.
 */
export async function listArticles(f: ArticleFilters, database: Database = getDatabase()): Promise<Paged<ArticleListItem>> {
  const offset = (f.page - 1) * f.pageSize;
  const where = await articleConditions(database, f, { rowsWanted: offset + f.pageSize });
  const from = articleFrom(database, f.sort, "a", f.event);
  const [ids, count] = await Promise.all([
    pageIds(database, {
      select: sql`a."id"`,
      from: from.from,
      where: [...from.where, ...where],
      keys: articleSortKeys(f.sort, f.dir),
      offset,
      limit: f.pageSize,
    }),
    countArticles(database, f),
  ]);
  // An article deleted between the two queries is simply missing from the page.
  const rows = await loadArticleListItems(database, ids);
  const total = count.total;
  return {
    rows,
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: pageCount(total, f.pageSize),
    ...(count.capped ? { totalCapped: true } : {}),
  };
}

export async function getArticle(id: string, database: Database = getDatabase()): Promise<ArticleDetail | null> {
  const a = await database.db.article.findUnique({
    where: { id },
    select: {
      ...articleListSelect,
      text: true,
      claims: { select: claimSelect, orderBy: { start: "asc" } },
      statements: { select: statementSelect, orderBy: { start: "asc" } },
      copies: { select: { id: true, title: true, outlet: { select: { name: true } } }, orderBy: { publishedAt: "asc" } },
    },
  });
  if (!a) return null;
  return {
    ...toArticleListItem(a),
    text: a.text,
    claims: a.claims.map(toClaimItem),
    statements: a.statements.map(toStatementItem),
    copies: a.copies.map((c) => ({ id: c.id, title: c.title, outletName: c.outlet.name })),
  };
}
