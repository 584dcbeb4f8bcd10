/** What POST /api/ingest answers, shared by the route and the upload page. */

export type ItemStatus = "added" | "duplicate" | "failed";

export interface UploadItem {
  status: ItemStatus;
  /** The URL or title of an article, or the place of a bad item ("feed.csv:12"). */
  item: string;
  /** The file (or archive entry, "batch.zip/a.ndjson") it came from; null for failures. */
  file: string | null;
  title: string | null;
  articleId: string | null;
  /** Why it failed, or why it is a duplicate. */
  reason: string | null;
}

/** One uploaded file (or the request body) and what was read from it. */
export interface UploadedFile {
  name: string;
  bytes: number;
  articles: number;
  errors: number;
  /** For a zip archive: the entries read. */
  entries?: number;
}

export interface UploadResult {
  /** The IngestRun that records this upload (the Ingest page lists it). */
  runId: number;
  trigger: "upload" | "api";
  source: string;
  total: number;
  added: number;
  duplicates: number;
  failed: number;
  files: UploadedFile[];
  /** Failures first, then the articles in input order; at most MAX_ITEM_ROWS. */
  items: UploadItem[];
  /** Items left out of `items` (the counts are complete; the run keeps the errors). */
  itemsOmitted: number;
}

/** One line of the `?progress=1` answer (NDJSON). */
export type ProgressLine =
  | { type: "parsed"; files: UploadedFile[]; articles: number; errors: number }
  | { type: "progress"; done: number; total: number }
  | { type: "result"; result: UploadResult }
  | { type: "error"; status: number; error: string; message: string };

/** An error answer of POST /api/ingest (400, 401, 403, 413, 415, 500). */
export interface UploadErrorBody {
  error: string;
  field?: string;
  message: string;
}
