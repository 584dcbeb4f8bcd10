import { getDatabase, type Database, type Prisma } from "../db";
import type { EventDetailFilters, EventFilters } from "../schemas/filters";
import type { EventListItem, Paged } from "../schemas/dto";
import { pageCount } from "./select";
import { articleIdMatchesSql, articleMatchesSql, EVENT_TOTAL_SQL, matchingArticleIdsSql, parseSearchQuery, searchReady } from "../db/search";
import { COUNT_CAP } from "./articles";
import { and, cappedCount, containsSql, empty, ident, inOrder, join, pageIds, sortKeysFromPrisma, sql, timestampSql, toNumber, type Sql } from "./sql";
import { chooseExportTextPlan, chooseTextPlan, dayRange, type ExportPages } from "./where";

export const eventListSelect = {
  id: true,
  title: true,
  place: true,
  day: true,
  firstSeen: true,
  lastSeen: true,
  articleCount: true,
  sourceCount: true,
  outletCount: true,
  killedMin: true,
  killedMax: true,
  killedMedian: true,
  woundedMin: true,
  woundedMax: true,
  woundedMedian: true,
  divergence: true,
  locked: true,
  titleManual: true,
} satisfies Prisma.EventSelect;

export function toEventListItem(e: Prisma.EventGetPayload<{ select: typeof eventListSelect }>): EventListItem {
  const range = (min: number | null, max: number | null) => (min === null && max === null ? null : { min, max });
  return {
    id: e.id,
    title: e.title,
    place: e.place,
    day: e.day,
    firstSeen: e.firstSeen?.toISOString() ?? null,
    lastSeen: e.lastSeen?.toISOString() ?? null,
    articleCount: e.articleCount,
    sourceCount: e.sourceCount,
    outletCount: e.outletCount,
    killed: range(e.killedMin, e.killedMax),
    wounded: range(e.woundedMin, e.woundedMax),
    killedMedian: e.killedMedian,
    woundedMedian: e.woundedMedian,
    divergence: e.divergence,
    locked: e.locked,
    titleManual: e.titleManual,
  };
}

/**
 * Events matching the filters, as SQL conditions on "Event" under `alias`. Text: the event's
 * title contains it (substring, any case), or one of its articles matches it as a full-text
 * query (lib/db/search.ts). Dates: the event's coverage (first to last article) overlaps the
 * range. Outlets and languages: at least one of its articles is from one of them.
 */
export async function eventWhere(
  database: Database,
  f: EventDetailFilters,
  opts: { alias?: string; rowsWanted?: number; exportPages?: ExportPages } = {},
): Promise<Sql[]> {
  const col = (c: string) => ident(opts.alias ?? "e", c);
  const where: Sql[] = [];
  if (f.q) {
    await searchReady(database);
    const terms = parseSearchQuery(f.q);
    // PostgreSQL: the matching events as one hashed sub-plan (a sub-plan per event, as EXISTS
    // under an OR with the title becomes, measured 3x slower).
    const plan =
      database.provider !== "sqlite"
        ? "drive"
        : opts.exportPages
          ? await chooseExportTextPlan(database, {}, terms, opts.exportPages)
          : await chooseTextPlan(database, {}, terms, opts.rowsWanted ?? Number.POSITIVE_INFINITY);
    const articles =
      plan === "drive"
        ? sql`${col("id")} IN (SELECT ea."eventId" FROM "EventArticle" ea WHERE ea."articleId" IN (${matchingArticleIdsSql(database, terms)}))`
        : database.provider === "sqlite"
          ? // The index is keyed by article id: no need to read the article rows.
            sql`EXISTS (SELECT 1 FROM "EventArticle" ea WHERE ea."eventId" = ${col("id")} AND ${articleIdMatchesSql(terms, sql`ea."articleId"`, plan)})`
          : sql`EXISTS (SELECT 1 FROM "EventArticle" ea JOIN "Article" ta ON ta."id" = ea."articleId"
                  WHERE ea."eventId" = ${col("id")} AND ${articleMatchesSql(database, terms, "ta")})`;
    where.push(sql`${containsSql(database, col("title"), f.q)} OR ${articles}`);
  }
  const range = dayRange(f.from, f.to);
  if (range?.gte) where.push(sql`${col("lastSeen")} >= ${timestampSql(database, range.gte)}`);
  if (range?.lt) where.push(sql`${col("firstSeen")} < ${timestampSql(database, range.lt)}`);
  const byLanguage = f.language.length ? sql`a."language" IN (${join(f.language)})` : null;
  if (f.outlet.length) {
    // From the outlets' articles (an indexed, usually small set) to their events.
    where.push(sql`${col("id")} IN (SELECT ea."eventId" FROM "Article" a JOIN "EventArticle" ea ON ea."articleId" = a."id"
      WHERE a."outletId" IN (SELECT o."id" FROM "Outlet" o WHERE o."key" IN (${join(f.outlet)}))${byLanguage ? sql` AND ${byLanguage}` : empty})`);
  } else if (byLanguage) {
    // A language is usually most of the corpus: check each event's articles instead.
    where.push(sql`EXISTS (SELECT 1 FROM "EventArticle" ea JOIN "Article" a ON a."id" = ea."articleId" WHERE ea."eventId" = ${col("id")} AND ${byLanguage})`);
  }
  return where;
}

export function eventOrderBy(sort: EventFilters["sort"], dir: "asc" | "desc"): Prisma.EventOrderByWithRelationInput[] {
  const nullable = (field: "killedMin" | "woundedMin" | "killedMedian" | "woundedMedian" | "divergence" | "lastSeen" | "firstSeen") =>
    ({ [field]: { sort: dir, nulls: "last" } }) as Prisma.EventOrderByWithRelationInput;
  const primary: Prisma.EventOrderByWithRelationInput =
    sort === "killed"
      ? nullable("killedMin")
      : sort === "wounded"
        ? nullable("woundedMin")
        : sort === "killedMedian" || sort === "woundedMedian" || sort === "divergence" || sort === "lastSeen" || sort === "firstSeen"
          ? nullable(sort)
          : { [sort]: dir };
  // A unique tie-breaker keeps paging stable; in the sort's direction, so one index read
  // backwards serves a descending sort (SQLite cannot read (x DESC, id ASC) from an index on x).
  return [primary, { id: dir }];
}

/**
 * One page of events: ids chosen in SQL (filters, sort from `eventOrderBy`, offset; a nullable
 * sort key reads its index, nulls after), then those rows loaded. The total is exact, except
 * for a text query, which counts up to COUNT_CAP; without any filter it is the counter the
 * triggers keep (lib/db/search.ts), not a count of every event.
 */
export async function listEvents(f: EventFilters, database: Database = getDatabase()): Promise<Paged<EventListItem>> {
  const where = await eventWhere(database, f, { rowsWanted: f.page * f.pageSize });
  // A text query is counted up to COUNT_CAP, with the plan that suits reading that many.
  const countWhere = f.q ? await eventWhere(database, f, { rowsWanted: COUNT_CAP + 1 }) : where;
  const from = sql`"Event" e`;
  const [ids, total] = await Promise.all([
    pageIds(database, {
      select: sql`e."id"`,
      from,
      where,
      keys: sortKeysFromPrisma(eventOrderBy(f.sort, f.dir), "e"),
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    }),
    f.q
      ? cappedCount(database, from, countWhere, COUNT_CAP)
      : where.length === 0
        ? countAllEvents(database)
        : database.db.$queryRaw<{ n: unknown }[]>(sql`SELECT COUNT(*) AS n FROM ${from} WHERE ${and(where)}`).then((r) => toNumber(r[0]?.n)),
  ]);
  const rows = ids.length ? await database.db.event.findMany({ where: { id: { in: ids } }, select: eventListSelect }) : [];
  const capped = total > COUNT_CAP;
  const shownTotal = capped ? COUNT_CAP : total;
  return {
    rows: inOrder(ids, rows).map(toEventListItem),
    total: shownTotal,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: pageCount(shownTotal, f.pageSize),
    ...(capped ? { totalCapped: true } : {}),
  };
}

/** The number of events, from the counter the triggers keep. */
export async function countAllEvents(database: Database): Promise<number> {
  await searchReady(database);
  const rows = await database.db.$queryRawUnsafe<{ n: unknown }[]>(EVENT_TOTAL_SQL);
  return toNumber(rows[0]?.n);
}
