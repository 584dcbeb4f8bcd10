/**
 * SSRF-safe HTTP fetching for live sources (feeds, URLs, sitemaps). See safe-fetch.ts for the
 * guarantees and address.ts for what counts as a refused address.
 */
export { classifyAddress, ipLiteralFamily, type AddressVerdict } from "./address";
export { FetchError, isFetchError, type FetchErrorCode } from "./errors";
export { DEFAULT_FETCH_POLICY, USER_AGENT, parseAllowHosts, type FetchPolicy, type ResolvedAddress, type Resolver } from "./policy";
export { mimeMatches, parseFetchUrl, resolveTarget, safeFetch, type SafeFetchOptions, type SafeFetchResponse } from "./safe-fetch";
