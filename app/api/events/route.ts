import { parseQuery, serverError } from "@/lib/http/respond";
import { listEvents } from "@/lib/queries";
import { eventFiltersSchema } from "@/lib/schemas/filters";

export const dynamic = "force-dynamic";

/** GET /api/events?q=&outlet=&language=&from=&to=&sort=&dir=&page=&pageSize= */
export async function GET(request: Request) {
  const parsed = parseQuery(request, eventFiltersSchema);
  if (!parsed.ok) return parsed.response;
  try {
    return Response.json(await listEvents(parsed.data));
  } catch (err) {
    return serverError(err, "listing events");
  }
}
