import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { describe, expect, test } from "vitest";
import { writeXlsx, XLSX_MAX_CELL_CHARS, type ExportColumn } from "./index";
import { asyncRows, columns, memorySink, rows, TRICKY_TITLES } from "./test-helpers";

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("writeXlsx", async () => {
  const sink = memorySink();
  const count = await writeXlsx(asyncRows(rows), columns, sink, { sheetName: "Articles: 2016/09" });
  const sheet = await readBack(sink.bytes());

  test("one sheet, a safe name, a bold frozen header, one row per input row", () => {
    expect(count).toBe(rows.length);
    expect(sheet.name).toBe("Articles  2016 09");
    expect(sheet.getRow(1).values).toEqual([undefined, "ID", "Title", "Killed", "Published", "Duplicate"]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(rows.length + 1);
  });

  test.each(TRICKY_TITLES.map((t, i) => [t, i] as const))("title %j is a string cell, never a formula", (title, i) => {
    const cell = sheet.getRow(i + 2).getCell(2);
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    const neutral = /^[=+\-@\t\r]/.test(title) ? `'${title}` : title;
    // XML parsers read CR and CRLF as LF (XML 1.0 end-of-line handling), Excel too.
    const expected = neutral.replace(/\r\n?/g, "\n");
    // Empty strings come back as empty cells.
    expect(cell.value ?? "").toBe(expected);
  });

  test("numbers stay numeric (negative ones unprefixed), dates are dates with a format, booleans booleans", () => {
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(2);
    expect(row.getCell(3).value).toBe(-1);
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2016, 8, 20, 1, 30)));
    expect(row.getCell(4).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(row.getCell(5).value).toBe(false);
    expect(sheet.getRow(2).getCell(3).value).toBeNull();
  });

  test("over-long strings are cut to Excel's cell limit; XML-forbidden characters are dropped", async () => {
    const out = memorySink();
    const cols: ExportColumn<string>[] = [{ key: "t", header: "T", value: (s) => s, numFmt: "yyyy-mm-dd" }];
    await writeXlsx(["x".repeat(40_000), "bell\u0007 and nul\u0000"], cols, out);
    const back = await readBack(out.bytes());
    expect(String(back.getRow(2).getCell(1).value)).toHaveLength(XLSX_MAX_CELL_CHARS);
    expect(back.getRow(3).getCell(1).value).toBe("bell and nul");
  });

  test("a failing row source rejects and destroys the sink", async () => {
    async function* failing() {
      yield rows[0]!;
      throw new Error("cursor lost");
    }
    const out = memorySink();
    await expect(writeXlsx(failing(), columns, out)).rejects.toThrow("cursor lost");
    expect(out.destroyed).toBe(true);
  });

  test("columns past Z, a column's own date format, spaces at the ends, ampersands and angle brackets", async () => {
    const out = memorySink();
    const wide: ExportColumn<number>[] = Array.from({ length: 30 }, (_, i) => ({ key: `c${i}`, header: `C${i}`, value: (n) => n * 100 + i }));
    wide.push({ key: "day", header: "Day", value: () => new Date(Date.UTC(2020, 1, 29)), numFmt: "yyyy-mm-dd" });
    wide.push({ key: "s", header: "S", value: () => "  <a href='x'>&amp;</a> " });
    await writeXlsx([1, 2], wide, out);
    const back = await readBack(out.bytes());
    expect(back.getRow(1).getCell(28).value).toBe("C27");
    expect(back.getRow(3).getCell(30).value).toBe(229);
    expect(back.getRow(2).getCell(31).value).toEqual(new Date(Date.UTC(2020, 1, 29)));
    expect(back.getRow(2).getCell(31).numFmt).toBe("yyyy-mm-dd");
    expect(back.getRow(2).getCell(32).value).toBe("  <a href='x'>&amp;</a> ");
  });

  test("ZIP64 sizes and offsets (forced from a small size here) read back in a strict zip reader and in exceljs", async () => {
    const out = memorySink();
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...rows[1]!, id: i }));
    await writeXlsx(many, columns, out, { zip: { zip64From: 1000 } });
    const bytes = out.bytes();
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: false }, (err, zip) => {
        if (err || !zip) return reject(err ?? new Error("no zip"));
        const seen: string[] = [];
        zip.on("entry", (e: yauzl.Entry) => seen.push(`${e.fileName}:${e.uncompressedSize > 1000 ? "big" : "small"}`));
        zip.on("end", () => resolve(seen));
        zip.on("error", reject);
      }),
    );
    expect(names).toContain("xl/worksheets/sheet1.xml:big");
    expect(names).toContain("xl/styles.xml:big");
    const back = await readBack(bytes);
    expect(back.rowCount).toBe(3001);
    expect(back.getRow(3001).getCell(1).value).toBe(2999);
  });
});
