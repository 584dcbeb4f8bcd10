import { createHash } from "node:crypto";
import { EventGrouper } from "../cluster";
import type { ClusterDoc } from "../cluster/types";
import type { Database } from "../db";
import { contentHash, normalizeUrl, outletKey, storableArticle } from "../ingest";
import type { ItemError, NormalizedArticle } from "../ingest/types";
import {
  findExistingArticleIds,
  insertArticleBatch,
  maintainPlannerStatistics,
  type PreparedArticle,
} from "../mutations/articles";
import { DEFER_REFRESH_MIN_MEMBERS, refreshPendingEvents } from "../mutations/events";
import { finishIngestRun, startIngestRun } from "../mutations/ingest-runs";
import type { PoolTask } from "../workers/pool";
import { errorMessage } from "../workers/protocol";
import { analyseArticle, type AnalyseInput, type Analysis } from "./analyse";
import { detectFollowChanges } from "./follow-changes";
import { getExtractionPool, type AnalysisOutcome, type ExtractionPool } from "./extraction-pool";
import { crossLanguageSignals, forgetSharedGrouper, grouperForRun, loadGrouper } from "./grouper";
import type { StageTimer } from "./stage-timer";
import { withStoreRetry } from "../db/store-retry";

/** Below this many new articles, extraction stays in the calling thread (starting workers costs more). */
const MIN_ARTICLES_FOR_WORKERS = 32;
/** Batches whose extraction is submitted ahead of the one being grouped and stored. */
const EXTRACT_AHEAD = 2;
/**
 * How many failed stores of a batch's pieces are narrowed down further (halves) before the rest
 * is reported as failed with it: 9 find one bad article in 500; a database that refuses every
 * write (gone, disk full) costs at most this many rebuilds of the grouper per batch.
 */
export const MAX_SPLIT_FAILURES = 24;
/**
 * How often, during an ingest, the large events it deferred get their full refresh
 * (lib/mutations/events.ts): every 5 s at least, and never more than one tenth of the ingest's
 * time. A refresh re-reads every member of every pending event, so its cost grows with the
 * events' sizes; spacing refreshes by ten times what the last one took bounds it at ~10% of
 * the run, whatever the corpus (counts and dates of those events stay exact meanwhile).
 */
const PENDING_REFRESH_MIN_MS = 5_000;
const PENDING_REFRESH_MAX_SHARE = 0.1;

export interface IngestOptions {
  /** What was ingested: file names, a URL, "demo corpus". */
  source: string;
  trigger?: "cli" | "upload" | "api" | "demo" | "feed";
  /** Articles per transaction. */
  batchSize?: number;
  /** Errors found while parsing the input; recorded on the run with the others. */
  parseErrors?: ItemError[];
  onProgress?: (done: number, total: number) => void;
  /**
   * A grouper that already holds the corpus, used as is. Without it, the process keeps one per
   * database across calls (`grouperForRun`), rebuilt from the database when the database changed
   * behind it or the articles are older than what it holds.
   */
  grouper?: EventGrouper;
  /**
   * Where extraction runs: by default the process's worker pool (`PARALLAX_WORKERS`) for inputs
   * of at least 32 new articles; null extracts in the calling thread. The result is the same.
   */
  pool?: ExtractionPool | null;
  /** Times the stages (see `npm run bench`). */
  timings?: StageTimer;
  /**
   * Events with at least this many members get their full aggregate refresh every few seconds and
   * at the end of the call rather than with every batch (default `DEFER_REFRESH_MIN_MEMBERS`).
   */
  deferRefreshFrom?: number;
  /**
   * One long ingest fed in several calls (`npm run bench` hands over 20,000 articles at a time to
   * bound its memory): the deferred refreshes keep one pace across the calls instead of running
   * in full when each call starts and ends. Pass the same object to every call and `leavePending`
   * to all but the last: the last call's final refresh leaves nothing pending.
   */
  session?: IngestSession;
  /** With `session`: do not refresh the deferred events when this call ends (more calls follow). */
  leavePending?: boolean;
}

/** Pace of the deferred refreshes across the calls of one long ingest (`IngestOptions.session`). */
export interface IngestSession {
  /** When this process last refreshed the deferred events (performance.now()), null before the first call. */
  pendingRefreshedAt: number | null;
  pendingRefreshInterval: number;
}

/** A new `IngestSession`, for a caller that ingests one long input in several calls. */
export function newIngestSession(): IngestSession {
  return { pendingRefreshedAt: null, pendingRefreshInterval: PENDING_REFRESH_MIN_MS };
}

export interface IngestReport {
  runId: number;
  total: number;
  added: number;
  duplicates: number;
  failed: number;
  errors: ItemError[];
  addedIds: string[];
}

/**
 * Stable article id: from the normalised URL, or from the content hash when there is none,
 * so the same article ingested twice maps to the same row.
 */
export function articleIdFor(article: NormalizedArticle, hash: string): string {
  const basis = article.url ? `url:${normalizeUrl(article.url)}` : `text:${hash}`;
  return "a_" + createHash("sha256").update(basis).digest("hex").slice(0, 20);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase() || null;
  } catch {
    return null;
  }
}

/** What grouping reads of an incoming article; with its analysis, what it compares across languages too. */
export function toClusterDoc(id: string, a: NormalizedArticle, outlet: string, analysis?: Analysis): ClusterDoc {
  const doc: ClusterDoc = { id, title: a.title, text: a.text, date: a.publishedAt, outlet, url: a.url };
  if (!analysis) return doc;
  // The profile the extraction worker computed from the same fields; else computed by the grouper from the signals.
  if (analysis.crossProfile !== undefined) return { ...doc, language: analysis.language, profile: analysis.crossProfile };
  return {
    ...doc,
    language: analysis.language,
    signals: crossLanguageSignals(analysis.location.places, analysis.location.eventDay, analysis.extraction.claims),
  };
}

function itemLabel(a: NormalizedArticle, index: number): string {
  return a.url ?? a.externalId ?? (a.title ? `"${a.title.slice(0, 80)}"` : `item ${index + 1}`);
}

/** Extraction of one batch in the calling thread, for small inputs or without a pool. */
function extractInline(jobs: AnalyseInput[]): PoolTask<Analysis> {
  return {
    results: async () =>
      jobs.map((job): AnalysisOutcome => {
        try {
          return { ok: true, value: analyseArticle(job) };
        } catch (err) {
          return { ok: false, error: errorMessage(err) };
        }
      }),
  };
}

/**
 * The ingestion pipeline: normalised articles -> dedupe -> extract -> group -> persist, in
 * batches of one transaction each. A failing article is reported and skipped; a batch the
 * database refuses is rolled back whole and stored again by halves, so that only the articles it
 * refuses on their own are reported, and the next batches go on. The run and its per-item
 * errors are recorded as an IngestRun.
 *
 * Extraction (language detection included) runs in worker threads, up to EXTRACT_AHEAD batches
 * ahead, while this thread groups and stores the current batch; it helps extract when it would
 * otherwise wait. Grouping stays in this thread, in publication order, so the outcome is the same
 * as extracting and grouping one article after the other.
 */
export async function ingestArticles(
  database: Database,
  articles: NormalizedArticle[],
  opts: IngestOptions,
): Promise<IngestReport> {
  const { db } = database;
  const batchSize = opts.batchSize ?? 500;
  const errors: ItemError[] = [...(opts.parseErrors ?? [])];
  const total = articles.length + errors.length;
  const timer = opts.timings;
  const lap = (stage: string) => timer?.lap(stage);
  const run = await startIngestRun(db, { source: opts.source, trigger: opts.trigger ?? "cli", total });
  lap("run_record");
  // Large events get their full refresh every few seconds, at the end, and here: what an ingest
  // that crashed left marked is repaired by the next one.
  const session = opts.session ?? newIngestSession();
  const refreshPending = async () => {
    const started = performance.now();
    // Not a reason to fail the ingest (the database busy): the marks stay for the next refresh.
    const ids = await refreshPendingEvents(database).catch((err: unknown) => {
      console.error(`[parallax] refreshing deferred event aggregates (run #${run.id}):`, err);
      return [] as string[];
    });
    session.pendingRefreshedAt = performance.now();
    session.pendingRefreshInterval = Math.max(PENDING_REFRESH_MIN_MS, (session.pendingRefreshedAt - started) / PENDING_REFRESH_MAX_SHARE);
    lap("refresh_pending");
    // Their divergence and figures changed only now: what follows of those events see.
    if (ids.length) {
      await detectFollowChanges(database, { allEvents: true }).catch((err: unknown) => {
        console.error(`[parallax] follow change detection after refreshing events (run #${run.id}):`, err);
      });
      lap("follows");
    }
  };
  // (Not again in a later call of the same session: its first call did the repair.)
  if (session.pendingRefreshedAt === null) await refreshPending();

  // 1. Identity and de-duplication, within the input and against the database.
  const seen = new Set<string>();
  const candidates: { id: string; hash: string; article: NormalizedArticle; index: number }[] = [];
  let duplicates = 0;
  articles.forEach((given, index) => {
    // What either database could not store is refused here, by name, not by a failed batch.
    const storable = storableArticle(given);
    if (!storable.ok) {
      errors.push({ item: itemLabel(given, index), reason: storable.reason });
      return;
    }
    const article = storable.article;
    const hash = contentHash(article.text);
    const id = articleIdFor(article, hash);
    if (seen.has(id)) duplicates++;
    else {
      seen.add(id);
      candidates.push({ id, hash, article, index });
    }
  });
  lap("identity");
  const existing = await findExistingArticleIds(db, candidates.map((c) => c.id));
  duplicates += existing.size;
  const fresh = candidates.filter((c) => !existing.has(c.id));
  lap("dedupe");

  // 2. Online grouping sees articles in publication order, like a live system would.
  fresh.sort((a, b) => (a.article.publishedAt ?? "9999").localeCompare(b.article.publishedAt ?? "9999") || a.index - b.index);
  const dates = fresh.map((c) => c.article.publishedAt);
  let grouper: EventGrouper;
  let sharedGrouper = false;
  if (opts.grouper) grouper = opts.grouper;
  else if (fresh.length) ({ grouper, shared: sharedGrouper } = await grouperForRun(database, run.id, dates));
  else grouper = new EventGrouper();
  lap("load_grouper");
  // Learn term rarity from the incoming articles first, so a first batch into an empty
  // database is not grouped with an uninformed vocabulary.
  // An evenly spaced sample of 500 is representative and bounds the cost (as groupDocuments does).
  const step = Math.max(1, Math.ceil(fresh.length / 500));
  grouper.observe(fresh.filter((_, i) => i % step === 0).map((c) => toClusterDoc(c.id, c.article, c.article.outlet?.domain ?? "")));
  lap("observe");

  let added = 0;
  let failed = errors.length;
  const addedIds: string[] = [];
  let done = 0;
  opts.onProgress?.(0, fresh.length);

  // 3. Extraction runs ahead of grouping and storing.
  const pool = opts.pool !== undefined ? opts.pool : fresh.length >= MIN_ARTICLES_FOR_WORKERS ? getExtractionPool() : null;
  const batches: (typeof fresh)[] = [];
  for (let i = 0; i < fresh.length; i += batchSize) batches.push(fresh.slice(i, i + batchSize));
  const submit = (slice: typeof fresh): PoolTask<Analysis> => {
    const jobs = slice.map((c): AnalyseInput => ({
      text: c.article.text,
      title: c.article.title,
      language: c.article.language,
      publishedAt: c.article.publishedAt,
    }));
    return pool ? pool.run(jobs) : extractInline(jobs);
  };
  const ahead: PoolTask<Analysis>[] = [];
  let submitted = 0;
  // Whether a refused batch is narrowed down to the articles refused (see step 5).
  let narrowing = true;

  for (const slice of batches) {
    while (submitted < batches.length && ahead.length <= EXTRACT_AHEAD) ahead.push(submit(batches[submitted++]!));
    const outcomes = await ahead.shift()!.results();
    lap("extract_wait");

    // 4. Group, in publication order; an article that could not be analysed is not grouped.
    const batch: PreparedArticle[] = [];
    slice.forEach((c, k) => {
      try {
        const outcome = outcomes[k]!;
        if (!outcome.ok) throw new Error(outcome.error);
        const a = c.article;
        const article: NormalizedArticle = { ...a, language: outcome.value.language };
        const domain = a.outlet?.domain ?? hostOf(a.url);
        const name = a.outlet?.name ?? domain ?? "Unknown outlet";
        const key = outletKey({ name, domain });
        const assignment = grouper.assign(toClusterDoc(c.id, article, key, outcome.value));
        batch.push({
          id: c.id,
          article,
          contentHash: c.hash,
          outletKey: key,
          outletName: name,
          outletDomain: domain,
          extraction: outcome.value.extraction,
          assignment,
          location: outcome.value.location,
        });
      } catch (err) {
        failed++;
        errors.push({ item: itemLabel(c.article, c.index), reason: `could not process: ${errorMessage(err)}` });
      }
    });
    lap("group");

    // 5. Store the batch in one transaction. A busy database or a key a concurrent ingest took
    // first is retried: the grouper is rebuilt from what is stored, the articles stored meanwhile
    // by another process count as duplicates, and the rest are placed again. Any other failure
    // (an article the database refuses) is narrowed down: the grouper is rebuilt and the batch is
    // stored again by halves, so only the articles that fail on their own are reported.
    const storedNow: PreparedArticle[] = [];
    // The grouper has placed articles that are not stored: after a failed insert it must be
    // rebuilt from what is (and not twice, when a retry's preparation failed after rebuilding it).
    let grouperAhead = true;
    // Nothing of the piece was written; the grouper's memory of it is now wrong, so rebuild it.
    const reloadGrouper = async () => {
      lap("persist_failed");
      if (sharedGrouper) forgetSharedGrouper(database);
      sharedGrouper = false;
      grouper = await loadGrouper(db, dates);
      grouperAhead = false;
      lap("load_grouper");
    };
    // Placed again exactly as the first time: the same analysis (language, places, figures).
    const placeAgain = (pieces: PreparedArticle[]) => {
      grouperAhead = true;
      return pieces.map((p) => {
        const analysis = p.location ? { language: p.article.language, extraction: p.extraction, location: p.location } : undefined;
        return { ...p, assignment: grouper.assign(toClusterDoc(p.id, p.article, p.outletKey, analysis)) };
      });
    };
    // Bounds the narrowing when every piece fails alike (the disk full): each failure costs a
    // rebuild of the grouper. One bad article in a batch of 500 costs 9.
    let splitsLeft = narrowing ? MAX_SPLIT_FAILURES : 0;
    const storePiece = async (piece: PreparedArticle[]): Promise<void> => {
      let toStore = piece;
      try {
        await withStoreRetry(
          () => insertArticleBatch(database, toStore, run.id, timer && lap, { deferRefreshFrom: opts.deferRefreshFrom ?? DEFER_REFRESH_MIN_MEMBERS }),
          {
            beforeRetry: async () => {
              await reloadGrouper();
              const storedMeanwhile = await findExistingArticleIds(db, toStore.map((p) => p.id));
              duplicates += storedMeanwhile.size;
              toStore = placeAgain(toStore.filter((p) => !storedMeanwhile.has(p.id)));
            },
          },
        );
        storedNow.push(...toStore);
      } catch (err) {
        if (grouperAhead) await reloadGrouper();
        if (toStore.length > 1 && splitsLeft > 0) {
          splitsLeft--;
          const half = Math.ceil(toStore.length / 2);
          const rest = toStore.slice(half);
          await storePiece(placeAgain(toStore.slice(0, half)));
          await storePiece(placeAgain(rest));
          return;
        }
        failed += toStore.length;
        const message = (err as Error).message.split("\n").slice(-1)[0];
        const reason = toStore.length > 1 ? `not stored (batch rolled back): ${message}` : `not stored: ${message}`;
        const inPiece = new Set(toStore.map((p) => p.id));
        for (const c of slice) if (inPiece.has(c.id)) errors.push({ item: itemLabel(c.article, c.index), reason });
      }
    };
    if (batch.length) await storePiece(batch);
    // A batch of which no piece could be stored, however narrowed: the failure is the database's,
    // not an article's; the next batches are tried whole, once, until one is stored again.
    if (batch.length > 1 && storedNow.length === 0 && splitsLeft === 0) narrowing = false;
    else if (storedNow.length > 0) narrowing = true;
    const stored = storedNow.length > 0 || batch.length === 0;
    added += storedNow.length;
    addedIds.push(...storedNow.map((p) => p.id));
    if (stored) {
      // Only an optimisation: a failure here (the database busy) must not fail the ingest.
      await maintainPlannerStatistics(database, storedNow.length).catch(() => undefined);
      lap("analyze");
      // Right after the batch: what it changed in followed items goes to their change logs. The
      // batch stays stored if this fails; detection is idempotent and event follows catch up at
      // the next batch that touches the event.
      await detectFollowChanges(database, { articleIds: storedNow.map((p) => p.id) }).catch((err: unknown) => {
        console.error(`[parallax] follow change detection after an ingest batch (run #${run.id}):`, err);
      });
      lap("follows");
      if (performance.now() - session.pendingRefreshedAt! >= session.pendingRefreshInterval) await refreshPending();
    }
    done += slice.length;
    opts.onProgress?.(done, fresh.length);
  }

  if (!(opts.session && opts.leavePending)) await refreshPending();
  await finishIngestRun(db, run.id, { added, duplicates, failed, errors });
  lap("run_record");
  return { runId: run.id, total, added, duplicates, failed, errors, addedIds };
}
