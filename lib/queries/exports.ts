import { getDatabase, type Database, type Prisma } from "../db";
import type { ExportColumn } from "../export";
import { ARTICLE_SORTS, EVENT_SORTS, type ExportFilters, type ExportTable } from "../schemas/filters";
import { articleOrderBy } from "./articles";
import { claimSelect, statementSelect } from "./select";
import { eventListSelect, eventOrderBy, eventWhere } from "./events";
import { articleWhere } from "./where";

/** Rows fetched per round trip while streaming an export. */
const DEFAULT_PAGE = 2000;

/**
 * Stream every row of a query in pages: `fetch` gets the last row of the previous page (none
 * for the first) and continues after it, by keyset or by Prisma cursor on the unique `id`
 * (stable under concurrent inserts, and it never re-reads skipped rows like OFFSET does).
 */
async function* paginate<T extends { id: string | number }>(
  fetch: (last: T | undefined) => Promise<T[]>,
  limit: number,
  pageSize: number,
): AsyncGenerator<T> {
  let last: T | undefined;
  let sent = 0;
  for (;;) {
    const rows = await fetch(last);
    for (const r of rows) {
      if (sent++ >= limit) return;
      yield r;
    }
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1]!;
  }
}

function cursorArgs<Id extends string | number>(last: { id: Id } | undefined): { cursor?: { id: Id }; skip?: number } {
  return last === undefined ? {} : { cursor: { id: last.id }, skip: 1 };
}

/**
 * Rows after `last` in (publishedAt nulls last, id asc) order. Prisma's cursor pagination
 * re-resolves the cursor row in a sub-select on every page, which measured ~16x slower than
 * this plain range condition on the publishedAt index.
 */
function publishedAfter(last: { id: string; publishedAt: Date | null }, dir: "asc" | "desc"): Prisma.ArticleWhereInput {
  if (last.publishedAt === null) return { publishedAt: null, id: { gt: last.id } };
  return {
    OR: [
      { publishedAt: dir === "desc" ? { lt: last.publishedAt } : { gt: last.publishedAt } },
      { publishedAt: last.publishedAt, id: { gt: last.id } },
      { publishedAt: null },
    ],
  };
}

/** Claim and statement counts for a page of articles: two grouped queries instead of a sub-count per row. */
async function countsFor(db: Database["db"], ids: string[]) {
  const claims = new Map<string, number>();
  const statements = new Map<string, number>();
  // Prisma caps bound parameters per query on SQLite (999), so ask in slices.
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const [c, s] = await Promise.all([
      db.casualtyClaim.groupBy({ by: ["articleId"], where: { articleId: { in: slice } }, _count: { _all: true } }),
      db.statement.groupBy({ by: ["articleId"], where: { articleId: { in: slice } }, _count: { _all: true } }),
    ]);
    for (const r of c) claims.set(r.articleId, r._count._all);
    for (const r of s) statements.set(r.articleId, r._count._all);
  }
  return { claims, statements };
}
const iso = (d: Date | null) => d?.toISOString() ?? null;

const articleExportSelect = {
  id: true,
  url: true,
  canonicalUrl: true,
  title: true,
  publishedAt: true,
  author: true,
  language: true,
  wordCount: true,
  originalSourceName: true,
  originalSourceUrl: true,
  syndicatedFromId: true,
  syndicationScore: true,
  syndicatedFrom: { select: { url: true, outlet: { select: { name: true } } } },
  outlet: { select: { key: true, name: true, kind: true } },
  membership: { select: { eventId: true, event: { select: { title: true } } } },
} satisfies Prisma.ArticleSelect;
type ArticleExportRow = Prisma.ArticleGetPayload<{ select: typeof articleExportSelect }> & { claimCount: number; statementCount: number };

const articleColumns: ExportColumn<ArticleExportRow>[] = [
  { key: "id", header: "article_id", value: (r) => r.id },
  { key: "url", header: "url", value: (r) => r.url },
  { key: "title", header: "title", value: (r) => r.title },
  { key: "outlet", header: "outlet", value: (r) => r.outlet.name },
  { key: "outlet_key", header: "outlet_key", value: (r) => r.outlet.key },
  { key: "outlet_kind", header: "outlet_kind", value: (r) => r.outlet.kind },
  { key: "published_at", header: "published_at", value: (r) => iso(r.publishedAt) },
  { key: "author", header: "author", value: (r) => r.author },
  { key: "language", header: "language", value: (r) => r.language },
  { key: "word_count", header: "word_count", value: (r) => r.wordCount },
  { key: "original_source", header: "original_source", value: (r) => r.originalSourceName },
  { key: "original_source_url", header: "original_source_url", value: (r) => r.originalSourceUrl },
  { key: "copy_of_article_id", header: "copy_of_article_id", value: (r) => r.syndicatedFromId },
  { key: "copy_of_url", header: "copy_of_url", value: (r) => r.syndicatedFrom?.url ?? null },
  { key: "copy_of_outlet", header: "copy_of_outlet", value: (r) => r.syndicatedFrom?.outlet.name ?? null },
  { key: "copy_similarity", header: "copy_similarity", value: (r) => r.syndicationScore },
  { key: "event_id", header: "event_id", value: (r) => r.membership?.eventId ?? null },
  { key: "event_title", header: "event_title", value: (r) => r.membership?.event.title ?? null },
  { key: "claims", header: "claims", value: (r) => r.claimCount },
  { key: "statements", header: "statements", value: (r) => r.statementCount },
];

type EventExportRow = Prisma.EventGetPayload<{ select: typeof eventListSelect }>;
const eventColumns: ExportColumn<EventExportRow>[] = [
  { key: "id", header: "event_id", value: (r) => r.id },
  { key: "title", header: "title", value: (r) => r.title },
  { key: "place", header: "place", value: (r) => r.place },
  { key: "first_seen", header: "first_seen", value: (r) => iso(r.firstSeen) },
  { key: "last_seen", header: "last_seen", value: (r) => iso(r.lastSeen) },
  { key: "articles", header: "articles", value: (r) => r.articleCount },
  { key: "independent_sources", header: "independent_sources", value: (r) => r.sourceCount },
  { key: "outlets", header: "outlets", value: (r) => r.outletCount },
  { key: "killed_min", header: "killed_min", value: (r) => r.killedMin },
  { key: "killed_max", header: "killed_max", value: (r) => r.killedMax },
  { key: "wounded_min", header: "wounded_min", value: (r) => r.woundedMin },
  { key: "wounded_max", header: "wounded_max", value: (r) => r.woundedMax },
  { key: "divergence", header: "divergence", value: (r) => r.divergence },
  { key: "locked", header: "locked", value: (r) => r.locked },
  { key: "title_manual", header: "title_manual", value: (r) => r.titleManual },
];

const articleRefSelect = {
  url: true,
  publishedAt: true,
  outlet: { select: { name: true, key: true } },
  membership: { select: { eventId: true, event: { select: { title: true } } } },
} satisfies Prisma.ArticleSelect;
type ArticleRef = Prisma.ArticleGetPayload<{ select: typeof articleRefSelect }>;
const refColumns = <T extends { articleId: string; article: ArticleRef }>(): ExportColumn<T>[] => [
  { key: "event_id", header: "event_id", value: (r) => r.article.membership?.eventId ?? null },
  { key: "event_title", header: "event_title", value: (r) => r.article.membership?.event.title ?? null },
  { key: "article_id", header: "article_id", value: (r) => r.articleId },
  { key: "article_url", header: "article_url", value: (r) => r.article.url },
  { key: "outlet", header: "outlet", value: (r) => r.article.outlet.name },
  { key: "outlet_key", header: "outlet_key", value: (r) => r.article.outlet.key },
  { key: "published_at", header: "published_at", value: (r) => iso(r.article.publishedAt) },
];

const claimExportSelect = {
  ...claimSelect,
  article: { select: articleRefSelect },
} satisfies Prisma.CasualtyClaimSelect;
type ClaimExportRow = Prisma.CasualtyClaimGetPayload<{ select: typeof claimExportSelect }>;
const claimColumns: ExportColumn<ClaimExportRow>[] = [
  { key: "claim_id", header: "claim_id", value: (r) => r.id },
  ...refColumns<ClaimExportRow>(),
  { key: "kind", header: "kind", value: (r) => r.kind },
  { key: "min", header: "min", value: (r) => r.min },
  { key: "max", header: "max", value: (r) => r.max },
  { key: "qualifier", header: "qualifier", value: (r) => r.qualifier },
  { key: "victim_group", header: "victim_group", value: (r) => r.victimGroup },
  { key: "authority", header: "authority", value: (r) => r.authority },
  { key: "is_context", header: "is_context", value: (r) => r.isContext },
  { key: "is_headline", header: "is_headline", value: (r) => r.isHeadline },
  { key: "phrase", header: "phrase", value: (r) => r.phrase },
  { key: "start", header: "start", value: (r) => r.start },
  { key: "end", header: "end", value: (r) => r.end },
  { key: "sentence", header: "evidence_sentence", value: (r) => r.sentence },
  { key: "sentence_start", header: "sentence_start", value: (r) => r.sentenceStart },
  { key: "sentence_end", header: "sentence_end", value: (r) => r.sentenceEnd },
];

const statementExportSelect = {
  ...statementSelect,
  article: { select: articleRefSelect },
} satisfies Prisma.StatementSelect;
type StatementExportRow = Prisma.StatementGetPayload<{ select: typeof statementExportSelect }>;
const statementColumns: ExportColumn<StatementExportRow>[] = [
  { key: "statement_id", header: "statement_id", value: (r) => r.id },
  ...refColumns<StatementExportRow>(),
  { key: "speaker", header: "speaker", value: (r) => r.speaker },
  { key: "speaker_mention", header: "speaker_mention", value: (r) => r.speakerMention },
  { key: "affiliation", header: "affiliation", value: (r) => r.affiliation },
  { key: "cue", header: "cue", value: (r) => r.cue },
  { key: "channel", header: "channel", value: (r) => r.channel },
  { key: "direct", header: "direct", value: (r) => r.direct },
  { key: "text", header: "text", value: (r) => r.text },
  { key: "start", header: "start", value: (r) => r.start },
  { key: "end", header: "end", value: (r) => r.end },
];

// The export's rows and columns vary per table; callers treat rows as opaque.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ExportSource<T = any> {
  table: ExportTable;
  columns: ExportColumn<T>[];
  rows: AsyncIterable<T>;
}

/**
 * The rows of an export table under the same filters the pages use, streamed from the
 * database page by page so memory stays flat whatever the row count.
 */
export function exportRows(
  table: ExportTable,
  f: ExportFilters,
  opts: { limit: number; pageSize?: number },
  database: Database = getDatabase(),
): ExportSource {
  const { db } = database;
  const PAGE = opts.pageSize ?? DEFAULT_PAGE;
  const dir = f.dir;
  switch (table) {
    case "events": {
      const where: Prisma.EventWhereInput = {
        AND: [eventWhere(database, f), ...(f.event ? [{ id: f.event }] : [])],
      };
      const sort = (EVENT_SORTS as readonly string[]).includes(f.sort ?? "") ? (f.sort as (typeof EVENT_SORTS)[number]) : "lastSeen";
      return {
        table,
        columns: eventColumns,
        rows: paginate<EventExportRow>(
          (cursor) => db.event.findMany({ where, orderBy: eventOrderBy(sort, dir), take: PAGE, ...cursorArgs(cursor), select: eventListSelect }),
          opts.limit,
          PAGE,
        ),
      };
    }
    case "articles": {
      const where = articleWhere(database, f);
      const sort = (ARTICLE_SORTS as readonly string[]).includes(f.sort ?? "") ? (f.sort as (typeof ARTICLE_SORTS)[number]) : "publishedAt";
      return {
        table,
        columns: articleColumns,
        rows: paginate<ArticleExportRow>(async (last) => {
          const after = last && sort === "publishedAt" ? { where: { AND: [where, publishedAfter(last, dir)] } } : { where, ...cursorArgs(last) };
          const page = await db.article.findMany({ ...after, orderBy: articleOrderBy(sort, dir), take: PAGE, select: articleExportSelect });
          const counts = await countsFor(db, page.map((r) => r.id));
          return page.map((r) => ({ ...r, claimCount: counts.claims.get(r.id) ?? 0, statementCount: counts.statements.get(r.id) ?? 0 }));
        }, opts.limit, PAGE),
      };
    }
    case "claims": {
      const where: Prisma.CasualtyClaimWhereInput = { article: articleWhere(database, f) };
      return {
        table,
        columns: claimColumns,
        rows: paginate<ClaimExportRow>(
          (cursor) => db.casualtyClaim.findMany({ where, orderBy: { id: "asc" }, take: PAGE, ...cursorArgs(cursor), select: claimExportSelect }),
          opts.limit,
          PAGE,
        ),
      };
    }
    case "statements": {
      const where: Prisma.StatementWhereInput = { article: articleWhere(database, f) };
      return {
        table,
        columns: statementColumns,
        rows: paginate<StatementExportRow>(
          (cursor) => db.statement.findMany({ where, orderBy: { id: "asc" }, take: PAGE, ...cursorArgs(cursor), select: statementExportSelect }),
          opts.limit,
          PAGE,
        ),
      };
    }
  }
}
