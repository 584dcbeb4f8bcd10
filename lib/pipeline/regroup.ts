/**
 * Re-group the whole corpus: replay every article, in publication order, through a fresh online
 * grouper, keeping what analysts decided.
 *
 * - An article in a LOCKED event stays there; the event gets no new article (the grouper is told
 *   the event is locked, and its id is registered so no new event can take it).
 * - An article with a MANUAL membership stays where the analyst put it. Both are fed to the
 *   grouper with `add()` at their place in the stream, so later articles can still join the
 *   events analysts shaped (unless locked), and term statistics see the whole corpus.
 * - Every other article is `assign()`ed again: its event, score and detected original (copy of)
 *   are rewritten when they changed.
 * - Events left with no article are deleted; touched events' aggregates are recomputed
 *   (`refreshEvents`, which keeps analyst titles).
 *
 * Deterministic: the stream (publication time, then id), the kept memberships and the grouper are
 * the same from one run to the next, so a second run changes nothing. Writes go in batches of one
 * transaction each, as bulk statements on the transaction's driver connection (`updateByKey`,
 * `bulkInsert`); if a run stops half-way, running it again completes it.
 */
import { EventGrouper } from "../cluster";
import type { Database, Db, Prisma } from "../db";
import { transactionWithConnection } from "../db/raw-connection";
import { withStoreRetry } from "../db/store-retry";
import { bulkInsert } from "../mutations/bulk";
import { recordEventAction } from "../mutations/event-actions";
import { refreshEvents } from "../mutations/events";
import { sqlRunner, updateByKey } from "../mutations/sql-runner";
import { detectFollowChanges } from "./follow-changes";
import { clusterDocSelect, toClusterDocRow } from "./grouper";

export interface RegroupOptions {
  /** Changed articles per write transaction (default 500). */
  batchSize?: number;
  /** Articles read per query (default 500). */
  pageSize?: number;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Recorded in the history as who ran it (default "cli"). */
  actor?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface RegroupReport {
  articles: number;
  /** Articles kept in place because an analyst put them there. */
  keptManual: number;
  /** Articles kept in place because their event is locked. */
  keptLocked: number;
  /** Articles whose event changed. */
  reassigned: number;
  /** Re-assigned to the event they were in. */
  unchanged: number;
  /** Articles whose detected original (copy of) changed. */
  copiesChanged: number;
  eventsCreated: number;
  eventsDeleted: number;
  eventsBefore: number;
  eventsAfter: number;
  /** The history entry recording the run (null for a dry run). */
  actionId: number | null;
}

const READ_PAGE = 500;
/** Articles whose terms warm the grouper up before the replay (as `groupDocuments` does). */
const WARM_UP_SAMPLE = 500;

const articleSelect = {
  ...clusterDocSelect,
  syndicatedFromId: true,
  syndicationScore: true,
  membership: { select: { eventId: true, method: true, score: true } },
} satisfies Prisma.ArticleSelect;

type StreamRow = { id: string; publishedAt: Date | null };

/**
 * Every article in publication order (dated first by time, then undated; ties by id), in pages,
 * by keyset so that each page is an index range scan whatever the corpus size.
 */
async function* inPublicationOrder<S extends Prisma.ArticleSelect & { id: true; publishedAt: true }>(
  db: Db,
  select: S,
  pageSize: number,
): AsyncGenerator<Prisma.ArticleGetPayload<{ select: S }>[]> {
  type Row = Prisma.ArticleGetPayload<{ select: S }>;
  let last: StreamRow | null = null;
  for (;;) {
    const where: Prisma.ArticleWhereInput =
      last === null
        ? { publishedAt: { not: null } }
        : { publishedAt: { not: null }, OR: [{ publishedAt: { gt: last.publishedAt! } }, { publishedAt: last.publishedAt!, id: { gt: last.id } }] };
    const rows = (await db.article.findMany({ where, orderBy: [{ publishedAt: "asc" }, { id: "asc" }], take: pageSize, select })) as Row[];
    if (rows.length === 0) break;
    yield rows;
    last = rows[rows.length - 1] as unknown as StreamRow;
    if (rows.length < pageSize) break;
  }
  let lastId: string | null = null;
  for (;;) {
    const rows = (await db.article.findMany({
      where: { publishedAt: null, ...(lastId === null ? {} : { id: { gt: lastId } }) },
      orderBy: { id: "asc" },
      take: pageSize,
      select,
    })) as Row[];
    if (rows.length === 0) break;
    yield rows;
    lastId = (rows[rows.length - 1] as unknown as StreamRow).id;
    if (rows.length < pageSize) break;
  }
}

interface Change {
  articleId: string;
  /** Event before (null: the article had none). */
  from: string | null;
  eventId: string;
  score: number;
  membershipChanged: boolean;
  copy: { syndicatedFromId: string | null; syndicationScore: number | null } | null;
}

/** Re-run grouping over the corpus, keeping manual memberships and locked events (see above). */
export async function regroupCorpus(database: Database, opts: RegroupOptions = {}): Promise<RegroupReport> {
  const { db } = database;
  const batchSize = opts.batchSize ?? 500;
  const locked = new Set((await db.event.findMany({ where: { locked: true }, select: { id: true } })).map((e) => e.id));
  const total = await db.article.count();
  const eventsBefore = await db.event.count();

  const grouper = new EventGrouper({ isLocked: (id) => locked.has(id) });
  for (const id of locked) grouper.lock(id);

  // Warm-up: term rarity from an evenly spaced sample of the stream.
  const step = Math.max(1, Math.ceil(total / WARM_UP_SAMPLE));
  const sampleIds: string[] = [];
  let position = 0;
  for await (const page of inPublicationOrder(db, { id: true, publishedAt: true }, (opts.pageSize ?? READ_PAGE) * 10)) {
    for (const row of page) if (position++ % step === 0) sampleIds.push(row.id);
  }
  for (let i = 0; i < sampleIds.length; i += READ_PAGE) {
    const chunk = sampleIds.slice(i, i + READ_PAGE);
    const rows = await db.article.findMany({ where: { id: { in: chunk } }, select: clusterDocSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    grouper.observe(chunk.map((id) => byId.get(id)).filter((r) => r !== undefined).map(toClusterDocRow));
  }

  const report: RegroupReport = {
    articles: 0,
    keptManual: 0,
    keptLocked: 0,
    reassigned: 0,
    unchanged: 0,
    copiesChanged: 0,
    eventsCreated: 0,
    eventsDeleted: 0,
    eventsBefore,
    eventsAfter: eventsBefore,
    actionId: null,
  };
  let pending: Change[] = [];

  const flush = async () => {
    const changes = pending;
    pending = [];
    if (changes.length === 0 || opts.dryRun) return;
    // A transient failure (a deadlock with a concurrent ingest or edit, the database busy) rolls
    // the batch back whole; it is run again, so the counts are added only once it committed.
    const counted = await withStoreRetry(() =>
      transactionWithConnection(
        db,
        database.provider,
        async (tx, raw) => {
          const targets = [...new Set(changes.map((c) => c.eventId))];
          const existing = new Set((await tx.event.findMany({ where: { id: { in: targets } }, select: { id: true } })).map((e) => e.id));
          const missing = targets.filter((id) => !existing.has(id));
          if (missing.length) await tx.event.createMany({ data: missing.map((id) => ({ id, title: "" })) });
          const sql = sqlRunner(tx, database.provider, raw);
          const now = new Date();
          const memberships = changes.filter((c) => c.membershipChanged);
          // An article that had no event gets one, unless one was given meanwhile.
          await bulkInsert(
            tx,
            database.provider,
            "EventArticle",
            ["articleId", "eventId", "score", "method", "createdAt"],
            memberships.filter((c) => c.from === null).map((c) => [c.articleId, c.eventId, c.score, "auto", now]),
            { onConflictDoNothing: "articleId", raw },
          );
          // Only a membership that is still automatic: an analyst may have placed the article
          // while this run was reading the corpus, and that wins.
          await updateByKey(
            sql,
            "EventArticle",
            ["articleId", "text"],
            [["eventId", "text"], ["score", "double precision"], ["method", "text"]],
            memberships.filter((c) => c.from !== null).map((c) => [c.articleId, c.eventId, c.score, "auto"]),
            `t."method" = 'auto'`,
          );
          await updateByKey(
            sql,
            "Article",
            ["id", "text"],
            [["syndicatedFromId", "text"], ["syndicationScore", "double precision"], ["updatedAt", "timestamp(3)"]],
            changes.flatMap((c) => (c.copy ? [[c.articleId, c.copy.syndicatedFromId, c.copy.syndicationScore, now]] : [])),
          );
          const touched = new Set<string>(targets);
          for (const c of changes) if (c.from) touched.add(c.from);
          const deleted = (await refreshEvents(tx, touched, { provider: database.provider, raw })).length;
          return { created: missing.length, deleted };
        },
        { timeout: 120_000, maxWait: 30_000 },
      ),
    );
    report.eventsCreated += counted.created;
    report.eventsDeleted += counted.deleted;
  };

  let done = 0;
  opts.onProgress?.(0, total);
  for await (const page of inPublicationOrder(db, articleSelect, opts.pageSize ?? READ_PAGE)) {
    for (const a of page) {
      report.articles++;
      const doc = toClusterDocRow(a);
      const m = a.membership;
      if (m && locked.has(m.eventId)) {
        grouper.add(doc, m.eventId);
        report.keptLocked++;
        continue;
      }
      if (m && m.method === "manual") {
        grouper.add(doc, m.eventId);
        report.keptManual++;
        continue;
      }
      const as = grouper.assign(doc);
      const moved = !m || m.eventId !== as.eventId;
      if (moved) report.reassigned++;
      else report.unchanged++;
      const copyChanged = a.syndicatedFromId !== as.duplicateOf || (a.syndicationScore ?? null) !== as.duplicateScore;
      if (copyChanged) report.copiesChanged++;
      if (moved || m.score !== as.score || copyChanged) {
        pending.push({
          articleId: a.id,
          from: m?.eventId ?? null,
          eventId: as.eventId,
          score: as.score,
          membershipChanged: moved || m.score !== as.score,
          copy: copyChanged ? { syndicatedFromId: as.duplicateOf, syndicationScore: as.duplicateScore } : null,
        });
      }
    }
    if (pending.length >= batchSize) await flush();
    done += page.length;
    opts.onProgress?.(done, total);
  }
  await flush();

  if (!opts.dryRun) {
    await db.$transaction(async (tx) => {
      // Events with no article left (also any stale ones from before this run).
      report.eventsDeleted += (await tx.event.deleteMany({ where: { articles: { none: {} } } })).count;
      report.eventsAfter = await tx.event.count();
      const { actionId: _, ...summary } = report;
      report.actionId = (await recordEventAction(tx, opts.actor ?? "cli", { action: "regroup", summary }, [])).id;
    });
    // Memberships moved everywhere: every followed event is compared with what its follow last saw.
    await detectFollowChanges(database, { allEvents: true }).catch((err: unknown) => {
      console.error("[parallax] follow change detection after re-grouping:", err);
    });
  }
  return report;
}
