import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { MainNav } from "./notifications/main-nav";
import { AuthStatus } from "./signin/auth-status";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "Compare how outlets report the same event: casualty figures, quotes, provenance.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-white px-3 py-2 text-sm font-medium text-blue-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:outline-2 focus:outline-blue-600"
        >
          Skip to content
        </a>
        <header className="bg-neutral-900 text-white">
          <div className="mx-auto flex max-w-[1400px] flex-wrap items-center justify-between gap-3 px-4 py-2.5 sm:px-6">
            <Link href="/" className="flex items-center gap-2 rounded font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5">
                <rect x="2" y="4" width="10" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
                <rect x="8" y="4" width="10" height="12" rx="1.5" fill="#60a5fa" fillOpacity="0.35" stroke="#93c5fd" strokeWidth="1.6" />
              </svg>
              Parallax
            </Link>
            <div className="flex flex-wrap items-center gap-3">
              <MainNav />
              <AuthStatus />
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-[1400px] px-4 py-6 focus:outline-none sm:px-6">
          {children}
        </main>
        <footer className="mx-auto max-w-[1400px] px-4 pb-8 text-xs text-neutral-600 sm:px-6">
          Parallax compares reporting; figures are extracted automatically and link to their evidence. Check the source before you cite.
        </footer>
        <HydrationMarker />
      </body>
    </html>
  );
}
