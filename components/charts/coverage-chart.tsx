"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CoverageSeries } from "@/lib/schemas/dto";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDay, formatNumber } from "@/components/format";
import { ChartBox } from "./chart-box";
import { ChartFrame, dataTableClasses as t } from "./chart-frame";
import { colorFor, type SeriesConfig } from "./palette";

const DAY_MS = 86_400_000;
/** Fill gaps between days only up to this span, so a stray old date cannot create 10k bars. */
const MAX_FILLED_DAYS = 370;

function fillDays(rows: CoverageSeries["rows"], keys: string[]): CoverageSeries["rows"] {
  if (rows.length < 2) return rows;
  const sorted = [...rows].sort((a, b) => a.day.localeCompare(b.day));
  const start = Date.parse(`${sorted[0]!.day}T00:00:00Z`);
  const end = Date.parse(`${sorted[sorted.length - 1]!.day}T00:00:00Z`);
  const span = Math.round((end - start) / DAY_MS);
  if (!Number.isFinite(span) || span > MAX_FILLED_DAYS) return sorted;
  const byDay = new Map(sorted.map((r) => [r.day, r]));
  const out: CoverageSeries["rows"] = [];
  for (let i = 0; i <= span; i++) {
    const day = new Date(start + i * DAY_MS).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, ...Object.fromEntries(keys.map((k) => [k, 0])) });
  }
  return out;
}

/** Articles per day per outlet, stacked (top outlets + "Other outlets"). */
export function CoverageChart({
  data,
  title = "Coverage over time",
  description = "Articles published per day, stacked by outlet.",
  colorOrder,
  height = 260,
  id = "coverage-chart",
}: {
  data: CoverageSeries;
  title?: string;
  description?: string;
  /** Outlet keys in the order colours are assigned (share it between charts of one page). */
  colorOrder?: string[];
  height?: number;
  id?: string;
}) {
  const series: SeriesConfig[] = useMemo(() => {
    const order = colorOrder ?? data.series.map((s) => s.key);
    return data.series.map((s, i) => ({ dataKey: `s${i}`, key: s.key, name: s.name, color: colorFor(s.key, order) }));
  }, [data.series, colorOrder]);

  const rows = useMemo(() => {
    const filled = fillDays(data.rows, data.series.map((s) => s.key));
    return filled.map((r) => {
      const out: Record<string, number | string> = { day: r.day };
      let total = 0;
      for (const s of series) {
        const v = Number(r[s.key] ?? 0);
        out[s.dataKey] = v;
        total += v;
      }
      out.total = total;
      return out;
    });
  }, [data.rows, data.series, series]);

  const grandTotal = rows.reduce((acc, r) => acc + Number(r.total), 0);
  const first = rows[0]?.day as string | undefined;
  const last = rows[rows.length - 1]?.day as string | undefined;
  const peak = rows.reduce<Record<string, number | string> | null>((m, r) => (!m || Number(r.total) > Number(m.total) ? r : m), null);
  const summary =
    grandTotal === 0
      ? "No articles with a publication date in this selection."
      : `${formatNumber(grandTotal)} articles from ${formatDate(first)} to ${formatDate(last)}; busiest day ${formatDate(
          peak?.day as string,
        )} with ${formatNumber(Number(peak?.total))}. By outlet: ${series
          .map((s) => `${s.name} ${formatNumber(data.totals[s.key] ?? 0)}`)
          .join(", ")}.`;

  if (grandTotal === 0) {
    return (
      <ChartFrame id={id} title={title} description={description} summary={summary}>
        <EmptyState title="No dated articles" description="Nothing in this selection has a publication date to plot." />
      </ChartFrame>
    );
  }

  return (
    <ChartFrame
      id={id}
      title={title}
      description={description}
      summary={summary}
      dataTable={
        <table className={t.table}>
          <caption className="sr-only">{title}: articles per day and outlet</caption>
          <thead>
            <tr>
              <th scope="col" className={t.th}>Day</th>
              {series.map((s) => (
                <th key={s.dataKey} scope="col" className={t.thNum}>{s.name}</th>
              ))}
              <th scope="col" className={t.thNum}>Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.filter((r) => Number(r.total) > 0).map((r) => (
              <tr key={r.day as string}>
                <th scope="row" className={`${t.td} font-normal whitespace-nowrap`}>{formatDate(r.day as string)}</th>
                {series.map((s) => (
                  <td key={s.dataKey} className={t.tdNum}>{formatNumber(Number(r[s.dataKey]))}</td>
                ))}
                <td className={`${t.tdNum} font-semibold`}>{formatNumber(Number(r.total))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className={`${t.td} text-left`}>All days</th>
              {series.map((s) => (
                <td key={s.dataKey} className={`${t.tdNum} font-semibold`}>{formatNumber(data.totals[s.key] ?? 0)}</td>
              ))}
              <td className={`${t.tdNum} font-semibold`}>{formatNumber(grandTotal)}</td>
            </tr>
          </tfoot>
        </table>
      }
    >
      <ChartBox label={`${title}. ${summary}`} height={height}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
          <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -12 }} barCategoryGap={rows.length > 60 ? 0 : "15%"}>
            <CartesianGrid stroke="#e5e5e5" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => formatDay(d)}
              tick={{ fontSize: 11, fill: "#525252" }}
              tickLine={false}
              axisLine={{ stroke: "#d4d4d4" }}
              minTickGap={24}
            />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#525252" }} tickLine={false} axisLine={false} width={44} />
            <Tooltip
              cursor={{ fill: "rgba(0,0,0,0.04)" }}
              labelFormatter={(d) => formatDate(String(d))}
              formatter={(value, name) => [formatNumber(Number(value)), name]}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e5e5e5" }}
              itemSorter={(item) => -Number(item.value ?? 0)}
            />
            <Legend
              wrapperStyle={{ fontSize: 12 }}
              iconType="square"
              iconSize={10}
              itemSorter={null}
              formatter={(value) => <span className="text-neutral-700">{value}</span>}
            />
            {series.map((s) => (
              <Bar key={s.dataKey} dataKey={s.dataKey} name={s.name} stackId="articles" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartBox>
    </ChartFrame>
  );
}
