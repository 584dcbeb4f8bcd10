import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, test } from "vitest";
import { csvField } from "./csv";
import { writeCsv, type ExportColumn } from "./index";
import { asyncRows, columns, memorySink, rows, TRICKY_TITLES } from "./test-helpers";

async function roundTrip(source: Parameters<typeof writeCsv>[0], opts = {}) {
  const sink = memorySink();
  const count = await writeCsv(source as typeof rows, columns, sink, opts);
  return { count, raw: sink.bytes(), records: parse(sink.bytes(), { bom: true }) as string[][] };
}

describe("writeCsv", () => {
  test("round-trips through csv-parse, header first, one record per row", async () => {
    const { count, records } = await roundTrip(rows);
    expect(count).toBe(rows.length);
    expect(records[0]).toEqual(["ID", "Title", "Killed", "Published", "Duplicate"]);
    expect(records).toHaveLength(rows.length + 1);
  });

  test.each(TRICKY_TITLES.map((t, i) => [t, i] as const))("title %j survives (neutralised when formula-like)", async (title, i) => {
    const { records } = await roundTrip(rows);
    const expected = /^[=+\-@\t\r]/.test(title) ? `'${title}` : title;
    expect(records[i + 1]?.[1]).toBe(expected);
  });

  test("numbers stay numbers (a negative number is not prefixed), dates are ISO, booleans words, null empty", async () => {
    const { records } = await roundTrip(rows);
    expect(records[2]).toEqual(["2", "comma, inside", "-1", "2016-09-20T01:30:00.000Z", "false"]);
    expect(records[1]).toEqual(["1", "plain", "", "", "true"]);
  });

  test("lines end with CRLF; the BOM is written only when asked", async () => {
    const plain = await roundTrip(rows.slice(0, 1));
    expect(plain.raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(plain.raw.toString("utf8")).toBe("ID,Title,Killed,Published,Duplicate\r\n1,plain,,,true\r\n");
    const bom = await roundTrip(rows.slice(0, 1), { bom: true });
    expect(bom.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test("an async row source and a web WritableStream sink work like arrays and Node streams", async () => {
    const chunks: Uint8Array[] = [];
    const web = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
    const count = await writeCsv(asyncRows(rows), columns, web);
    expect(count).toBe(rows.length);
    const records = parse(Buffer.concat(chunks)) as string[][];
    expect(records.at(-2)?.[1]).toBe("Ünïcødé — “quotes” 日本語 🚀");
  });

  test("neutralize: false writes strings as they are; delimiter is configurable", async () => {
    const sink = memorySink();
    await writeCsv([{ id: 1, title: "=1+1; x", killed: 2, published: null, duplicate: false }], columns, sink, { neutralize: false, delimiter: ";" });
    expect(sink.text().split("\r\n")[1]).toBe('1;"=1+1; x";2;;false');
  });

  test("formula-like headers are neutralised too", async () => {
    const sink = memorySink();
    const cols: ExportColumn<{ a: string }>[] = [{ key: "a", header: "=cmd", value: (r) => r.a }];
    await writeCsv([{ a: "x" }], cols, sink);
    expect(sink.text()).toBe("'=cmd\r\nx\r\n");
  });

  test("no rows gives the header only", async () => {
    const { count, records } = await roundTrip([]);
    expect(count).toBe(0);
    expect(records).toHaveLength(1);
  });

  test("many rows arrive in order, across batches", async () => {
    const many = Array.from({ length: 2_345 }, (_, i) => ({ id: i, title: `t${i}`, killed: i, published: null, duplicate: false }));
    const { count, records } = await roundTrip(many);
    expect(count).toBe(2_345);
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(many.map((r) => r.id));
  });

  test("a failing row source rejects", async () => {
    async function* failing() {
      yield rows[0]!;
      throw new Error("cursor lost");
    }
    await expect(writeCsv(failing(), columns, memorySink())).rejects.toThrow("cursor lost");
  });

  test.each([",", ";", "\t", "||"])("fields are quoted as csv-stringify quotes them (delimiter %j)", (delimiter) => {
    // Except a lone CR or LF, which csv-stringify leaves unquoted when records end with CRLF:
    // Excel and most readers would split the row there, so it is quoted here.
    const fields = [...TRICKY_TITLES, 'a"', '"', "a;b", "a\tb", "a||b", "a|b", " padded ", "\u2028"].filter((f) => !/[\r\n]/.test(f.replaceAll("\r\n", "")));
    expect(fields.length).toBeGreaterThan(15);
    const ours = fields.map((f) => csvField(f, delimiter)).join(delimiter) + "\r\n";
    expect(ours).toBe(stringify([fields], { delimiter, record_delimiter: "windows" }));
  });

  test.each(["line\nbreak", "\rCarriage", "a\r\nb"])("a line break in a field (%j) is always quoted", (value) => {
    expect(csvField(value, ",")).toBe(`"${value}"`);
  });
});
