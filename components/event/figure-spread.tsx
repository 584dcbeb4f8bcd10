import type { EventDetail, FigureSpread } from "@/lib/schemas/dto";
import { formatNumber } from "@/components/format";

function Value({ label, value }: { label: string; value: number | null }) {
  return (
    <span className="inline-flex items-baseline gap-1">
      <span className="text-xs text-neutral-500">{label}</span>
      <span className="font-semibold text-neutral-950 tabular-nums">{formatNumber(value)}</span>
    </span>
  );
}

function Spread({ kind, s }: { kind: string; s: FigureSpread }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
      <dt className="w-20 text-xs font-medium tracking-wide text-neutral-600 uppercase">{kind}</dt>
      <dd className="flex flex-wrap items-baseline gap-x-3 text-sm">
        {s.sources === 0 ? (
          <span className="text-neutral-500">no figure from an independent source</span>
        ) : (
          <>
            <Value label="min" value={s.min} />
            <Value label="median" value={s.median} />
            <Value label="max" value={s.max} />
            <span className="text-xs text-neutral-500">
              over {s.sources} independent {s.sources === 1 ? "source" : "sources"}
            </span>
          </>
        )}
      </dd>
    </div>
  );
}

/**
 * Min / median / max of the headline figures of independent sources (copies count for their
 * original, once); each source's lower bound, as on the events list.
 */
export function FigureSpreadSummary({ figures }: { figures: EventDetail["figures"] }) {
  return (
    <dl aria-label="Spread of figures across independent sources" className="space-y-1">
      <Spread kind="Killed" s={figures.killed} />
      <Spread kind="Wounded" s={figures.wounded} />
    </dl>
  );
}
