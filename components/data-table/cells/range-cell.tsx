import type { Range } from "@/lib/schemas/dto";
import { formatNumber, formatRange } from "@/components/format";

/** An aggregated figure range ("62–90"); an em dash when nothing was reported. */
export function RangeCell({ value }: { value: Range | null | undefined }) {
  const text = formatRange(value);
  if (text === "—") return <span className="text-neutral-500" aria-label="not reported">—</span>;
  return <span className="whitespace-nowrap tabular-nums">{text}</span>;
}

export function NumberCell({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span className="text-neutral-500">—</span>;
  return <span className="tabular-nums">{formatNumber(value)}</span>;
}
