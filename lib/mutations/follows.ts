/**
 * Writes for follows: create (with the starting snapshot of a followed event), delete, mark
 * changes read, and store detected changes with their webhook deliveries.
 */
import { randomBytes } from "node:crypto";
import { getDatabase, type Database, type Db } from "../db";
import { snapshotEvent, type ChangeDraft, type EventSnapshot } from "../follows/detect";
import { followTargetExists, followTargetLabel, getFollow, loadEventStates } from "../queries/follows";
import { canonicalSearch, describeSearch, parseSavedSearch, type CreatedFollowResponse, type CreateFollowRequest } from "../schemas/follows";
import { conflictError, notFoundError } from "./errors";

export type CreatedFollow = CreatedFollowResponse;

/**
 * Follow an event, an outlet or a saved search. The target must exist (404 naming `target`
 * otherwise); a saved search is stored in canonical form. An event follow starts from the event's
 * current state, so only what changes from now on is reported.
 */
export async function createFollow(input: CreateFollowRequest, opts: { actor: string }, database: Database = getDatabase()): Promise<CreatedFollow> {
  let target = input.target;
  let label = input.label ?? null;
  if (input.kind === "search") {
    const parsed = parseSavedSearch(input.target);
    if (!parsed.ok) throw conflictError("target", `saved search: ${parsed.error}`);
    target = canonicalSearch(parsed.data);
    label ??= `Search: ${describeSearch(parsed.data)}`;
  } else {
    if (!(await followTargetExists(database, input.kind, target))) {
      throw notFoundError("target", `${input.kind === "event" ? "event" : "outlet"} "${target}" not found`);
    }
    label ??= (await followTargetLabel(database, input.kind, target)) ?? target;
  }
  let snapshot: EventSnapshot | null = null;
  if (input.kind === "event") snapshot = snapshotEvent((await loadEventStates(database, [target])).get(target) ?? null);
  const webhookSecret = input.webhookUrl ? (input.webhookSecret ?? randomBytes(24).toString("hex")) : null;
  const row = await database.db.follow.create({
    data: {
      kind: input.kind,
      target,
      label,
      divergenceThreshold: input.divergenceThreshold ?? null,
      webhookUrl: input.webhookUrl ?? null,
      webhookSecret,
      createdBy: opts.actor,
      ...(snapshot ? { snapshot: snapshot as object } : {}),
    },
    select: { id: true },
  });
  const follow = await getFollow(row.id, database);
  return { follow: follow!, webhookSecret: input.webhookUrl && !input.webhookSecret ? webhookSecret : null };
}

/** Stop following: the follow, its change log and its deliveries are deleted. */
export async function deleteFollow(id: number, database: Database = getDatabase()): Promise<{ deleted: number }> {
  const { count } = await database.db.follow.deleteMany({ where: { id } });
  if (count === 0) throw notFoundError("id", `follow ${id} not found`);
  return { deleted: id };
}

/** Mark a follow's changes read (or unread): the given ids, or all of them. Returns how many changed. */
export async function markChangesRead(id: number, opts: { ids?: number[]; read?: boolean }, database: Database = getDatabase()): Promise<{ updated: number; unread: number }> {
  if ((await database.db.follow.count({ where: { id } })) === 0) throw notFoundError("id", `follow ${id} not found`);
  const read = opts.read ?? true;
  const { count } = await database.db.followChange.updateMany({
    where: { followId: id, read: !read, ...(opts.ids ? { id: { in: opts.ids } } : {}) },
    data: { read },
  });
  const unread = await database.db.followChange.count({ where: { followId: id, read: false } });
  return { updated: count, unread };
}

type Tx = Pick<Db, "follow" | "followChange" | "webhookDelivery">;

/**
 * Store one follow's detected changes (those whose key is already in its log are skipped, so a
 * re-run records nothing twice), queue a webhook delivery for each when the follow has a webhook,
 * and keep the new snapshot. Runs inside the caller's transaction. Returns how many were new.
 */
export async function recordFollowChanges(
  tx: Tx,
  follow: { id: number; webhookUrl: string | null },
  drafts: ChangeDraft[],
  snapshot: EventSnapshot | null,
  now: Date = new Date(),
): Promise<number> {
  const unique = [...new Map(drafts.map((d) => [d.key, d])).values()];
  let fresh: ChangeDraft[] = [];
  if (unique.length) {
    const known = new Set<string>();
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await tx.followChange.findMany({ where: { followId: follow.id, key: { in: unique.slice(i, i + 500).map((d) => d.key) } }, select: { key: true } });
      for (const r of rows) known.add(r.key);
    }
    fresh = unique.filter((d) => !known.has(d.key));
  }
  for (const d of fresh) {
    const change = await tx.followChange.create({
      data: { followId: follow.id, kind: d.kind, key: d.key, summary: d.summary, payload: d.payload as object, eventId: d.eventId, articleId: d.articleId, createdAt: now },
      select: { id: true },
    });
    if (follow.webhookUrl) {
      await tx.webhookDelivery.create({ data: { followId: follow.id, changeId: change.id, url: follow.webhookUrl, nextAttemptAt: now } });
    }
  }
  if (snapshot) await tx.follow.update({ where: { id: follow.id }, data: { snapshot: snapshot as object } });
  return fresh.length;
}
