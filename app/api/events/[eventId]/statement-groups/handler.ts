import { z } from "zod";
import type { Database } from "@/lib/db";
import { attachmentDisposition, toWebStream } from "@/lib/export";
import { notFound, parseQuery, serverError } from "@/lib/http/respond";
import { getStatementGroups, statementGroupExportColumns, statementGroupExportRows } from "@/lib/queries/statement-groups";
import { baseFiltersSchema, EXPORT_FORMATS } from "@/lib/schemas/filters";

/** `?format=csv|xlsx|json` plus the event page's filters (outlet, language, from, to, q). */
export const statementGroupsQuerySchema = z.intersection(baseFiltersSchema, z.object({ format: z.enum(EXPORT_FORMATS).default("csv") }));

/**
 * GET /api/events/:id/statement-groups?format=csv|xlsx|json&<filters>: one row per statement group
 * × outlet wording, with the reference wording, speakers, the diff counts and the evidence's
 * article. Kept apart from route.ts so tests can pass their own database.
 */
export async function exportStatementGroups(request: Request, eventId: string, database?: Database): Promise<Response> {
  const parsed = parseQuery(request, statementGroupsQuerySchema);
  if (!parsed.ok) return parsed.response;
  const { format, ...filters } = parsed.data;
  let result;
  try {
    result = await getStatementGroups(eventId, filters, database);
  } catch (err) {
    return serverError(err, "grouping the event's statements");
  }
  if (!result) return notFound(`event ${eventId}`);
  const { stream, contentType, extension } = toWebStream(format, statementGroupExportRows(result), statementGroupExportColumns, {
    sheetName: "Statement groups",
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": attachmentDisposition(`parallax-statement-groups-${result.eventId}-${stamp}.${extension}`),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
