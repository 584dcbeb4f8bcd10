import packageJson from "../../package.json";

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (Node's `dns.lookup` with `all: true` by default). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** What the fetcher may do. Callers build one from the environment (lib/feeds/config.ts) or in tests. */
export interface FetchPolicy {
  /**
   * Host names (or IP literals) exempt from the address checks, lowercase, exact match: the
   * escape hatch for a fixture server in tests or an intranet feed an operator trusts.
   */
  allowHosts: readonly string[];
  /** Largest body accepted, in bytes (after decompression). */
  maxBytes: number;
  /** Whole request, redirects and body included. */
  timeoutMs: number;
  /** TCP (and TLS) connection set-up, per hop. */
  connectTimeoutMs: number;
  maxRedirects: number;
  /** Requests in flight per host name, process-wide. */
  perHostConcurrency: number;
  userAgent: string;
  /** DNS resolution; tests inject names that resolve to chosen addresses. */
  resolve?: Resolver;
}

const homepage = (packageJson as { homepage?: string }).homepage;

/** `Parallax/<version> (+<homepage>)`: says what is fetching and where to read about it. */
export const USER_AGENT = `Parallax/${packageJson.version} (+${homepage ?? "self-hosted news comparison dashboard; no crawling beyond the feeds and URLs an analyst added"})`;

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  allowHosts: [],
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxRedirects: 5,
  perHostConcurrency: 2,
  userAgent: USER_AGENT,
};

/** Parse a comma-separated host list ("localhost, 127.0.0.1, [::1]") into allowHosts entries. */
export function parseAllowHosts(list: string | undefined | null): string[] {
  if (!list) return [];
  return [...new Set(list.split(",").map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, "")).filter(Boolean))];
}
