import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { jsonCell, type ExportColumn, type RowSource } from "./columns";
import { toNodeWritable, type ExportSink } from "./sink";

export interface JsonOptions {
  /** One object per line (NDJSON / JSON Lines) instead of one JSON array. Default false. */
  ndjson?: boolean;
}

/** Rows are serialised into chunks of about this size: one stream write per row costs more than the JSON. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Streams rows as a JSON array (`[\n{...},\n{...}\n]\n`) or as NDJSON into `out`, then ends it.
 * Each row is an object keyed by `column.key`; Dates become ISO strings, non-finite numbers null.
 * Strings are not formula-neutralised: JSON is read by programs, and the data must round-trip.
 * Back-pressure and constant memory as writeCsv. Resolves to the number of rows.
 */
export async function writeJson<T>(
  rows: RowSource<T>,
  columns: readonly ExportColumn<T>[],
  out: ExportSink,
  opts: JsonOptions = {},
): Promise<number> {
  const ndjson = opts.ndjson ?? false;
  let count = 0;
  async function* chunks(): AsyncGenerator<string> {
    let buf = ndjson ? "" : "[";
    for await (const row of rows) {
      const obj: Record<string, unknown> = {};
      for (const c of columns) obj[c.key] = jsonCell(c.value(row));
      const line = JSON.stringify(obj);
      buf += ndjson ? `${line}\n` : `${count === 0 ? "\n" : ",\n"}${line}`;
      count++;
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = "";
      }
    }
    if (!ndjson) buf += count === 0 ? "]\n" : "\n]\n";
    if (buf) yield buf;
  }
  // objectMode false: chunks are strings encoded to UTF-8 Buffers, counted in bytes for back-pressure.
  await pipeline(Readable.from(chunks(), { objectMode: false }), toNodeWritable(out));
  return count;
}
