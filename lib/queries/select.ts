import type { Prisma } from "../db";
import type { CasualtyKind, Qualifier } from "../extract/types";
import type { ArticleListItem, ClaimItem, Paged, StatementItem } from "../schemas/dto";

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
  _count: { select: { claims: true, statements: true } },
} satisfies Prisma.ArticleSelect;

export type ArticleListRow = Prisma.ArticleGetPayload<{ select: typeof articleListSelect }>;

export function toArticleListItem(a: ArticleListRow): ArticleListItem {
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
    claimCount: a._count.claims,
    statementCount: a._count.statements,
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
