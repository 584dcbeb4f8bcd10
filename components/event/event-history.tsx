import Link from "next/link";
import type { ReactNode } from "react";
import type { EventActionItem, EventRefSnapshot } from "@/lib/schemas/actions";
import { formatDateTime } from "@/components/format";

const SHOWN = 6;

/** Titles a move's sentence lists; beyond them it says how many more. */
export const MOVE_TITLES_SHOWN = 10;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function EventLink({ event, gone }: { event: EventRefSnapshot; gone?: boolean }) {
  const label = `“${event.title || event.id}”`;
  if (gone) return <span>{label}</span>;
  return (
    <Link href={`/events/${encodeURIComponent(event.id)}`} className="text-blue-800 underline decoration-blue-300 hover:decoration-blue-800">
      {label}
    </Link>
  );
}

/** One sentence for a history entry, told from the point of view of the event whose page this is. */
function describe(item: EventActionItem): ReactNode {
  const p = item.payload;
  switch (p.action) {
    case "merge":
      if (item.role === "source") {
        return <>Merged into <EventLink event={p.target} /> ({plural(p.articles.length, "article")} moved).</>;
      }
      return (
        <>
          Merged {p.sources.length === 1 ? "" : `${p.sources.length} events `}into this one:{" "}
          {p.sources.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ", " : null}
              <EventLink event={s} gone /> ({plural(s.articleCount, "article")})
            </span>
          ))}
          .
        </>
      );
    case "split":
      if (item.role === "created") {
        return <>Created by splitting {plural(p.articles.length, "article")} out of <EventLink event={p.from} />.</>;
      }
      return <>Split {plural(p.articles.length, "article")} out into a new event, <EventLink event={p.to} />.</>;
    case "move": {
      const more = p.articles.length - MOVE_TITLES_SHOWN;
      const titles =
        p.articles
          .slice(0, MOVE_TITLES_SHOWN)
          .map((a) => `“${a.title}”`)
          .join(", ") + (more > 0 ? ` and ${more} more` : "");
      if (item.role === "to") {
        return <>{plural(p.articles.length, "article")} moved here: {titles}.</>;
      }
      return <>{plural(p.articles.length, "article")} moved to <EventLink event={p.to} />: {titles}.</>;
    }
    case "lock":
      return <>Locked: automatic grouping keeps its articles and adds none.</>;
    case "unlock":
      return <>Unlocked: automatic grouping may add articles again.</>;
    case "rename":
      return p.automatic ? (
        <>Automatic title restored: “{p.to}”.</>
      ) : (
        <>Renamed from “{p.from}” to “{p.to}”.</>
      );
    case "regroup":
      return <>Corpus re-grouped.</>;
  }
}

function Entry({ item }: { item: EventActionItem }) {
  return (
    <li className="border-l-2 border-neutral-200 pl-3">
      <p className="text-sm text-neutral-800">{describe(item)}</p>
      <p className="text-xs text-neutral-500">
        <span className="font-medium text-neutral-600">{item.actor}</span> ·{" "}
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
      </p>
    </li>
  );
}

/** The manual actions on an event, newest first. A server component: the page renders it (see EventManagePanel). */
export function EventHistory({ items }: { items: EventActionItem[] }) {
  if (items.length === 0) {
    return <p className="text-sm text-neutral-500">No manual changes yet. Merges, splits, moves, locks and renames are listed here.</p>;
  }
  const shown = items.slice(0, SHOWN);
  const rest = items.slice(SHOWN);
  return (
    <div>
      <ol aria-label="History of this event" className="space-y-2.5">
        {shown.map((item) => (
          <Entry key={item.id} item={item} />
        ))}
      </ol>
      {rest.length > 0 ? (
        <details className="mt-2.5">
          <summary className="cursor-pointer text-sm text-blue-800 hover:underline">{plural(rest.length, "older entry", "older entries")}</summary>
          <ol className="mt-2.5 space-y-2.5">
            {rest.map((item) => (
              <Entry key={item.id} item={item} />
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
