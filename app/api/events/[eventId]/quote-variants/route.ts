import { getStatementGroups } from "@/lib/queries/statement-groups";
import { eventQueryRoute } from "../event-query";

export const dynamic = "force-dynamic";

/**
 * GET /api/events/:id/quote-variants?<the event page's filters> — the event's statement groups
 * (`StatementGroups`: each statement once, with every outlet's wording diffed against the longest).
 * The event page loads its "Quote variants" section from here when it scrolls near it: grouping
 * and diffing a large event's statements costs more than the rest of the page.
 */
export const GET = eventQueryRoute((eventId, filters) => getStatementGroups(eventId, filters), "grouping the event's statements");
