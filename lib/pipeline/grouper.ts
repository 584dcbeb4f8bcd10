import { DEFAULT_GROUPER_OPTIONS, EventGrouper, parseDay } from "../cluster";
import type { ClusterDoc } from "../cluster/types";
import type { Database, Db, Prisma } from "../db";
import { crossLanguageSignals } from "./signals";

export { crossLanguageSignals };

/** Days either side of a batch whose events are loaded as grouping candidates. */
const WINDOW_DAYS = 45;
/** Upper bound on articles loaded to rebuild the grouper, whatever the window holds. */
const MAX_REHYDRATED = 50_000;

/** What grouping reads of a stored article. */
export const clusterDocSelect = {
  id: true,
  title: true,
  text: true,
  publishedAt: true,
  url: true,
  outlet: { select: { key: true } },
  // What cross-language grouping compares (lib/cluster/crosslang.ts).
  language: true,
  places: true,
  eventDay: true,
  claims: { where: { isContext: false }, select: { kind: true, min: true, max: true } },
} satisfies Prisma.ArticleSelect;

export function toClusterDocRow(a: Prisma.ArticleGetPayload<{ select: typeof clusterDocSelect }>): ClusterDoc {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    date: a.publishedAt?.toISOString() ?? null,
    outlet: a.outlet.key,
    url: a.url,
    language: a.language,
    signals: crossLanguageSignals(a.places, a.eventDay, a.claims),
  };
}

/**
 * Rebuild the online grouper's memory from the database for a batch published on `dates`:
 * the articles of events seen within the window (all recent events when some dates are
 * unknown), and which events analysts locked. Manual memberships are loaded like any other,
 * so later articles can join the events analysts shaped.
 */
export async function loadGrouper(db: Db, dates: (string | null)[]): Promise<EventGrouper> {
  return (await loadGrouperWindow(db, dates)).grouper;
}

/** A rebuilt grouper and the oldest publication day it was given (null: it was given every member). */
async function loadGrouperWindow(db: Db, dates: (string | null)[]): Promise<{ grouper: EventGrouper; oldestDay: number | null }> {
  const locked = new Set(
    (await db.event.findMany({ where: { locked: true }, select: { id: true } })).map((e) => e.id),
  );
  const grouper = new EventGrouper({ isLocked: (id) => locked.has(id) });
  // Registering locked events also keeps their ids from being given to a new event.
  for (const id of locked) grouper.lock(id);
  const known = dates.filter((d): d is string => !!d).sort();
  const unknownDates = known.length < dates.length;
  const day = 86_400_000;
  const where =
    known.length && !unknownDates
      ? {
          event: {
            lastSeen: { gte: new Date(Date.parse(known[0]!.slice(0, 10)) - WINDOW_DAYS * day) },
            firstSeen: { lte: new Date(Date.parse(known[known.length - 1]!.slice(0, 10)) + WINDOW_DAYS * day) },
          },
        }
      : {};
  const members = await db.eventArticle.findMany({
    where,
    // Newest first so the cap keeps the most recent events; replayed oldest first below.
    orderBy: [{ article: { publishedAt: "desc" } }, { articleId: "desc" }],
    take: MAX_REHYDRATED,
    select: { eventId: true, article: { select: clusterDocSelect } },
  });
  for (const m of members.reverse()) grouper.add(toClusterDocRow(m.article), m.eventId);
  const capped = members.length >= MAX_REHYDRATED;
  const oldest = members[0]?.article.publishedAt?.toISOString() ?? null;
  return { grouper, oldestDay: capped ? (parseDay(oldest) ?? Number.MAX_SAFE_INTEGER) : null };
}

/**
 * The process's long-lived grouper for one database (a server ingesting uploads and feeds, a
 * long CLI run), so an ingest call does not pay for rebuilding it from the database (a few
 * tenths of a millisecond per stored article, up to MAX_REHYDRATED of them, per call).
 */
interface SharedGrouper {
  grouper: EventGrouper;
  /** Highest EventAction id when it was built: a manual action or a regroup since means rebuild. */
  actionMax: number;
  /** Every IngestRun up to this id was this grouper's own or is in it. */
  runsSeen: number;
  /** Oldest publication day of the articles it was built from (null: all of them). */
  fromDay: number | null;
  /** Newest publication day it has seen. */
  newestDay: number | null;
}

const globalForGrouper = globalThis as unknown as { parallaxGroupers?: WeakMap<Database, SharedGrouper> };
const shared = (globalForGrouper.parallaxGroupers ??= new WeakMap());

async function stateMarks(db: Db): Promise<{ actionMax: number; runMax: number }> {
  const [actions, runs] = await Promise.all([
    db.eventAction.aggregate({ _max: { id: true } }),
    db.ingestRun.aggregate({ _max: { id: true } }),
  ]);
  return { actionMax: actions._max.id ?? 0, runMax: runs._max.id ?? 0 };
}

/**
 * The grouper to place the articles of ingest run `runId`, published on `dates`: the shared one
 * when it is still valid for them, else one rebuilt for these dates (`shared: false`).
 *
 * The shared grouper is rebuilt when the database changed behind it: an analyst action or a
 * regroup (recorded as EventActions) or another process's ingest run. It serves articles no older
 * than what it holds: a batch of older articles (a backfill) gets a grouper rebuilt around its own
 * dates, as before, and the shared one is dropped since it did not see them.
 */
export async function grouperForRun(
  database: Database,
  runId: number,
  dates: (string | null)[],
): Promise<{ grouper: EventGrouper; shared: boolean }> {
  const { db } = database;
  let entry = shared.get(database);
  if (entry) {
    const marks = await stateMarks(db);
    const foreignRuns =
      marks.runMax > entry.runsSeen &&
      (await db.ingestRun.count({ where: { id: { gt: entry.runsSeen, not: runId } } })) > 0;
    if (marks.actionMax !== entry.actionMax || foreignRuns) {
      shared.delete(database);
      entry = undefined;
    } else {
      entry.runsSeen = Math.max(entry.runsSeen, runId);
    }
  }
  if (!entry) {
    const marks = await stateMarks(db);
    const { grouper, oldestDay } = await loadGrouperWindow(db, []);
    entry = { grouper, actionMax: marks.actionMax, runsSeen: Math.max(marks.runMax, runId), fromDay: oldestDay, newestDay: null };
    shared.set(database, entry);
  }
  let minDay: number | null = null;
  let maxDay: number | null = null;
  for (const date of dates) {
    const d = parseDay(date);
    if (d === null) continue;
    if (minDay === null || d < minDay) minDay = d;
    if (maxDay === null || d > maxDay) maxDay = d;
  }
  // Events the shared grouper may lack: before what it was built from, or evicted from its window.
  const horizon = Math.max(entry.fromDay ?? -Infinity, (entry.newestDay ?? -Infinity) - DEFAULT_GROUPER_OPTIONS.windowDays) + WINDOW_DAYS;
  if (minDay !== null && minDay < horizon) {
    shared.delete(database);
    return { grouper: await loadGrouper(db, dates), shared: false };
  }
  if (maxDay !== null) entry.newestDay = Math.max(entry.newestDay ?? maxDay, maxDay);
  return { grouper: entry.grouper, shared: true };
}

/** Drop the shared grouper of `database` (its memory no longer matches what was stored). */
export function forgetSharedGrouper(database: Database): void {
  shared.delete(database);
}
