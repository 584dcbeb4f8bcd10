/**
 * Change detection for follows, run after each stored ingest batch and each article revision:
 * for every follow the touched articles concern, compare the followed item before and after and
 * record what changed (lib/follows/detect.ts says what counts as a change). Deterministic: the
 * same data gives the same changes with the same keys, and a key already in a follow's log is
 * never recorded again, so re-running it (or ingesting the same batch twice) records nothing new.
 */
import type { Database } from "../db";
import { withStoreRetry, type StoreRetryOptions } from "../db/store-retry";
import { diffEvent, newArticleChange, readSnapshot, revisionChanges, type ChangeDraft, type EventSnapshot } from "../follows/detect";
import { recordFollowChanges } from "../mutations/follows";
import { loadEventStates, loadTouchedArticles, matchSavedSearch, type TouchedArticle } from "../queries/follows";
import { describeSearch, parseSavedSearch } from "../schemas/follows";
import type { RevisionResult } from "../revisions/apply";

export interface DetectInput {
  /** Articles a batch stored (new ones). */
  articleIds?: string[];
  /** Revisions just stored. */
  revisions?: RevisionResult[];
  /** Events an analyst's merge, split or move changed: their follows are checked too. */
  eventIds?: string[];
  /** Check every event follow, touched or not (after a refresh of deferred events, a re-grouping, or `parallax follows check`). */
  allEvents?: boolean;
  now?: Date;
}

export interface DetectReport {
  /** Follows looked at. */
  follows: number;
  /** Changes recorded (new ones only). */
  recorded: number;
}

/**
 * Detect and record the changes `input` makes to followed items. Cheap when nothing is followed (one query).
 * Run again from the start (follows, snapshots and states re-read) when the transaction fails
 * because the database was busy or a change's key was recorded meanwhile: two processes detecting
 * the same change (an ingest and an analyst's action, two ingests) both try to record it, and on
 * PostgreSQL the second's insert waits for the first and then fails on the follow's unique key;
 * the retry finds the key in the log and records nothing twice. Without it an outlet's or a search's
 * follow lost that batch's changes for good (no later check looks at those articles again).
 * `retry` bounds the tries where someone waits for the answer (`giveUpAfterMs`).
 */
export async function detectFollowChanges(database: Database, input: DetectInput, retry: StoreRetryOptions = {}): Promise<DetectReport> {
  return withStoreRetry(() => detectOnce(database, input), retry);
}

async function detectOnce(database: Database, input: DetectInput): Promise<DetectReport> {
  const follows = await database.db.follow.findMany({
    orderBy: { id: "asc" },
    select: { id: true, kind: true, target: true, divergenceThreshold: true, webhookUrl: true, snapshot: true },
  });
  if (!follows.length) return { follows: 0, recorded: 0 };
  const revisions = input.revisions ?? [];
  const touched = await loadTouchedArticles(database, [...(input.articleIds ?? []), ...revisions.map((r) => r.articleId)]);
  const byId = new Map(touched.map((a) => [a.id, a]));
  const added = new Set(input.articleIds ?? []);
  const newArticles = touched.filter((a) => added.has(a.id));

  const revisionDrafts = (filter: (a: TouchedArticle) => boolean): ChangeDraft[] =>
    revisions.flatMap((r) => {
      const a = byId.get(r.articleId);
      if (!a || !filter(a)) return [];
      return revisionChanges({
        articleId: r.articleId,
        revision: r.revision,
        articleTitle: a.title,
        outletKey: a.outletKey,
        outletName: a.outletName,
        eventId: a.eventId,
        figures: r.changes.figures,
        quotes: r.changes.quotes ?? null,
      });
    });

  const touchedEvents = new Set([...touched.map((a) => a.eventId).filter((e): e is string => e !== null), ...(input.eventIds ?? [])]);
  const eventFollows = follows.filter((f) => f.kind === "event" && (input.allEvents || touchedEvents.has(f.target)));
  const states = await loadEventStates(database, eventFollows.map((f) => f.target));

  const work: { follow: (typeof follows)[number]; drafts: ChangeDraft[]; snapshot: EventSnapshot | null }[] = [];
  for (const f of follows) {
    if (f.kind === "event") {
      if (!eventFollows.includes(f)) continue;
      const before = readSnapshot(f.snapshot);
      const { changes, snapshot } = diffEvent(before, states.get(f.target) ?? null, f.divergenceThreshold);
      work.push({ follow: f, drafts: [...revisionDrafts((a) => a.eventId === f.target), ...changes], snapshot });
    } else if (f.kind === "outlet") {
      const mine = (a: TouchedArticle) => a.outletKey === f.target;
      const drafts = [...newArticles.filter(mine).map((a) => newArticleChange(a, "")), ...revisionDrafts(mine)];
      if (drafts.length) work.push({ follow: f, drafts, snapshot: null });
    } else if (f.kind === "search") {
      const search = parseSavedSearch(f.target);
      if (!search.ok || !touched.length) continue;
      const matched = await matchSavedSearch(database, search.data, touched.map((a) => a.id));
      const mine = (a: TouchedArticle) => matched.has(a.id);
      const context = `matches ${describeSearch(search.data)}`;
      const drafts = [...newArticles.filter(mine).map((a) => newArticleChange(a, context)), ...revisionDrafts(mine)];
      if (drafts.length) work.push({ follow: f, drafts, snapshot: null });
    }
  }

  let recorded = 0;
  const now = input.now ?? new Date();
  if (work.length) {
    await database.db.$transaction(
      async (tx) => {
        for (const w of work) recorded += await recordFollowChanges(tx, w.follow, w.drafts, w.snapshot, now);
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
  return { follows: follows.length, recorded };
}
