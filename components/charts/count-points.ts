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
  /** Outlets that reported figures but are not plotted (beyond `maxOutlets`). */
  omittedOutlets?: number;
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
 * Outlets plotted by the event page's count chart: one step line each, so more than the palette's
 * colours (an event covered by a thousand outlets) is a tangle no one reads, and megabytes of
 * points. The outlets that reported a figure most often are plotted; the chart says how many
 * others it leaves out, and the outlet filter brings any of them in.
 */
export const CHART_OUTLETS = 10;

/**
 * Compacts the points and bounds them: an outlet repeating its previous figure (same bounds and
 * qualifier) on the same UTC day adds nothing to its step line, so the repeat is counted on the
 * first report instead of sent as a point. What remains grows with how often outlets change
 * their figure, not with how many articles repeat it. With `maxOutlets`, only the outlets with
 * the most figures are kept (ties: the earliest to report), and `omittedOutlets` counts the rest.
 */
export function compactCounts(points: CountPoint[], maxOutlets = Infinity): CompactCounts {
  const outlets: CompactCounts["outlets"] = [];
  const outletIndex = new Map<string, number>();
  const last = new Map<string, CompactCounts["points"][number]>();
  const out: CompactCounts["points"] = [];
  const sorted: { p: CountPoint; kind: "killed" | "wounded"; t: number }[] = [];
  for (const p of points) {
    const t = Date.parse(p.at);
    if (isPlotted(p.kind) && !Number.isNaN(t)) sorted.push({ p, kind: p.kind, t });
  }
  sorted.sort((a, b) => a.t - b.t);
  // Figures per outlet, in order of first report: the outlets kept are the first `maxOutlets` by count.
  const perOutlet = new Map<string, number>();
  for (const { p } of sorted) perOutlet.set(p.outletKey, (perOutlet.get(p.outletKey) ?? 0) + 1);
  const kept = new Set([...perOutlet.entries()].sort((a, b) => b[1] - a[1]).slice(0, maxOutlets).map(([k]) => k));
  for (const { p, kind, t } of sorted) {
    if (!kept.has(p.outletKey)) continue;
    let o = outletIndex.get(p.outletKey);
    if (o === undefined) {
      o = outlets.length;
      outlets.push({ key: p.outletKey, name: p.outletName });
      outletIndex.set(p.outletKey, o);
    }
    const series = `${o}:${kind}`;
    const prev = last.get(series);
    if (prev && Math.floor(prev[0] / DAY) === Math.floor(t / DAY) && prev[3] === p.min && prev[4] === p.max && prev[5] === p.qualifier) {
      prev[7] += 1;
      continue;
    }
    const point: CompactCounts["points"][number] = [t, o, kind, p.min, p.max, p.qualifier, p.articleId, 1];
    last.set(series, point);
    out.push(point);
  }
  const omitted = perOutlet.size - kept.size;
  return omitted > 0 ? { outlets, points: out, omittedOutlets: omitted } : { outlets, points: out };
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
