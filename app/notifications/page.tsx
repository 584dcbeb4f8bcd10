import Link from "next/link";
import { listChanges, listDeliveries, listFollows } from "@/lib/queries/follows";
import type { FollowItem } from "@/lib/schemas/follows";
import { ChangeList } from "@/components/follows/change-list";
import { DeliveryTable } from "@/components/follows/delivery-table";
import { MarkReadButton } from "@/components/follows/mark-read-button";
import { UnfollowButton } from "@/components/follows/unfollow-button";
import { FilterErrorPage } from "@/components/layout/filter-error";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { parseNotificationParams, type RawSearchParams } from "./search-params";
import { titleUnlessPreparing, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";
export const generateMetadata = titleUnlessPreparing("Notifications");

/** Changes shown at once (the API pages further back). */
const CHANGES_SHOWN = 200;

function targetHref(f: FollowItem): string {
  if (f.kind === "event") return `/events/${encodeURIComponent(f.target)}`;
  if (f.kind === "outlet") return `/articles?outlet=${encodeURIComponent(f.target)}`;
  return `/articles${f.target ? `?${f.target}` : ""}`;
}

function filterHref(follow: number | undefined, unread: boolean): string {
  const p = new URLSearchParams();
  if (follow !== undefined) p.set("follow", String(follow));
  if (unread) p.set("unread", "1");
  return p.size ? `/notifications?${p.toString()}` : "/notifications";
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const parsed = parseNotificationParams(await searchParams);
  const header = (
    <PageHeader
      title="Notifications"
      description="What changed in the events, outlets and searches you follow: new outlets and figures, divergence crossing your threshold, revised figures and quotes. Each follow also has an Atom feed and can post to a webhook."
    />
  );
  if (!parsed.ok) {
    return <FilterErrorPage header={header} field={parsed.field} error={parsed.error} resetHref="/notifications" />;
  }
  const { follow: followId, unread } = parsed.data;
  const [follows, changes, deliveries] = await Promise.all([
    listFollows(),
    listChanges({ followId, unread, limit: CHANGES_SHOWN }),
    listDeliveries({ followId, limit: 50 }),
  ]);
  const labels = new Map(follows.map((f) => [f.id, f.label]));
  const selected = followId !== undefined ? follows.find((f) => f.id === followId) : undefined;
  const withUnread = (selected ? [selected] : follows).filter((f) => f.unreadCount > 0).map((f) => f.id);
  const link = "text-blue-800 underline decoration-blue-300 hover:decoration-blue-800";

  return (
    <div className="space-y-6">
      {header}
      {follows.length === 0 ? (
        <EmptyState
          title="Nothing followed yet"
          description="Use Follow on an event page, on the articles of an outlet, or on a filtered events or articles list."
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
          <Card>
            <CardHeader title="Following" headingLevel={2} />
            <ul aria-label="Follows" className="divide-y divide-neutral-200">
              <li className={followId === undefined ? "bg-neutral-50 px-4 py-2" : "px-4 py-2"}>
                <Link href={filterHref(undefined, unread)} aria-current={followId === undefined ? "page" : undefined} className="text-sm font-medium">
                  All follows
                </Link>
              </li>
              {follows.map((f) => (
                <li key={f.id} className={f.id === followId ? "bg-neutral-50 px-4 py-2" : "px-4 py-2"}>
                  <div className="flex items-start justify-between gap-2">
                    <Link href={filterHref(f.id, unread)} aria-current={f.id === followId ? "page" : undefined} className="text-sm font-medium text-neutral-900">
                      {f.label}
                    </Link>
                    {f.unreadCount ? <Badge tone="accent">{f.unreadCount} unread</Badge> : null}
                  </div>
                  <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-neutral-600">
                    <Badge tone="muted">{f.kind}</Badge>
                    <Link href={targetHref(f)} className={link}>open</Link>
                    <a href={`/api/follows/${f.id}/atom`} className={link}>Atom feed</a>
                    {f.divergenceThreshold !== null ? <span>divergence ≥ {Math.round(f.divergenceThreshold * 100)}%</span> : null}
                    {f.webhookUrl ? <span className="truncate" title={f.webhookUrl}>webhook {new URL(f.webhookUrl).host}</span> : null}
                    <UnfollowButton followId={f.id} what={f.label} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
          <div className="space-y-6">
            <Card>
              <CardHeader
                title={selected ? `Changes: ${selected.label}` : "Changes"}
                description={unread ? "Unread only." : undefined}
                actions={
                  <>
                    <Link href={filterHref(followId, !unread)} className={`${link} text-sm`}>
                      {unread ? "Show all" : "Unread only"}
                    </Link>
                    <MarkReadButton followIds={withUnread} label="Mark all read" />
                  </>
                }
              />
              {changes.length ? (
                <ChangeList changes={changes} labels={labels} />
              ) : (
                <CardBody>
                  <EmptyState title={unread ? "No unread changes" : "No changes yet"} description="Changes appear after the next ingest or feed fetch that concerns what you follow." />
                </CardBody>
              )}
            </Card>
            <Card>
              <CardHeader title="Webhook deliveries" description="Each change is posted to the follow's webhook, signed, and retried with back-off when the receiver fails." />
              {deliveries.length ? (
                <DeliveryTable deliveries={deliveries} />
              ) : (
                <CardBody>
                  <p className="text-sm text-neutral-600">No webhook deliveries{selected ? " for this follow" : ""}.</p>
                </CardBody>
              )}
            </Card>
          </div>
        </div>
      )}
    </div>
  );
}
