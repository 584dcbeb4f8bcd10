/**
 * The one way Parallax fetches a URL an analyst or a feed gave it: SSRF-safe by construction.
 *
 * Per hop (the first request and every redirect):
 * 1. only http and https, no credentials in the URL;
 * 2. the host is resolved here, and every address it resolves to must be public unicast
 *    (lib/fetch/address.ts) unless the host is on `policy.allowHosts`;
 * 3. the connection is pinned to those checked addresses: the socket's `lookup` returns them
 *    instead of resolving again, so a DNS answer that changes between the check and the connect
 *    (DNS rebinding) cannot redirect it. An IP literal is connected to as checked;
 * 4. a per-host concurrency slot is held while the hop runs.
 * Redirects are followed by hand (at most `maxRedirects`), each target checked like the first.
 * Bodies are read up to `maxBytes` (after decompression; a Content-Length above it is refused
 * before reading), the whole exchange is bounded by `timeoutMs`, and the Content-Type must be
 * one of `accept` when given.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { Agent, request } from "undici";
import { classifyAddress, ipLiteralFamily } from "./address";
import { FetchError } from "./errors";
import { acquireHostSlot } from "./host-limiter";
import { DEFAULT_FETCH_POLICY, type FetchPolicy, type ResolvedAddress, type Resolver } from "./policy";

export interface SafeFetchOptions {
  policy?: Partial<FetchPolicy>;
  /**
   * Acceptable media types ("text/html", "application/xml", "text/*", "*\/*+xml"); an answer
   * with another Content-Type is refused. A missing Content-Type is accepted (the caller sniffs).
   */
  accept?: readonly string[];
  /** Extra request headers (If-None-Match, If-Modified-Since ...). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * GET by default. POST sends `body` (webhooks); a POST is never redirected (a redirect is
   * refused), so the body only ever goes to the address that was checked.
   */
  method?: "GET" | "POST";
  body?: string | Buffer;
}

export interface SafeFetchResponse {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Media type, lowercase, without parameters; null when the server sent none. */
  mimeType: string | null;
  charset: string | null;
  /** Empty for 304. */
  body: Buffer;
  /** Every URL redirected to, in order. */
  redirects: string[];
  /** The address the last hop connected to. */
  address: string;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

const defaultResolver: Resolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function fail(code: ConstructorParameters<typeof FetchError>[0], message: string, url: string, status?: number): never {
  throw new FetchError(code, message, url, status);
}

/** Parse and vet a URL: http(s), no credentials. */
export function parseFetchUrl(raw: string, base?: string): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    return fail("invalid_url", `not a valid URL: ${raw.slice(0, 200)}`, raw);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    return fail("unsupported_scheme", `refused: only http and https URLs are fetched, not ${u.protocol.replace(/:$/, "")}`, u.href);
  }
  if (u.username || u.password) return fail("credentials_in_url", "refused: URLs with a user name or password are not fetched", u.href);
  return u;
}

function bareHost(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/**
 * The addresses a hop may connect to, or a FetchError naming the refused one. Allowlisted hosts
 * skip the address checks; everything else must resolve to public addresses only (one private
 * answer among public ones refuses the host: such a name is misconfigured or hostile).
 */
export async function resolveTarget(u: URL, policy: Pick<FetchPolicy, "allowHosts" | "resolve">, signal?: AbortSignal): Promise<ResolvedAddress[]> {
  const host = bareHost(u);
  const allowed = policy.allowHosts.includes(host);
  const literal = ipLiteralFamily(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await abortable((policy.resolve ?? defaultResolver)(host), signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      return fail("dns_failed", `could not resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, u.href);
    }
    if (addresses.length === 0) return fail("dns_failed", `could not resolve ${host}: no addresses`, u.href);
  }
  if (!allowed) {
    for (const a of addresses) {
      const verdict = classifyAddress(a.address);
      if (!verdict.allowed) {
        const via = literal ? "" : ` (${host} resolves to it)`;
        return fail("refused_address", `refused: ${a.address} is ${verdict.reason}${via}`, u.href);
      }
    }
  }
  return addresses;
}

function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that answers with the addresses already checked for `hostname`
 * and refuses any other name, so the connection goes exactly where the check said it may.
 */
function pinnedLookup(hostname: string, addresses: ResolvedAddress[]) {
  return (name: string, options: LookupOptions, callback: LookupCallback) => {
    const opts = typeof options === "number" ? { family: options as number } : (options ?? {});
    if (name.toLowerCase() !== hostname) {
      const err: NodeJS.ErrnoException = new Error(`refused: unexpected lookup of ${name}`);
      err.code = "ENOTFOUND";
      return callback(err, opts.all ? [] : "", 0);
    }
    const family = opts.family === 4 || opts.family === "IPv4" ? 4 : opts.family === 6 || opts.family === "IPv6" ? 6 : 0;
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    if (usable.length === 0) {
      const err: NodeJS.ErrnoException = new Error(`no IPv${family} address for ${name}`);
      err.code = "ENOTFOUND";
      return callback(err, opts.all ? [] : "", 0);
    }
    if (opts.all) return callback(null, usable.map((a) => ({ address: a.address, family: a.family })));
    return callback(null, usable[0]!.address, usable[0]!.family);
  };
}

/** Does `mime` match one of the patterns ("text/html", "text/*", "*\/*+xml", "*\/*")? */
export function mimeMatches(mime: string, patterns: readonly string[]): boolean {
  const [type = "", subtype = ""] = mime.split("/");
  return patterns.some((p) => {
    const [pt = "", ps = ""] = p.toLowerCase().split("/");
    if (pt !== "*" && pt !== type) return false;
    if (ps === "*") return true;
    if (ps.startsWith("*+")) return subtype.endsWith(ps.slice(1));
    return ps === subtype;
  });
}

function parseContentType(value: string | undefined): { mimeType: string | null; charset: string | null } {
  if (!value) return { mimeType: null, charset: null };
  const [type, ...params] = value.split(";");
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean) ?? null;
  return { mimeType: type?.trim().toLowerCase() || null, charset };
}

function headerValue(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = encoding?.trim().toLowerCase();
  if (!e || e === "identity") return null;
  if (e === "gzip" || e === "x-gzip") return zlib.createGunzip();
  if (e === "deflate") return zlib.createInflate();
  if (e === "br") return zlib.createBrotliDecompress();
  return null;
}

async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  let source: Readable = body;
  if (decoder) {
    body.on("error", (e) => decoder.destroy(e));
    source = body.pipe(decoder);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) {
        fail("too_large", `refused: the answer is larger than ${formatBytes(maxBytes)}`, url);
      }
      chunks.push(buf);
    }
  } finally {
    if (size > maxBytes) {
      decoder?.destroy();
      discard(body);
    }
  }
  return Buffer.concat(chunks);
}

/** Drop a body we will not read; undici reports the destroy as an error event, which is expected here. */
function discard(body: Readable): void {
  body.on("error", () => undefined);
  body.destroy();
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.round(n / 1024)} KB`;
}

function seconds(ms: number): string {
  return ms % 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms / 1000} s`;
}

/** Map undici / socket errors to FetchErrors a person can act on. */
function mapNetworkError(err: unknown, url: string, policy: FetchPolicy, timedOut: boolean, aborted: boolean): FetchError {
  if (err instanceof FetchError) return err;
  if (timedOut) return new FetchError("timeout", `no complete answer within ${seconds(policy.timeoutMs)}`, url);
  if (aborted) return new FetchError("aborted", "the fetch was cancelled", url);
  const e = err as NodeJS.ErrnoException & { cause?: unknown };
  const code = e.code ?? (e.cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return new FetchError("timeout", `could not connect within ${seconds(policy.connectTimeoutMs)}`, url);
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return new FetchError("timeout", `the server stopped answering (no data for ${seconds(policy.timeoutMs)})`, url);
    case "ECONNREFUSED":
      return new FetchError("connect_failed", "connection refused", url);
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return new FetchError("connect_failed", "the connection was closed before the answer was complete", url);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new FetchError("dns_failed", `could not resolve the host (${code})`, url);
    default:
      return new FetchError("connect_failed", `network error: ${e.message ?? String(err)}${code ? ` (${code})` : ""}`, url);
  }
}

/**
 * Fetch `url` with GET (or POST, see `method`) under the SSRF policy (see the file comment). Resolves with the final
 * answer (2xx, or 304 when conditional headers were sent); rejects with a FetchError otherwise.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const policy: FetchPolicy = { ...DEFAULT_FETCH_POLICY, ...options.policy };
  const allowHosts = policy.allowHosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, ""));
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const redirects: string[] = [];
  let current = parseFetchUrl(url);

  for (let hop = 0; ; hop++) {
    const href = current.href;
    let agent: Agent | null = null;
    let release: (() => void) | null = null;
    try {
      const addresses = await resolveTarget(current, { allowHosts, resolve: policy.resolve }, signal);
      release = await acquireHostSlot(bareHost(current), policy.perHostConcurrency, signal);
      agent = new Agent({
        connect: { timeout: policy.connectTimeoutMs, lookup: pinnedLookup(bareHost(current), addresses) },
        headersTimeout: policy.timeoutMs,
        bodyTimeout: policy.timeoutMs,
        // One agent per hop: no pooled connection outlives the check of its address.
        connections: 1,
      });
      const res = await request(href, {
        method: options.method ?? "GET",
        ...(options.method === "POST" ? { body: options.body ?? "" } : {}),
        dispatcher: agent,
        signal,
        headers: {
          "user-agent": policy.userAgent,
          accept: options.accept?.length ? [...options.accept, "*/*;q=0.1"].join(", ") : "*/*",
          "accept-encoding": "gzip, deflate, br",
          ...options.headers,
        },
      });
      const status = res.statusCode;
      const headers = res.headers as Record<string, string | string[] | undefined>;

      if (REDIRECT.has(status)) {
        discard(res.body);
        const location = headerValue(headers, "location");
        if (!location) fail("bad_redirect", `HTTP ${status} redirect without a Location header`, href);
        if ((options.method ?? "GET") !== "GET") fail("bad_redirect", `refused: HTTP ${status} redirect of a ${options.method} request`, href, status);
        if (redirects.length >= policy.maxRedirects) {
          fail("too_many_redirects", `refused: more than ${policy.maxRedirects} redirects`, href);
        }
        const next = parseFetchUrl(location, href);
        redirects.push(next.href);
        current = next;
        continue;
      }
      const address = addresses[0]!.address;
      if (status === 304) {
        discard(res.body);
        return { url: href, status, headers: flatHeaders(headers), mimeType: null, charset: null, body: Buffer.alloc(0), redirects, address };
      }
      if (status < 200 || status >= 300) {
        discard(res.body);
        fail("http_error", `HTTP ${status} from ${href}`, href, status);
      }
      const { mimeType, charset } = parseContentType(headerValue(headers, "content-type"));
      if (options.accept?.length && mimeType && !mimeMatches(mimeType, options.accept)) {
        discard(res.body);
        fail("unexpected_content_type", `expected ${options.accept.join(" or ")}, got ${mimeType}`, href);
      }
      const declared = Number(headerValue(headers, "content-length"));
      if (Number.isFinite(declared) && declared > policy.maxBytes) {
        discard(res.body);
        fail("too_large", `refused: the answer is ${formatBytes(declared)}, more than ${formatBytes(policy.maxBytes)}`, href);
      }
      const body = await readCapped(res.body, headerValue(headers, "content-encoding"), policy.maxBytes, href);
      return { url: href, status, headers: flatHeaders(headers), mimeType, charset, body, redirects, address };
    } catch (err) {
      throw mapNetworkError(err, href, policy, timeout.aborted, options.signal?.aborted ?? false);
    } finally {
      release?.();
      if (agent) void agent.destroy().catch(() => undefined);
    }
  }
}
