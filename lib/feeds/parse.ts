/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds, and sitemap.xml, parsed from text into plain values.
 * Pure: no I/O. XML is parsed by fast-xml-parser (validated first, so a malformed document is
 * one clear error with its line and column, never half a feed); entity expansion is bounded.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseDate } from "../ingest/dates";
import type { ItemError } from "../ingest/types";

export interface FeedEntry {
  /** Position in the feed document (0-based), for error messages. */
  index: number;
  /** guid (RSS) or id (Atom), else null. */
  guid: string | null;
  /** Absolute http(s) link to the article page, else null. */
  link: string | null;
  title: string;
  /** ISO date (see lib/ingest/dates parseDate), else null. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** The short description (RSS description, Atom summary), HTML or text. */
  summary: string | null;
  /** Full content when the feed carries it (content:encoded, Atom content), HTML. */
  content: string | null;
  categories: string[];
}

export interface ParsedFeed {
  format: "rss" | "atom" | "rdf";
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  language: string | null;
  entries: FeedEntry[];
  /** Entries that could not be used (no link and no content), one error each, in `rejected` order. */
  errors: ItemError[];
  rejected: FeedEntry[];
}

export interface ParsedSitemap {
  /** `urlset`: page URLs; `sitemapindex`: child sitemap URLs. */
  kind: "urlset" | "sitemapindex";
  urls: { loc: string; lastmod: string | null; title: string | null }[];
}

export type DocumentKind = "rss" | "atom" | "rdf" | "urlset" | "sitemapindex" | "html" | "unknown";

export class FeedParseError extends Error {
  override readonly name = "FeedParseError";
}

const ARRAYS = new Set(["item", "entry", "link", "category", "url", "sitemap", "author"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  // Bounded: a "billion laughs" document fails instead of eating the memory.
  processEntities: { enabled: true, maxTotalExpansions: 10_000, maxExpandedLength: 2_000_000, maxEntityCount: 200 },
  isArray: (name) => ARRAYS.has(name.replace(/^[^:]+:/, "")),
});

/**
 * The kind of document from its root element (after the XML declaration, comments and doctype),
 * so a URL can be treated as a feed, a sitemap or a page whatever its Content-Type says.
 */
export function sniffDocument(text: string): DocumentKind {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "")
    .trimStart();
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(head)?.[1]?.toLowerCase();
  if (!root) return "unknown";
  if (root === "rss") return "rss";
  if (root === "feed") return "atom";
  if (root === "rdf:rdf" || root.endsWith(":rdf")) return "rdf";
  if (root === "urlset") return "urlset";
  if (root === "sitemapindex") return "sitemapindex";
  if (root === "html") return "html";
  return "unknown";
}

function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new FeedParseError(`malformed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new FeedParseError(`malformed XML: ${(err as Error).message}`);
  }
}

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** Text of an element: a string, `#text` of an element with attributes, or the text of its children. */
function textOf(v: unknown): string | null {
  const x = first(v);
  if (x === undefined || x === null) return null;
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") {
    const s = String(x).trim();
    return s ? s : null;
  }
  if (isNode(x)) {
    if ("#text" in x) return textOf(x["#text"]);
    // XHTML content: gather the text of the child elements, a paragraph per block.
    const parts: string[] = [];
    for (const [k, child] of Object.entries(x)) {
      if (k.startsWith("@_")) continue;
      for (const c of Array.isArray(child) ? child : [child]) {
        const t = textOf(c);
        if (t) parts.push(t);
      }
    }
    return parts.length ? parts.join("\n\n") : null;
  }
  return null;
}

function attr(v: unknown, name: string): string | null {
  const x = first(v);
  if (!isNode(x)) return null;
  const a = x[`@_${name}`];
  return typeof a === "string" && a.trim() ? a.trim() : null;
}

function absoluteHttp(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base ?? undefined);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function date(v: unknown): string | null {
  const s = textOf(v);
  return s ? parseDate(s) : null;
}

function list<T = unknown>(v: unknown): T[] {
  if (v === undefined || v === null || v === "") return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

/** A person (Atom author, dc:creator, RSS author "mail@x (Name)") as a display name. */
function personName(v: unknown): string | null {
  const names = list(v)
    .map((p) => (isNode(p) && !("#text" in p) ? textOf(p.name) : textOf(p)))
    .filter((n): n is string => !!n)
    .map((n) => /\(([^)]+)\)\s*$/.exec(n)?.[1] ?? n) // "news@bbc.co.uk (BBC News)"
    .filter((n) => !/^\S+@\S+$/.test(n));
  return names.length ? names.join(", ") : null;
}

function atomLink(links: unknown, base: string | null): string | null {
  const all = list(links);
  const pick =
    all.find((l) => (attr(l, "rel") ?? "alternate") === "alternate" && (attr(l, "type") ?? "text/html").includes("html")) ??
    all.find((l) => (attr(l, "rel") ?? "alternate") === "alternate") ??
    null;
  return absoluteHttp(attr(pick, "href") ?? textOf(pick), base);
}

function categories(v: unknown): string[] {
  return [...new Set(list(v).map((c) => attr(c, "term") ?? textOf(c)).filter((c): c is string => !!c))];
}

/**
 * Parse an RSS 2.0, RSS 1.0 (RDF) or Atom document. `baseUrl` (the feed's URL) resolves relative
 * links. Throws FeedParseError for malformed XML or a document that is not a feed; entries
 * without a usable link or content are reported in `errors`, the others kept.
 */
export function parseFeed(text: string, baseUrl: string | null = null): ParsedFeed {
  const kind = sniffDocument(text);
  if (kind === "html") throw new FeedParseError("expected an RSS or Atom feed, got an HTML page");
  if (kind !== "rss" && kind !== "atom" && kind !== "rdf") {
    throw new FeedParseError(kind === "unknown" ? "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root element)" : `expected an RSS or Atom feed, got a sitemap (${kind})`);
  }
  const doc = parseXml(text);
  const entries: FeedEntry[] = [];
  const errors: ItemError[] = [];
  let title: string | null = null;
  let link: string | null = null;
  let language: string | null = null;

  if (kind === "atom") {
    const feed = first(doc.feed) as Node | undefined;
    if (!isNode(feed)) throw new FeedParseError("empty Atom feed");
    title = textOf(feed.title);
    link = atomLink(feed.link, baseUrl);
    language = attr(feed, "xml:lang");
    list<Node>(feed.entry).forEach((e, index) => {
      const contentType = attr(e.content, "type") ?? "text";
      const rawContent = textOf(e.content);
      entries.push({
        index,
        guid: textOf(e.id),
        link: atomLink(e.link, baseUrl),
        title: textOf(e.title) ?? "",
        published: date(e.published) ?? date(e.updated),
        updated: date(e.updated),
        author: personName(e.author),
        summary: textOf(e.summary),
        content: rawContent && contentType === "text" ? escapeHtml(rawContent) : rawContent,
        categories: categories(e.category),
      });
    });
  } else {
    const root = kind === "rss" ? (first(doc.rss) as Node | undefined) : (first(Object.entries(doc).find(([k]) => /(^|:)rdf$/i.test(k))?.[1]) as Node | undefined);
    if (!isNode(root)) throw new FeedParseError("empty RSS document");
    // An empty <channel></channel> parses as "": a feed with nothing in it yet, not a broken one.
    const rawChannel = first(root.channel);
    const channel = (rawChannel === "" ? {} : rawChannel) as Node | undefined;
    if (!isNode(channel)) throw new FeedParseError("RSS document without a <channel>");
    title = textOf(channel.title);
    link = absoluteHttp(textOf(list(channel.link).find((l) => !isNode(l) || !attr(l, "href"))), baseUrl);
    language = textOf(channel.language) ?? textOf(channel["dc:language"]);
    const items = kind === "rss" ? list<Node>(channel.item) : list<Node>(root.item);
    items.forEach((item, index) => {
      const guid = textOf(item.guid) ?? attr(item, "rdf:about");
      const permalink = attr(item.guid, "isPermaLink") !== "false" ? absoluteHttp(guid, baseUrl) : null;
      entries.push({
        index,
        guid,
        link: absoluteHttp(textOf(list(item.link).find((l) => !isNode(l) || !attr(l, "href"))), baseUrl) ?? permalink,
        title: textOf(item.title) ?? "",
        published: date(item.pubDate) ?? date(item["dc:date"]) ?? date(item["a10:updated"]),
        updated: date(item["atom:updated"]) ?? date(item["dc:modified"]) ?? date(item["dcterms:modified"]),
        author: personName(item["dc:creator"]) ?? personName(item.author),
        summary: textOf(item.description),
        content: textOf(item["content:encoded"]),
        categories: categories(item.category),
      });
    });
  }

  const usable: FeedEntry[] = [];
  const rejected: FeedEntry[] = [];
  for (const e of entries) {
    if (e.link || e.content) {
      usable.push(e);
      continue;
    }
    rejected.push(e);
    errors.push({ item: `${baseUrl ?? "feed"} item ${e.index + 1}${e.title ? ` ("${e.title.slice(0, 80)}")` : ""}`, reason: "the item has no link and no content" });
  }
  return { format: kind, title, link, language, entries: usable, errors, rejected };
}

/** Parse a sitemap.xml (urlset or sitemapindex, news extension titles and dates kept). */
export function parseSitemap(text: string, baseUrl: string | null = null): ParsedSitemap {
  const kind = sniffDocument(text);
  if (kind !== "urlset" && kind !== "sitemapindex") throw new FeedParseError("not a sitemap (no <urlset> or <sitemapindex> root element)");
  const doc = parseXml(text);
  const root = first(doc[kind]) as Node | undefined;
  const nodes = isNode(root) ? list<Node>(kind === "urlset" ? root.url : root.sitemap) : [];
  const urls: ParsedSitemap["urls"] = [];
  for (const n of nodes) {
    const loc = absoluteHttp(textOf(n.loc), baseUrl);
    if (!loc) continue;
    const news = first(n["news:news"]) as Node | undefined;
    urls.push({
      loc,
      lastmod: date(n.lastmod) ?? (isNode(news) ? date(news["news:publication_date"]) : null),
      title: isNode(news) ? textOf(news["news:title"]) : null,
    });
  }
  return { kind, urls };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n{2,}/g, "</p><p>");
}

/**
 * Feed URLs an HTML page advertises (`<link rel="alternate" type="application/rss+xml" href>`),
 * absolute; used to say which URL to add when someone gives a site's home page.
 */
export function discoverFeedLinks(html: string, baseUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.slice(0, 200_000).matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/rel\s*=\s*["']?[^"'>]*alternate/i.test(tag)) continue;
    if (!/type\s*=\s*["']?application\/(rss|atom)\+xml/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const abs = absoluteHttp(href?.replace(/&amp;/g, "&") ?? null, baseUrl);
    if (abs && !out.includes(abs)) out.push(abs);
  }
  return out;
}
