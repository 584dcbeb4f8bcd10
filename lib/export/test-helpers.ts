// Shared by the export tests only: an in-memory sink and a fixture table.
import { Writable } from "node:stream";
import type { ExportColumn } from "./columns";

/** A Node Writable that keeps what it receives; `bytes()` once the writer resolved. */
export function memorySink(): Writable & { bytes: () => Buffer; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return Object.assign(sink, { bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString("utf8") });
}

export interface Row {
  id: number;
  title: string;
  killed: number | null;
  published: Date | null;
  duplicate: boolean;
}

export const columns: ExportColumn<Row>[] = [
  { key: "id", header: "ID", value: (r) => r.id },
  { key: "title", header: "Title", value: (r) => r.title },
  { key: "killed", header: "Killed", value: (r) => r.killed },
  { key: "published", header: "Published", value: (r) => r.published },
  { key: "duplicate", header: "Duplicate", value: (r) => r.duplicate },
];

/** Strings chosen to break naive writers: separators, quotes, newlines, formulas, non-BMP text. */
export const TRICKY_TITLES = [
  "plain",
  "comma, inside",
  'quote " inside',
  "line\nbreak",
  "crlf\r\nbreak",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\tTabbed",
  "\rCarriage",
  "Ünïcødé — “quotes” 日本語 🚀",
  "",
];

export const rows: Row[] = TRICKY_TITLES.map((title, i) => ({
  id: i + 1,
  title,
  killed: i % 3 === 0 ? null : -i,
  published: i % 4 === 0 ? null : new Date(Date.UTC(2016, 8, 20, i, 30)),
  duplicate: i % 2 === 0,
}));

export async function* asyncRows<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}
