import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/components/format";
import type { ChangeKind, FollowChangeItem } from "@/lib/schemas/follows";
import { MarkReadButton } from "./mark-read-button";

const KIND: Record<ChangeKind, { label: string; tone: BadgeTone }> = {
  new_outlet: { label: "new outlet", tone: "accent" },
  new_figure: { label: "new figure", tone: "warning" },
  divergence_crossed: { label: "divergence", tone: "danger" },
  figure_revised: { label: "figure revised", tone: "warning" },
  quote_revised: { label: "quote revised", tone: "warning" },
  new_article: { label: "new article", tone: "neutral" },
};

const DELIVERY_TONE = { pending: "warning", delivered: "success", failed: "danger" } as const;

/** A follow's (or every follow's) change log, newest first, with each change's webhook delivery state. */
export function ChangeList({ changes, labels }: { changes: FollowChangeItem[]; labels: Map<number, string> }) {
  return (
    <ol aria-label="Changes" className="divide-y divide-neutral-200">
      {changes.map((c) => {
        const kind = KIND[c.kind] ?? { label: c.kind, tone: "neutral" as const };
        const href = c.articleId ? `/articles/${encodeURIComponent(c.articleId)}` : c.eventId ? `/events/${encodeURIComponent(c.eventId)}` : null;
        return (
          <li key={c.id} className={c.read ? "px-4 py-3" : "bg-blue-50/60 px-4 py-3"} aria-label={`${c.read ? "" : "Unread: "}${c.summary}`}>
            <div className="flex flex-wrap items-center gap-2 text-xs text-neutral-600">
              {c.read ? null : <Badge tone="accent">unread</Badge>}
              <Badge tone={kind.tone}>{kind.label}</Badge>
              <span>{labels.get(c.followId) ?? `follow #${c.followId}`}</span>
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              {c.delivery ? (
                <Badge tone={DELIVERY_TONE[c.delivery.status]} title={c.delivery.lastError ?? undefined}>
                  webhook {c.delivery.status}
                  {c.delivery.attempts ? ` · ${c.delivery.attempts} attempt${c.delivery.attempts === 1 ? "" : "s"}` : ""}
                  {c.delivery.responseCode ? ` · HTTP ${c.delivery.responseCode}` : ""}
                </Badge>
              ) : null}
            </div>
            <div className="mt-1 flex flex-wrap items-baseline justify-between gap-2">
              <p className="text-sm text-neutral-900">
                {href ? (
                  <Link href={href} className="underline decoration-neutral-300 hover:decoration-neutral-800">
                    {c.summary}
                  </Link>
                ) : (
                  c.summary
                )}
              </p>
              {c.read ? null : <MarkReadButton followIds={[c.followId]} ids={[c.id]} label="Mark read" />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
