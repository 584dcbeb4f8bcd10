import { describe, expect, test } from "vitest";
import { writeJson } from "./index";
import { asyncRows, columns, memorySink, rows } from "./test-helpers";

const expected = rows.map((r) => ({
  id: r.id,
  title: r.title,
  killed: r.killed,
  published: r.published?.toISOString() ?? null,
  duplicate: r.duplicate,
}));

describe("writeJson", () => {
  test("a JSON array that parses back to the rows, strings untouched (no formula prefix)", async () => {
    const sink = memorySink();
    expect(await writeJson(rows, columns, sink)).toBe(rows.length);
    expect(JSON.parse(sink.text())).toEqual(expected);
  });

  test("NDJSON: one object per line", async () => {
    const sink = memorySink();
    await writeJson(asyncRows(rows), columns, sink, { ndjson: true });
    const lines = sink.text().split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((l) => JSON.parse(l) as unknown)).toEqual(expected);
  });

  test.each([
    [false, "[]\n"],
    [true, ""],
  ])("no rows (ndjson %s) → %j", async (ndjson, text) => {
    const sink = memorySink();
    expect(await writeJson([], columns, sink, { ndjson })).toBe(0);
    expect(sink.text()).toBe(text);
  });

  test("NaN becomes null and large outputs stay one valid array", async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ id: i, title: "x".repeat(50), killed: Number.NaN, published: null, duplicate: true }));
    const sink = memorySink();
    await writeJson(many, columns, sink);
    const parsed = JSON.parse(sink.text()) as { id: number; killed: unknown }[];
    expect(parsed).toHaveLength(5_000);
    expect(parsed[4_999]).toMatchObject({ id: 4_999, killed: null });
  });
});
