/**
 * Turning a POST /api/ingest request into normalised articles: a size-capped body, then JSON
 * records, NDJSON, CSV, or multipart files (seed text, HTML, NDJSON/JSON, CSV and zip archives
 * of those). Every unreadable item becomes an ItemError; only a request that cannot be read at
 * all is an UploadError (400 / 413 / 415).
 */
import { decodeBytes, parseFile, parseRecords, type RecordFormat } from "../ingest";
import type { ItemError, NormalizedArticle } from "../ingest/types";
import type { UploadedFile } from "../schemas/upload";
import { DEFAULT_ZIP_LIMITS, looksLikeZip, readZip, ZIP_ACCEPTED_EXTENSIONS, type ZipLimits } from "./zip";

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

function tooLarge(size: number | null, max: number): UploadError {
  return new UploadError(
    413,
    "body",
    `${size === null ? "The upload is larger than" : `The upload is ${formatMb(size)}; the limit is`} ${formatMb(max)} (PARALLAX_UPLOAD_MAX_MB). Split it into smaller files, or ask the administrator to raise the limit.`,
  );
}

/** The request body, refusing more than `max` bytes (checked before and while reading). */
export async function readCappedBody(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  if (length !== null && Number.isFinite(length) && length > max) throw tooLarge(length, max);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(null, max);
    }
    chunks.push(value);
  }
  if (length !== null && Number.isFinite(length) && size !== length) {
    throw new UploadError(400, "body", `The upload ended early (${size} of ${length} bytes): send it again.`);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** An article and where it came from, for the per-item result table. */
export interface SourcedArticle {
  article: NormalizedArticle;
  /** The file (or archive entry, "batch.zip/a.ndjson") it was read from. */
  file: string;
}

export interface UploadInput {
  trigger: "upload" | "api";
  /** Names the run: the files, or "API request". */
  source: string;
  files: UploadedFile[];
  articles: SourcedArticle[];
  errors: ItemError[];
}

const RECORD_TYPES: Record<string, RecordFormat> = {
  "application/json": "json",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "application/jsonl": "ndjson",
  "application/x-jsonlines": "ndjson",
  "text/csv": "csv",
};

export const MAX_FILES = 100;

function addParsed(input: UploadInput, file: string, parsed: { articles: NormalizedArticle[]; errors: ItemError[] }): void {
  for (const article of parsed.articles) input.articles.push({ article, file });
  input.errors.push(...parsed.errors);
  if (parsed.articles.length === 0 && parsed.errors.length === 0) {
    input.errors.push({ item: file, reason: "no articles found in this file" });
  }
}

/** Read every file of a multipart upload; zip archives are opened with the zip guards. */
async function readFiles(files: File[], zipLimits: ZipLimits): Promise<UploadInput> {
  const input: UploadInput = {
    trigger: "upload",
    source: `upload: ${files.map((f) => f.name || "unnamed").join(", ")}`,
    files: [],
    articles: [],
    errors: [],
  };
  for (const file of files) {
    const name = file.name || "unnamed";
    const bytes = new Uint8Array(await file.arrayBuffer());
    const before = { articles: input.articles.length, errors: input.errors.length };
    let entries: number | undefined;
    const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
    if (ext && ext !== "zip" && !ZIP_ACCEPTED_EXTENSIONS.includes(ext)) {
      input.errors.push({ item: name, reason: `unsupported file type .${ext}: accepted are ${ZIP_ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(" ")} and .zip` });
    } else if (looksLikeZip(bytes) || ext === "zip") {
      const zip = await readZip(name, bytes, zipLimits);
      input.errors.push(...zip.errors);
      entries = zip.files.length;
      for (const entry of zip.files) addParsed(input, `${name}/${entry.name}`, parseFile(`${name}/${entry.name}`, entry.bytes));
    } else {
      addParsed(input, name, parseFile(name, bytes));
    }
    input.files.push({
      name,
      bytes: bytes.byteLength,
      articles: input.articles.length - before.articles,
      errors: input.errors.length - before.errors,
      ...(entries === undefined ? {} : { entries }),
    });
  }
  return input;
}

/**
 * Read an ingest request. Multipart: every file field (any name; `file` by convention), at
 * most MAX_FILES. Otherwise the body is records by its Content-Type: application/json (an
 * array, `{"articles": [...]}` or one object), application/x-ndjson, or text/csv.
 */
export async function readUpload(request: Request, maxBytes: number, zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<UploadInput> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "multipart/form-data" && !(mediaType in RECORD_TYPES)) {
    throw new UploadError(
      415,
      "content-type",
      `content-type: expected multipart/form-data (files), application/json, application/x-ndjson or text/csv, got "${mediaType || "none"}"`,
    );
  }
  const body = await readCappedBody(request, maxBytes);
  if (body.byteLength === 0) throw new UploadError(400, "body", "body: the upload is empty");

  if (mediaType === "multipart/form-data") {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch (err) {
      throw new UploadError(400, "body", `body: not a readable multipart form (${(err as Error).message})`);
    }
    const files = [...form.values()].filter((v): v is File => typeof v !== "string");
    if (files.length === 0) throw new UploadError(400, "file", "file: no file in the upload; send each file as a form field named \"file\"");
    if (files.length > MAX_FILES) throw new UploadError(400, "file", `file: at most ${MAX_FILES} files per upload (got ${files.length}); zip them`);
    return readFiles(files, zipLimits);
  }

  const format = RECORD_TYPES[mediaType]!;
  const parsed = parseRecords(decodeBytes(body).text, { format });
  const input: UploadInput = { trigger: "api", source: "API request", files: [], articles: [], errors: [] };
  addParsed(input, "body", parsed);
  input.files.push({ name: "body", bytes: body.byteLength, articles: input.articles.length, errors: input.errors.length });
  return input;
}
