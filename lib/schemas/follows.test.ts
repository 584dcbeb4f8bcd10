import { describe, expect, test } from "vitest";
import { parseBody } from "../http/respond";
import { canonicalSearch, createFollowSchema, parseSavedSearch } from "./follows";

const post = (body: unknown) => new Request("http://x/api/follows", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });

describe("POST /api/follows body", () => {
  test.each([
    ["not JSON", "{", "body"],
    ["no kind", { target: "ev_1" }, "kind"],
    ["an unknown kind", { kind: "person", target: "x" }, "kind"],
    ["an empty target", { kind: "event", target: " " }, "target"],
    ["a threshold on an outlet follow", { kind: "outlet", target: "bbc.co.uk", divergenceThreshold: 0.2 }, "divergenceThreshold"],
    ["a negative threshold", { kind: "event", target: "ev_1", divergenceThreshold: -1 }, "divergenceThreshold"],
    ["a webhook that is not http(s)", { kind: "event", target: "ev_1", webhookUrl: "file:///etc/passwd" }, "webhookUrl"],
    ["a short secret", { kind: "event", target: "ev_1", webhookUrl: "https://hooks.example/in", webhookSecret: "short" }, "webhookSecret"],
    ["a secret without a webhook", { kind: "event", target: "ev_1", webhookSecret: "0123456789abcdef0123" }, "webhookSecret"],
    ["a saved search with a bad date", { kind: "search", target: "from=2026-13-45" }, "target"],
    ["an unknown field", { kind: "event", target: "ev_1", webhok: "x" }, "webhok"],
  ])("%s: 400 naming %s", async (_name, body, field) => {
    const parsed = await parseBody(post(body), createFollowSchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.response.status).toBe(400);
    expect(await parsed.response.json()).toMatchObject({ error: "bad_request", field });
  });

  test("a saved search of everything has an empty target", async () => {
    expect(await parseBody(post({ kind: "search", target: "" }), createFollowSchema)).toMatchObject({ ok: true, data: { target: "" } });
  });

  test("a valid event follow with a webhook", async () => {
    const parsed = await parseBody(post({ kind: "event", target: "ev_1", divergenceThreshold: 0.25, webhookUrl: "https://hooks.example/in#x" }), createFollowSchema);
    expect(parsed).toMatchObject({ ok: true, data: { kind: "event", target: "ev_1", divergenceThreshold: 0.25, webhookUrl: "https://hooks.example/in" } });
  });
});

test.each([
  ["q=strike&outlet=b.example,a.example&page=2&sort=title", "q=strike&outlet=a.example%2Cb.example"],
  ["?language=fr&outlet=a.example&outlet=a.example", "outlet=a.example&language=fr"],
  ["", ""],
])("saved search %j is kept as %j", (query, canonical) => {
  const parsed = parseSavedSearch(query);
  expect(parsed.ok).toBe(true);
  if (parsed.ok) expect(canonicalSearch(parsed.data)).toBe(canonical);
});
