import type { OverviewStats } from "@/lib/schemas/dto";
import { formatDate, formatNumber } from "@/components/format";

function Kpi({ label, value, hint, children }: { label: string; value: string; hint?: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-neutral-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-neutral-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-neutral-950 tabular-nums">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-neutral-500">{hint}</dd> : null}
      {children}
    </div>
  );
}

export function KpiCards({ stats }: { stats: OverviewStats }) {
  const share = stats.articles > 0 ? stats.independentArticles / stats.articles : 0;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Kpi
        label="Articles"
        value={formatNumber(stats.articles)}
        hint={stats.firstDay ? `${formatDate(stats.firstDay)} – ${formatDate(stats.lastDay)}` : "no dated articles"}
      />
      <Kpi label="Events" value={formatNumber(stats.events)} hint="groups of articles on one incident" />
      <Kpi label="Outlets" value={formatNumber(stats.outlets)} />
      <Kpi
        label="Independent vs copies"
        value={`${formatNumber(stats.independentArticles)} / ${formatNumber(stats.copies)}`}
        hint={`${Math.round(share * 100)}% original reporting`}
      >
        <dd aria-hidden="true" className="mt-2 flex h-1.5 overflow-hidden rounded-full bg-amber-300">
          <span className="block bg-neutral-700" style={{ width: `${share * 100}%` }} />
        </dd>
      </Kpi>
      <Kpi label="Casualty figures" value={formatNumber(stats.claims)} hint="killed, wounded and other counts" />
      <Kpi label="Statements" value={formatNumber(stats.statements)} hint="quoted and reported speech" />
    </dl>
  );
}
