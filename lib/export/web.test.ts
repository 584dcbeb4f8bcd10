import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { attachmentDisposition, toWebStream, type ExportFormat } from "./index";
import { asyncRows, columns, rows } from "./test-helpers";

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("toWebStream", () => {
  test.each([
    ["csv", "text/csv; charset=utf-8"],
    ["json", "application/json; charset=utf-8"],
    ["ndjson", "application/x-ndjson; charset=utf-8"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ] as const)("%s: content type, extension and a readable body", async (format: ExportFormat, contentType) => {
    const out = toWebStream(format, asyncRows(rows), columns);
    expect(out.contentType).toBe(contentType);
    expect(out.extension).toBe(format);
    const body = await bytesOf(out.stream);
    if (format === "csv") {
      expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(parse(body, { bom: true })).toHaveLength(rows.length + 1);
    } else if (format === "json") {
      expect(JSON.parse(body.toString("utf8"))).toHaveLength(rows.length);
    } else if (format === "ndjson") {
      expect(body.toString("utf8").trim().split("\n")).toHaveLength(rows.length);
    } else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.rowCount).toBe(rows.length + 1);
    }
  });

  test.each(["csv", "json", "xlsx"] as const)("%s: a failing row source errors the stream", async (format) => {
    async function* failing() {
      yield rows[0]!;
      throw new Error("cursor lost");
    }
    await expect(bytesOf(toWebStream(format, failing(), columns).stream)).rejects.toThrow("cursor lost");
  });

  test("a client that cancels stops the row source", async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced++;
          yield { ...rows[0]!, id: produced };
        }
      } finally {
        closed = true;
      }
    }
    const { stream } = toWebStream("csv", endless(), columns);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    // Back-pressure: only what fits in a few buffers was produced, not an unbounded stream.
    expect(produced).toBeLessThan(20_000);
  });
});

test.each([
  ["articles.csv", `attachment; filename="articles.csv"; filename*=UTF-8''articles.csv`],
  ["événements.xlsx", `attachment; filename="evenements.xlsx"; filename*=UTF-8''%C3%A9v%C3%A9nements.xlsx`],
  ['a"b.csv', `attachment; filename="a_b.csv"; filename*=UTF-8''a%22b.csv`],
])("attachmentDisposition(%j)", (name, expected) => {
  expect(attachmentDisposition(name)).toBe(expected);
});
