import type { Database, Prisma } from "../db";
import type { CasualtyKind, Qualifier } from "../extract/types";
import type { ArticleListItem, ClaimItem, Paged, StatementItem } from "../schemas/dto";
import { searchReady } from "../db/search";
import { inOrder, join, readRows, sql, toDate, toNumber } from "./sql";

/** Named selects: each query asks for exactly the columns its DTO needs. */
export const outletRefSelect = { key: true, name: true, kind: true } satisfies Prisma.OutletSelect;

export const articleListSelect = {
  id: true,
  title: true,
  url: true,
  publishedAt: true,
  author: true,
  language: true,
  originalSourceName: true,
  outlet: { select: outletRefSelect },
  syndicatedFrom: { select: { id: true, title: true, outlet: { select: { name: true } } } },
  membership: { select: { event: { select: { id: true, title: true } } } },
} satisfies Prisma.ArticleSelect;

export type ArticleListRow = Prisma.ArticleGetPayload<{ select: typeof articleListSelect }>;

/**
 * List items for these article ids, in the ids' order, in one flat SQL query. Prefer this to
 * `findMany({ select: articleListSelect })` beyond a handful of rows: Prisma answers `_count`
 * with a LEFT JOIN on `SELECT articleId, COUNT(*) FROM "CasualtyClaim" GROUP BY articleId`
 * over the whole table (measured 650 ms for 25 articles at 100k articles); here the counts come
 * from "ArticleExtractCount", kept by triggers (lib/db/search.ts).
 */
export async function loadArticleListItems(database: Database, ids: string[]): Promise<ArticleListItem[]> {
  const items: ArticleListItem[] = [];
  if (ids.length) await searchReady(database);
  // Bound parameters per statement stay far below SQLite's and PostgreSQL's limits.
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    // Through the driver (readRows): Prisma's raw path costs more CPU per row than the query.
    const rows = await readRows<FlatArticleListRow>(database, sql`
      SELECT a."id" AS "id", a."title" AS "title", a."url" AS "url", a."publishedAt" AS "publishedAt", a."author" AS "author",
        a."language" AS "language", a."originalSourceName" AS "originalSourceName",
        o."key" AS "outletKey", o."name" AS "outletName", o."kind" AS "outletKind",
        s."id" AS "copyId", s."title" AS "copyTitle", so."name" AS "copyOutletName",
        e."id" AS "eventId", e."title" AS "eventTitle",
        coalesce(n."claims", 0) AS "claimCount",
        coalesce(n."statements", 0) AS "statementCount"
      FROM "Article" a JOIN "Outlet" o ON o."id" = a."outletId"
        LEFT JOIN "Article" s ON s."id" = a."syndicatedFromId" LEFT JOIN "Outlet" so ON so."id" = s."outletId"
        LEFT JOIN "EventArticle" ea ON ea."articleId" = a."id" LEFT JOIN "Event" e ON e."id" = ea."eventId"
        LEFT JOIN "ArticleExtractCount" n ON n."articleId" = a."id"
      WHERE a."id" IN (${join(slice)})`);
    for (const r of inOrder(slice, rows)) {
      items.push({
        id: r.id,
        title: r.title,
        url: r.url,
        outlet: { key: r.outletKey, name: r.outletName, kind: r.outletKind },
        publishedAt: toDate(r.publishedAt)?.toISOString() ?? null,
        author: r.author,
        language: r.language,
        originalSourceName: r.originalSourceName,
        syndicatedFrom: r.copyId ? { id: r.copyId, title: r.copyTitle ?? "", outletName: r.copyOutletName ?? "" } : null,
        eventId: r.eventId,
        eventTitle: r.eventTitle,
        claimCount: toNumber(r.claimCount),
        statementCount: toNumber(r.statementCount),
      });
    }
  }
  return items;
}

interface FlatArticleListRow {
  id: string;
  title: string;
  url: string | null;
  publishedAt: unknown;
  author: string | null;
  language: string | null;
  originalSourceName: string | null;
  outletKey: string;
  outletName: string;
  outletKind: string;
  copyId: string | null;
  copyTitle: string | null;
  copyOutletName: string | null;
  eventId: string | null;
  eventTitle: string | null;
  claimCount: unknown;
  statementCount: unknown;
}

/**
 * A list item from a row selected with `articleListSelect` plus the article's claims and
 * statements (their counts are the arrays' lengths). The select has no `_count`: Prisma answers
 * it with a GROUP BY over the whole claims and statements tables (measured 0.65 s per call at
 * 100k articles); for lists without the arrays use `loadArticleListItems`.
 */
export function toArticleListItem(a: ArticleListRow & { claims: readonly unknown[]; statements: readonly unknown[] }): ArticleListItem {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    author: a.author,
    language: a.language,
    originalSourceName: a.originalSourceName,
    syndicatedFrom: a.syndicatedFrom
      ? { id: a.syndicatedFrom.id, title: a.syndicatedFrom.title, outletName: a.syndicatedFrom.outlet.name }
      : null,
    eventId: a.membership?.event.id ?? null,
    eventTitle: a.membership?.event.title ?? null,
    claimCount: a.claims.length,
    statementCount: a.statements.length,
  };
}

export const claimSelect = {
  id: true,
  articleId: true,
  kind: true,
  min: true,
  max: true,
  qualifier: true,
  victimGroup: true,
  authority: true,
  isContext: true,
  isHeadline: true,
  phrase: true,
  start: true,
  end: true,
  sentence: true,
  sentenceStart: true,
  sentenceEnd: true,
} satisfies Prisma.CasualtyClaimSelect;

export function toClaimItem(c: Prisma.CasualtyClaimGetPayload<{ select: typeof claimSelect }>): ClaimItem {
  return { ...c, kind: c.kind as CasualtyKind, qualifier: c.qualifier as Qualifier };
}

export const statementSelect = {
  id: true,
  articleId: true,
  speaker: true,
  speakerMention: true,
  affiliation: true,
  cue: true,
  channel: true,
  text: true,
  start: true,
  end: true,
  direct: true,
} satisfies Prisma.StatementSelect;

export function toStatementItem(s: Prisma.StatementGetPayload<{ select: typeof statementSelect }>): StatementItem {
  return s;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** One page of a list and the total behind it, counted and fetched concurrently. */
export async function fetchPage<Row, Item>(
  f: { page: number; pageSize: number },
  count: () => Promise<number>,
  find: (skip: number, take: number) => Promise<Row[]>,
  toItem: (row: Row) => Item,
): Promise<Paged<Item>> {
  const [total, rows] = await Promise.all([count(), find((f.page - 1) * f.pageSize, f.pageSize)]);
  return { rows: rows.map(toItem), total, page: f.page, pageSize: f.pageSize, pageCount: pageCount(total, f.pageSize) };
}
