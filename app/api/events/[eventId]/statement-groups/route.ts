import { exportStatementGroups } from "./handler";

export const dynamic = "force-dynamic";

/** GET /api/events/:id/statement-groups?format=csv|xlsx|json&<filters> — quote variants export (see handler.ts). */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await ctx.params;
  return exportStatementGroups(request, eventId);
}
