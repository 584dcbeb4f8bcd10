import fs from "node:fs";
import { getEnv } from "../../lib/env";
import { writeCsv, writeJson, writeXlsx } from "../../lib/export";
import { exportRows } from "../../lib/queries";
import { EXPORT_TABLES, exportFiltersSchema, parseFilters, type ExportTable } from "../../lib/schemas/filters";
import { openCliDatabase } from "./database";

export interface ExportCliOptions {
  format: string;
  outlet?: string[];
  language?: string[];
  from?: string;
  to?: string;
  event?: string;
  q?: string;
  out?: string;
}

/** `parallax export <table>`: the same rows and columns as the dashboard's export buttons. */
export async function runExport(table: string, opts: ExportCliOptions): Promise<number> {
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
    process.stderr.write(`parallax export: unknown table "${table}"; expected one of ${EXPORT_TABLES.join(", ")}\n`);
    return 2;
  }
  const raw: Record<string, string | string[]> = { format: opts.format };
  if (opts.outlet?.length) raw.outlet = opts.outlet;
  if (opts.language?.length) raw.language = opts.language;
  for (const k of ["from", "to", "event", "q"] as const) if (opts[k]) raw[k] = opts[k]!;
  const parsed = parseFilters(exportFiltersSchema, raw);
  if (!parsed.ok) {
    process.stderr.write(`parallax export: --${parsed.error}\n`);
    return 2;
  }
  if (parsed.data.format === "xlsx" && !opts.out && process.stdout.isTTY) {
    process.stderr.write("parallax export: refusing to write XLSX to a terminal; use --out file.xlsx or redirect\n");
    return 2;
  }
  const database = await openCliDatabase();
  try {
    const source = exportRows(table as ExportTable, parsed.data, { limit: getEnv().PARALLAX_EXPORT_MAX_ROWS }, database);
    const out = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
    const write = { csv: writeCsv, json: writeJson, xlsx: writeXlsx }[parsed.data.format];
    const n = await write(source.rows, source.columns, out);
    if (opts.out) {
      await new Promise<void>((resolve, reject) => (out as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
      process.stderr.write(`wrote ${n} ${table} rows to ${opts.out}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
