/**
 * Ingest fetched articles (feeds, URLs): new ones go through the pipeline like any other input;
 * known URLs whose title or text changed become revisions (lib/revisions/apply.ts). One
 * IngestRun records both (`revised` counts the revisions).
 */
import type { Database } from "../db";
import { contentHash, storableArticle } from "../ingest";
import type { ItemError, NormalizedArticle } from "../ingest/types";
import { articleIdFor, ingestArticles, type IngestOptions } from "../pipeline/ingest";
import { loadStoredVersions, reviseArticle, type RevisionResult } from "./apply";

export interface FetchedIngestReport {
  /** Null when there was nothing to record (no article and no error). */
  runId: number | null;
  total: number;
  added: number;
  duplicates: number;
  revised: number;
  failed: number;
  errors: ItemError[];
  addedIds: string[];
  revisions: RevisionResult[];
  /** The id each input article is stored under (same order as the input). */
  ids: string[];
}

export async function ingestWithRevisions(
  database: Database,
  fetched: NormalizedArticle[],
  opts: Pick<IngestOptions, "source" | "trigger" | "parseErrors" | "batchSize">,
): Promise<FetchedIngestReport> {
  // Compared as they would be stored (lib/ingest/storable.ts): a title cut to length or a NUL
  // dropped is not a change. Those that cannot be stored go on as given: the pipeline refuses them by name.
  const articles = fetched.map((a) => {
    const storable = storableArticle(a);
    return storable.ok ? storable.article : a;
  });
  const parseErrors = [...(opts.parseErrors ?? [])];
  const ids = articles.map((a) => articleIdFor(a, contentHash(a.text)));
  if (articles.length === 0 && parseErrors.length === 0) {
    return { runId: null, total: 0, added: 0, duplicates: 0, revised: 0, failed: 0, errors: [], addedIds: [], revisions: [], ids };
  }

  // Known articles whose title or text changed are revised; the rest go to the pipeline (which
  // stores the new ones and counts the unchanged as duplicates).
  const stored = await loadStoredVersions(database.db, [...new Set(ids)]);
  const revisions: RevisionResult[] = [];
  const toPipeline: NormalizedArticle[] = [];
  const revisedIds = new Set<string>();
  for (const [i, article] of articles.entries()) {
    const id = ids[i]!;
    const known = stored.get(id);
    const changed = known !== undefined && (known.title.trim() !== article.title.trim() || known.contentHash !== contentHash(article.text));
    if (!changed || revisedIds.has(id)) {
      toPipeline.push(article);
      continue;
    }
    revisedIds.add(id);
    try {
      const result = await reviseArticle(database, id, article);
      if (result) revisions.push(result);
      else toPipeline.push(article); // changed back, or already revised by another process
    } catch (err) {
      parseErrors.push({ item: article.url ?? article.title, reason: `revision not stored (rolled back): ${(err as Error).message.split("\n").slice(-1)[0]}` });
    }
  }

  const report = await ingestArticles(database, toPipeline, { ...opts, parseErrors });
  const revised = revisions.length;
  if (revised > 0) {
    const status = report.failed === 0 ? "succeeded" : "partial";
    await database.db.ingestRun.update({ where: { id: report.runId }, data: { revised, total: report.total + revised, status } });
  }
  return {
    runId: report.runId,
    total: report.total + revised,
    added: report.added,
    duplicates: report.duplicates,
    revised,
    failed: report.failed,
    errors: report.errors,
    addedIds: report.addedIds,
    revisions,
    ids,
  };
}
