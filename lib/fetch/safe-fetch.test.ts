import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixtureResolver, startFixtureServer, type FixtureServer } from "../testing/fixture-server";
import { FetchError } from "./errors";
import { hostSlotsInUse } from "./host-limiter";
import type { FetchPolicy } from "./policy";
import { mimeMatches, parseFetchUrl, resolveTarget, safeFetch } from "./safe-fetch";

// Tests reach the fixture server as "fixture.test" (allowlisted, resolved to 127.0.0.1 without
// DNS). "private.test" and "meta.test" resolve to refused addresses: the fetcher must refuse
// them before connecting, so nothing here ever leaves the loopback interface.
const resolve = fixtureResolver({ "fixture.test": "127.0.0.1", "private.test": "10.0.0.5", "meta.test": "169.254.169.254", "loop.test": "127.0.0.1" });
const policy: Partial<FetchPolicy> = { allowHosts: ["fixture.test"], resolve, timeoutMs: 5_000 };

let server: FixtureServer;
const at = (path: string) => server.url(path, "fixture.test");

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error("expected the fetch to fail");
}

beforeAll(async () => {
  server = await startFixtureServer();
  server.route("/page", { headers: { "content-type": "text/html; charset=utf-8" }, body: "<html><body><p>Hello</p></body></html>" });
  server.route("/r1", { status: 302, headers: { location: "/r2" } });
  server.route("/r2", { status: 301, headers: { location: at("/page") } });
  server.route("/loop", { status: 302, headers: { location: "/loop" } });
  server.route("/to-loopback", (_req, res) => void res.writeHead(302, { location: server.url("/page", "127.0.0.1") }).end());
  server.route("/to-private-literal", { status: 302, headers: { location: "http://10.0.0.5/admin" } });
  server.route("/to-private-name", { status: 307, headers: { location: "http://private.test/feed.xml" } });
  server.route("/to-metadata", { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
  server.route("/to-file", { status: 302, headers: { location: "file:///etc/passwd" } });
  server.route("/no-location", { status: 302 });
  server.route("/image", { headers: { "content-type": "image/png" }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  server.route("/missing", { status: 404, body: "gone" });
  server.route("/slow", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html>");
    // Never finishes: the fetcher's total timeout must end it (the server closes it at teardown).
  });
  server.route("/huge-streamed", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = "x".repeat(16 * 1024);
    for (let i = 0; i < 8; i++) res.write(chunk); // 128 KB, no Content-Length
    res.end();
  });
  server.route("/huge-declared", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
    res.write("<html>");
  });
  server.route("/gzip", { headers: { "content-type": "text/html", "content-encoding": "gzip" }, body: gzipSync("<p>compressed</p>") });
  server.route("/gzip-bomb", { headers: { "content-type": "text/html", "content-encoding": "gzip" }, body: gzipSync(Buffer.alloc(4 * 1024 * 1024)) });
  server.route("/etag", (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end("<rss/>");
  });
  let inFlight = 0;
  let maxInFlight = 0;
  server.route("/busy", async (_req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 60));
    inFlight--;
    res.writeHead(200, { "content-type": "text/plain", "x-max-in-flight": String(maxInFlight) }).end("ok");
  });
});

afterAll(async () => {
  await server.close();
});

describe("resolveTarget (no connection is made)", () => {
  test.each([
    ["http://127.0.0.1/", "refused: 127.0.0.1 is a loopback address"],
    ["http://10.0.0.5/feed", "refused: 10.0.0.5 is a private address"],
    ["http://[::1]:8080/", "refused: ::1 is a loopback address"],
    ["http://[fd00::1]/", "refused: fd00::1 is a unique-local address (fc00::/7)"],
    ["http://[::ffff:a00:5]/", "refused: ::ffff:a00:5 is an IPv4-mapped IPv6 address of a private address"],
    ["http://0x7f.1/", "refused: 127.0.0.1 is a loopback address"],
    ["http://2130706433/", "refused: 127.0.0.1 is a loopback address"],
    ["http://0.0.0.0:3000/", "refused: 0.0.0.0 is an unspecified address (0.0.0.0/8 or ::)"],
    ["http://100.64.1.2/", "refused: 100.64.1.2 is a carrier-grade NAT address (100.64.0.0/10)"],
    ["http://private.test/", "refused: 10.0.0.5 is a private address (private.test resolves to it)"],
    ["http://meta.test/", "refused: 169.254.169.254 is a link-local address: the cloud metadata service (meta.test resolves to it)"],
  ])("%s", async (url, message) => {
    const err = await failure(resolveTarget(parseFetchUrl(url), { allowHosts: ["fixture.test"], resolve }));
    expect(err.code).toBe("refused_address");
    expect(err.message).toBe(message);
  });

  test("a host that resolves to public and private addresses is refused", async () => {
    const mixed = async () => [{ address: "93.184.216.34", family: 4 as const }, { address: "192.168.0.10", family: 4 as const }];
    const err = await failure(resolveTarget(parseFetchUrl("http://mixed.test/"), { allowHosts: [], resolve: mixed }));
    expect(err.message).toBe("refused: 192.168.0.10 is a private address (mixed.test resolves to it)");
  });

  test("allowlisted hosts skip the checks; public addresses pass", async () => {
    expect(await resolveTarget(parseFetchUrl("http://fixture.test/"), { allowHosts: ["fixture.test"], resolve })).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(await resolveTarget(parseFetchUrl("http://127.0.0.1/"), { allowHosts: ["127.0.0.1"], resolve })).toEqual([{ address: "127.0.0.1", family: 4 }]);
    const pub = async () => [{ address: "93.184.216.34", family: 4 as const }];
    expect(await resolveTarget(parseFetchUrl("https://example.org/"), { allowHosts: [], resolve: pub })).toHaveLength(1);
  });

  test("unknown hosts fail with dns_failed", async () => {
    const err = await failure(resolveTarget(parseFetchUrl("http://nowhere.test/"), { allowHosts: [], resolve }));
    expect(err.code).toBe("dns_failed");
    expect(err.message).toContain("nowhere.test");
  });
});

describe("parseFetchUrl", () => {
  test.each([
    ["file:///etc/passwd", "unsupported_scheme"],
    ["ftp://example.org/feed", "unsupported_scheme"],
    ["gopher://example.org/", "unsupported_scheme"],
    ["javascript:alert(1)", "unsupported_scheme"],
    ["not a url", "invalid_url"],
    ["http://user:secret@example.org/", "credentials_in_url"],
  ])("%s → %s", (url, code) => {
    expect(() => parseFetchUrl(url)).toThrowError(expect.objectContaining({ code }));
  });
});

describe("mimeMatches", () => {
  test.each([
    ["text/html", ["text/html"], true],
    ["application/rss+xml", ["*/*+xml"], true],
    ["application/xml", ["*/*+xml", "application/xml"], true],
    ["text/xml", ["text/*"], true],
    ["image/png", ["text/html", "*/*+xml"], false],
    ["text/plain", ["*/*"], true],
  ] as const)("%s in %j → %s", (mime, patterns, expected) => {
    expect(mimeMatches(mime, patterns)).toBe(expected);
  });
});

describe("safeFetch against the fixture server", () => {
  test("fetches an allowlisted host through the pinned address, with the User-Agent", async () => {
    const res = await safeFetch(at("/page"), { policy, accept: ["text/html"] });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain("Hello");
    expect(res.mimeType).toBe("text/html");
    expect(res.charset).toBe("utf-8");
    expect(res.address).toBe("127.0.0.1");
    const req = server.hits("/page").at(-1)!;
    expect(req.headers["user-agent"]).toMatch(/^Parallax\/\d+\.\d+\.\d+ \(\+/);
    // "fixture.test" does not exist in DNS: the request arrived only because the socket used the checked address.
    expect(req.headers.host).toBe(`fixture.test:${server.port}`);
  });

  test("refuses the fixture server's own address when it is not allowlisted, before connecting", async () => {
    const before = server.requests.length;
    const err = await failure(safeFetch(server.url("/page", "127.0.0.1"), { policy }));
    expect(err.code).toBe("refused_address");
    expect(err.message).toBe("refused: 127.0.0.1 is a loopback address");
    const byName = await failure(safeFetch(server.url("/page", "loop.test"), { policy }));
    expect(byName.message).toBe("refused: 127.0.0.1 is a loopback address (loop.test resolves to it)");
    expect(server.requests.length).toBe(before);
  });

  test("follows redirects, checking each hop", async () => {
    const res = await safeFetch(at("/r1"), { policy });
    expect(res.url).toBe(at("/page"));
    expect(res.redirects).toEqual([at("/r2"), at("/page")]);
  });

  test.each([
    ["/to-loopback", "refused_address", "refused: 127.0.0.1 is a loopback address"],
    ["/to-private-literal", "refused_address", "refused: 10.0.0.5 is a private address"],
    ["/to-private-name", "refused_address", "refused: 10.0.0.5 is a private address (private.test resolves to it)"],
    ["/to-metadata", "refused_address", "refused: 169.254.169.254 is a link-local address: the cloud metadata service"],
    ["/to-file", "unsupported_scheme", "refused: only http and https URLs are fetched, not file"],
    ["/no-location", "bad_redirect", "HTTP 302 redirect without a Location header"],
  ])("a redirect %s is refused", async (path, code, message) => {
    const before = server.hits("/page").length;
    const err = await failure(safeFetch(at(path), { policy }));
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
    expect(server.hits("/page").length).toBe(before);
  });

  test("stops redirect loops", async () => {
    const err = await failure(safeFetch(at("/loop"), { policy: { ...policy, maxRedirects: 3 } }));
    expect(err.code).toBe("too_many_redirects");
    expect(err.message).toBe("refused: more than 3 redirects");
  });

  test("times out a response that never completes", async () => {
    const err = await failure(safeFetch(at("/slow"), { policy: { ...policy, timeoutMs: 400 } }));
    expect(err.code).toBe("timeout");
    expect(err.message).toBe("no complete answer within 0.4 s");
  });

  test("caps the body size, streamed or declared", async () => {
    const capped = { ...policy, maxBytes: 64 * 1024 };
    const streamed = await failure(safeFetch(at("/huge-streamed"), { policy: capped }));
    expect(streamed.code).toBe("too_large");
    expect(streamed.message).toBe("refused: the answer is larger than 64 KB");
    const declared = await failure(safeFetch(at("/huge-declared"), { policy: capped }));
    expect(declared.code).toBe("too_large");
    expect(declared.message).toBe("refused: the answer is 50 MB, more than 64 KB");
    const bomb = await failure(safeFetch(at("/gzip-bomb"), { policy: { ...policy, maxBytes: 1024 * 1024 } }));
    expect(bomb.code).toBe("too_large");
  });

  test("decompresses gzip", async () => {
    const res = await safeFetch(at("/gzip"), { policy });
    expect(res.body.toString()).toBe("<p>compressed</p>");
  });

  test("checks the content type", async () => {
    const err = await failure(safeFetch(at("/image"), { policy, accept: ["text/html", "*/*+xml"] }));
    expect(err.code).toBe("unexpected_content_type");
    expect(err.message).toBe("expected text/html or */*+xml, got image/png");
  });

  test("reports HTTP errors with their status", async () => {
    const err = await failure(safeFetch(at("/missing"), { policy }));
    expect(err.code).toBe("http_error");
    expect(err.status).toBe(404);
    expect(err.message).toBe(`HTTP 404 from ${at("/missing")}`);
  });

  test("conditional GET: 304 when the validator matches", async () => {
    const first = await safeFetch(at("/etag"), { policy });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    const second = await safeFetch(at("/etag"), { policy, headers: { "if-none-match": '"v1"' } });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  test("limits requests in flight per host", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => safeFetch(at("/busy"), { policy: { ...policy, perHostConcurrency: 2 } })),
    );
    const maxSeen = Math.max(...results.map((r) => Number(r.headers["x-max-in-flight"])));
    expect(maxSeen).toBe(2);
    expect(hostSlotsInUse("fixture.test")).toBe(0);
  });

  test("an aborted fetch says so", async () => {
    const controller = new AbortController();
    const pending = safeFetch(at("/slow"), { policy, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await failure(pending);
    expect(err.code).toBe("aborted");
  });
});
