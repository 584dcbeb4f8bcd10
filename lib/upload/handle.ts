/**
 * POST /api/ingest: read the upload (lib/upload/read.ts), ingest it through the pipeline as one
 * IngestRun, and answer what happened to every item: added, duplicate, or failed with its
 * reason. With `?progress=1` (or `Accept: application/x-ndjson`) the answer streams one JSON
 * line per step (parsed, progress..., result) so the browser can show server-side progress.
 */
import type { Database } from "../db";
import { contentHash } from "../ingest";
import type { ItemError } from "../ingest/types";
import { findExistingArticleIds } from "../mutations/articles";
import { articleIdFor, ingestArticles } from "../pipeline/ingest";
import type { ItemStatus, ProgressLine, UploadItem, UploadResult } from "../schemas/upload";
import { withIngestLock } from "./lock";
import { readUpload, UploadError, type SourcedArticle, type UploadInput } from "./read";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip";

export const MAX_ITEM_ROWS = 5000;

export interface IngestRequestOptions {
  uploadMaxBytes: number;
  zipLimits?: ZipLimits;
  batchSize?: number;
}

function describe(a: SourcedArticle): string {
  return a.article.url ?? (a.article.title ? `"${a.article.title.slice(0, 120)}"` : a.file);
}

/** Ingest what was read and classify every item. */
export async function ingestUpload(
  database: Database,
  input: UploadInput,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<UploadResult> {
  return withIngestLock(async () => {
    // Which articles are already stored (or repeated in the upload), decided as the pipeline does.
    const ids = input.articles.map((a) => articleIdFor(a.article, contentHash(a.article.text)));
    const existing = await findExistingArticleIds(database.db, [...new Set(ids)]);
    const report = await ingestArticles(
      database,
      input.articles.map((a) => a.article),
      { source: input.source, trigger: input.trigger, parseErrors: input.errors, batchSize: opts.batchSize, onProgress: opts.onProgress },
    );
    const added = new Set(report.addedIds);
    const seen = new Set<string>();
    const rows: UploadItem[] = report.errors.map((e: ItemError) => ({
      status: "failed",
      item: e.item,
      file: null,
      title: null,
      articleId: null,
      reason: e.reason,
    }));
    input.articles.forEach((a, i) => {
      const id = ids[i]!;
      const repeat = seen.has(id);
      seen.add(id);
      let status: ItemStatus | null = null;
      if (!repeat && added.has(id)) status = "added";
      else if (repeat || existing.has(id)) status = "duplicate";
      // Otherwise the pipeline failed it, and it is among report.errors already.
      if (status === null) return;
      rows.push({
        status,
        item: describe(a),
        file: a.file,
        title: a.article.title || null,
        articleId: id,
        reason: status === "duplicate" ? (repeat ? "repeated in this upload" : "already in the corpus") : null,
      });
    });
    return {
      runId: report.runId,
      trigger: input.trigger,
      source: input.source,
      total: report.total,
      added: report.added,
      duplicates: report.duplicates,
      failed: report.failed,
      files: input.files,
      items: rows.slice(0, MAX_ITEM_ROWS),
      itemsOmitted: Math.max(0, rows.length - MAX_ITEM_ROWS),
    };
  });
}

function errorBody(err: UploadError) {
  return {
    error: err.status === 413 ? "payload_too_large" : err.status === 415 ? "unsupported_media_type" : "bad_request",
    field: err.field,
    message: err.message,
  };
}

function wantsProgress(request: Request): boolean {
  const url = new URL(request.url);
  const flag = url.searchParams.get("progress");
  return flag === "1" || flag === "true" || (request.headers.get("accept") ?? "").includes("application/x-ndjson");
}

/** The whole route: read, ingest, answer (JSON, or NDJSON progress lines). */
export async function handleIngestRequest(database: Database, request: Request, opts: IngestRequestOptions): Promise<Response> {
  let input: UploadInput;
  try {
    input = await readUpload(request, opts.uploadMaxBytes, opts.zipLimits ?? DEFAULT_ZIP_LIMITS);
  } catch (err) {
    if (err instanceof UploadError) return Response.json(errorBody(err), { status: err.status });
    console.error("[parallax] reading an upload:", err);
    return Response.json({ error: "internal_error", message: "reading the upload failed; see the server log" }, { status: 500 });
  }

  if (!wantsProgress(request)) {
    try {
      return Response.json(await ingestUpload(database, input, { batchSize: opts.batchSize }));
    } catch (err) {
      console.error("[parallax] ingesting an upload:", err);
      return Response.json({ error: "internal_error", message: "ingesting the upload failed; see the server log" }, { status: 500 });
    }
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ProgressLine) => {
        try {
          controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
        } catch {
          // The client went away; the ingest still finishes and is recorded as a run.
        }
      };
      send({ type: "parsed", files: input.files, articles: input.articles.length, errors: input.errors.length });
      let last = -1;
      try {
        const result = await ingestUpload(database, input, {
          batchSize: opts.batchSize,
          onProgress: (done, total) => {
            if (done === last) return;
            last = done;
            send({ type: "progress", done, total });
          },
        });
        send({ type: "result", result });
      } catch (err) {
        console.error("[parallax] ingesting an upload:", err);
        send({ type: "error", status: 500, error: "internal_error", message: "ingesting the upload failed; see the server log" });
      }
      try {
        controller.close();
      } catch {
        // already closed by a cancelled client
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
