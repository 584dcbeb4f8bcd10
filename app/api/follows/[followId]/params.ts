import { badRequest } from "@/lib/http/respond";
import { followIdSchema } from "@/lib/schemas/follows";

/** The `:followId` of a /api/follows/:id route, or a 400 naming `id`. */
export async function followIdParam(params: Promise<{ followId: string }>): Promise<{ ok: true; id: number } | { ok: false; response: Response }> {
  const parsed = followIdSchema.safeParse((await params).followId);
  if (parsed.success) return { ok: true, id: parsed.data };
  return { ok: false, response: badRequest("id", `id: ${parsed.error.issues[0]?.message ?? "expected a follow id"}`) };
}
