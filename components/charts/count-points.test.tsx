import { describe, expect, it } from "vitest";
import type { CountPoint } from "@/lib/schemas/dto";
import { compactCounts, expandCounts } from "./count-points";

const point = (at: string, outletKey: string, min: number | null, extra: Partial<CountPoint> = {}): CountPoint => ({
  at,
  articleId: `a-${outletKey}-${at}`,
  outletKey,
  outletName: outletKey.toUpperCase(),
  kind: "killed",
  min,
  max: min,
  qualifier: "exact",
  ...extra,
});

describe("compactCounts", () => {
  it("names each outlet once and round-trips the points", () => {
    const points = [point("2026-01-02T10:00:00Z", "b", 5), point("2026-01-01T10:00:00Z", "a", 3, { kind: "wounded", max: 4, qualifier: "range" })];
    const compact = compactCounts(points);
    expect(compact.outlets).toEqual([{ key: "a", name: "A" }, { key: "b", name: "B" }]);
    expect(expandCounts(compact)).toEqual([
      { t: Date.parse("2026-01-01T10:00:00Z"), articleId: "a-a-2026-01-01T10:00:00Z", outletKey: "a", outletName: "A", kind: "wounded", min: 3, max: 4, qualifier: "range", reports: 1 },
      { t: Date.parse("2026-01-02T10:00:00Z"), articleId: "a-b-2026-01-02T10:00:00Z", outletKey: "b", outletName: "B", kind: "killed", min: 5, max: 5, qualifier: "exact", reports: 1 },
    ]);
  });

  it("counts an outlet's same-day repeats of one figure on its first report, and keeps every change", () => {
    const points = [
      point("2026-01-01T08:00:00Z", "a", 3),
      point("2026-01-01T09:00:00Z", "a", 3),
      point("2026-01-01T09:30:00Z", "b", 3),
      point("2026-01-01T10:00:00Z", "a", 3, { qualifier: "at_least" }),
      point("2026-01-01T11:00:00Z", "a", 3, { qualifier: "at_least" }),
      point("2026-01-02T08:00:00Z", "a", 3, { qualifier: "at_least" }),
      point("2026-01-02T09:00:00Z", "a", 3, { kind: "wounded" }),
    ];
    const expanded = expandCounts(compactCounts(points));
    expect(expanded.map((p) => [p.outletKey, p.kind, p.qualifier, p.reports, p.articleId])).toEqual([
      ["a", "killed", "exact", 2, "a-a-2026-01-01T08:00:00Z"],
      ["b", "killed", "exact", 1, "a-b-2026-01-01T09:30:00Z"],
      ["a", "killed", "at_least", 2, "a-a-2026-01-01T10:00:00Z"],
      ["a", "killed", "at_least", 1, "a-a-2026-01-02T08:00:00Z"],
      ["a", "wounded", "exact", 1, "a-a-2026-01-02T09:00:00Z"],
    ]);
    // Every report is still counted.
    expect(expanded.reduce((n, p) => n + p.reports, 0)).toBe(points.length);
  });

  it("keeps the outlets with the most figures (ties: the earliest to report) and counts the others", () => {
    const points = [
      point("2026-01-01T08:00:00Z", "early", 1),
      point("2026-01-01T09:00:00Z", "busy", 2),
      point("2026-01-02T09:00:00Z", "busy", 3),
      point("2026-01-03T09:00:00Z", "busy", 4, { kind: "wounded" }),
      point("2026-01-01T10:00:00Z", "late", 1),
      point("2026-01-01T11:00:00Z", "quiet", 1, { kind: "missing" }),
    ];
    const compact = compactCounts(points, 2);
    expect(compact.outlets.map((o) => o.key).sort()).toEqual(["busy", "early"]);
    expect(compact.omittedOutlets).toBe(1); // "late"; "quiet" has no plotted figure
    expect(expandCounts(compact).filter((p) => p.outletKey === "busy")).toHaveLength(3);
    expect(compactCounts(points).omittedOutlets).toBeUndefined();
  });

  it("drops figures the chart does not plot and undated points", () => {
    expect(compactCounts([point("2026-01-01T08:00:00Z", "a", 1, { kind: "missing" }), point("not a date", "a", 2)]).points).toEqual([]);
  });
});
