import { getEnv } from "@/lib/env";
import { attachmentDisposition, toWebStream } from "@/lib/export";
import { badRequest, parseQuery, serverError } from "@/lib/http/respond";
import { exportExceeds, exportRows } from "@/lib/queries";
import { EXPORT_TABLES, exportFiltersSchema, exportSortError, type ExportFormat, type ExportTable } from "@/lib/schemas/filters";

export const dynamic = "force-dynamic";

/** Data rows an XLSX sheet holds: Excel's 1,048,576 rows, less the header. */
const XLSX_MAX_ROWS = 1_048_575;

/** 422: the filters select more rows than one export may hold; says which limit and what to do. */
function tooManyRows(table: string, format: ExportFormat, limit: number, max: number): Response {
  const n = limit.toLocaleString("en");
  const message =
    format === "xlsx" && limit < max
      ? `more than ${n} ${table} match these filters, more than an XLSX sheet holds: export CSV or JSON, or narrow the filters (dates, outlets)`
      : `more than ${n} ${table} match these filters (PARALLAX_EXPORT_MAX_ROWS): narrow the filters (dates, outlets), or raise the limit`;
  return Response.json({ error: "too_many_rows", limit, message }, { status: 422 });
}

/**
 * GET /api/export/{events|articles|claims|statements}?format=csv|xlsx|json&<filters>[&check=1]
 * Streams every row matching the filters (all pages), with the joins an analyst needs; or, with
 * `check=1`, only says whether it would (200 `{ok: true}`, or the 422 below).
 */
export async function GET(request: Request, ctx: { params: Promise<{ table: string }> }) {
  const { table } = await ctx.params;
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
    return badRequest("table", `unknown table "${table}"; expected one of ${EXPORT_TABLES.join(", ")}`);
  }
  const parsed = parseQuery(request, exportFiltersSchema);
  if (!parsed.ok) return parsed.response;
  const f = parsed.data;
  const sortError = exportSortError(table as ExportTable, f.sort);
  if (sortError) return badRequest("sort", sortError);
  // Counted first, so that an export over its limit is refused with a reason instead of a file
  // cut short without a word (XLSX: a sheet holds 1,048,576 rows, the header included).
  const max = getEnv().PARALLAX_EXPORT_MAX_ROWS;
  const limit = f.format === "xlsx" ? Math.min(max, XLSX_MAX_ROWS) : max;
  try {
    if (await exportExceeds(table as ExportTable, f, limit)) return tooManyRows(table, f.format, limit, max);
  } catch (err) {
    // The derived tables still being built (503 "starting"), a busy database (503), else 500.
    return serverError(err, `the ${table} export`);
  }
  // `check=1`: only that check (the export links ask first, to show the reason on the page
  // rather than as a cancelled download).
  if (new URL(request.url).searchParams.get("check") === "1") return Response.json({ ok: true, limit });
  const source = exportRows(table as ExportTable, f, { limit });
  const { stream, contentType, extension } = toWebStream(f.format, source.rows, source.columns);
  const stamp = new Date().toISOString().slice(0, 10);
  const scope = f.event ? `-${f.event}` : "";
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      // The event id comes from the request: any character may be in it (a header holds Latin-1 only).
      "Content-Disposition": attachmentDisposition(`parallax-${table}${scope}-${stamp}.${extension}`),
      // no-transform: `next start` would gzip the stream on the fly, which on a small server
      // costs more CPU than the export itself (100k-row CSV: 4.2 s instead of 3.1 s) and gains
      // nothing on XLSX (already zipped). A reverse proxy can compress on another core if needed.
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
