import type { ExportColumn, RowSource } from "./columns";
import { writeCsv } from "./csv";
import { writeJson } from "./json";
import { writeXlsx } from "./xlsx";

export type ExportFormat = "csv" | "json" | "ndjson" | "xlsx";

export interface WebExportOptions {
  /** CSV only: start with a UTF-8 BOM for Excel. Default true here: a download is usually opened in Excel. */
  bom?: boolean;
  /** XLSX only: worksheet name. */
  sheetName?: string;
  /** CSV/XLSX: prefix formula-like strings (default true). */
  neutralize?: boolean;
}

export interface WebExport {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A web ReadableStream of the export, for a Next.js route handler:
 *
 *   const { stream, contentType, extension } = toWebStream("csv", listArticlesCursor(filters), articleColumns);
 *   return new Response(stream, { headers: { "content-type": contentType,
 *     "content-disposition": attachmentDisposition(`articles.${extension}`) } });
 *
 * The writer runs only as fast as the client reads (an identity TransformStream sits between the
 * writer and the response), so a slow download holds a bounded amount in memory. If the client
 * goes away the writer fails on its next write and the row source's `return()` is called (closing
 * a database cursor); if the row source throws, the stream errors and the response is cut.
 */
export function toWebStream<T>(
  format: ExportFormat,
  rows: RowSource<T>,
  columns: readonly ExportColumn<T>[],
  opts: WebExportOptions = {},
): WebExport {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const run =
    format === "csv"
      ? writeCsv(rows, columns, writable, { bom: opts.bom ?? true, neutralize: opts.neutralize })
      : format === "xlsx"
        ? writeXlsx(rows, columns, writable, { sheetName: opts.sheetName, neutralize: opts.neutralize })
        : writeJson(rows, columns, writable, { ndjson: format === "ndjson" });
  run.catch((err: unknown) => {
    // The writers destroy their sink on failure, which aborts `writable` and errors `readable`;
    // this covers a failure before the sink was adapted. Nothing else is waiting on `run`.
    writable.abort(err).catch(() => undefined);
  });
  return { stream: readable, contentType: CONTENT_TYPES[format], extension: format };
}

/**
 * A Content-Disposition value for a download: an ASCII fallback name plus the RFC 5987 UTF-8 one,
 * so "événements.csv" downloads with its accents where the browser supports it.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "export";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
