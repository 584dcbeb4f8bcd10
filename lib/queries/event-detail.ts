import { getDatabase, type Database, type Prisma } from "../db";
import { searchReady } from "../db/search";
import type { CasualtyKind, Qualifier } from "../extract/types";
import { summariseFigures } from "../mutations/events";
import {
  claimChain,
  countIndependentSources,
  figuresBySource,
  groupByAuthority,
  nestCopies,
  resolveOrigins,
  speakerKey,
  topFigureBlindspots,
  topStatementBlindspots,
  statementChain,
  toProvenanceArticle,
  type ChainContext,
  type Origin,
  type ProvenanceArticle,
  type StatementInput,
} from "../provenance";
import type {
  ArticleListItem,
  AuthorityComparisonRow,
  ClaimEvidence,
  CountPoint,
  CoverageSeries,
  EventClaim,
  EventDetail,
  EventStatement,
  FigureSpread,
  OutletComparison,
  OutletRef,
  SpeakerGroup,
} from "../schemas/dto";
import { EVIDENCE_MAX_CLAIMS } from "../schemas/evidence";
import type { ArticleFilters, EventDetailFilters } from "../schemas/filters";
import { getRevisionsByArticle } from "../revisions/queries";
import { eventListSelect, toEventListItem } from "./events";
import { cellCounts, coverageSeries } from "./overview";
import { articleFrom, articleSortKeys } from "./articles";
import { claimSelect, loadArticleListItems, statementSelect, toArticleListItem, toStatementItem, type ArticleListRow } from "./select";
import { and, empty, ident, join, pageIds, readArrays, readRows, sql, toBool, toDate, toNullableNumber, toNumber, type Sql } from "./sql";
import { articleConditions, type ArticleWhereInput } from "./where";

/**
 * Articles the comparison loads with their claims and statements. An event reported by
 * thousands of articles would otherwise render a page of hundreds of megabytes; beyond this the
 * page asks the analyst to narrow with filters.
 */
export const EVENT_ARTICLE_LIMIT = 300;

/**
 * Figures and statements listed with their blindspots, the most widely reported first: each
 * names every outlet covering the event, so hundreds of one-outlet quotes in a large event
 * would make the answer megabytes long.
 */
export const BLINDSPOT_LIMIT = 100;

/** A claim without its evidence sentence: the page loads that on demand (getClaimEvidence). */
type EventClaimRow = Omit<Prisma.CasualtyClaimGetPayload<{ select: typeof claimSelect }>, "sentence">;
type StatementRow = Prisma.StatementGetPayload<{ select: typeof statementSelect }>;

/** One shown article with what the comparison needs: the list item's fields, its provenance, claims and statements. */
interface EventArticleRow extends ArticleListRow {
  syndicatedFromId: string | null;
  originalSourceUrl: string | null;
  syndicatedFrom: { id: string; title: string; outlet: { key: string; name: string } } | null;
  claims: EventClaimRow[];
  /** Empty when the statements were only counted. */
  statements: StatementRow[];
  statementCount: { direct: number; reported: number };
}

/** The article a copy reproduces, as the comparison and the articles table name it. */
interface Original {
  id: string;
  title: string;
  outlet: { key: string; name: string };
}

/**
 * The originals of the copies among `ids`, by id: from the event's member rows when the original
 * is a member (the usual case: a copy is grouped with what it copies), else read.
 */
async function originalsOf(database: Database, ids: string[], memberRows: ReadonlyMap<string, unknown[]>): Promise<Map<string, Original>> {
  const originals = new Map<string, Original>();
  const missing = new Set<string>();
  for (const id of ids) {
    const row = memberRows.get(id);
    const from = row ? memberDetail(row).syndicatedFromId : null;
    if (!from) continue;
    const original = memberRows.get(from);
    if (original) {
      const d = memberDetail(original);
      originals.set(from, { id: from, title: d.title, outlet: { key: d.outlet.key, name: d.outlet.name } });
    } else missing.add(from);
  }
  if (missing.size) {
    const rows = await readArrays(database, sql`
      SELECT s."id", s."title", so."key", so."name" FROM "Article" s JOIN "Outlet" so ON so."id" = s."outletId" WHERE s."id" IN (${join([...missing])})`);
    for (const [id, title, key, name] of rows) originals.set(id as string, { id: id as string, title: title as string, outlet: { key: key as string, name: name as string } });
  }
  return originals;
}

/**
 * One page of the event's articles table from the members getEvent read (`ids`, all members of
 * `event`): the same items as loadArticleListItems, with only the originals that are not
 * members read, not every article row again (the member rows carry the claim and statement counts).
 */
async function memberListItems(
  database: Database,
  event: { id: string; title: string },
  ids: string[],
  memberRows: ReadonlyMap<string, unknown[]>,
): Promise<ArticleListItem[]> {
  if (ids.length === 0) return [];
  const originals = await originalsOf(database, ids, memberRows);
  return ids.flatMap((id) => {
    const r = memberRows.get(id);
    if (!r) return [];
    const d = memberDetail(r);
    const original = d.syndicatedFromId ? originals.get(d.syndicatedFromId) : undefined;
    return [{
      id,
      title: d.title,
      url: d.url,
      outlet: d.outlet,
      publishedAt: d.publishedAt?.toISOString() ?? null,
      author: d.author,
      language: d.language,
      originalSourceName: d.originalSourceName,
      syndicatedFrom: original ? { id: original.id, title: original.title, outletName: original.outlet.name } : null,
      eventId: event.id,
      eventTitle: event.title,
      claimCount: d.claimCount,
      statementCount: d.statementCount.direct + d.statementCount.reported,
    }];
  });
}

/**
 * The shown articles (at most EVENT_ARTICLE_LIMIT ids, all members of `event`), in the ids'
 * order: their fields and statement counts as the members read gave them (`memberRows`), with
 * the originals of the copies among them, their claims and (`withStatements`) their statements
 * in flat queries. Prisma's nested select issued six and spent more time compiling and assembling them
 * than the database spent answering.
 */
async function loadEventArticles(
  database: Database,
  event: { id: string; title: string },
  ids: string[],
  withStatements: boolean,
  memberRows: ReadonlyMap<string, unknown[]>,
): Promise<EventArticleRow[]> {
  if (ids.length === 0) return [];
  const details = new Map<string, MemberDetail>();
  for (const id of ids) {
    const r = memberRows.get(id);
    if (r) details.set(id, memberDetail(r));
  }
  const [originals, claims, statements] = await Promise.all([
    originalsOf(database, ids, memberRows),
    readArrays(database, sql`
      SELECT c."id" AS "id", c."articleId" AS "articleId", c."kind" AS "kind", c."min" AS "min", c."max" AS "max", c."qualifier" AS "qualifier",
        c."victimGroup" AS "victimGroup", c."authority" AS "authority", c."isContext" AS "isContext", c."isHeadline" AS "isHeadline",
        c."phrase" AS "phrase", c."start" AS "start", c."end" AS "end", c."sentenceStart" AS "sentenceStart", c."sentenceEnd" AS "sentenceEnd"
      FROM "CasualtyClaim" c WHERE c."articleId" IN (${join(ids)}) ORDER BY c."start" ASC, c."id" ASC`),
    withStatements
      ? readArrays(database, sql`
      SELECT t."id" AS "id", t."articleId" AS "articleId", t."speaker" AS "speaker", t."speakerMention" AS "speakerMention",
        t."affiliation" AS "affiliation", t."cue" AS "cue", t."channel" AS "channel", t."text" AS "text", t."start" AS "start", t."end" AS "end",
        t."direct" AS "direct"
      FROM "Statement" t WHERE t."articleId" IN (${join(ids)}) ORDER BY t."start" ASC, t."id" ASC`)
      : null,
  ]);
  const str = (v: unknown) => v as string;
  const opt = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const byArticle = new Map<string, EventArticleRow>();
  const membership = { id: event.id, title: event.title };
  for (const id of ids) {
    const d = details.get(id);
    if (!d) continue;
    byArticle.set(id, {
      ...d,
      id,
      syndicatedFrom: d.syndicatedFromId ? (originals.get(d.syndicatedFromId) ?? null) : null,
      membership: { event: membership },
      claims: [],
      statements: [],
      // Without the statements themselves, the member row's counts (the matrix shows no more).
      statementCount: withStatements ? { direct: 0, reported: 0 } : { ...d.statementCount },
    });
  }
  // Claims and statements come as arrays (columns in SELECT order): thousands of rows in a
  // large event, each becoming the one object the DTO keeps.
  for (const c of claims) {
    byArticle.get(str(c[1]))?.claims.push({
      id: toNumber(c[0]),
      articleId: str(c[1]),
      kind: str(c[2]),
      min: toNullableNumber(c[3]),
      max: toNullableNumber(c[4]),
      qualifier: str(c[5]),
      victimGroup: opt(c[6]),
      authority: opt(c[7]),
      isContext: toBool(c[8]),
      isHeadline: toBool(c[9]),
      phrase: str(c[10]),
      start: toNumber(c[11]),
      end: toNumber(c[12]),
      sentenceStart: toNumber(c[13]),
      sentenceEnd: toNumber(c[14]),
    });
  }
  for (const t of statements ?? []) {
    const a = byArticle.get(str(t[1]));
    if (!a) continue;
    a.statementCount[toBool(t[10]) ? "direct" : "reported"]++;
    a.statements.push({
      id: toNumber(t[0]),
      articleId: str(t[1]),
      speaker: opt(t[2]),
      speakerMention: opt(t[3]),
      affiliation: opt(t[4]),
      cue: opt(t[5]),
      channel: opt(t[6]),
      text: str(t[7]),
      start: toNumber(t[8]),
      end: toNumber(t[9]),
      direct: toBool(t[10]),
    });
  }
  return [...byArticle.values()];
}

/**
 * One event's articles, read once per page: the ids matching the filters in the comparison's
 * order (see matchingIds), the facets (every article's outlet and language), the coverage
 * cells (matching articles per day and outlet) and the matching articles' publication times
 * and outlets (for the count timeline).
 */
interface EventMembers {
  ids: string[];
  /** Every outlet of the event (whatever the filters). */
  outlets: Map<string, OutletRef>;
  /** Each outlet's articles in the event, by key. */
  outletArticles: Map<string, number>;
  languages: string[];
  coverage: Promise<CoverageSeries>;
  /** Matching articles with a publication time: the time (`iso`: formatted, once needed) and outlet. */
  published: Map<string, PublishedMember>;
  /** Every member's row of eventMembersQuery, by id: what the comparison shows of it (memberDetail). */
  rows: Map<string, unknown[]>;
}

/** What the comparison shows of an article besides its claims and statements, from "EventMember". */
interface MemberDetail {
  title: string;
  url: string | null;
  publishedAt: Date | null;
  author: string | null;
  language: string | null;
  originalSourceName: string | null;
  originalSourceUrl: string | null;
  syndicatedFromId: string | null;
  outlet: OutletRef;
  claimCount: number;
  statementCount: { direct: number; reported: number };
}

/** An eventMembersQuery row as the comparison shows it. */
function memberDetail(r: unknown[]): MemberDetail {
  const opt = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    title: r[8] as string,
    url: opt(r[9]),
    publishedAt: toDate(r[2]),
    author: opt(r[10]),
    language: opt(r[4]),
    originalSourceName: opt(r[11]),
    originalSourceUrl: opt(r[12]),
    syndicatedFromId: opt(r[13]),
    outlet: { key: r[5] as string, name: r[6] as string, kind: r[7] as string },
    claimCount: toNumber(r[14]),
    statementCount: { direct: toNumber(r[15]), reported: toNumber(r[16]) },
  };
}

interface PublishedMember {
  at: Date;
  iso?: string;
  outletKey: string;
  outletName: string;
}

/** The comparison's order of an event's articles (`alias`): independent reports first, then by publication. */
const comparisonOrder = (alias: string) => {
  const c = (column: string) => ident(alias, column);
  return sql`ORDER BY ${c("syndicatedFromId")} IS NOT NULL, ${c("syndicatedFromId")} ASC, ${c("publishedAt")} IS NULL, ${c("publishedAt")} ASC, ${c("id")} ASC`;
};

/**
 * SQLite: the covering index a read of an event's members through "Article" must use (`INDEXED
 * BY`), PostgreSQL: nothing (it keeps long texts out of line, and chooses an index-only scan of
 * the same index itself once (auto)vacuum has marked the pages all-visible).
 * `Article_member_idx` holds every column the members are filtered on, and an article row holds
 * the text before them (SQLite walks a long text's overflow pages to reach the columns stored
 * after it).
 */
function sqliteIndex(database: Database, index: "Article_member_idx"): Sql {
  return database.provider === "sqlite" ? sql`INDEXED BY ${ident(index)}` : empty;
}

/**
 * The event's members with their outlet and what the comparison shows of them, in the
 * comparison's order, from "EventMember" (lib/db/event-members.ts: an event's rows are stored
 * together, with their claim and statement counts and headline figures); with a last column
 * (MATCH_COLUMN) marking those matching `conditions` (on "Article" `a`) when they filter more than
 * the membership (see readEventMembers).
 */
export function eventMembersQuery(database: Database, eventId: string, conditions: Sql[]): Sql {
  const filtered = conditions.length > 1;
  return sql`SELECT m."id", m."outletId", m."publishedAt", m."publishedDay", m."language", o."key", o."name", o."kind",
          m."title", m."url", m."author", m."originalSourceName", m."originalSourceUrl", m."syndicatedFromId",
          m."claims", m."direct", m."reported",
          m."killedId", m."killedMin", m."killedMax", m."killedQualifier", m."woundedId", m."woundedMin", m."woundedMax", m."woundedQualifier"${
    filtered ? sql`, CASE WHEN ${and(conditions)} THEN 1 ELSE 0 END` : empty
  }
        FROM "EventMember" m JOIN "Outlet" o ON o."id" = m."outletId"${
          filtered ? sql` JOIN "Article" a ${sqliteIndex(database, "Article_member_idx")} ON a."id" = m."id"` : empty
        }
        WHERE m."eventId" = ${eventId}
        ${comparisonOrder("m")}`;
}

/** eventMembersQuery's columns: where each headline figure (id, min, max, qualifier) starts, and the filter's mark. */
const HEADLINE_COLUMN = { killed: 17, wounded: 21 } as const;
const MATCH_COLUMN = 25;

/**
 * The event's articles in one query over its membership (matchingIds, the facets, the coverage
 * counts and the timeline's articles were four reads of the same rows), as arrays. `conditions`
 * (articleConditions with the event) mark the matching rows, evaluated only when they filter
 * more than the membership.
 */
async function readEventMembers(database: Database, eventId: string, conditions: Sql[], top = 8): Promise<EventMembers> {
  const filtered = conditions.length > 1;
  const rows = await readArrays(database, eventMembersQuery(database, eventId, conditions));
  const ids: string[] = [];
  const outlets = new Map<string, OutletRef>();
  const outletArticles = new Map<string, number>();
  const outletsById = new Map<number, { key: string; name: string }>();
  const languages = new Set<string>();
  const cells = new Map<string, { day: string; outletId: number; n: number }>();
  const published = new Map<string, PublishedMember>();
  const byId = new Map<string, unknown[]>();
  for (const r of rows) {
    const outletId = toNumber(r[1]);
    const key = r[5] as string;
    const seen = outletArticles.get(key);
    outletArticles.set(key, (seen ?? 0) + 1);
    if (seen === undefined) {
      outlets.set(key, { key, name: r[6] as string, kind: r[7] as string });
      outletsById.set(outletId, { key, name: r[6] as string });
    }
    if (r[4]) languages.add(r[4] as string);
    const id = r[0] as string;
    byId.set(id, r);
    if (filtered && !toBool(r[MATCH_COLUMN])) continue;
    ids.push(id);
    const day = r[3] as string | null;
    if (day !== null) {
      const cellKey = `${day} ${outletId}`;
      const cell = cells.get(cellKey);
      if (cell) cell.n++;
      else cells.set(cellKey, { day, outletId, n: 1 });
    }
    const at = toDate(r[2]);
    if (at) published.set(id, { at, outletKey: key, outletName: r[6] as string });
  }
  // The order a GROUP BY day, outlet returns them in.
  const grouped = [...cells.values()].sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.outletId - y.outletId));
  const coverage = coverageSeries(cellCounts(grouped), top, async () => outletsById);
  return { ids, outlets, outletArticles, languages: [...languages].sort(), coverage, published, rows: byId };
}

/**
 * The count timeline: the headline killed / wounded figures of the matching articles with a
 * publication time (`published`), from their member rows (`rows`), by publication time, then
 * claim id.
 */
function headlineCounts(published: EventMembers["published"], rows: EventMembers["rows"]): CountPoint[] {
  // A large event has thousands of points (two per article): each article's time is formatted
  // once, and the points are ordered through their indices, not copied.
  const points: CountPoint[] = [];
  const keys: { at: number; claimId: number }[] = [];
  for (const [articleId, a] of published) {
    const r = rows.get(articleId)!;
    for (const kind of ["killed", "wounded"] as const) {
      const c = HEADLINE_COLUMN[kind];
      if (r[c] === null || r[c] === undefined) continue;
      a.iso ??= a.at.toISOString();
      points.push({
        at: a.iso,
        articleId,
        outletKey: a.outletKey,
        outletName: a.outletName,
        kind,
        min: toNullableNumber(r[c + 1]),
        max: toNullableNumber(r[c + 2]),
        qualifier: r[c + 3] as Qualifier,
      });
      keys.push({ at: a.at.getTime(), claimId: toNumber(r[c]) });
    }
  }
  const order = points.map((_, i) => i).sort((x, y) => keys[x]!.at - keys[y]!.at || keys[x]!.claimId - keys[y]!.claimId);
  return order.map((i) => points[i]!);
}

/**
 * Ids of the articles matching `conditions` (which include one event's membership), in the
 * comparison's order: independent reports first (copies repeat them), then by publication.
 * All of them: an event is bounded (a few hundred articles, thousands after manual merges), so
 * the list doubles as the count.
 */
async function matchingIds(database: Database, conditions: Sql[]): Promise<string[]> {
  const rows = await readRows<{ id: string }>(
    database,
    sql`SELECT a."id" AS "id" FROM "Article" a WHERE ${and(conditions)}
        ${comparisonOrder("a")}`,
  );
  return rows.map((r) => r.id);
}

/** Ids of one event's articles matching `f`, in the comparison's order (see getEvent). */
export async function eventArticleIds(database: Database, eventId: string, f: ArticleWhereInput): Promise<string[]> {
  return matchingIds(database, await articleConditions(database, { ...f, event: eventId }));
}

/** Which page of an event's articles table, sorted how (the page's `page`, `pageSize`, `sort` and `dir`). */
export type EventArticlePaging = Pick<ArticleFilters, "page" | "pageSize" | "sort" | "dir">;

/**
 * One page of the event's articles table: every article matching `f`, not only those the
 * comparison shows, sorted and paged in SQL so the page carries one page of rows, with the
 * articles list's FROM and paging (articleFrom, pageIds): on PostgreSQL that reads the event's
 * membership first, which the planner otherwise skipped to walk the whole corpus in publication
 * order looking for the event's first rows (1.4 s at 1M articles for an event of late articles).
 */
export async function getEventArticlePage(
  eventId: string,
  f: EventDetailFilters,
  paging: EventArticlePaging,
  database: Database = getDatabase(),
): Promise<ArticleListItem[]> {
  const conditions = await articleConditions(database, { ...f, event: eventId });
  const from = articleFrom(database, paging.sort, "a", eventId);
  const ids = await pageIds(database, {
    select: sql`a."id"`,
    from: from.from,
    where: [...from.where, ...conditions],
    keys: articleSortKeys(paging.sort, paging.dir),
    offset: (paging.page - 1) * paging.pageSize,
    limit: paging.pageSize,
  });
  return loadArticleListItems(database, ids);
}

/**
 * Ids of every article of the event matching `f` (the articles table's "select all matching"),
 * in the table's default order; `null` when the event does not exist.
 */
export async function getEventArticleIds(eventId: string, f: EventDetailFilters, database: Database = getDatabase()): Promise<string[] | null> {
  const [event, ids] = await Promise.all([
    database.db.event.findUnique({ where: { id: eventId }, select: { id: true } }),
    eventArticleIds(database, eventId, f),
  ]);
  return event ? ids : null;
}

type EventRow = Prisma.EventGetPayload<{ select: typeof eventListSelect }>;

/** The event's list fields (eventListSelect) in one raw query, or null. */
async function findEvent(database: Database, id: string): Promise<EventRow | null> {
  const columns = join(
    Object.keys(eventListSelect).map((c) => ident("e", c)),
    ", ",
  );
  const [r] = await readRows<Record<string, unknown>>(database, sql`SELECT ${columns} FROM "Event" e WHERE e."id" = ${id}`);
  if (!r) return null;
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    title: String(r.title),
    place: str(r.place),
    day: str(r.day),
    firstSeen: toDate(r.firstSeen),
    lastSeen: toDate(r.lastSeen),
    articleCount: toNumber(r.articleCount),
    sourceCount: toNumber(r.sourceCount),
    outletCount: toNumber(r.outletCount),
    killedMin: toNullableNumber(r.killedMin),
    killedMax: toNullableNumber(r.killedMax),
    woundedMin: toNullableNumber(r.woundedMin),
    woundedMax: toNullableNumber(r.woundedMax),
    killedMedian: toNullableNumber(r.killedMedian),
    woundedMedian: toNullableNumber(r.woundedMedian),
    divergence: toNullableNumber(r.divergence),
    locked: toBool(r.locked),
    titleManual: toBool(r.titleManual),
  };
}

const EMPTY_SPREAD: FigureSpread = { min: null, median: null, max: null, divergence: null, sources: 0 };

/**
 * Min / median / max over independent sources, one headline figure per source (its earliest
 * independent article's), with the events list's definition (`summariseFigures`).
 */
function spread(articles: EventArticleRow[], origins: Map<string, Origin>, kind: "killed" | "wounded"): FigureSpread {
  const figures = figuresBySource(articles, origins, kind);
  if (figures.length === 0) return EMPTY_SPREAD;
  const s = summariseFigures(figures);
  return { min: s.min, median: s.median, max: s.max, divergence: s.divergence, sources: figures.length };
}

/**
 * The comparison for one event: what each outlet reported (figures, statements, articles) with
 * copies nested under their originals, the claims pivoted by authority, fact-level blindspots,
 * the spread of independent figures, statements grouped by speaker, and the coverage and figure
 * timelines. Filters narrow the event's articles; facets describe all of them. Every claim and
 * statement carries its attribution chain; evidence sentences are loaded with getClaimEvidence.
 * `opts.byAuthority: false` leaves `byAuthority` empty: the page pivots by authority only on
 * request (`?by=authority`), and grouping every claim by authority is work it otherwise discards.
 * `opts.blindspotRows` lists fewer blindspot rows than BLINDSPOT_LIMIT (the page shows a few):
 * the rows listed are the first of the full list, with the same totals. `opts.sections: false`
 * leaves `blindspots` and `speakers` empty: the page loads those sections from the browser
 * (getEventSections), and a large event's page answers sooner without them.
 */
export async function getEvent(
  id: string,
  f: EventDetailFilters,
  database: Database = getDatabase(),
  opts: EventDetailOptions = {},
): Promise<EventDetail | null> {
  return (await readEvent(id, f, database, opts))?.detail ?? null;
}

/** What getEvent computes, and how much (see getEvent). */
export interface EventDetailOptions {
  byAuthority?: boolean;
  blindspotRows?: number;
  sections?: boolean;
}

/**
 * The event page's two reads of one event's articles: getEvent, and one page of its articles
 * table (getEventArticlePage) for the same filters. Sorted by publication time (the table's
 * default), the page is cut from the members getEvent has read already: a second read of the
 * members by time cost 13–21 ms for a 3,000-article event at 1M articles (one index look-up per
 * member). Other sorts are read in SQL.
 */
export async function getEventWithArticlePage(
  id: string,
  f: EventDetailFilters,
  paging: EventArticlePaging,
  database: Database = getDatabase(),
  opts: EventDetailOptions = {},
): Promise<{ detail: EventDetail; articles: ArticleListItem[] } | null> {
  const read = await readEvent(id, f, database, opts);
  if (!read) return null;
  const articles =
    paging.sort === "publishedAt"
      ? await memberListItems(database, read.detail.event, pageByTime(read.members.ids, read.members.published, paging), read.members.rows)
      : await getEventArticlePage(id, f, paging, database);
  return { detail: read.detail, articles };
}

/**
 * One page of `ids` in the articles table's order by publication time (articleSortKeys and
 * pageIds): dated articles by time, then undated ones, each tie and the undated by id, all in
 * `dir`. Ids are "a_" + hexadecimal digits, ordered the same by code unit as by any collation.
 */
export function pageByTime(ids: string[], published: ReadonlyMap<string, { at: Date }>, paging: EventArticlePaging): string[] {
  const sign = paging.dir === "desc" ? -1 : 1;
  const byId = (x: string, y: string) => (x < y ? -sign : x > y ? sign : 0);
  const dated: { id: string; time: number }[] = [];
  const undated: string[] = [];
  for (const id of ids) {
    const p = published.get(id);
    if (p) dated.push({ id, time: p.at.getTime() });
    else undated.push(id);
  }
  dated.sort((x, y) => (x.time - y.time) * sign || byId(x.id, y.id));
  undated.sort(byId);
  const start = (paging.page - 1) * paging.pageSize;
  return [...dated.map((d) => d.id), ...undated].slice(start, start + paging.pageSize);
}

async function readEvent(
  id: string,
  f: EventDetailFilters,
  database: Database,
  opts: EventDetailOptions,
): Promise<{ detail: EventDetail; members: EventMembers } | null> {
  const withSections = opts.sections !== false;
  // "EventMember" is a derived table (lib/db/event-members.ts): built on first use in an older database.
  const [event] = await Promise.all([findEvent(database, id), searchReady(database)]);
  if (!event) return null;

  // Every query below starts from the event's membership index, so its cost grows with the
  // event, not with the corpus (Prisma's `membership: { eventId }` filter is a LEFT JOIN that
  // SQLite answered by scanning every article: 1.3 s per query at 20k articles).
  const conditions = await articleConditions(database, { ...f, event: id });
  const members = await readEventMembers(database, id, conditions);
  const { ids, outlets, outletArticles, languages, coverage: coverageSeriesP, published } = members;
  const total = ids.length;
  const shownIds = ids.slice(0, EVENT_ARTICLE_LIMIT);
  const [articles, revisions, coverage] = await Promise.all([
    loadEventArticles(database, event, shownIds, withSections, members.rows),
    // Earlier versions of the shown articles, for their "revised" marks (one indexed query).
    getRevisionsByArticle(shownIds, database),
    coverageSeriesP,
  ]);
  // The count timeline covers every matching article, not only those the matrix shows.
  const counts = headlineCounts(published, members.rows);

  // Provenance: which article copies which, and the rows the matrix shows.
  const provenance: (ProvenanceArticle & { row: EventArticleRow })[] = articles.map((a) => ({ ...toProvenanceArticle(a), row: a }));
  const origins = resolveOrigins(provenance, [...outlets.values()]);
  const outletNames = [...outlets.values()].map((o) => o.name);
  const wireNames = [...outlets.values()].filter((o) => o.kind === "wire").map((o) => o.name);
  const context = (a: EventArticleRow): ChainContext => ({ outletName: a.outlet.name, origin: origins.get(a.id), outletNames, wireNames });

  const claimsById = new Map<number, { claim: EventClaim; article: EventArticleRow }>();
  const speakers = new Map<string, SpeakerGroup>();
  const comparison: OutletComparison[] = nestCopies(provenance, origins).map((r) => {
    const row: OutletComparison = {
      key: r.key,
      outlet: outlets.get(r.outletKey) ?? r.articles[0]!.row.outlet,
      articles: [],
      kind: r.kind,
      parentKey: r.parentKey,
      copyOf: r.copyOf,
      declared: r.declared,
      republishedBy: r.republishedBy,
      copiesOnly: r.kind !== "own",
      copiedFrom: r.copyOf ? [r.copyOf.outletName] : r.declared ? [r.declared.name] : [],
      killed: [],
      wounded: [],
      other: [],
      statements: [],
      statementCount: { direct: 0, reported: 0 },
    };
    for (const { row: a } of r.articles) {
      const item = toArticleListItem(a);
      item.statementCount = a.statementCount.direct + a.statementCount.reported; // the statements may only have been counted
      row.articles.push(item);
      row.statementCount.direct += a.statementCount.direct;
      row.statementCount.reported += a.statementCount.reported;
      const ctx = context(a);
      for (const c of a.claims) {
        const claim: EventClaim = { ...c, kind: c.kind as CasualtyKind, qualifier: c.qualifier as Qualifier, chain: claimChain(ctx, c.authority) };
        claimsById.set(claim.id, { claim, article: a });
        if (claim.isContext || (claim.kind !== "killed" && claim.kind !== "wounded")) row.other.push(claim);
        else row[claim.kind].push(claim);
      }
      for (const s of a.statements) {
        // The loaded row becomes the DTO (no copy per statement: thousands in a large event).
        const st: EventStatement = Object.assign(toStatementItem(s), { chain: statementChain(ctx, s) });
        row.statements.push(st);
        if (!withSections) continue;
        const key = speakerKey(st.speaker ?? st.speakerMention);
        if (!key) continue;
        const group = speakers.get(key) ?? { speaker: st.speaker ?? st.speakerMention ?? key, byOutlet: {} };
        (group.byOutlet[a.outlet.key] ??= []).push(st);
        speakers.set(key, group);
      }
    }
    return row;
  });

  const speakerGroups = [...speakers.values()].sort(
    (x, y) => Object.keys(y.byOutlet).length - Object.keys(x.byOutlet).length || x.speaker.localeCompare(y.speaker),
  );

  // The figures as the pivot by authority and the blindspots read them (neither is always wanted).
  const claimInputs = !withSections && opts.byAuthority === false ? [] : [...claimsById.values()].map(({ claim, article: a }) => ({
    ...claim,
    outletKey: a.outlet.key,
    outletName: a.outlet.name,
    copy: origins.get(a.id)?.kind !== "own",
    publishedAt: a.publishedAt?.toISOString() ?? null,
  }));
  const byAuthority: AuthorityComparisonRow[] = (opts.byAuthority === false ? [] : groupByAuthority(claimInputs)).map((r) => ({
    key: r.key,
    label: r.label,
    outletCount: r.outletCount,
    claimCount: r.claimCount,
    byKind: Object.fromEntries(
      Object.entries(r.byKind).map(([kind, figures]) => [kind, figures.map((fig) => ({ key: fig.key, claimIds: fig.claims.map((c) => c.id), outlets: fig.outlets }))]),
    ),
  }));

  // Outlets covering the event in this selection, in the matrix's order.
  const covering: OutletRef[] = [];
  for (const r of comparison) if (!covering.some((o) => o.key === r.outlet.key)) covering.push(r.outlet);
  const blindspotRows = withSections ? Math.min(BLINDSPOT_LIMIT, opts.blindspotRows ?? BLINDSPOT_LIMIT) : 0;
  const figureSpots = withSections ? topFigureBlindspots(claimInputs, covering, blindspotRows) : { rows: [], total: 0 };
  const statementInputs: StatementInput[] = [];
  if (withSections) {
    for (const r of comparison) {
      for (const s of r.statements) statementInputs.push({ id: s.id, speaker: s.speaker, speakerMention: s.speakerMention, text: s.text, outletKey: r.outlet.key });
    }
  }
  const statementSpots = withSections ? topStatementBlindspots(statementInputs, covering, blindspotRows) : { rows: [], total: 0 };
  const blindspots = {
    outlets: withSections ? covering : [],
    figures: figureSpots.rows,
    statements: statementSpots.rows,
    totals: { figures: figureSpots.total, statements: statementSpots.total },
  };

  const detail: EventDetail = {
    event: toEventListItem(event),
    comparison,
    sources: { articles: articles.length, independent: countIndependentSources(articles.map((a) => a.id), origins) },
    figures: { killed: spread(articles, origins, "killed"), wounded: spread(articles, origins, "wounded") },
    byAuthority,
    blindspots,
    speakers: speakerGroups,
    coverage,
    counts,
    facets: {
      outlets: [...outlets.values()].map((o) => ({ ...o, articles: outletArticles.get(o.key) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name)),
      languages,
    },
    articles: { total, shown: articles.length },
    revisions,
  };
  return { detail, members };
}

/**
 * The evidence sentences of claims of one event (claims of other events are not returned).
 * `null` when the event does not exist.
 */
export async function getClaimEvidence(eventId: string, claimIds: number[], database: Database = getDatabase()): Promise<ClaimEvidence[] | null> {
  const { db } = database;
  const [event, rows] = await Promise.all([
    db.event.findUnique({ where: { id: eventId }, select: { id: true } }),
    db.casualtyClaim.findMany({
      where: { id: { in: claimIds.slice(0, EVIDENCE_MAX_CLAIMS) }, article: { membership: { eventId } } },
      orderBy: { id: "asc" },
      select: { id: true, articleId: true, sentence: true, sentenceStart: true, sentenceEnd: true, start: true, end: true, phrase: true },
    }),
  ]);
  return event ? rows : null;
}
