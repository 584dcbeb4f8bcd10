import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { conflictError, notFoundError } from "../mutations/errors";
import { mergeEventsSchema, renameEventSchema, splitEventSchema } from "../schemas/actions";
import { actorOf, parseBody, runAction, serverError } from "./respond";

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

async function answer(r: { ok: false; response: Response } | { ok: true }) {
  if (r.ok) throw new Error("expected a rejection");
  return { status: r.response.status, body: (await r.response.json()) as Record<string, unknown> };
}

describe("request bodies of manual actions: a 400 names the field", () => {
  test.each([
    ["not JSON", "{oops", mergeEventsSchema, "body"],
    ["missing target", JSON.stringify({ sources: ["ev_a"] }), mergeEventsSchema, "target"],
    ["empty sources", JSON.stringify({ target: "ev_a", sources: [] }), mergeEventsSchema, "sources"],
    ["a source that is not a string", JSON.stringify({ target: "ev_a", sources: ["ev_b", 3] }), mergeEventsSchema, "sources.1"],
    ["a repeated source", JSON.stringify({ target: "ev_a", sources: ["ev_b", "ev_b"] }), mergeEventsSchema, "sources"],
    ["an unknown field (a typo)", JSON.stringify({ target: "ev_a", source: ["ev_b"] }), mergeEventsSchema, "source"],
    ["a blank title", JSON.stringify({ articleIds: ["a_1"], title: "   " }), splitEventSchema, "title"],
    ["a title that is too long", JSON.stringify({ title: "x".repeat(301) }), renameEventSchema, "title"],
  ] as const)("%s", async (_name, body, schema, field) => {
    const { status, body: json } = await answer(await parseBody(post(body), schema));
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: "bad_request", field });
    expect(String(json.message)).toMatch(new RegExp(`^${field.replace(".", "\\.")}: `));
  });

  test("a valid body is parsed and normalised", async () => {
    const r = await parseBody(post(JSON.stringify({ articleIds: ["a_1"], title: " Port Casmir\n fire " })), splitEventSchema);
    expect(r).toEqual({ ok: true, data: { articleIds: ["a_1"], title: "Port Casmir fire" } });
    expect(await parseBody(post(JSON.stringify({ title: null })), renameEventSchema)).toEqual({ ok: true, data: { title: null } });
  });
});

describe("the actor", () => {
  test("comes from X-Parallax-Actor, else is anonymous", () => {
    expect(actorOf(post("{}", { "X-Parallax-Actor": "  alice@newsroom.example " }))).toEqual({ ok: true, actor: "alice@newsroom.example" });
    expect(actorOf(post("{}"))).toEqual({ ok: true, actor: "anonymous" });
  });

  test("a header that is too long is a 400 naming it", async () => {
    const { status, body } = await answer(actorOf(post("{}", { "X-Parallax-Actor": "x".repeat(101) })));
    expect(status).toBe(400);
    expect(body).toMatchObject({ field: "X-Parallax-Actor" });
  });
});

describe("action errors become HTTP answers", () => {
  // Unexpected errors are logged for the operator; keep the test output to the assertions.
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test.each([
    [notFoundError("sources", "event ev_x not found"), 404, { error: "not_found", field: "sources" }],
    [conflictError("eventId", "already in event ev_a"), 409, { error: "conflict", field: "eventId" }],
  ])("%s", async (err, status, body) => {
    const res = await runAction("testing", () => Promise.reject(err));
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ ...body, message: err.message });
  });

  test("success is the result as JSON with the given status; anything else is a 500 without internals", async () => {
    const ok = await runAction("testing", async () => ({ done: true }), 201);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ done: true });
    const res = await runAction("testing", () => Promise.reject(new Error("bad value at /secret/path")));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
  });

  test.each([
    ["SQLite's lock held past its timeout", new Error("SQLITE_BUSY: database is locked at /secret/path")],
    ["a PostgreSQL deadlock", Object.assign(new Error("deadlock detected"), { code: "40P01" })],
    ["a serialization failure, in the cause", new Error("Transaction failed", { cause: { code: "40001", message: "could not serialize access" } })],
  ])("a database still busy (%s) is a 503 asking to try again, without internals", async (_name, err) => {
    const res = await runAction("Merging events", () => Promise.reject(err));
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
    const body = await res.json();
    expect(body).toMatchObject({ error: "busy" });
    expect(body.message).toMatch(/^Merging events could not finish: .*try again/);
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  test("any route's unexpected error goes through serverError: busy is a 503 there too (an outlet edit, say)", async () => {
    const res = serverError(Object.assign(new Error("deadlock detected"), { code: "40P01" }), "Editing an outlet");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: "busy" });
    expect(serverError(new Error("boom"), "Editing an outlet").status).toBe(500);
  });

  test("a key taken is not called busy (it is a 500 unless the action reports it as a conflict)", async () => {
    const res = await runAction("testing", () => Promise.reject(new Error("Unique constraint failed on the fields: (`url`)")));
    expect(res.status).toBe(500);
  });
});
