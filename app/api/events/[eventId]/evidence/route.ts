import { notFound, parseParam, parseQuery, serverError } from "@/lib/http/respond";
import { entityIdSchema } from "@/lib/schemas/actions";
import { getClaimEvidence } from "@/lib/queries";
import { evidenceQuerySchema } from "@/lib/schemas/evidence";

export const dynamic = "force-dynamic";

/**
 * GET /api/events/:id/evidence?claim=ID[,ID…] — the evidence sentences of the event's claims
 * (`{claims: [{id, articleId, sentence, sentenceStart, sentenceEnd, start, end, phrase}]}`).
 * The event page loads a figure's sentence from here when the figure is opened.
 */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  const parsed = parseQuery(request, evidenceQuerySchema);
  if (!parsed.ok) return parsed.response;
  try {
    const claims = await getClaimEvidence(eventId, parsed.data.claim);
    if (claims === null) return notFound(`event ${eventId}`);
    if (claims.length === 0) return notFound(`claim ${parsed.data.claim.join(", ")} in event ${eventId}`, "claim");
    return Response.json({ claims }, { headers: { "cache-control": "private, max-age=60" } });
  } catch (err) {
    return serverError(err, "loading the evidence");
  }
}
