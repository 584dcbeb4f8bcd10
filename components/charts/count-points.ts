import type { CasualtyKind, Qualifier } from "@/lib/extract/types";
import type { CountPoint } from "@/lib/schemas/dto";

/**
 * The count-evolution chart's points as the server sends them to the browser. A large event has
 * hundreds of headline figures, and as objects each repeated the outlet's key and name and the
 * field names (about 200 bytes a point, 145 KB for a 400-article event). Here outlets are named
 * once and a point is a tuple.
 */
export interface CompactCounts {
  outlets: { key: string; name: string }[];
  /** [published at (ms), outlet index, kind, min, max, qualifier, first article, reports]. */
  points: [number, number, "killed" | "wounded", number | null, number | null, Qualifier, string, number][];
}

/** A chart point: one figure, reported `reports` times (by the outlet, that day) from `articleId` on. */
export interface ChartPoint {
  t: number;
  articleId: string;
  outletKey: string;
  outletName: string;
  kind: "killed" | "wounded";
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  reports: number;
}

const DAY = 86_400_000;
const isPlotted = (k: CasualtyKind): k is "killed" | "wounded" => k === "killed" || k === "wounded";

/**
 * Compacts the points and bounds them: an outlet repeating its previous figure (same bounds and
 * qualifier) on the same UTC day adds nothing to its step line, so the repeat is counted on the
 * first report instead of sent as a point. What remains grows with how often outlets change
 * their figure, not with how many articles repeat it.
 */
export function compactCounts(points: CountPoint[]): CompactCounts {
  const outlets: CompactCounts["outlets"] = [];
  const outletIndex = new Map<string, number>();
  const last = new Map<string, CompactCounts["points"][number]>();
  const out: CompactCounts["points"] = [];
  const sorted = [...points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const p of sorted) {
    const t = Date.parse(p.at);
    if (!isPlotted(p.kind) || Number.isNaN(t)) continue;
    let o = outletIndex.get(p.outletKey);
    if (o === undefined) {
      o = outlets.length;
      outlets.push({ key: p.outletKey, name: p.outletName });
      outletIndex.set(p.outletKey, o);
    }
    const series = `${o}:${p.kind}`;
    const prev = last.get(series);
    if (prev && Math.floor(prev[0] / DAY) === Math.floor(t / DAY) && prev[3] === p.min && prev[4] === p.max && prev[5] === p.qualifier) {
      prev[7] += 1;
      continue;
    }
    const point: CompactCounts["points"][number] = [t, o, p.kind, p.min, p.max, p.qualifier, p.articleId, 1];
    last.set(series, point);
    out.push(point);
  }
  return { outlets, points: out };
}

/** The browser's side of compactCounts. */
export function expandCounts(counts: CompactCounts): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (const [t, o, kind, min, max, qualifier, articleId, reports] of counts.points) {
    const outlet = counts.outlets[o];
    if (!outlet) continue;
    out.push({ t, articleId, outletKey: outlet.key, outletName: outlet.name, kind, min, max, qualifier, reports });
  }
  return out;
}
