import type { Assignment } from "../cluster/types";
import type { Database, Db } from "../db";
import type { Extraction } from "../extract/types";
import type { NormalizedArticle } from "../ingest/types";
import { profileOutlet } from "../ingest/outlets";
import { locateArticle, type ArticleLocation } from "../places/article";
import { transactionWithConnection, type RawConnection } from "../db/raw-connection";
import { sqliteBulkDerived } from "../db/search";
import { bulkInsert, type BulkValue } from "./bulk";
import { allByKeys, sqlRunner } from "./sql-runner";
import { lockEventsForRefresh, refreshAfterAdding, refreshEvents, type MemberAddition } from "./events";
import { recordRunBatch } from "./ingest-runs";

/** An article ready to store: normalised, extracted and placed in an event. */
export interface PreparedArticle {
  id: string;
  article: NormalizedArticle;
  contentHash: string;
  outletKey: string;
  outletName: string;
  outletDomain: string | null;
  extraction: Extraction;
  assignment: Assignment;
  /** Places named and the event's day (lib/places); computed here when the caller did not. */
  location?: ArticleLocation;
}

/** Values bound per `IN (...)` list of the outlet look-ups below. */
const KEYS_PER_STATEMENT = 500;

// Outlet look-ups in hand-written SQL: through Prisma's query builder each was compiled and
// interpreted again, per batch (see `sqlRunner`).
const OUTLETS_SQL = (marks: string) => `SELECT "key" AS "key", "id" AS "id" FROM "Outlet" WHERE "key" IN (${marks})`;
const ALIASES_SQL = (marks: string) => `SELECT "key" AS "key", "outletId" AS "id" FROM "OutletAlias" WHERE "key" IN (${marks})`;

/** The ids among `ids` that are already stored. */
export async function findExistingArticleIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.article.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true } });
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Outlet ids by key, creating the outlets that do not exist yet. */
async function ensureOutlets(
  tx: Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">,
  provider: Database["provider"],
  outlets: Map<string, { name: string; domain: string | null; language: string | null }>,
  raw: RawConnection | null,
): Promise<Map<string, number>> {
  const sql = sqlRunner(tx, provider, raw);
  const keys = [...outlets.keys()];
  const ids = new Map<string, number>();
  const byKey = (query: (marks: string) => string, keyList: string[]) =>
    allByKeys<{ key: string; id: number | bigint }>(sql, query, keyList, KEYS_PER_STATEMENT);
  for (const o of await byKey(OUTLETS_SQL, keys)) ids.set(o.key, Number(o.id));
  // Keys an analyst gave to another outlet (a domain, a merged outlet): see lib/mutations/outlets.ts.
  const aliased = await byKey(ALIASES_SQL, keys.filter((k) => !ids.has(k)));
  for (const a of aliased) ids.set(a.key, Number(a.id));
  // Sorted: two ingests creating the same outlets lock their keys in the same order (no deadlock).
  const missing = keys.filter((k) => !ids.has(k)).sort();
  if (missing.length) {
    const now = new Date();
    // ON CONFLICT DO NOTHING: a concurrent ingest may have added the same outlet meanwhile.
    await bulkInsert(
      tx,
      provider,
      "Outlet",
      ["key", "name", "domain", "country", "language", "kind", "updatedAt"],
      missing.map((k) => {
        const o = outlets.get(k)!;
        const profile = profileOutlet(o.domain, o.name);
        return [k, o.name, o.domain, profile.country, profile.language ?? o.language, profile.kind, now];
      }),
      { onConflictDoNothing: "key", raw },
    );
    for (const o of await byKey(OUTLETS_SQL, missing)) ids.set(o.key, Number(o.id));
  }
  return ids;
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const ARTICLE_COLUMNS = [
  "id", "url", "canonicalUrl", "title", "text", "publishedAt", "publishedDay", "author", "language", "contentHash",
  "wordCount", "outletId", "originalSourceName", "originalSourceUrl", "syndicatedFromId", "syndicationScore",
  "ingestRunId", "createdAt", "updatedAt", "places", "eventDay",
];
const CLAIM_COLUMNS = [
  "articleId", "kind", "min", "max", "qualifier", "victimGroup", "authority", "isContext", "isHeadline",
  "phrase", "start", "end", "sentence", "sentenceStart", "sentenceEnd",
];
const STATEMENT_COLUMNS = ["articleId", "speaker", "speakerMention", "affiliation", "cue", "channel", "text", "start", "end", "direct"];

/**
 * Store a batch in ONE transaction: the run's count, outlets, articles, claims, statements, new
 * events and memberships, then refresh the touched events' aggregates. Either all of it is
 * written or, on any error or a killed process, none of it.
 */
export async function insertArticleBatch(
  database: Database,
  batch: PreparedArticle[],
  ingestRunId: number | null,
  /** Called as each step ends (`npm run bench` times them). */
  onStep?: (step: string) => void,
  opts: {
    /**
     * Events with at least this many members get their counts and dates now and the rest of
     * their aggregates from `refreshPendingEvents`, which the caller runs (ingest: every few
     * seconds and at the end). Without it every touched event is refreshed in full.
     */
    deferRefreshFrom?: number;
  } = {},
): Promise<void> {
  if (batch.length === 0) return;
  const { db, provider } = database;
  const lap = (step: string) => onStep?.(step);
  // The transaction's driver connection takes the bulk rows (see lib/db/raw-connection.ts).
  await transactionWithConnection(
    db,
    provider,
    async (tx, raw) => {
      lap("persist_begin");
      // The run's count and sign of life commit with its articles (crash recovery reads them).
      if (ingestRunId !== null) await recordRunBatch(tx, ingestRunId, batch.length);
      const outlets = new Map<string, { name: string; domain: string | null; language: string | null }>();
      for (const p of batch) {
        if (!outlets.has(p.outletKey)) {
          outlets.set(p.outletKey, { name: p.outletName, domain: p.outletDomain, language: p.article.language });
        }
      }
      const outletIds = await ensureOutlets(tx, provider, outlets, raw);
      lap("persist_outlets");

      const now = new Date();
      const writeRows = async () => {
        await bulkInsert(tx, provider, "Article", ARTICLE_COLUMNS, batch.map((p) => {
          const publishedAt = toDate(p.article.publishedAt);
          const location = p.location ?? locateArticle(p.article);
          return [
            p.id, p.article.url, p.article.canonicalUrl, p.article.title, p.article.text, publishedAt,
            publishedAt ? publishedAt.toISOString().slice(0, 10) : null, p.article.author, p.article.language,
            p.contentHash, wordCount(p.article.text), outletIds.get(p.outletKey)!,
            p.article.originalSource?.name ?? null, p.article.originalSource?.url ?? null,
            p.assignment.duplicateOf, p.assignment.duplicateScore, ingestRunId, now, now,
            location.places, location.eventDay,
          ];
        }), { raw });
        lap("persist_articles");
        await bulkInsert(tx, provider, "CasualtyClaim", CLAIM_COLUMNS, batch.flatMap((p) =>
          p.extraction.claims.map((c) => [
            p.id, c.kind, c.min, c.max, c.qualifier, c.victimGroup, c.authority, c.isContext, c.isHeadline,
            c.phrase, c.start, c.end, c.sentence, c.sentenceStart, c.sentenceEnd,
          ]),
        ), { raw });
        await bulkInsert(tx, provider, "Statement", STATEMENT_COLUMNS, batch.flatMap((p) =>
          p.extraction.statements.map((st) => [
            p.id, st.speaker, st.speakerMention, st.affiliation, st.cue, st.channel, st.text, st.start, st.end, st.direct,
          ]),
        ), { raw });
        lap("persist_claims_statements");
      };
      // SQLite: the full-text index and counts for the whole batch at once (lib/db/search.ts).
      if (provider === "sqlite" && raw) {
        const sql = sqlRunner(tx, provider, raw);
        await sqliteBulkDerived(
          (text, params) => sql.run(text, params as BulkValue[]),
          async (text) => (await sql.all(text)).length > 0,
          batch.map((p) => p.id),
          writeRows,
        );
        lap("persist_derived");
      } else {
        await writeRows();
      }

      // New events (an id already stored is left as it is); their aggregates come with the refresh below.
      const newEvents = [...new Set(batch.filter((p) => p.assignment.isNew).map((p) => p.assignment.eventId))];
      await bulkInsert(tx, provider, "Event", ["id", "title", "createdAt", "updatedAt"], newEvents.map((id) => [id, "", now, now]), {
        onConflictDoNothing: "id",
        raw,
      });
      await bulkInsert(tx, provider, "EventArticle", ["articleId", "eventId", "score", "method", "createdAt"],
        batch.map((p) => [p.id, p.assignment.eventId, p.assignment.score, "auto", now]),
        { raw },
      );
      lap("persist_events_memberships");
      const touched = [...new Set(batch.map((p) => p.assignment.eventId))].sort();
      await lockEventsForRefresh(tx, provider, touched);
      if (opts.deferRefreshFrom !== undefined) await refreshAfterAdding(tx, memberAdditions(batch), { provider, raw, deferFrom: opts.deferRefreshFrom });
      else await refreshEvents(tx, touched, { provider, raw });
      lap("refresh_events");
    },
    // Large batches on PostgreSQL can exceed Prisma's 5 s default.
    { timeout: 120_000, maxWait: 30_000 },
  );
  lap("persist_commit");
}

/** Articles stored since the planner statistics were last refreshed, per database (process-wide). */
const plannerState = new WeakMap<Database, { articlesAtAnalyze: number; since: number }>();
/** Below this many articles every plan is fast; no statistics needed. */
const MIN_ARTICLES_FOR_ANALYZE = 2000;

async function hasPlannerStatistics(database: Database): Promise<boolean> {
  if (database.provider === "sqlite") {
    const rows = await database.db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`,
    );
    if (Number(rows[0]?.n ?? 0) === 0) return false;
    const stats = await database.db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'CasualtyClaim'`,
    );
    return Number(stats[0]?.n ?? 0) > 0;
  }
  const rows = await database.db.$queryRawUnsafe<{ analyzed: boolean }[]>(
    `SELECT (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analyzed FROM pg_stat_user_tables WHERE relname = 'CasualtyClaim'`,
  );
  return rows[0]?.analyzed === true;
}

/**
 * Keep the query planner's statistics current while a corpus grows: `ANALYZE` once the
 * database holds enough articles and has none, then each time the article count has doubled
 * (so the cost stays proportional to what is ingested). Without statistics SQLite picks the
 * (kind, isHeadline) index of CasualtyClaim over the articleId one for the aggregate refresh of
 * every batch, a scan that grows with the corpus (0.55 s instead of 0.04 s per batch at 100k
 * articles). PostgreSQL's autovacuum analyses too, but lags behind a bulk load.
 *
 * PostgreSQL gets `VACUUM (ANALYZE)`: besides the statistics, vacuum marks the pages it finds
 * all-visible, and only then can the covering indexes be read alone (an index-only scan of
 * `Article_member_idx` for an event's members, not the index plus every member's heap row).
 * After a bulk load autovacuum gets there late (its insert threshold is a fraction of the table).
 * It runs outside any transaction and does not block readers or writers.
 *
 * @param added articles just stored
 */
export async function maintainPlannerStatistics(database: Database, added: number): Promise<void> {
  let state = plannerState.get(database);
  if (!state) {
    const articles = await database.db.article.count();
    const analyzed = articles >= MIN_ARTICLES_FOR_ANALYZE && (await hasPlannerStatistics(database));
    // Never analysed: due as soon as there are enough articles.
    state = { articlesAtAnalyze: analyzed ? articles : 0, since: analyzed ? 0 : articles };
    plannerState.set(database, state);
  } else {
    state.since += added;
  }
  const total = state.articlesAtAnalyze + state.since;
  if (total < MIN_ARTICLES_FOR_ANALYZE || state.since < state.articlesAtAnalyze) return;
  await database.db.$executeRawUnsafe(database.provider === "postgresql" ? "VACUUM (ANALYZE)" : "ANALYZE");
  state.articlesAtAnalyze = total;
  state.since = 0;
}

/** Per event, how many members a batch adds and their publication span. */
function memberAdditions(batch: PreparedArticle[]): MemberAddition[] {
  const byEvent = new Map<string, MemberAddition>();
  for (const p of batch) {
    const id = p.assignment.eventId;
    const at = toDate(p.article.publishedAt);
    const a = byEvent.get(id) ?? { eventId: id, added: 0, first: null, last: null };
    a.added++;
    if (at && (a.first === null || at < a.first)) a.first = at;
    if (at && (a.last === null || at > a.last)) a.last = at;
    byEvent.set(id, a);
  }
  return [...byEvent.values()].sort((x, y) => (x.eventId < y.eventId ? -1 : 1));
}
