import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/format";
import type { WebhookDeliveryItem } from "@/lib/schemas/follows";

const TONE = { pending: "warning", delivered: "success", failed: "danger" } as const;

/** Webhook deliveries with their attempts, last answer or error, and next attempt. */
export function DeliveryTable({ deliveries }: { deliveries: WebhookDeliveryItem[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Webhook deliveries</caption>
        <thead className="border-b border-neutral-200 text-xs text-neutral-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Change</th>
            <th scope="col" className="px-4 py-2 font-medium">Webhook</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Attempts</th>
            <th scope="col" className="px-4 py-2 font-medium">Last answer or error</th>
            <th scope="col" className="px-4 py-2 font-medium">Last attempt</th>
            <th scope="col" className="px-4 py-2 font-medium">Next attempt</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className="max-w-sm px-4 py-2">
                <span className="block text-xs text-neutral-500">{d.followLabel}</span>
                {d.changeSummary}
              </td>
              <td className="max-w-[16rem] truncate px-4 py-2 font-mono text-xs" title={d.url}>{d.url}</td>
              <td className="px-4 py-2"><Badge tone={TONE[d.status]}>{d.status}</Badge></td>
              <td className="px-4 py-2 text-right tabular-nums">{d.attempts}</td>
              <td className="px-4 py-2 text-xs">
                {d.responseCode ? `HTTP ${d.responseCode}` : null}
                {d.responseCode && d.lastError ? " · " : null}
                {d.lastError ? <span className="text-red-800">{d.lastError}</span> : null}
                {!d.responseCode && !d.lastError ? "—" : null}
              </td>
              <td className="px-4 py-2 text-xs whitespace-nowrap">{d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : "—"}</td>
              <td className="px-4 py-2 text-xs whitespace-nowrap">{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
