import { EventGrouper } from "../cluster";
import type { ClusterDoc } from "../cluster/types";
import type { Db, Prisma } from "../db";

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
} satisfies Prisma.ArticleSelect;

export function toClusterDocRow(a: Prisma.ArticleGetPayload<{ select: typeof clusterDocSelect }>): ClusterDoc {
  return { id: a.id, title: a.title, text: a.text, date: a.publishedAt?.toISOString() ?? null, outlet: a.outlet.key, url: a.url };
}

/**
 * Rebuild the online grouper's memory from the database for a batch published on `dates`:
 * the articles of events seen within the window (all recent events when some dates are
 * unknown), and which events analysts locked. Manual memberships are loaded like any other,
 * so later articles can join the events analysts shaped.
 */
export async function loadGrouper(db: Db, dates: (string | null)[]): Promise<EventGrouper> {
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
  return grouper;
}
