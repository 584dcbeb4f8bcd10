import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of the text after Unicode NFC, lowercasing and collapsing all whitespace to
 * single spaces: two copies of an article that differ only in line wrapping, paragraph breaks
 * or capitalisation hash the same, which is what republication detection needs.
 */
export function contentHash(text: string): string {
  const normalised = text.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}

/**
 * Query parameters that identify a campaign or a click, never the article. Exact names; plus
 * every `utm_*` parameter. `ref` alone is left in: some CMSs use it for real content ids.
 */
const TRACKING_PARAMS = new Set([
  "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
  "mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "ref_url", "smid", "cmpid", "ocid", "xtor",
  "at_medium", "at_campaign", "ito", "mbid", "s_cid", "sr_share", "guccounter",
]);

/**
 * Normalises an article URL so the same page reached through different links compares equal:
 * lowercase scheme and host, no "www.", no default port, no fragment, no tracking parameters
 * (utm_*, fbclid, gclid ...), remaining parameters sorted, no trailing slash.
 * The scheme is kept (http and https may be different sites in old archives).
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function normalizeUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const host = u.hostname.replace(/^www\./, "");
  const port = u.port ? `:${u.port}` : "";
  const params = [...u.searchParams.entries()]
    .filter(([key]) => !key.toLowerCase().startsWith("utm_") && !TRACKING_PARAMS.has(key.toLowerCase()))
    // Stable sort by key only, so repeated keys keep their relative order (a=2&a=1 stays).
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const path = u.pathname.replace(/\/+$/, "");
  return `${u.protocol}//${host}${port}${path}${search}`;
}

/** The host of an http(s) URL without "www.", lowercase; null when `url` is not one. */
export function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** "Mondialisation.ca", "www.nytimes.com": a name that is itself a host name. */
const DOMAIN_LIKE = /^(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/** The domain a publisher name spells ("Mondialisation.ca" → "mondialisation.ca"), else null. */
export function domainFromName(name: string): string | null {
  const trimmed = name.trim();
  return DOMAIN_LIKE.test(trimmed) ? trimmed.toLowerCase().replace(/^www\./, "") : null;
}

/**
 * A stable key for an outlet: its domain when known (lowercase, no "www."), otherwise a slug of
 * its name ("Le Monde diplomatique" → "le-monde-diplomatique"). Returns "" only when both are empty.
 */
export function outletKey(outlet: { name: string; domain?: string | null }): string {
  const domain = outlet.domain?.trim().toLowerCase().replace(/^www\./, "");
  if (domain) return domain;
  return outlet.name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
