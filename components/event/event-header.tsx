import type { EventListItem } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatNumber, formatRange } from "@/components/format";
import { Divergence } from "@/components/tables/divergence";
import { EventPlaceDay } from "@/components/tables/event-place-day";

function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="min-w-28">
      <dt className="text-xs font-medium tracking-wide text-neutral-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-xl font-semibold text-neutral-950 tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-neutral-500">{hint}</dd> : null}
    </div>
  );
}

export function EventHeader({ event, filtered, manageHref }: { event: EventListItem; filtered?: boolean; manageHref?: string }) {
  const copies = event.articleCount - event.sourceCount;
  return (
    <header className="space-y-4">
      <div>
        <p className="text-xs font-medium tracking-wide text-neutral-600 uppercase">Event</p>
        <div className="mt-1 flex flex-wrap items-baseline gap-x-1">
          <h1 className="text-2xl font-semibold text-balance text-neutral-950">{event.title || "Untitled event"}</h1>
          <EventPlaceDay place={event.place} day={event.day} className="text-lg text-neutral-600" />
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600">
          {event.firstSeen || event.lastSeen ? (
            <span>
              <span className="sr-only">Reported </span>
              <time dateTime={event.firstSeen ?? undefined}>{formatDateTime(event.firstSeen)}</time>
              {" – "}
              <time dateTime={event.lastSeen ?? undefined}>{formatDateTime(event.lastSeen)}</time>
            </span>
          ) : (
            <span>publication dates unknown</span>
          )}
          {event.locked ? <Badge tone="muted" title="Automatic grouping will not change this event">locked</Badge> : null}
          {event.titleManual ? <Badge tone="muted" title="An analyst set this title; re-grouping keeps it">title set by analyst</Badge> : null}
          {manageHref ? (
            <a href={manageHref} className="text-blue-800 underline decoration-blue-300 hover:decoration-blue-800">
              Manage: merge, split, lock, rename, history
            </a>
          ) : null}
        </p>
      </div>
      <dl aria-label="Event totals" className="flex flex-wrap gap-x-8 gap-y-3 rounded-lg border border-neutral-200 bg-white px-4 py-3">
        <Stat label="Articles" value={formatNumber(event.articleCount)} hint={copies > 0 ? `${formatNumber(copies)} republished copies` : "no copies detected"} />
        <Stat label="Independent sources" value={formatNumber(event.sourceCount)} hint="articles that are not copies" />
        <Stat label="Outlets" value={formatNumber(event.outletCount)} />
        <Stat label="Killed" value={formatRange(event.killed)} hint={event.killedMedian !== null ? `median ${formatNumber(event.killedMedian)}; range across sources` : "range across sources"} />
        <Stat label="Wounded" value={formatRange(event.wounded)} hint={event.woundedMedian !== null ? `median ${formatNumber(event.woundedMedian)}; range across sources` : "range across sources"} />
        <Stat label="Divergence" value={<Divergence value={event.divergence} />} hint="spread of killed figures" />
      </dl>
      {filtered ? (
        <p className="text-xs text-neutral-600">These totals cover the whole event; the sections below follow your filters.</p>
      ) : null}
    </header>
  );
}
