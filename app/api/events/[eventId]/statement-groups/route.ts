import { parseParam } from "@/lib/http/respond";
import { entityIdSchema } from "@/lib/schemas/actions";
import { exportStatementGroups } from "./handler";

export const dynamic = "force-dynamic";

/** GET /api/events/:id/statement-groups?format=csv|xlsx|json&<filters> — quote variants export (see handler.ts). */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  return exportStatementGroups(request, eventId);
}
