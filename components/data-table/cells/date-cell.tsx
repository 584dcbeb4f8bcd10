import { formatDate, formatDateTime } from "@/components/format";

/** A date; `withTime` adds the UTC time inline, `stacked` puts it on a second, smaller line. */
export function DateCell({ value, withTime, stacked }: { value: string | null | undefined; withTime?: boolean; stacked?: boolean }) {
  if (!value) return <span className="text-neutral-500">—</span>;
  const full = formatDateTime(value);
  if (stacked) {
    const time = full.includes(", ") ? full.slice(full.indexOf(", ") + 2) : null;
    return (
      <time dateTime={value} className="block whitespace-nowrap tabular-nums" title={full}>
        {formatDate(value)}
        {time ? <span className="block text-xs text-neutral-500">{time}</span> : null}
      </time>
    );
  }
  return (
    <time dateTime={value} className="whitespace-nowrap tabular-nums" title={full}>
      {withTime ? full : formatDate(value)}
    </time>
  );
}
