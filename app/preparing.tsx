import type { Metadata } from "next";
import { cache, type ReactElement } from "react";
import { Preparing } from "@/components/layout/preparing";
import { getDatabase } from "@/lib/db";
import { derivedTablesState, STARTING_RETRY_S } from "@/lib/http/readiness";

/**
 * `<Preparing />` while the derived tables are being built, else null: a page that reads the
 * corpus returns it before loading anything (its queries would wait for the build). The check
 * waits at most a second. Next.js renders every segment of a route, so the gate must be in the
 * page itself, not in a layout around it. A database that cannot be reached is left to the page,
 * whose error boundary says so. Once per request (React cache: metadata and page share it).
 */
export const whilePreparing = cache(async (): Promise<ReactElement | null> => {
  try {
    return (await derivedTablesState(getDatabase())) === "ready" ? null : <Preparing retrySeconds={STARTING_RETRY_S} />;
  } catch {
    return null;
  }
});

/** Metadata of a page shown as `<Preparing />` (its own title would need the data). */
export const PREPARING_METADATA = { title: "Preparing the database" } as const;

/**
 * `generateMetadata` for a page with a fixed title: `title`, or PREPARING_METADATA while the page
 * shows `<Preparing />` (so the tab says what the page says).
 */
export function titleUnlessPreparing(title: string): () => Promise<Metadata> {
  return async () => ((await whilePreparing()) ? PREPARING_METADATA : { title });
}
