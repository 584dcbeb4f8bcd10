/**
 * Every route handler under app/api against bad input, table-driven: each row calls the route's
 * exported handler with a Request and expects a 400 whose JSON names the offending field.
 * Validation runs before any database access, so no database is needed (a row that reached the
 * database would fail with a 500 instead of the expected 400).
 */
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import * as articleMove from "./articles/[articleId]/move/route";
import * as article from "./articles/[articleId]/route";
import * as articlesMove from "./articles/move/route";
import * as articles from "./articles/route";
import * as signin from "./auth/signin/route";
import * as coverage from "./coverage/route";
import * as evidence from "./events/[eventId]/evidence/route";
import * as history from "./events/[eventId]/history/route";
import * as lock from "./events/[eventId]/lock/route";
import * as event from "./events/[eventId]/route";
import * as split from "./events/[eventId]/split/route";
import * as statementGroups from "./events/[eventId]/statement-groups/route";
import * as merge from "./events/merge/route";
import * as events from "./events/route";
import * as exportRoute from "./export/[table]/route";
import * as feedRefresh from "./feeds/[feedId]/refresh/route";
import * as feed from "./feeds/[feedId]/route";
import * as feeds from "./feeds/route";
import * as fetchRoute from "./fetch/route";
import * as followAtom from "./follows/[followId]/atom/route";
import * as followChanges from "./follows/[followId]/changes/route";
import * as followRead from "./follows/[followId]/read/route";
import * as follow from "./follows/[followId]/route";
import * as follows from "./follows/route";
import * as ingest from "./ingest/route";
import * as outlet from "./outlets/[outletId]/route";
import * as outlets from "./outlets/route";

// A row that gets past validation would reach the database: make that an unmistakable 500.
vi.mock("@/lib/db", () => ({
  // Handed around freely; any use of it throws.
  getDatabase: () =>
    new Proxy(
      {},
      {
        get(_target, key) {
          throw new Error(`validation let the request through to the database (database.${String(key)})`);
        },
      },
    ),
}));
vi.mock("@/lib/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env")>();
  return { ...real, getEnv: () => ({ ...real.getEnv(), PARALLAX_ADMIN_TOKEN: "a".repeat(32) }) };
});

type Handler = (request: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Row {
  route: string;
  handler: unknown;
  method?: string;
  query?: string;
  params?: Record<string, string>;
  body?: unknown;
  /** A raw body (not JSON-encoded) and its content type. */
  raw?: { body: string; type: string };
  headers?: Record<string, string>;
  field: string;
  /** Expected status when not 400 (413, 415). */
  status?: number;
}

const LONG = "x".repeat(101);
const J = (body: unknown) => body;

const rows: Row[] = [
  // Lists: unknown values, bad dates, page caps.
  { route: "GET /api/events", handler: events.GET, query: "sort=bogus", field: "sort" },
  { route: "GET /api/events", handler: events.GET, query: "dir=sideways", field: "dir" },
  { route: "GET /api/events", handler: events.GET, query: "language=xx-invalid", field: "language.0" },
  { route: "GET /api/events", handler: events.GET, query: "from=notadate", field: "from" },
  { route: "GET /api/events", handler: events.GET, query: "to=2016-02-30", field: "to" },
  { route: "GET /api/events", handler: events.GET, query: "from=2016-09-20&to=2016-09-01", field: "from" },
  { route: "GET /api/events", handler: events.GET, query: "pageSize=201", field: "pageSize" },
  { route: "GET /api/events", handler: events.GET, query: "pageSize=1", field: "pageSize" },
  { route: "GET /api/events", handler: events.GET, query: "page=0", field: "page" },
  { route: "GET /api/events", handler: events.GET, query: "page=1.5", field: "page" },
  { route: "GET /api/events", handler: events.GET, query: "page=100001", field: "page" },
  { route: "GET /api/events", handler: events.GET, query: `q=${"q".repeat(201)}`, field: "q" },
  { route: "GET /api/events", handler: events.GET, query: Array.from({ length: 201 }, (_, i) => `outlet=o${i}`).join("&"), field: "outlet" },
  { route: "GET /api/articles", handler: articles.GET, query: "sort=killed", field: "sort" },
  { route: "GET /api/articles", handler: articles.GET, query: "pageSize=1000", field: "pageSize" },
  { route: "GET /api/articles", handler: articles.GET, query: "language=english", field: "language.0" },
  { route: "GET /api/articles", handler: articles.GET, query: `event=${LONG}`, field: "event" },
  // A NUL character in a filter: PostgreSQL failed on it with a 500.
  { route: "GET /api/articles", handler: articles.GET, query: "outlet=a%00", field: "outlet" },
  { route: "GET /api/events", handler: events.GET, query: "q=a%00b", field: "q" },
  { route: "GET /api/coverage", handler: coverage.GET, query: "event=%00", field: "event" },
  { route: "GET /api/coverage", handler: coverage.GET, query: "top=0", field: "top" },
  { route: "GET /api/coverage", handler: coverage.GET, query: "top=51", field: "top" },
  { route: "GET /api/coverage", handler: coverage.GET, query: "from=yesterday", field: "from" },
  // Exports: table, format, sort, filters.
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "users" }, field: "table" },
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "events" }, query: "format=pdf", field: "format" },
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "events" }, query: "sort=bogus", field: "sort" },
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "events" }, query: "sort=publishedAt", field: "sort" },
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "articles" }, query: "sort=divergence", field: "sort" },
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "claims" }, query: "language=xx-invalid", field: "language.0" },
  { route: "GET /api/export/:table", handler: exportRoute.GET, params: { table: "statements" }, query: "to=notadate", field: "to" },
  // One event / article.
  { route: "GET /api/events/:id", handler: event.GET, params: { eventId: LONG }, field: "eventId" },
  { route: "GET /api/events/:id", handler: event.GET, params: { eventId: "ev_1" }, query: "from=2016-13-01", field: "from" },
  { route: "PATCH /api/events/:id", handler: event.PATCH, method: "PATCH", params: { eventId: "ev_1" }, body: J({ title: 42 }), field: "title" },
  { route: "PATCH /api/events/:id", handler: event.PATCH, method: "PATCH", params: { eventId: "ev_1" }, body: J({ title: "ok", colour: "red" }), field: "colour" },
  { route: "PATCH /api/events/:id", handler: event.PATCH, method: "PATCH", params: { eventId: " " }, body: J({ title: "ok" }), field: "eventId" },
  { route: "GET /api/events/:id/evidence", handler: evidence.GET, params: { eventId: "ev_1" }, query: "", field: "claim" },
  { route: "GET /api/events/:id/evidence", handler: evidence.GET, params: { eventId: LONG }, query: "claim=1", field: "eventId" },
  { route: "GET /api/events/:id/history", handler: history.GET, params: { eventId: LONG }, field: "eventId" },
  { route: "GET /api/events/:id/statement-groups", handler: statementGroups.GET, params: { eventId: "ev_1" }, query: "format=doc", field: "format" },
  { route: "GET /api/events/:id/statement-groups", handler: statementGroups.GET, params: { eventId: LONG }, field: "eventId" },
  { route: "POST /api/events/:id/lock", handler: lock.POST, method: "POST", params: { eventId: "ev_1" }, body: J({ locked: "yes" }), field: "locked" },
  { route: "POST /api/events/:id/lock", handler: lock.POST, method: "POST", params: { eventId: "ev_1" }, raw: { body: "{not json", type: "application/json" }, field: "body" },
  { route: "POST /api/events/:id/split", handler: split.POST, method: "POST", params: { eventId: "ev_1" }, body: J({ articleIds: [] }), field: "articleIds" },
  { route: "POST /api/events/:id/split", handler: split.POST, method: "POST", params: { eventId: "ev_1" }, body: J({ articleIds: ["a", "a"] }), field: "articleIds" },
  { route: "POST /api/events/:id/split", handler: split.POST, method: "POST", params: { eventId: "ev_1" }, body: J({ articleIds: Array.from({ length: 1001 }, (_, i) => `a${i}`) }), field: "articleIds" },
  { route: "POST /api/events/merge", handler: merge.POST, method: "POST", body: J({ target: "ev_1" }), field: "sources" },
  { route: "POST /api/events/merge", handler: merge.POST, method: "POST", body: J({ target: "ev_1", sources: ["ev_2"] }), headers: { "x-parallax-actor": "a".repeat(200) }, field: "X-Parallax-Actor" },
  { route: "GET /api/articles/:id", handler: article.GET, params: { articleId: LONG }, field: "articleId" },
  { route: "POST /api/articles/:id/move", handler: articleMove.POST, method: "POST", params: { articleId: "a_1" }, body: J({ eventId: "" }), field: "eventId" },
  { route: "POST /api/articles/:id/move", handler: articleMove.POST, method: "POST", params: { articleId: LONG }, body: J({ eventId: "ev_1" }), field: "articleId" },
  { route: "POST /api/articles/move", handler: articlesMove.POST, method: "POST", body: J({ articleIds: "a_1", eventId: "ev_1" }), field: "articleIds" },
  // Outlets.
  { route: "GET /api/outlets", handler: outlets.GET, query: "q=reu&limit=0", field: "limit" },
  { route: "GET /api/outlets", handler: outlets.GET, query: "limit=101", field: "limit" },
  { route: "GET /api/outlets", handler: outlets.GET, query: "limit=ten", field: "limit" },
  { route: "GET /api/outlets", handler: outlets.GET, query: `q=${"x".repeat(201)}`, field: "q" },
  { route: "GET /api/outlets", handler: outlets.GET, query: "q=a&q=b", field: "q" },
  { route: "GET /api/outlets/:id", handler: outlet.GET, params: { outletId: "x".repeat(301) }, field: "id" },
  { route: "PATCH /api/outlets/:id", handler: outlet.PATCH, method: "PATCH", params: { outletId: "bbc" }, body: J({ kind: "tabloid-ish" }), field: "kind" },
  { route: "PATCH /api/outlets/:id", handler: outlet.PATCH, method: "PATCH", params: { outletId: "bbc" }, body: J({ nickname: "x" }), field: "nickname" },
  // Feeds and fetch.
  { route: "POST /api/feeds", handler: feeds.POST, method: "POST", body: J({ url: "ftp://example.org/feed" }), field: "url" },
  { route: "POST /api/feeds", handler: feeds.POST, method: "POST", body: J({ url: "http://127.0.0.1/feed" }), field: "url" },
  { route: "POST /api/feeds", handler: feeds.POST, method: "POST", body: J({ url: "https://example.org/feed", intervalMinutes: 1 }), field: "intervalMinutes" },
  { route: "GET /api/feeds/:id", handler: feed.GET, params: { feedId: "abc" }, field: "feedId" },
  { route: "PATCH /api/feeds/:id", handler: feed.PATCH, method: "PATCH", params: { feedId: "1" }, body: J({ intervalMinutes: 99999 }), field: "intervalMinutes" },
  { route: "DELETE /api/feeds/:id", handler: feed.DELETE, method: "DELETE", params: { feedId: "-1" }, field: "feedId" },
  { route: "POST /api/feeds/:id/refresh", handler: feedRefresh.POST, method: "POST", params: { feedId: "1e3" }, field: "feedId" },
  // Ids are 32-bit on both databases: PostgreSQL failed on a larger one (a 500) where SQLite found nothing.
  { route: "GET /api/feeds/:id", handler: feed.GET, params: { feedId: "2147483648" }, field: "feedId" },
  { route: "GET /api/follows/:id/changes", handler: followChanges.GET, params: { followId: "1" }, query: "before=2147483648", field: "before" },
  { route: "POST /api/fetch", handler: fetchRoute.POST, method: "POST", body: J({ urls: [] }), field: "urls" },
  { route: "POST /api/fetch", handler: fetchRoute.POST, method: "POST", body: J({ urls: ["javascript:alert(1)"] }), field: "urls.0" },
  { route: "POST /api/fetch", handler: fetchRoute.POST, method: "POST", body: J({ urls: ["https://example.org/"], sitemapLimit: 0 }), field: "sitemapLimit" },
  // Follows.
  { route: "POST /api/follows", handler: follows.POST, method: "POST", body: J({ kind: "planet", target: "x" }), field: "kind" },
  // A NUL character in any text field: PostgreSQL stores none ("invalid byte sequence"), a 500 before.
  { route: "POST /api/follows", handler: follows.POST, method: "POST", body: J({ kind: "event", target: "ev_\u0000" }), field: "target" },
  { route: "POST /api/events/merge", handler: merge.POST, method: "POST", body: J({ target: "ev_1", sources: ["ev_2", "ev_\u0000"] }), field: "sources.1" },
  { route: "POST /api/follows", handler: follows.POST, method: "POST", body: J({ kind: "event", target: "ev_1", divergenceThreshold: 1000 }), field: "divergenceThreshold" },
  { route: "POST /api/follows", handler: follows.POST, method: "POST", body: J({ kind: "event", target: "ev_1", webhookUrl: "file:///etc/passwd" }), field: "webhookUrl" },
  { route: "GET /api/follows/:id", handler: follow.GET, params: { followId: "abc" }, field: "id" },
  { route: "DELETE /api/follows/:id", handler: follow.DELETE, method: "DELETE", params: { followId: "0" }, field: "id" },
  { route: "GET /api/follows/:id/changes", handler: followChanges.GET, params: { followId: "x" }, field: "id" },
  { route: "GET /api/follows/:id/atom", handler: followAtom.GET, params: { followId: "1.5" }, field: "id" },
  { route: "POST /api/follows/:id/read", handler: followRead.POST, method: "POST", params: { followId: "-3" }, body: J({}), field: "id" },
  // Ingest: unsupported body types and bad records are refused before anything is stored.
  { route: "POST /api/ingest", handler: ingest.POST, method: "POST", raw: { body: "hello", type: "application/pdf" }, field: "content-type", status: 415 },
  // Sign-in (auth enabled or not, a malformed body names the field when auth is on; 404 when off).
];

function requestFor(row: Row): NextRequest {
  const url = `http://127.0.0.1:3000/api/x${row.query ? `?${row.query}` : ""}`;
  const headers = new Headers(row.headers);
  let body: string | undefined;
  if (row.raw) {
    body = row.raw.body;
    headers.set("content-type", row.raw.type);
  } else if (row.body !== undefined) {
    body = JSON.stringify(row.body);
    headers.set("content-type", "application/json");
  }
  return new NextRequest(url, { method: row.method ?? "GET", headers, body });
}

describe("every route refuses bad input with 400 naming the field", () => {
  it.each(rows.map((r) => [`${r.route} ${r.query ?? ""}${r.body !== undefined ? JSON.stringify(r.body).slice(0, 60) : ""}${r.raw ? r.raw.body : ""}${r.params ? JSON.stringify(r.params).slice(0, 40) : ""}`, r] as const))(
    "%s",
    async (_label, row) => {
      const res = await (row.handler as Handler)(requestFor(row), { params: Promise.resolve(row.params ?? {}) });
      const json = (await res.json()) as { error?: string; field?: string; message?: string };
      expect({ status: res.status, field: json.field }).toEqual({ status: row.status ?? 400, field: row.field });
      expect(json.message).toMatch(new RegExp(row.field.split(".")[0]!.replace(/[-]/g, "."), "i"));
    },
  );

  it("POST /api/auth/signin names the field of a malformed sign-in", async () => {
    const post = (body: string) =>
      signin.POST(new NextRequest("http://127.0.0.1:3000/api/auth/signin", { method: "POST", headers: { "content-type": "application/json" }, body }));
    for (const [body, field] of [[JSON.stringify({ token: 42 }), "token"], [JSON.stringify({ token: "t".repeat(32), name: "x".repeat(500) }), "name"], ["[1,2]", "body"]] as const) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { field?: string }).field, body).toBe(field);
    }
  });
});
