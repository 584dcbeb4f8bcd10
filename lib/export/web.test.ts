import { randomBytes } from "node:crypto";
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

describe("back-pressure: a stalled client stalls the row source", () => {
  // An endless row source: a writer that pushed rows without waiting for the reader would run
  // away here (and, on a real export, hold the whole table in memory).
  function endless(title: () => string = () => rows[1]!.title) {
    const state = { produced: 0 };
    async function* gen() {
      for (;;) {
        state.produced++;
        yield { ...rows[1]!, id: state.produced, title: title() };
      }
    }
    return { state, rows: gen() };
  }
  /** Waits until the producer has stopped (no new row for `quietMs`), up to a few seconds. */
  async function settle(state: { produced: number }, quietMs = 40) {
    let last = -1;
    for (let waited = 0; waited < 5000 && state.produced !== last; waited += quietMs) {
      last = state.produced;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }
  const lineRows = (bytes: number[]) => bytes.reduce((n, b) => n + b, 0);

  test.each(["csv", "json", "ndjson"] as const)("%s: the producer stays within a few chunks of what the client read", async (format) => {
    const source = endless();
    const reader = toWebStream(format, source.rows, columns).stream.getReader();
    const newlines: number[] = [];
    let bytes = 0;
    for (let round = 0; round < 4; round++) {
      // Read some chunks, then stall and let the producer run as far as it will.
      for (let i = 0; i < 10; i++) {
        const { value } = await reader.read();
        bytes += value!.length;
        newlines.push(value!.reduce((n, b) => n + (b === 10 ? 1 : 0), 0));
      }
      await settle(source.state);
      const consumed = lineRows(newlines);
      const rowBytes = bytes / consumed;
      // Ahead of the client by at most ~1 MB of encoded rows (a few 64 KB chunks in the
      // writer's, the pipeline's and the web stream's buffers), whatever has been read so far.
      expect((source.state.produced - consumed) * rowBytes).toBeLessThan(1024 * 1024);
    }
    await reader.cancel();
  });

  test("xlsx: the producer stops while the client stalls, a bounded way ahead", async () => {
    // Incompressible titles: on repetitive rows the deflater swallows megabytes of XML into a
    // few bytes of output, and the bound below is in rows.
    const source = endless(() => randomBytes(48).toString("base64"));
    const reader = toWebStream("xlsx", source.rows, columns).stream.getReader();
    let bytes = 0;
    for (let round = 0; round < 3; round++) {
      while (bytes < round * 256 * 1024 + 1) bytes += (await reader.read()).value!.length;
      await settle(source.state, 250);
      const stalledAt = source.state.produced;
      await new Promise((r) => setTimeout(r, 300));
      // Stalled: nothing more is produced until the client reads again...
      expect(source.state.produced).toBe(stalledAt);
      // ...and what is buffered is bounded: the sheet XML chunk being built, the deflater's and
      // the streams' buffers hold far fewer than 60,000 of these ~250-byte rows. (Each row takes
      // well over 50 compressed bytes, so bytes / 50 is more than the rows the client has read.)
      expect(stalledAt - bytes / 50).toBeLessThan(60_000);
    }
    await reader.cancel();
  });
});
