import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST } from "../../app/api/ingest/route";
import type { Database } from "../db";
import { listIngestRuns } from "../queries";
import type { ProgressLine, UploadResult } from "../schemas/upload";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { handleIngestRequest } from "./handle";
import { buildZip } from "./test-zip";

const MAX = 256 * 1024;
const URL_INGEST = "http://127.0.0.1:3000/api/ingest";

const floods = (town: string) => `Seven people died and at least 12 were injured when flash floods swept through the river town of ${town} on Sunday night, regional officials said.

Rescue teams searched collapsed houses along the river bank through the night, and two residents remain missing, the civil protection agency said.`;

const fire = `A fire destroyed a grain warehouse in the port of Casmira on Tuesday, killing three workers, the fire brigade said.

"The roof collapsed within minutes," a brigade spokesman said.`;

function record(slug: string, text: string, extra: Record<string, unknown> = {}) {
  return { url: `https://upload-${slug}.example/news/${slug}`, title: `Report ${slug}`, text, publishedAt: "2016-09-18T08:00:00Z", outlet: `Upload ${slug}`, ...extra };
}

function multipart(files: { name: string; data: string | Uint8Array }[], query = ""): Request {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([typeof f.data === "string" ? f.data : new Uint8Array(f.data)]), f.name);
  return new Request(URL_INGEST + query, { method: "POST", body: form });
}

function json(body: unknown, type = "application/json"): Request {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(URL_INGEST, { method: "POST", headers: { "content-type": type, "content-length": String(Buffer.byteLength(text)) }, body: text });
}

async function ingest(database: Database, request: Request): Promise<{ status: number; body: UploadResult & { message?: string; field?: string } }> {
  const res = await handleIngestRequest(database, request, { uploadMaxBytes: MAX });
  return { status: res.status, body: (await res.json()) as UploadResult & { message?: string; field?: string } };
}

describe.each(PROVIDERS)("POST /api/ingest on %s", (provider) => {
  let t: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    database = t.database;
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("JSON records: the good ones are stored, the bad one is reported with its reason, and the run is recorded", async () => {
    const { status, body } = await ingest(
      database,
      json({ articles: [record("a", floods("Aldmoor")), { url: "https://upload-b.example/x", title: "No body" }, record("c", fire)] }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ trigger: "api", total: 3, added: 2, duplicates: 0, failed: 1 });
    expect(body.items.map((i) => i.status)).toEqual(["failed", "added", "added"]);
    expect(body.items[0]).toMatchObject({ item: "records[1]", reason: expect.stringMatching(/text.*missing: a record needs text or html/) });
    expect(body.items[1]).toMatchObject({ item: "https://upload-a.example/news/a", title: "Report a", articleId: expect.stringMatching(/^a_/) });
    expect(await database.db.article.count({ where: { ingestRunId: body.runId } })).toBe(2);

    const run = (await listIngestRuns(10, database)).find((r) => r.id === body.runId)!;
    expect(run).toMatchObject({ trigger: "api", status: "partial", total: 3, added: 2, failed: 1, source: "API request" });
    expect(run.errors).toEqual([{ item: "records[1]", reason: expect.stringMatching(/missing/) }]);
  });

  test("multipart: an NDJSON file and a zip (with a path-traversal entry) are one upload run; duplicates are recognised", async () => {
    const ndjson = [record("d", floods("Brenmoor")), record("a", floods("Aldmoor"))].map((r) => JSON.stringify(r)).join("\n") + "\n{not json}\n";
    const zip = buildZip([
      { name: "more/e.ndjson", data: JSON.stringify(record("e", fire.replace("Casmira", "Portlow"))) + "\n" },
      { name: "../../etc/evil.txt", data: "Title\n\nBody" },
      { name: "page.html", data: `<html><head><title>Storm in Kelby</title></head><body><article><h1>Storm in Kelby</h1><p>${floods("Kelby")}</p></article></body></html>` },
    ]);
    const pdf = "%PDF-1.4\n%binary\n";
    const { status, body } = await ingest(
      database,
      multipart([
        { name: "batch.ndjson", data: ndjson },
        { name: "archive.zip", data: zip },
        { name: "scan.pdf", data: pdf },
      ]),
    );
    expect(status).toBe(200);
    expect(body.trigger).toBe("upload");
    expect(body.source).toBe("upload: batch.ndjson, archive.zip, scan.pdf");
    expect(body.files).toEqual([
      { name: "batch.ndjson", bytes: Buffer.byteLength(ndjson), articles: 2, errors: 1 },
      { name: "archive.zip", bytes: zip.length, articles: 2, errors: 1, entries: 2 },
      { name: "scan.pdf", bytes: pdf.length, articles: 0, errors: 1 },
    ]);
    expect(body).toMatchObject({ added: 3, duplicates: 1, failed: 3 });
    const failed = body.items.filter((i) => i.status === "failed");
    expect(failed).toEqual([
      expect.objectContaining({ item: "batch.ndjson:3", reason: expect.stringMatching(/invalid JSON/) }),
      expect.objectContaining({ item: "archive.zip/../../etc/evil.txt", reason: expect.stringMatching(/unsafe path/) }),
      expect.objectContaining({ item: "scan.pdf", reason: expect.stringMatching(/unsupported file type \.pdf/) }),
    ]);
    expect(body.items.find((i) => i.item === "https://upload-a.example/news/a")).toMatchObject({ status: "duplicate", reason: "already in the corpus" });
    expect(body.items.find((i) => i.file === "archive.zip/more/e.ndjson")).toMatchObject({ status: "added" });
    expect(body.items.find((i) => i.file === "archive.zip/page.html")).toMatchObject({ status: "added", title: "Storm in Kelby" });
    const run = await database.db.ingestRun.findUniqueOrThrow({ where: { id: body.runId } });
    expect(run).toMatchObject({ trigger: "upload", status: "partial", added: 3, duplicates: 1, failed: 3 });
  });

  test("progress mode streams parsed, progress and result lines", async () => {
    const res = await handleIngestRequest(database, multipart([{ name: "p.ndjson", data: JSON.stringify(record("p", floods("Pellham"))) + "\n" }], "?progress=1"), {
      uploadMaxBytes: MAX,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as ProgressLine);
    expect(lines[0]).toMatchObject({ type: "parsed", articles: 1, errors: 0 });
    expect(lines.filter((l) => l.type === "progress").at(-1)).toEqual({ type: "progress", done: 1, total: 1 });
    expect(lines.at(-1)).toMatchObject({ type: "result", result: { added: 1, failed: 0 } });
  });

  test("the route handler itself answers, on the app's database", async () => {
    const global = globalThis as unknown as { parallaxDb?: Database };
    const before = global.parallaxDb;
    global.parallaxDb = database;
    try {
      const res = await POST(json([record("r", fire.replace("Casmira", "Routhby"))]));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ added: 1, trigger: "api" });
    } finally {
      global.parallaxDb = before;
    }
  });

  test("an upload over the limit is refused with 413 and a message saying what to do, and stores nothing", async () => {
    const runs = await database.db.ingestRun.count();
    const big = "x".repeat(MAX + 1);
    const declared = await ingest(database, json(big, "application/x-ndjson"));
    expect(declared.status).toBe(413);
    expect(declared.body.message).toMatch(/The upload is 0\.3 MB; the limit is 0\.3 MB \(PARALLAX_UPLOAD_MAX_MB\)\. Split it/);
    // Without Content-Length (chunked), the limit is enforced while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("y".repeat(MAX / 4)));
        c.close();
      },
    });
    const streamed = new Request(URL_INGEST, { method: "POST", headers: { "content-type": "text/csv" }, body: chunks, duplex: "half" } as RequestInit);
    const res = await handleIngestRequest(database, streamed, { uploadMaxBytes: MAX });
    expect(res.status).toBe(413);
    expect(await database.db.ingestRun.count()).toBe(runs);
  });

  test.each([
    ["an unknown content type", () => new Request(URL_INGEST, { method: "POST", headers: { "content-type": "image/png" }, body: "x" }), 415, "content-type"],
    ["an empty body", () => json(""), 400, "body"],
    ["a form without a file", () => new Request(URL_INGEST, { method: "POST", body: new URLSearchParams({ a: "b" }) }), 415, "content-type"],
    [
      "multipart without files",
      () => {
        const form = new FormData();
        form.append("note", "hello");
        return new Request(URL_INGEST, { method: "POST", body: form });
      },
      400,
      "file",
    ],
  ])("%s is a clear error naming the field", async (_label, make, status, field) => {
    const { status: got, body } = await ingest(database, make());
    expect(got).toBe(status);
    expect(body.field).toBe(field);
    expect(body.message).toMatch(new RegExp(`^${field}|^body`));
  });
});
