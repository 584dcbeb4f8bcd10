import type { Database } from "../db";
import { countCorpusArticles } from "../queries/overview";
import { derivedTablesState, STARTING_RETRY_S } from "./readiness";

export interface HealthOptions {
  /** Reads need a token (PARALLAX_READ_TOKEN): the answer then says nothing about the corpus. */
  readProtected: boolean;
  /** The derived tables' readiness (default: `derivedTablesBuild(database)`, which starts their build if due). */
  ready?: Promise<unknown>;
  /** How long to wait for `ready` before answering "starting" (default 1 s). */
  waitMs?: number;
}

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The health check's answer. 200 `{status: "ok", database, articles?}` once the derived tables
 * (full-text index, counts, event members) are ready. While they are being built (once, on the
 * first start of a new release on an existing database: minutes at a million articles) it
 * answers within `waitMs` with 503 `{status: "starting", …}` and Retry-After, instead of holding
 * the request until the build ends: a load balancer's or orchestrator's probe then sees an
 * instance that is alive but not ready yet, rather than one that hangs. A failed build (or an
 * unreachable database) throws, for the caller's 500.
 */
export async function healthResponse(database: Database, opts: HealthOptions): Promise<Response> {
  const state = await derivedTablesState(database, { ready: opts.ready, waitMs: opts.waitMs });
  if (state === "starting") {
    return Response.json(
      {
        status: "starting",
        database: database.provider,
        message: "building the derived tables (full-text index, counts, event members), once after an upgrade; pages answer when it is done",
      },
      { status: 503, headers: { ...NO_STORE, "Retry-After": String(STARTING_RETRY_S) } },
    );
  }
  if (opts.readProtected) {
    await database.db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: database.provider }, { headers: NO_STORE });
  }
  const articles = await countCorpusArticles(database);
  return Response.json({ status: "ok", database: database.provider, articles }, { headers: NO_STORE });
}
