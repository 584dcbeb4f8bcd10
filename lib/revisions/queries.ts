/** Read access to article revisions, for the article page, the event page and the API. */
import { getDatabase, type Database } from "../db";
import { join, readRows, sql, toDate, toJson, toNumber } from "../queries/sql";
import type { ArticleRevisionItem, RevisionChanges } from "./types";

const revisionSelect = { revision: true, title: true, contentHash: true, fetchedAt: true, createdAt: true, changes: true } as const;

function toRevisionItem(r: { revision: number; title: string; contentHash: string; fetchedAt: Date; createdAt: Date; changes: unknown }): ArticleRevisionItem {
  return {
    revision: r.revision,
    title: r.title,
    contentHash: r.contentHash,
    fetchedAt: r.fetchedAt.toISOString(),
    replacedAt: r.createdAt.toISOString(),
    changes: r.changes as RevisionChanges,
  };
}

/**
 * The kept versions of an article, newest first, each with what the next version changed.
 * Empty when the article was never revised.
 */
export async function getArticleRevisions(articleId: string, database: Database = getDatabase()): Promise<ArticleRevisionItem[]> {
  const rows = await database.db.articleRevision.findMany({ where: { articleId }, orderBy: { revision: "desc" }, select: revisionSelect });
  return rows.map(toRevisionItem);
}

/**
 * The kept versions of each of `articleIds` (newest first, as getArticleRevisions), in one query
 * per 500 ids; articles never revised are absent. For the event page's "revised" marks.
 */
export async function getRevisionsByArticle(articleIds: string[], database: Database = getDatabase()): Promise<Record<string, ArticleRevisionItem[]>> {
  const out: Record<string, ArticleRevisionItem[]> = {};
  for (let i = 0; i < articleIds.length; i += 500) {
    // Raw SQL (through the driver where there is one): the event page asks for 300 ids,
    // and Prisma spent ~4 ms compiling that IN list even when no article was ever revised.
    const query = sql`SELECT r."articleId" AS "articleId", r."revision" AS "revision", r."title" AS "title", r."contentHash" AS "contentHash",
        r."fetchedAt" AS "fetchedAt", r."createdAt" AS "createdAt", r."changes" AS "changes"
      FROM "ArticleRevision" r WHERE r."articleId" IN (${join(articleIds.slice(i, i + 500))})
      ORDER BY r."articleId" ASC, r."revision" DESC`;
    const rows = await readRows<RawRevisionRow>(database, query);
    for (const r of rows) {
      (out[r.articleId] ??= []).push(
        toRevisionItem({
          revision: toNumber(r.revision),
          title: r.title,
          contentHash: r.contentHash,
          fetchedAt: toDate(r.fetchedAt)!,
          createdAt: toDate(r.createdAt)!,
          changes: toJson(r.changes),
        }),
      );
    }
  }
  return out;
}

interface RawRevisionRow {
  articleId: string;
  revision: unknown;
  title: string;
  contentHash: string;
  fetchedAt: unknown;
  createdAt: unknown;
  changes: unknown;
}

/**
 * How many times each of `articleIds` was revised (articles never revised are absent), in one
 * grouped query per 500 ids: what a list or the event page needs for a "revised" badge.
 */
export async function getRevisionCounts(articleIds: string[], database: Database = getDatabase()): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < articleIds.length; i += 500) {
    const groups = await database.db.articleRevision.groupBy({
      by: ["articleId"],
      where: { articleId: { in: articleIds.slice(i, i + 500) } },
      _count: { _all: true },
    });
    for (const g of groups) out.set(g.articleId, g._count._all);
  }
  return out;
}
