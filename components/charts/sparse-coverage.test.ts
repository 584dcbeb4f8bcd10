import { describe, expect, it } from "vitest";
import { sparseCoverage } from "./sparse-coverage";

describe("sparseCoverage", () => {
  it("drops zero cells and keeps the rest, series and totals as they were", () => {
    const data = {
      series: [{ key: "a", name: "A" }, { key: "__other", name: "Other outlets" }],
      rows: [{ day: "2026-01-01", a: 0, __other: 3 }, { day: "2026-01-02", a: 2, __other: 0 }],
      totals: { a: 2, __other: 3 },
    };
    expect(sparseCoverage(data)).toEqual({ series: data.series, rows: [{ day: "2026-01-01", __other: 3 }, { day: "2026-01-02", a: 2 }], totals: data.totals });
  });
});
