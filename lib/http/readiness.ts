import { WEB_DERIVED_WAIT_MS, type Database } from "../db";
import { derivedTablesBuild, settledWithin } from "../db/search";

/** How long a client should wait before asking again while the derived tables are built. */
export const STARTING_RETRY_S = 10;

/**
 * Whether the derived tables (full-text index, counts, event members) are ready, waiting at most
 * `waitMs` for them. They are built once on the first start of a new release on an existing
 * database (minutes at a million articles); meanwhile the health check and the pages answer
 * "starting" (and the API routes, through `searchReady`'s bounded wait) instead of hanging. A
 * failed build (or an unreachable database) rejects.
 */
export async function derivedTablesState(
  database: Database,
  opts: { ready?: Promise<unknown>; waitMs?: number } = {},
): Promise<"ready" | "starting"> {
  const ready = opts.ready ?? derivedTablesBuild(database);
  return (await settledWithin(ready, opts.waitMs ?? WEB_DERIVED_WAIT_MS)) ? "ready" : "starting";
}
