import { createHash } from "node:crypto";
import { EventGrouper } from "../cluster";
import type { ClusterDoc } from "../cluster/types";
import type { Database } from "../db";
import { extractArticle } from "../extract";
import { contentHash, detectLanguage, normalizeUrl, outletKey } from "../ingest";
import type { ItemError, NormalizedArticle } from "../ingest/types";
import { findExistingArticleIds, insertArticleBatch, type PreparedArticle } from "../mutations/articles";
import { finishIngestRun, startIngestRun } from "../mutations/ingest-runs";
import { loadGrouper } from "./grouper";

export interface IngestOptions {
  /** What was ingested: file names, a URL, "demo corpus". */
  source: string;
  trigger?: "cli" | "upload" | "api" | "demo";
  /** Articles per transaction. */
  batchSize?: number;
  /** Errors found while parsing the input; recorded on the run with the others. */
  parseErrors?: ItemError[];
  onProgress?: (done: number, total: number) => void;
  /**
   * A grouper that already holds the corpus (a long-running ingester reuses one across calls).
   * Without it, the grouper is rebuilt from the database for this batch's dates.
   */
  grouper?: EventGrouper;
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

export function toClusterDoc(id: string, a: NormalizedArticle, outlet: string): ClusterDoc {
  return { id, title: a.title, text: a.text, date: a.publishedAt, outlet, url: a.url };
}

function itemLabel(a: NormalizedArticle, index: number): string {
  return a.url ?? a.externalId ?? (a.title ? `"${a.title.slice(0, 80)}"` : `item ${index + 1}`);
}

/**
 * The ingestion pipeline: normalised articles -> dedupe -> extract -> group -> persist, in
 * batches of one transaction each. A failing article is reported and skipped; a failing batch
 * is rolled back whole and reported, and the next batches go on. The run and its per-item
 * errors are recorded as an IngestRun.
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
  const run = await startIngestRun(db, { source: opts.source, trigger: opts.trigger ?? "cli", total });

  // 1. Identity and de-duplication, within the input and against the database.
  const seen = new Set<string>();
  const candidates: { id: string; hash: string; article: NormalizedArticle; index: number }[] = [];
  let duplicates = 0;
  articles.forEach((article, index) => {
    const hash = contentHash(article.text);
    const id = articleIdFor(article, hash);
    if (seen.has(id)) duplicates++;
    else {
      seen.add(id);
      candidates.push({ id, hash, article, index });
    }
  });
  const existing = await findExistingArticleIds(db, candidates.map((c) => c.id));
  duplicates += existing.size;
  const fresh = candidates.filter((c) => !existing.has(c.id));

  // 2. Online grouping sees articles in publication order, like a live system would.
  fresh.sort((a, b) => (a.article.publishedAt ?? "9999").localeCompare(b.article.publishedAt ?? "9999") || a.index - b.index);
  let grouper: EventGrouper = opts.grouper ?? (await loadGrouper(db, fresh.map((c) => c.article.publishedAt)));
  // Learn term rarity from the incoming articles first, so a first batch into an empty
  // database is not grouped with an uninformed vocabulary.
  // An evenly spaced sample of 500 is representative and bounds the cost (as groupDocuments does).
  const step = Math.max(1, Math.ceil(fresh.length / 500));
  grouper.observe(fresh.filter((_, i) => i % step === 0).map((c) => toClusterDoc(c.id, c.article, c.article.outlet?.domain ?? "")));

  let added = 0;
  let failed = errors.length;
  const addedIds: string[] = [];
  let done = 0;
  opts.onProgress?.(0, fresh.length);
  for (let i = 0; i < fresh.length; i += batchSize) {
    const slice = fresh.slice(i, i + batchSize);
    const batch: PreparedArticle[] = [];
    for (const c of slice) {
      try {
        const a = c.article;
        const language = a.language ?? detectLanguage(a.text);
        const article: NormalizedArticle = { ...a, language };
        const domain = a.outlet?.domain ?? hostOf(a.url);
        const name = a.outlet?.name ?? domain ?? "Unknown outlet";
        const key = outletKey({ name, domain });
        const extraction = extractArticle({ text: a.text, title: a.title, language, publishedAt: a.publishedAt });
        const assignment = grouper.assign(toClusterDoc(c.id, article, key));
        batch.push({ id: c.id, article, contentHash: c.hash, outletKey: key, outletName: name, outletDomain: domain, extraction, assignment });
      } catch (err) {
        failed++;
        errors.push({ item: itemLabel(c.article, c.index), reason: `could not process: ${(err as Error).message}` });
      }
    }
    try {
      await insertArticleBatch(database, batch, run.id);
      added += batch.length;
      addedIds.push(...batch.map((p) => p.id));
    } catch (err) {
      // Nothing of the batch was written; the grouper's memory of it is now wrong, so rebuild it.
      failed += batch.length;
      const reason = `not stored (batch rolled back): ${(err as Error).message.split("\n").slice(-1)[0]}`;
      for (const c of slice) if (batch.some((p) => p.id === c.id)) errors.push({ item: itemLabel(c.article, c.index), reason });
      grouper = await loadGrouper(db, fresh.map((c) => c.article.publishedAt));
    }
    done += slice.length;
    opts.onProgress?.(done, fresh.length);
  }

  await finishIngestRun(db, run.id, { added, duplicates, failed, errors });
  return { runId: run.id, total, added, duplicates, failed, errors, addedIds };
}
