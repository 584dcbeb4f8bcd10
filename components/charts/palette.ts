/**
 * Categorical colours (Tableau 10, colour-blind tolerant), assigned by a series' position in a
 * shared ordering so one outlet keeps its colour across the charts of a page.
 */
export const SERIES_COLORS = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#2f4b7c",
] as const;

export const OTHER_COLOR = "#bab0ac";
export const OTHER_KEY = "__other";

export interface SeriesConfig {
  /** Data key in the chart rows (safe: no dots, since recharts reads dotted keys as paths). */
  dataKey: string;
  /** Original series key (outlet key). */
  key: string;
  name: string;
  color: string;
}

export function colorFor(key: string, order: string[]): string {
  if (key === OTHER_KEY) return OTHER_COLOR;
  const i = order.indexOf(key);
  return SERIES_COLORS[(i >= 0 ? i : hash(key)) % SERIES_COLORS.length] ?? OTHER_COLOR;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
