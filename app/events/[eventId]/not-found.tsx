import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function EventNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-xs font-medium tracking-wide text-neutral-600 uppercase">404</p>
      <h1 className="text-2xl font-semibold text-neutral-950">Event not found</h1>
      <p className="text-sm text-neutral-600">
        No event has this id. Events can be merged or regrouped when new articles arrive, so an old link may point to an id that no longer exists.
      </p>
      <Link href="/events" className={buttonClasses("primary", "md")}>
        Browse all events
      </Link>
    </div>
  );
}
