/** What a column may yield for one row. `undefined` at runtime is treated as null. */
export type CellValue = string | number | boolean | Date | null;

/** One exported column: a stable key (JSON property), a header (CSV/XLSX), and a getter. */
export type ExportColumn<T> = {
  key: string;
  header: string;
  value: (row: T) => CellValue;
  /** XLSX column width in characters; default from the header length (10 to 60). */
  width?: number;
  /** XLSX number format for Date cells in this column; default "yyyy-mm-dd hh:mm:ss". */
  numFmt?: string;
};

/** Rows for the writers: an array, a generator, or an async cursor over the database. */
export type RowSource<T> = Iterable<T> | AsyncIterable<T>;

// Excel, LibreOffice, Sheets and Numbers evaluate a cell that starts with one of these
// as a formula (tab and CR because some of them trim those before deciding).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Defuses spreadsheet formula injection (CSV/XLSX opened in Excel, Sheets, LibreOffice): a string
 * that starts with = + - @, tab or CR gets a leading apostrophe, as formbricks does
 * (apps/web/lib/utils/file-conversion.ts) and OWASP recommends.
 *
 * Only strings pass through here. A number column stays numeric (-5 is written as -5 and read
 * back as a number); a *string* "-5" is prefixed ("'-5") like any other string starting with "-",
 * because at the string level "-5" and "-2+3" or "-cmd|..." cannot be told apart safely.
 * Put numbers in number columns.
 */
export function neutralizeFormula(s: string): string {
  return FORMULA_TRIGGER.test(s) ? `'${s}` : s;
}

/** A Date that can be written, or null for invalid dates (new Date("x")). */
export function validDate(d: Date): Date | null {
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The JSON form of a cell: Dates as ISO strings, non-finite numbers as null (JSON has neither),
 * strings untouched: JSON is read by programs, so no formula prefix is added.
 */
export function jsonCell(v: CellValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return validDate(v)?.toISOString() ?? null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v;
}

/**
 * The CSV text of a cell: null as empty, booleans as true/false (csv-stringify's own default is
 * "1"/""), Dates as ISO 8601 UTC, non-finite numbers as empty, strings neutralised when asked.
 */
export function csvCell(v: CellValue | undefined, neutralize: boolean): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return neutralize ? neutralizeFormula(v) : v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return validDate(v)?.toISOString() ?? "";
}
