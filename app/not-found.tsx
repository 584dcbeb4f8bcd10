import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-xs font-medium tracking-wide text-neutral-600 uppercase">404</p>
      <h1 className="text-2xl font-semibold text-neutral-950">Page not found</h1>
      <p className="text-sm text-neutral-600">There is nothing at this address. Check the link, or start from the overview.</p>
      <div className="flex justify-center gap-2">
        <Link href="/" className={buttonClasses("primary", "md")}>
          Go to the overview
        </Link>
        <Link href="/events" className={buttonClasses("outline", "md")}>
          Browse events
        </Link>
      </div>
    </div>
  );
}
