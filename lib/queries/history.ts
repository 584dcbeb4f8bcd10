import { getDatabase, type Database } from "../db";
import type { EventActionItem, EventActionKind, EventActionPayload, EventActionRole } from "../schemas/actions";
import { readRows, sql, toDate, toJson, toNumber } from "./sql";

/** Most recent entries an event's history returns. */
export const HISTORY_LIMIT = 200;

interface HistoryRow {
  id: unknown;
  action: string;
  actor: string;
  createdAt: unknown;
  payload: unknown;
  role: string | null;
}

/**
 * The manual actions (and regroup runs) that involved an event, newest first. History outlives
 * events: the id of an event merged away still has its history.
 *
 * Raw SQL over `EventActionEvent_eventId_idx` (every event page asks): Prisma's relation filter
 * and nested select cost ~3 ms of CPU per page in query compilation and assembly, ten times the
 * queries' own time.
 *
 * @returns the entries, or null when the id names neither an event nor any recorded action
 */
export async function getEventHistory(eventId: string, database: Database = getDatabase(), limit = HISTORY_LIMIT): Promise<EventActionItem[] | null> {
  const [exists, rows] = await Promise.all([
    readRows<{ id: unknown }>(database, sql`SELECT e."id" AS "id" FROM "Event" e WHERE e."id" = ${eventId}`),
    readRows<HistoryRow>(
      database,
      sql`SELECT a."id" AS "id", a."action" AS "action", a."actor" AS "actor", a."createdAt" AS "createdAt", a."payload" AS "payload", ae."role" AS "role"
        FROM "EventActionEvent" ae JOIN "EventAction" a ON a."id" = ae."actionId"
        WHERE ae."eventId" = ${eventId}
        ORDER BY a."createdAt" DESC, a."id" DESC
        LIMIT ${limit}`,
    ),
  ]);
  if (exists.length === 0 && rows.length === 0) return null;
  return rows.map((r) => ({
    id: toNumber(r.id),
    action: r.action as EventActionKind,
    actor: r.actor,
    createdAt: toDate(r.createdAt)!.toISOString(),
    role: (r.role as EventActionRole | null) ?? null,
    payload: toJson(r.payload) as EventActionPayload,
  }));
}
