import { cn } from "@/components/ui/cn";

/**
 * Divergence is the spread of independent sources' killed figures relative to their median
 * (0 = all agree). Shown as a percentage with a small bar; ≥ 25% is flagged.
 */
export function Divergence({ value }: { value: number | null }) {
  if (value === null || value === undefined) return <span className="text-neutral-500" aria-label="not enough figures">—</span>;
  const pct = Math.round(value * 100);
  const high = value >= 0.25;
  return (
    <span className="inline-flex items-center justify-end gap-2" title="Spread of independent sources' killed figures relative to their median">
      <span aria-hidden="true" className="hidden h-1.5 w-12 overflow-hidden rounded-full bg-neutral-200 sm:inline-block">
        <span className={cn("block h-full rounded-full", high ? "bg-red-600" : "bg-neutral-500")} style={{ width: `${Math.min(100, pct)}%` }} />
      </span>
      <span className={cn("tabular-nums", high && "font-semibold text-red-700")}>{pct}%</span>
    </span>
  );
}
