import type { CoverageSeries } from "@/lib/schemas/dto";

/**
 * The coverage rows without their zero cells, for sending to the browser: a day names only the
 * outlets that published on it (CoverageChart reads a missing outlet as 0). Over a long event
 * most cells of the top outlets are empty, and they were most of the chart's props (140 KB of
 * zeros for a 3,000-article event).
 */
export function sparseCoverage(data: CoverageSeries): CoverageSeries {
  return {
    ...data,
    rows: data.rows.map((r) => {
      const out: CoverageSeries["rows"][number] = { day: r.day };
      for (const [k, v] of Object.entries(r)) if (k !== "day" && v !== 0) out[k] = v;
      return out;
    }),
  };
}
