/**
 * Table writers for exports (CSV, JSON/NDJSON, XLSX), streaming with constant memory.
 * Pure: callers pass rows (any iterable or async cursor) and a stream in; nothing here opens
 * files, the network or the database.
 */
export { neutralizeFormula, type CellValue, type ExportColumn, type RowSource } from "./columns";
export { writeCsv, type CsvOptions } from "./csv";
export { writeJson, type JsonOptions } from "./json";
export { writeXlsx, XLSX_MAX_CELL_CHARS, type XlsxOptions } from "./xlsx";
export { toWebStream, attachmentDisposition, type ExportFormat, type WebExport, type WebExportOptions } from "./web";
export type { ExportSink } from "./sink";
