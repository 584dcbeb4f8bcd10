/**
 * Analysts' manual actions on events: merge, split, move, lock/unlock, rename. Each runs in ONE
 * transaction that checks its ids, changes memberships, refreshes the touched events' aggregates
 * and records who did what (EventAction); any error rolls all of it back.
 *
 * Memberships an analyst sets are `method = "manual"` and re-grouping keeps them where they are
 * (lib/pipeline/regroup.ts). Which memberships count as set by hand:
 * - merge: every article of the merged event (the analyst said these belong together);
 * - split: the articles split out AND those left behind (the analyst said these are two events);
 * - move: the moved articles.
 */
import { randomBytes } from "node:crypto";
import { getDatabase, type Database, type Prisma } from "../db";
import { INTERACTIVE_RETRY_MS, withStoreRetry } from "../db/store-retry";
import type {
  ArticleRefSnapshot,
  EventActionItem,
  EventActionPayload,
  EventActionRole,
  EventRefSnapshot,
  MergeEventsInput,
  MoveArticlesInput,
  SplitEventInput,
} from "../schemas/actions";
import { detectFollowChanges } from "../pipeline/follow-changes";
import { conflictError, notFoundError } from "./errors";
import { refreshEvents } from "./events";

type Tx = Prisma.TransactionClient;

/** Who acts. Today the X-Parallax-Actor header or "anonymous"; later the session's user. */
export interface ActionContext {
  actor: string;
}

export interface EventActionResult {
  /** The event the analyst ends up looking at (target, new event, destination). */
  event: EventRefSnapshot;
  action: EventActionItem;
}

const TX_OPTIONS = { timeout: 30_000, maxWait: 15_000 };

/**
 * One manual action's transaction, run again if it fails because the database was busy (a
 * deadlock with an ingest or another analyst, SQLite's lock held past its timeout): the first try
 * was rolled back whole, and the second reads the events as they are then (an event merged away
 * meanwhile is a 404 like any other). An `ActionError` is never retried. Not tried again once
 * `INTERACTIVE_RETRY_MS` have passed (SQLite's lock held past its busy timeout): the analyst gets
 * the 503 after one wait, not four.
 */
function actionTransaction<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withStoreRetry(() => database.db.$transaction(fn, TX_OPTIONS), { giveUpAfterMs: INTERACTIVE_RETRY_MS });
}

function quote(s: string): string {
  return `"${s.length > 60 ? s.slice(0, 57) + "…" : s}"`;
}

/** Events by id as they are now; a missing one is a 404 naming `field`. */
async function requireEvents(tx: Tx, ids: string[], field: string): Promise<Map<string, EventRefSnapshot & { locked: boolean; titleManual: boolean }>> {
  const rows = await tx.event.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, articleCount: true, locked: true, titleManual: true },
  });
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw notFoundError(field, `event ${missing.map(quote).join(", ")} not found`);
  return found;
}

function snapshot(e: { id: string; title: string; articleCount: number }): EventRefSnapshot {
  return { id: e.id, title: e.title, articleCount: e.articleCount };
}

async function currentSnapshot(tx: Tx, id: string): Promise<EventRefSnapshot> {
  const e = await tx.event.findUniqueOrThrow({ where: { id }, select: { id: true, title: true, articleCount: true } });
  return snapshot(e);
}

/** Record an action and the events it involved (first role per event wins), in the caller's transaction. */
export async function recordEventAction(
  tx: Pick<Tx, "eventAction">,
  actor: string,
  payload: EventActionPayload,
  refs: [string, EventActionRole][],
  subject?: string,
): Promise<EventActionItem> {
  const roles = new Map<string, EventActionRole>();
  for (const [eventId, role] of refs) if (!roles.has(eventId)) roles.set(eventId, role);
  const row = await tx.eventAction.create({
    data: {
      action: payload.action,
      actor,
      payload: payload as unknown as Prisma.InputJsonValue,
      events: { create: [...roles].map(([eventId, role]) => ({ eventId, role })) },
    },
    select: { id: true, createdAt: true },
  });
  return {
    id: row.id,
    action: payload.action,
    actor,
    createdAt: row.createdAt.toISOString(),
    role: subject ? (roles.get(subject) ?? null) : null,
    payload,
  };
}

/**
 * After a merge, split or move has committed: what the follows of the events it touched see
 * (new articles and outlets, figures, divergence crossing its threshold). Runs outside the
 * action's transaction and never fails the action: a failure is logged, and the next check of
 * those follows (`parallax follows check`, or the next ingest touching them) records the changes.
 */
async function detectAfterAction<T>(database: Database, result: T, eventIds: (r: T) => string[]): Promise<T> {
  // The analyst waits for this: busy retries bounded as the action's own transaction's are.
  await detectFollowChanges(database, { eventIds: eventIds(result) }, { giveUpAfterMs: INTERACTIVE_RETRY_MS }).catch((err: unknown) => {
    console.error("[parallax] follow change detection after a manual event action:", err);
  });
  return result;
}

/** Id of an event an analyst creates. Random: it must never coincide with the grouper's `ev_<hash>`. */
function newEventId(): string {
  return `ev_m${randomBytes(6).toString("hex")}`;
}

/**
 * Merge `sources` into `target`: their articles join the target (as manual memberships, like
 * the target's own), the sources are deleted, the target's aggregates are recomputed.
 * 404 when an event is unknown; 409 when the target is among the sources.
 */
export async function mergeEvents(input: MergeEventsInput, ctx: ActionContext, database: Database = getDatabase()): Promise<EventActionResult> {
  const { target, sources } = input;
  if (sources.includes(target)) throw conflictError("sources", `event ${quote(target)} cannot be merged into itself`);
  const result = await actionTransaction(database, async (tx) => {
    await requireEvents(tx, [target], "target");
    const before = await requireEvents(tx, sources, "sources");
    const targetBefore = await currentSnapshot(tx, target);
    const moved = await tx.eventArticle.findMany({
      where: { eventId: { in: sources } },
      orderBy: [{ eventId: "asc" }, { articleId: "asc" }],
      select: { articleId: true, eventId: true, article: { select: { title: true } } },
    });
    await tx.eventArticle.updateMany({ where: { eventId: { in: sources } }, data: { eventId: target, method: "manual", score: 1 } });
    await tx.eventArticle.updateMany({ where: { eventId: target }, data: { method: "manual" } });
    // The emptied sources are deleted by the refresh.
    await refreshEvents(tx, [target, ...sources], database);
    const event = await currentSnapshot(tx, target);
    const action = await recordEventAction(
      tx,
      ctx.actor,
      {
        action: "merge",
        target: targetBefore,
        sources: sources.map((id) => snapshot(before.get(id)!)),
        articles: moved.map((m) => ({ id: m.articleId, title: m.article.title, from: m.eventId })),
      },
      [[target, "target"], ...sources.map((id): [string, EventActionRole] => [id, "source"])],
      target,
    );
    return { event, action };
  });
  return detectAfterAction(database, result, () => [target, ...sources]);
}

/**
 * Split `articleIds` out of `eventId` into a new event (titled `title`, or automatically).
 * 404 for an unknown event or article; 409 when an article is not in the event, or when every
 * article would leave (that is a rename, not a split).
 */
export async function splitEvent(eventId: string, input: SplitEventInput, ctx: ActionContext, database: Database = getDatabase()): Promise<EventActionResult> {
  const result = await actionTransaction(database, async (tx) => {
    await requireEvents(tx, [eventId], "eventId");
    const from = await currentSnapshot(tx, eventId);
    const articles = await tx.article.findMany({
      where: { id: { in: input.articleIds } },
      select: { id: true, title: true, membership: { select: { eventId: true } } },
    });
    const byId = new Map(articles.map((a) => [a.id, a]));
    const unknown = input.articleIds.filter((id) => !byId.has(id));
    if (unknown.length) throw notFoundError("articleIds", `article ${unknown.map(quote).join(", ")} not found`);
    const elsewhere = articles.filter((a) => a.membership?.eventId !== eventId);
    if (elsewhere.length) {
      throw conflictError("articleIds", `article ${elsewhere.map((a) => quote(a.id)).join(", ")} is not in event ${quote(eventId)}`);
    }
    const memberCount = await tx.eventArticle.count({ where: { eventId } });
    if (input.articleIds.length >= memberCount) {
      throw conflictError("articleIds", "a split must leave at least one article in the event (to change its title, rename it)");
    }

    const id = newEventId();
    await tx.event.create({ data: { id, title: input.title ?? "", titleManual: input.title !== undefined } });
    await tx.eventArticle.updateMany({ where: { articleId: { in: input.articleIds } }, data: { eventId: id, method: "manual", score: 1 } });
    await tx.eventArticle.updateMany({ where: { eventId }, data: { method: "manual" } });
    await refreshEvents(tx, [eventId, id], database);
    const event = await currentSnapshot(tx, id);
    const ordered = input.articleIds.map((a) => byId.get(a)!);
    const action = await recordEventAction(
      tx,
      ctx.actor,
      {
        action: "split",
        from,
        to: event,
        articles: ordered.map((a): ArticleRefSnapshot => ({ id: a.id, title: a.title, from: eventId })),
      },
      [
        [eventId, "from"],
        [id, "created"],
      ],
      id,
    );
    return { event, action };
  });
  return detectAfterAction(database, result, (r) => [eventId, r.event.id]);
}

/**
 * Move articles into `eventId` (manual memberships). Events left empty are deleted, and listed
 * in the history entry. 404 for an unknown article or event; 409 when an article is already in
 * that event.
 */
export async function moveArticles(
  input: MoveArticlesInput,
  ctx: ActionContext,
  database: Database = getDatabase(),
  /** Request field names for errors (the single-article route has `articleId` in its path). */
  fields = { articleIds: "articleIds", eventId: "eventId" },
): Promise<EventActionResult & { deletedEvents: string[] }> {
  const result = await actionTransaction(database, async (tx) => {
    const articles = await tx.article.findMany({
      where: { id: { in: input.articleIds } },
      select: { id: true, title: true, membership: { select: { eventId: true } } },
    });
    const byId = new Map(articles.map((a) => [a.id, a]));
    const unknown = input.articleIds.filter((id) => !byId.has(id));
    if (unknown.length) throw notFoundError(fields.articleIds, `article ${unknown.map(quote).join(", ")} not found`);
    await requireEvents(tx, [input.eventId], fields.eventId);
    const already = articles.filter((a) => a.membership?.eventId === input.eventId);
    if (already.length) {
      throw conflictError(fields.eventId, `article ${already.map((a) => quote(a.id)).join(", ")} is already in event ${quote(input.eventId)}`);
    }
    const fromIds = [...new Set(articles.map((a) => a.membership?.eventId).filter((e): e is string => !!e))].sort();
    const fromBefore = await requireEvents(tx, fromIds, fields.eventId);

    const withMembership = articles.filter((a) => a.membership).map((a) => a.id);
    const without = articles.filter((a) => !a.membership).map((a) => a.id);
    if (withMembership.length) {
      await tx.eventArticle.updateMany({ where: { articleId: { in: withMembership } }, data: { eventId: input.eventId, method: "manual", score: 1 } });
    }
    if (without.length) {
      await tx.eventArticle.createMany({ data: without.map((articleId) => ({ articleId, eventId: input.eventId, method: "manual", score: 1 })) });
    }
    const deleted = await refreshEvents(tx, [input.eventId, ...fromIds], database);
    const event = await currentSnapshot(tx, input.eventId);
    const ordered = input.articleIds.map((a) => byId.get(a)!);
    const action = await recordEventAction(
      tx,
      ctx.actor,
      {
        action: "move",
        to: event,
        articles: ordered.map((a) => ({ id: a.id, title: a.title, from: a.membership?.eventId ?? null })),
        deletedEvents: deleted.map((id) => snapshot(fromBefore.get(id)!)),
      },
      [[input.eventId, "to"], ...fromIds.map((id): [string, EventActionRole] => [id, "from"])],
      input.eventId,
    );
    return { event, action, deletedEvents: deleted, fromIds };
  });
  const { fromIds: _, ...moved } = await detectAfterAction(database, result, (r) => [input.eventId, ...r.fromIds]);
  return moved;
}

/**
 * Lock or unlock an event. A locked event keeps its articles through re-grouping and gets no
 * new ones automatically; analysts can still change it by hand. 409 when it already is.
 */
export async function setEventLocked(eventId: string, locked: boolean, ctx: ActionContext, database: Database = getDatabase()): Promise<EventActionResult> {
  return actionTransaction(database, async (tx) => {
    const e = (await requireEvents(tx, [eventId], "eventId")).get(eventId)!;
    if (e.locked === locked) throw conflictError("locked", `event ${quote(eventId)} is already ${locked ? "locked" : "unlocked"}`);
    await tx.event.update({ where: { id: eventId }, data: { locked } });
    const event = snapshot(e);
    const action = await recordEventAction(tx, ctx.actor, { action: locked ? "lock" : "unlock", event }, [[eventId, "subject"]], eventId);
    return { event, action };
  });
}

/**
 * Give an event the title an analyst chose (kept by every later refresh and re-grouping), or,
 * with `title: null`, its automatic title back. 409 when nothing would change.
 */
export async function renameEvent(eventId: string, title: string | null, ctx: ActionContext, database: Database = getDatabase()): Promise<EventActionResult> {
  return actionTransaction(database, async (tx) => {
    const e = (await requireEvents(tx, [eventId], "eventId")).get(eventId)!;
    if (title === null) {
      if (!e.titleManual) throw conflictError("title", `event ${quote(eventId)} already has its automatic title`);
      await tx.event.update({ where: { id: eventId }, data: { titleManual: false } });
      await refreshEvents(tx, [eventId], database);
    } else {
      if (e.titleManual && e.title === title) throw conflictError("title", `event ${quote(eventId)} already has this title`);
      await tx.event.update({ where: { id: eventId }, data: { title, titleManual: true } });
    }
    const event = await currentSnapshot(tx, eventId);
    const action = await recordEventAction(
      tx,
      ctx.actor,
      { action: "rename", event: snapshot(e), from: e.title, to: event.title, automatic: title === null },
      [[eventId, "subject"]],
      eventId,
    );
    return { event, action };
  });
}
