import { getEventArticleIds } from "@/lib/queries/event-detail";
import { eventQueryRoute } from "../event-query";

export const dynamic = "force-dynamic";

/**
 * GET /api/events/:id/article-ids?<the event page's filters> — `{ ids }`, every article of the
 * event matching the filters. The event page's articles table is paged; its "Select all
 * matching articles" asks here for the ids it does not hold, to split or move them.
 */
export const GET = eventQueryRoute(async (eventId, filters) => {
  const ids = await getEventArticleIds(eventId, filters);
  return ids ? { ids } : null;
}, "listing the event's articles");
