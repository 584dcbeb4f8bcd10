"use client";

import Link from "next/link";
import { useMemo, useState, type ReactElement } from "react";
import {
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { expandCounts, type ChartPoint, type CompactCounts } from "./count-points";
import type { Qualifier } from "@/lib/extract/types";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs } from "@/components/ui/tabs";
import { formatDateTime, formatDay, formatFigure, QUALIFIER_LABEL } from "@/components/format";
import { ChartBox } from "./chart-box";
import { ChartFrame, dataTableClasses as t } from "./chart-frame";
import { colorFor, type SeriesConfig } from "./palette";

type Kind = "killed" | "wounded";

/** The y position a figure is drawn at; the marker shape and error bar show its bounds. */
function plotValue(p: ChartPoint): number | null {
  const { min, max } = p;
  if (min !== null && max !== null && min !== max) return (min + max) / 2;
  return min ?? max;
}

interface Row {
  t: number;
  [key: string]: number | [number, number] | ChartPoint | undefined;
}

function buildRows(points: ChartPoint[], series: SeriesConfig[]): Row[] {
  const index = new Map(series.map((s) => [s.key, s.dataKey]));
  const rows = new Map<number, Row>();
  const sorted = [...points].sort((a, b) => a.t - b.t);
  for (const p of sorted) {
    const dk = index.get(p.outletKey);
    const v = plotValue(p);
    if (!dk || v === null) continue;
    // Two figures from one outlet at the same instant: nudge by 1 ms so both are drawn.
    let ts = p.t;
    while (rows.get(ts)?.[`v_${dk}`] !== undefined) ts += 1;
    const row = rows.get(ts) ?? { t: ts };
    row[`v_${dk}`] = v;
    row[`p_${dk}`] = p;
    if (p.min !== null && p.max !== null && p.min !== p.max) row[`e_${dk}`] = [v - p.min, p.max - v];
    rows.set(ts, row);
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

const SHAPE_LEGEND: { q: Qualifier; label: string }[] = [
  { q: "exact", label: "exact" },
  { q: "at_least", label: "at least (open upward)" },
  { q: "at_most", label: "at most" },
  { q: "about", label: "approximate" },
  { q: "range", label: "range (bar = min–max)" },
  { q: "vague", label: "vague" },
];

function Marker({ q, cx, cy, color }: { q: Qualifier; cx: number; cy: number; color: string }): ReactElement {
  switch (q) {
    case "at_least":
      return (
        <g>
          <path d={`M${cx} ${cy - 5}V${cy - 18}`} stroke={color} strokeWidth={1.5} strokeDasharray="2 2" />
          <path d={`M${cx - 3.5} ${cy - 14.5}L${cx} ${cy - 19}L${cx + 3.5} ${cy - 14.5}`} fill="none" stroke={color} strokeWidth={1.5} />
          <path d={`M${cx - 5} ${cy + 3.5}L${cx} ${cy - 5}L${cx + 5} ${cy + 3.5}Z`} fill={color} stroke="#fff" strokeWidth={1} />
        </g>
      );
    case "at_most":
      return (
        <g>
          <path d={`M${cx} ${cy + 5}V${cy + 18}`} stroke={color} strokeWidth={1.5} strokeDasharray="2 2" />
          <path d={`M${cx - 5} ${cy - 3.5}L${cx} ${cy + 5}L${cx + 5} ${cy - 3.5}Z`} fill={color} stroke="#fff" strokeWidth={1} />
        </g>
      );
    case "about":
      return <circle cx={cx} cy={cy} r={4.5} fill="#fff" stroke={color} strokeWidth={2} />;
    case "range":
      return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={color} stroke="#fff" strokeWidth={1} />;
    case "vague":
      return <path d={`M${cx} ${cy - 5.5}L${cx + 5.5} ${cy}L${cx} ${cy + 5.5}L${cx - 5.5} ${cy}Z`} fill="#fff" stroke={color} strokeWidth={2} />;
    default:
      return <circle cx={cx} cy={cy} r={4.5} fill={color} stroke="#fff" strokeWidth={1} />;
  }
}

function LegendMarker({ q }: { q: Qualifier }) {
  const cy = q === "at_least" ? 7 : q === "at_most" ? -7 : 0;
  return (
    <svg aria-hidden="true" width="16" height="24" viewBox="-8 -13 16 26" className="inline-block shrink-0">
      <Marker q={q} cx={0} cy={cy} color="#404040" />
    </svg>
  );
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Ticks on whole days (UTC) for multi-day spans, on whole hours otherwise: no repeated labels. */
function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  if (span <= 0) return [from];
  if (span < 2 * DAY) {
    const step = [1, 2, 3, 6, 12].map((h) => h * HOUR).find((s) => span / s <= 8) ?? 12 * HOUR;
    const out: number[] = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
    return out;
  }
  const stepDays = [1, 2, 7, 14, 30, 61, 91, 182, 365].find((d) => span / (d * DAY) <= 9) ?? 365;
  const out: number[] = [];
  for (let t = Math.ceil(from / DAY) * DAY; t <= to; t += stepDays * DAY) out.push(t);
  return out;
}

function CountTooltip({
  active,
  payload,
  label,
  series,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  label?: string | number;
  series: SeriesConfig[];
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload as Row | undefined;
  if (!row) return null;
  const items = series
    .map((s) => ({ s, p: row[`p_${s.dataKey}`] as ChartPoint | undefined }))
    .filter((x): x is { s: SeriesConfig; p: ChartPoint } => Boolean(x.p));
  if (items.length === 0) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-neutral-700">{formatDateTime(Number(label))}</p>
      <ul className="space-y-0.5">
        {items.map(({ s, p }) => (
          <li key={s.dataKey} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
            <span className="text-neutral-700">{s.name}</span>
            <span className="ml-auto pl-3 font-semibold text-neutral-900 tabular-nums">{formatFigure(p)}</span>
            <span className="text-neutral-500">
              {QUALIFIER_LABEL[p.qualifier]}
              {p.reports > 1 ? ` · ${p.reports} reports that day` : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * How each outlet's reported figure evolved over publication time: a step line per outlet,
 * a marker per report whose shape shows the qualifier (≥ as an open-ended arrow, ranges with
 * a min–max bar). Points come compacted (compactCounts): an outlet's repeats of one figure on
 * one day are a single marker that counts its reports.
 */
export function CountEvolutionChart({
  points: compact,
  colorOrder,
  height = 300,
  id = "count-evolution",
}: {
  points: CompactCounts;
  colorOrder?: string[];
  height?: number;
  id?: string;
}) {
  const points = useMemo(() => expandCounts(compact), [compact]);
  const omitted = compact.omittedOutlets ?? 0;
  const reportsOf = (k: Kind) => points.reduce((n, p) => (p.kind === k ? n + p.reports : n), 0);
  const killedCount = reportsOf("killed");
  const woundedCount = reportsOf("wounded");
  const [kind, setKind] = useState<Kind>(killedCount > 0 || woundedCount === 0 ? "killed" : "wounded");

  const selected = useMemo(() => points.filter((p) => p.kind === kind && plotValue(p) !== null), [points, kind]);
  const series = useMemo<SeriesConfig[]>(() => {
    const seen = new Map<string, string>();
    for (const p of [...points].sort((a, b) => a.t - b.t)) if (!seen.has(p.outletKey)) seen.set(p.outletKey, p.outletName);
    const order = colorOrder ?? [...seen.keys()];
    const plotted = new Set(selected.map((p) => p.outletKey));
    return [...seen.entries()]
      .filter(([key]) => plotted.has(key))
      .map(([key, name], i) => ({ dataKey: `s${i}`, key, name, color: colorFor(key, order) }));
  }, [points, selected, colorOrder]);
  const rows = useMemo(() => buildRows(selected, series), [selected, series]);

  const tMin = rows[0]?.t ?? 0;
  const tMax = rows[rows.length - 1]?.t ?? 0;
  const pad = Math.max(3_600_000, (tMax - tMin) * 0.04);
  const shortSpan = tMax - tMin < 2 * 86_400_000;
  const yMax = Math.max(0, ...selected.map((p) => Math.max(p.max ?? 0, p.min ?? 0)));

  const ordered = [...selected].sort((a, b) => a.t - b.t);
  const reported = kind === "killed" ? killedCount : woundedCount;
  const title = "How the count evolved";
  const kindWord = kind === "killed" ? "killed" : "wounded";
  const summary =
    ordered.length === 0
      ? `No ${kindWord} figures reported.`
      : `${reported} ${kindWord} figures from ${series.length} outlets. First: ${ordered[0]!.outletName} ${formatFigure(ordered[0]!)} on ${formatDateTime(
          ordered[0]!.t,
        )}; latest: ${ordered[ordered.length - 1]!.outletName} ${formatFigure(ordered[ordered.length - 1]!)} on ${formatDateTime(
          ordered[ordered.length - 1]!.t,
        )}. Highest bound reported: ${yMax}.${omitted ? ` ${omitted} more outlets reported figures and are not plotted.` : ""}`;

  const chart = rows.length === 0 ? (
        <EmptyState
          title={`No ${kindWord} figures to plot`}
          description="None of the selected articles states a dated headline figure of this kind."
        />
      ) : (
        <ChartBox label={`${title}. ${summary}`} height={height}>
          <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
            <LineChart data={rows} margin={{ top: 22, right: 16, bottom: 0, left: -8 }}>
              <CartesianGrid stroke="#e5e5e5" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[tMin - pad, tMax + pad]}
                ticks={timeTicks(tMin - pad, tMax + pad)}
                interval={0}
                tickFormatter={(v: number) => (shortSpan ? formatDateTime(v).replace(/^.*, /, "").replace(" UTC", "") : formatDay(v))}
                tick={{ fontSize: 11, fill: "#525252" }}
                tickLine={false}
                axisLine={{ stroke: "#d4d4d4" }}
                minTickGap={28}
              />
              <YAxis
                domain={[0, Math.ceil(yMax * 1.15) || 1]}
                allowDecimals={false}
                tick={{ fontSize: 11, fill: "#525252" }}
                tickLine={false}
                axisLine={false}
                width={48}
              />
              <Tooltip
                content={(props) => <CountTooltip active={props.active} payload={props.payload} label={props.label} series={series} />}
              />
              <Legend
                wrapperStyle={{ fontSize: 12 }}
                iconType="plainline"
                itemSorter={null}
                formatter={(value) => <span className="text-neutral-700">{value}</span>}
              />
              {series.map((s) => (
                <Line
                  key={s.dataKey}
                  dataKey={`v_${s.dataKey}`}
                  name={s.name}
                  type="stepAfter"
                  stroke={s.color}
                  strokeWidth={2}
                  strokeOpacity={0.75}
                  connectNulls
                  isAnimationActive={false}
                  activeDot={false}
                  dot={(props: { cx?: number; cy?: number; index?: number; payload?: Row }) => {
                    const p = props.payload?.[`p_${s.dataKey}`] as ChartPoint | undefined;
                    const key = `${s.dataKey}-${props.index}`;
                    if (!p || props.cx === undefined || props.cy === undefined || props.cx === null || props.cy === null) return <g key={key} />;
                    return (
                      <g key={key}>
                        <Marker q={p.qualifier} cx={props.cx} cy={props.cy} color={s.color} />
                      </g>
                    );
                  }}
                >
                  <ErrorBar dataKey={`e_${s.dataKey}`} width={6} stroke={s.color} strokeWidth={1.5} direction="y" />
                </Line>
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartBox>
      );

  return (
    <ChartFrame
      id={id}
      title={title}
      description={
        omitted
          ? `Each outlet's headline figure at publication time. A step holds until the outlet reports again. Plotted: the ${compact.outlets.length} outlets that reported figures most often; ${omitted} more did too (filter by outlet to plot them, or export the claims).`
          : "Each outlet's headline figure at publication time. A step holds until the outlet reports again."
      }
      summary={summary}
      legendNote={
        rows.length > 0 ? (
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className="font-medium text-neutral-700">Markers:</span>
            {SHAPE_LEGEND.map((s) => (
              <span key={s.q} className="inline-flex items-center gap-1">
                <LegendMarker q={s.q} /> {s.label}
              </span>
            ))}
          </span>
        ) : null
      }
      dataTable={
        ordered.length > 0 ? (
          <table className={t.table}>
            <caption className="sr-only">Reported {kindWord} figures by outlet and time; an outlet repeating a figure the same day is one row counting its reports</caption>
            <thead>
              <tr>
                <th scope="col" className={t.th}>Published</th>
                <th scope="col" className={t.th}>Outlet</th>
                <th scope="col" className={t.thNum}>Figure</th>
                <th scope="col" className={t.th}>Qualifier</th>
                <th scope="col" className={t.thNum}>Reports</th>
                <th scope="col" className={t.th}>Article</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((p, i) => (
                <tr key={`${p.articleId}-${i}`}>
                  <td className={`${t.td} whitespace-nowrap tabular-nums`}>{formatDateTime(p.t)}</td>
                  <td className={t.td}>{p.outletName}</td>
                  <td className={`${t.tdNum} font-semibold`}>{formatFigure(p)}</td>
                  <td className={t.td}>{QUALIFIER_LABEL[p.qualifier]}</td>
                  <td className={t.tdNum}>{p.reports}</td>
                  <td className={t.td}>
                    <Link href={`/articles/${encodeURIComponent(p.articleId)}`} className="text-blue-800 underline">
                      open<span className="sr-only"> {p.reports > 1 ? "first " : ""}article from {p.outletName}, {formatDateTime(p.t)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : undefined
      }
    >
      {points.length > 0 ? (
        <Tabs<Kind>
          label="Figure shown"
          value={kind}
          onChange={setKind}
          items={[
            { key: "killed", label: `Killed (${killedCount})`, disabled: killedCount === 0 },
            { key: "wounded", label: `Wounded (${woundedCount})`, disabled: woundedCount === 0 },
          ]}
        >
          {chart}
        </Tabs>
      ) : (
        chart
      )}
    </ChartFrame>
  );
}
