import { z } from "zod";
import { parseQuery, serverError } from "@/lib/http/respond";
import { getCoverage } from "@/lib/queries";
import { baseFiltersSchema } from "@/lib/schemas/filters";

export const dynamic = "force-dynamic";

const coverageQuerySchema = z.intersection(
  baseFiltersSchema,
  z.object({ event: z.string().max(100).optional(), top: z.coerce.number().int().min(1).max(50).default(8) }),
);

/** GET /api/coverage?outlet=&language=&from=&to=&q=&event=&top= — articles per day per outlet. */
export async function GET(request: Request) {
  const parsed = parseQuery(request, coverageQuerySchema);
  if (!parsed.ok) return parsed.response;
  try {
    return Response.json(await getCoverage(parsed.data));
  } catch (err) {
    return serverError(err, "computing coverage");
  }
}
