import { expect, test } from "vitest";
import { guard } from "./guard";
import type { AuthConfig } from "./session";

const ADMIN = "admin-token-0123456789abcdef";
const READ = "read-token-0123456789abcdef";
const BOTH: AuthConfig = { sessionTtlMs: 3_600_000, uploadMaxBytes: 10 * 1024 * 1024, adminToken: ADMIN, readToken: READ };

const req = (method: string, pathname: string, search = "") => ({ method, pathname, search, headers: new Headers({ host: "parallax.example" }) });

// Feed readers cannot send headers: the follow feeds take the token in the query string, nothing else does.
test.each([
  ["the feed with the read token", "GET", "/api/follows/3/atom", `?token=${READ}`, true],
  ["the feed with the admin token", "GET", "/api/follows/3/atom", `?token=${ADMIN}`, true],
  ["the feed without a token", "GET", "/api/follows/3/atom", "", false],
  ["the feed with a wrong token", "GET", "/api/follows/3/atom", "?token=nope-nope-nope-nope", false],
  ["another read route with ?token=", "GET", "/api/follows/3/changes", `?token=${READ}`, false],
  ["a page with ?token=", "GET", "/events", `?token=${READ}`, false],
  ["a write with ?token=", "DELETE", "/api/follows/3", `?token=${ADMIN}`, false],
] as const)("%s", (_name, method, pathname, search, allowed) => {
  expect(guard(req(method, pathname, search), BOTH).allow).toBe(allowed);
});
