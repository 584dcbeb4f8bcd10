import { formatDate } from "@/components/format";

/** "Deir ez-Zor, Syria, 17 Sep 2016": where and when, as the event list and header show them beside the title. */
export function placeDayText(place: string | null, day: string | null): string | null {
  const parts = [place, day ? formatDate(day) : null].filter((p): p is string => !!p && p !== "—");
  return parts.length ? parts.join(", ") : null;
}

/** The place and day after an event title (" — Deir ez-Zor, Syria, 17 Sep 2016"); nothing when neither is known. */
export function EventPlaceDay({ place, day, className }: { place: string | null; day: string | null; className?: string }) {
  const text = placeDayText(place, day);
  if (!text) return null;
  return (
    <span className={className ?? "text-neutral-600"}>
      <span aria-hidden="true"> — </span>
      <span className="sr-only">, </span>
      {place ? <span>{place}</span> : null}
      {place && day ? ", " : null}
      {day ? <time dateTime={day}>{formatDate(day)}</time> : null}
    </span>
  );
}
