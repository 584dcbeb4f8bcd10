import { badRequest } from "@/lib/http/respond";
import { getEventSections } from "@/lib/queries/event-sections";
import { SECTION_LIMITS } from "@/components/event/section-limits";
import { eventQueryRoute } from "../event-query";

export const dynamic = "force-dynamic";

const load = eventQueryRoute(
  (eventId, filters, params) => getEventSections(eventId, filters, SECTION_LIMITS, params.get("speakers") === "all"),
  "computing the event's blindspots and speakers",
);

/**
 * GET /api/events/:id/sections?<the event page's filters>[&speakers=all] — the event page's
 * "Blindspots" and "Statements by speaker" (`EventSections`), cut to what they show: the page
 * loads them from the browser when they near the viewport. `speakers=all` lists every speaker,
 * as the page's `?speakers=all` does.
 */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }): Promise<Response> {
  const speakers = new URL(request.url).searchParams.get("speakers");
  if (speakers !== null && speakers !== "all") return badRequest("speakers", "speakers is all or absent");
  return load(request, ctx);
}
