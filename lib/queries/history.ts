import { getDatabase, type Database } from "../db";
import type { EventActionItem, EventActionKind, EventActionPayload, EventActionRole } from "../schemas/actions";

/** Most recent entries an event's history returns. */
export const HISTORY_LIMIT = 200;

/**
 * The manual actions (and regroup runs) that involved an event, newest first. History outlives
 * events: the id of an event merged away still has its history.
 *
 * @returns the entries, or null when the id names neither an event nor any recorded action
 */
export async function getEventHistory(eventId: string, database: Database = getDatabase(), limit = HISTORY_LIMIT): Promise<EventActionItem[] | null> {
  const { db } = database;
  const [exists, rows] = await Promise.all([
    db.event.count({ where: { id: eventId } }),
    db.eventAction.findMany({
      where: { events: { some: { eventId } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, action: true, actor: true, createdAt: true, payload: true, events: { where: { eventId }, select: { role: true } } },
    }),
  ]);
  if (!exists && rows.length === 0) return null;
  return rows.map((r) => ({
    id: r.id,
    action: r.action as EventActionKind,
    actor: r.actor,
    createdAt: r.createdAt.toISOString(),
    role: (r.events[0]?.role as EventActionRole | undefined) ?? null,
    payload: r.payload as unknown as EventActionPayload,
  }));
}
