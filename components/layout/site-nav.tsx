"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/events", label: "Events" },
  { href: "/articles", label: "Articles" },
  { href: "/outlets", label: "Outlets" },
  { href: "/ingest", label: "Ingest" },
  { href: "/feeds", label: "Feeds" },
  { href: "/notifications", label: "Notifications" },
] as const;

/** `unread`: unread notifications, shown on the Notifications link when there are any. */
export function SiteNav({ unread = null }: { unread?: number | null }) {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap items-center gap-1">
        {LINKS.map((l) => {
          const active = l.href === "/" ? pathname === "/" : pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white",
                  active ? "bg-white/15 text-white" : "text-neutral-300 hover:bg-white/10 hover:text-white",
                )}
              >
                {l.label}
                {l.href === "/notifications" && unread ? (
                  <>
                    {" "}
                    <span className="ml-1 rounded-full bg-blue-500 px-1.5 py-0.5 text-xs font-semibold text-white">
                      {unread > 99 ? "99+" : unread}
                      <span className="sr-only"> unread</span>
                    </span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
