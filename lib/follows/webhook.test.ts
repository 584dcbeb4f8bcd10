import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { nextAttemptAt, signBody, verifySignature, webhookBody } from "./webhook";

describe("signatures", () => {
  const secret = "0123456789abcdef0123";
  test("sha256=<hex HMAC of the body>", () => {
    const body = '{"a":1}';
    expect(signBody(secret, body)).toBe(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  });
  test.each([
    ["the right signature", (b: string) => signBody(secret, b), true],
    ["another secret", (b: string) => signBody("another-secret-0000000", b), false],
    ["another body", () => signBody(secret, '{"a":2}'), false],
    ["no header", () => null, false],
    ["a truncated signature", (b: string) => signBody(secret, b).slice(0, 20), false],
  ] as const)("%s", (_name, header, ok) => {
    const body = '{"a":1}';
    expect(verifySignature(secret, body, header(body))).toBe(ok);
  });
});

test("the body depends only on the stored change (retries send the same bytes)", () => {
  const change = { id: 7, kind: "new_outlet", summary: "Beta now covers X", payload: { outlet: "beta" }, eventId: "ev_1", articleId: "a1", createdAt: new Date("2026-11-26T01:02:03Z") };
  const follow = { id: 3, kind: "event", target: "ev_1", label: "X" };
  const body = webhookBody(11, follow, change);
  expect(body).toBe(webhookBody(11, follow, change));
  expect(JSON.parse(body)).toEqual({
    delivery: 11,
    follow,
    change: { id: 7, kind: "new_outlet", summary: "Beta now covers X", eventId: "ev_1", articleId: "a1", createdAt: "2026-11-26T01:02:03.000Z", payload: { outlet: "beta" } },
  });
});

describe("back-off", () => {
  const now = new Date("2026-11-26T00:00:00Z");
  const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 };
  test.each([
    [1, 1_000],
    [2, 2_000],
    [3, 3_000], // 4 s capped at 3 s
    [4, null], // the last attempt
  ])("after attempt %i: wait %s ms", (attempts, wait) => {
    const at = nextAttemptAt(attempts, now, policy);
    expect(at === null ? null : at.getTime() - now.getTime()).toBe(wait);
  });
});
