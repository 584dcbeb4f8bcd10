import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { looksLikeDateLine, parseDate } from "./dates";
import { domainOf, normalizeUrl } from "./keys";
import { flattenDeepHtml } from "./nesting";
import { detectLanguage, normalizeLanguageCode } from "./language";
import type { NormalizedArticle, ParseResult } from "./types";

export interface ParseHtmlOptions {
  /** Where the page was fetched from: resolves a relative canonical link and gives the domain. */
  url?: string | null;
  /** Names the input in errors; defaults to the url, else "html". */
  source?: string;
}

/** Elements whose text is never article text. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
  "video", "audio", "img", "picture", "button", "select", "textarea", "input", "form",
  // Image captions and credits repeat figures from the text ("Rescuers at work. Photo: AFP");
  // keeping them would double-count casualty numbers downstream.
  "figure", "figcaption",
]);
/** Elements that start and end a paragraph. Everything else is inline. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl",
  "dt", "fieldset", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
  "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);
/** Removed before the fallback walk (Readability found nothing): page chrome, not article. */
const CHROME = "nav, header, footer, aside, script, style, noscript, form, [role=navigation], [role=banner], [role=contentinfo]";
/** schema.org Article and its subtypes (NewsArticle, ReportageNewsArticle ...), blog posts, Report. */
const ARTICLE_TYPE = /^(?:[A-Z][A-Za-z]*)?(?:Article|BlogPosting)$|^Report$/;
/** Never article text, and Readability sometimes keeps them on short pages. */
const NAVIGATION = "nav, [role=navigation], noscript, form";
const NO_TEXT = "no article text found in the page";
const BYLINE_PREFIX = /^(?:by|par|von|por)\s+/iu;

interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  inLanguage: string | null;
  url: string | null;
}

/**
 * Parses one article page. Body text and byline come from @mozilla/readability run on a
 * linkedom DOM; metadata from the page's own declarations, in this order of trust:
 * - title: og:title, JSON-LD headline, Readability's title, `<h1>` (a " | Site" suffix is cut);
 * - publishedAt: JSON-LD datePublished, article:published_time and similar meta, `<time datetime>`;
 * - author: JSON-LD author(s), meta author, Readability's byline;
 * - outlet: og:site_name, JSON-LD publisher.name, else the domain of the canonical URL or `url`;
 * - canonicalUrl: `<link rel=canonical>`, og:url, `url`, normalised (see normalizeUrl);
 * - language: `<html lang>`, content-language / og:locale, JSON-LD inLanguage, else detected.
 * Text is paragraphs joined by "\n\n"; figures/captions are left out, and leading repeats of the
 * title, byline or dateline are removed. Elements nested deeper than MAX_HTML_DEPTH are unwrapped
 * first (their text kept; see nesting.ts). Never throws: a page without text becomes an ItemError.
 */
export function parseHtml(html: string, opts: ParseHtmlOptions = {}): ParseResult {
  const item = opts.source ?? opts.url ?? "html";
  try {
    const article = parseArticle(html, opts.url ?? null);
    if (typeof article === "string") return { articles: [], errors: [{ item, reason: article }] };
    return { articles: [article], errors: [] };
  } catch (err) {
    return { articles: [], errors: [{ item, reason: `could not parse the HTML: ${(err as Error).message}` }] };
  }
}

function parseArticle(input: string, url: string | null): NormalizedArticle | string {
  if (!input.trim()) return NO_TEXT;
  // Over-deep trees make the DOM walks below quadratic and then overflow the stack: unwrap them first.
  const { html } = flattenDeepHtml(input);
  const doc = parseDocument(html);
  if (!doc.documentElement) return NO_TEXT;
  // Read every declaration before Readability runs: it strips scripts (JSON-LD) and mutates the DOM.
  const metas = readMeta(doc);
  const ld = readJsonLd(doc);
  const htmlLang = doc.documentElement?.getAttribute("lang") ?? null;
  const canonicalHref = doc.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? metas.get("og:url") ?? null;
  const timeAttr = (doc.querySelector("article time[datetime]") ?? doc.querySelector("time[datetime]"))?.getAttribute("datetime") ?? null;
  const h1 = text(doc.querySelector("h1"));
  const docTitle = text(doc.querySelector("title"));

  doc.querySelectorAll(NAVIGATION).forEach((el) => el.remove());
  const readable = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  let paragraphs = readable?.content ? blocksOf(readable.content) : [];
  if (paragraphs.length === 0) {
    const fresh = parseDocument(html);
    fresh.querySelectorAll(CHROME).forEach((el) => el.remove());
    paragraphs = fresh.body ? blocksOf(fresh.body) : [];
  }

  const siteName = metas.get("og:site_name") ?? ld?.publisher ?? readable?.siteName?.trim() ?? null;
  const titleCandidates = [metas.get("og:title"), ld?.headline, readable?.title?.trim(), docTitle, h1].filter(
    (t): t is string => !!t,
  );
  const title = trimSiteSuffix(titleCandidates[0] ?? "", siteName);

  const metaAuthor = [metas.get("author"), metas.get("article:author"), metas.get("dc.creator")].find(
    (a) => a && !/^https?:\/\//i.test(a),
  );
  const byline = readable?.byline?.trim().replace(BYLINE_PREFIX, "") || null;
  const author = (ld?.authors.length ? ld.authors.join(", ") : null) ?? metaAuthor ?? byline;

  const language =
    normalizeLanguageCode(htmlLang) ??
    normalizeLanguageCode(metas.get("content-language") ?? metas.get("og:locale")) ??
    normalizeLanguageCode(ld?.inLanguage);
  const dateLang = language ?? undefined;
  const publishedAt =
    [
      ld?.datePublished, metas.get("article:published_time"), metas.get("og:published_time"),
      metas.get("datepublished"), metas.get("pubdate"), metas.get("publishdate"), metas.get("publish-date"),
      metas.get("parsely-pub-date"), metas.get("sailthru.date"), metas.get("dc.date.issued"),
      metas.get("dc.date"), metas.get("dcterms.created"), metas.get("date"), timeAttr, readable?.publishedTime,
    ]
      .map((d) => (d ? parseDate(d, { lang: dateLang }) : null))
      .find((d) => d !== null) ?? null;

  paragraphs = dropLeadingChrome(paragraphs, [...titleCandidates, author ?? ""]);
  const body = paragraphs.join("\n\n");
  if (!body) return NO_TEXT;

  const canonical = resolve(canonicalHref, url) ?? ld?.url ?? url;
  const domain = domainOf(canonical) ?? domainOf(url);
  return {
    url,
    canonicalUrl: canonical ? normalizeUrl(canonical) : null,
    title,
    text: body,
    publishedAt,
    author,
    language: language ?? detectLanguage(body),
    outlet: siteName ? { name: siteName, domain } : domain ? { name: domain, domain } : null,
    originalSource: null,
    tags: splitKeywords(metas.get("news_keywords") ?? metas.get("keywords") ?? null),
    externalId: null,
  };
}

function parseDocument(html: string): Document {
  // linkedom's classes are structurally the DOM; one cast here keeps the rest on lib.dom types.
  return parseHTML(html).document as unknown as Document;
}

function text(el: Element | null): string | null {
  const t = el?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

/** meta tags by lowercased name / property / itemprop / http-equiv; the first occurrence wins. */
function readMeta(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll("meta"))) {
    const key = el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? el.getAttribute("http-equiv");
    const value = (el.getAttribute("content") ?? el.getAttribute("datetime"))?.trim();
    if (key && value && !out.has(key.toLowerCase())) out.set(key.toLowerCase(), value);
  }
  // <time itemprop="datePublished" datetime=...> is microdata, not meta, but means the same.
  const micro = doc.querySelector('[itemprop="datePublished"][datetime]')?.getAttribute("datetime");
  if (micro && !out.has("datepublished")) out.set("datepublished", micro);
  return out;
}

/** The first schema.org article node in the page's JSON-LD (arrays, @graph and nesting walked). */
function readJsonLd(doc: Document): JsonLdArticle | null {
  for (const script of Array.from(doc.querySelectorAll("script"))) {
    if (!/ld\+json/i.test(script.getAttribute("type") ?? "")) continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // Broken JSON-LD is common; the other sources still apply.
    }
    const node = findArticleNode(data, 0);
    if (node) {
      return {
        headline: str(node.headline) ?? str(node.name),
        datePublished: str(node.datePublished) ?? str(node.dateCreated),
        authors: names(node.author),
        publisher: names(node.publisher)[0] ?? null,
        inLanguage: str(node.inLanguage),
        url: str(node.url) ?? str(node.mainEntityOfPage) ?? str((node.mainEntityOfPage as Record<string, unknown> | undefined)?.["@id"]),
      };
    }
  }
  return null;
}

function findArticleNode(data: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 5 || data === null || typeof data !== "object") return null;
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = findArticleNode(d, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(obj["@type"] ?? []);
  if (types.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t))) return obj;
  return findArticleNode(obj["@graph"], depth + 1) ?? findArticleNode(obj.mainEntity, depth + 1);
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/** JSON-LD person/organisation values: "Name", {name}, or an array of either. */
function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((x) => (typeof x === "string" ? x : x && typeof x === "object" ? str((x as Record<string, unknown>).name) : null))
    .filter((x): x is string => !!x && !/^https?:\/\//i.test(x))
    .map((x) => x.trim());
}

function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

function trimSiteSuffix(title: string, site: string | null): string {
  const t = title.replace(/\s+/g, " ").trim();
  if (!site) return t;
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return t.replace(new RegExp(`\\s+[|\\-–—:·]\\s+${escaped}$`, "i"), "").trim() || t;
}

function splitKeywords(s: string | null): string[] {
  return s ? [...new Set(s.split(/\s*[,;]\s*/).map((k) => k.trim()).filter(Boolean))] : [];
}

/**
 * Paragraph texts of a subtree: block elements start and end paragraphs, inline text is joined
 * with HTML whitespace rules, `<br>` is a line break, `<pre>` is verbatim.
 */
function blocksOf(root: Node): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const p = current.replace(/[ \t]*\n[ \t]*/g, "\n").replace(/ {2,}/g, " ").trim();
    if (p) out.push(p);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag) || el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return;
    if (tag === "br") {
      current += "\n";
      return;
    }
    if (tag === "pre") {
      flush();
      const pre = (el.textContent ?? "").replace(/^\n+|\s+$/g, "");
      if (pre) out.push(pre);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child);
    // Cells are inline so that a table row reads as one line; keep neighbouring cells apart.
    if (tag === "td" || tag === "th") current += " ";
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Drops leading paragraphs that repeat the title or byline, or are a bare dateline. */
function dropLeadingChrome(paragraphs: string[], known: string[]): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const knownSet = new Set(known.map(norm).filter(Boolean));
  let i = 0;
  for (; i < paragraphs.length; i++) {
    const p = paragraphs[i] ?? "";
    const n = norm(p);
    const isRepeat = knownSet.has(n) || knownSet.has(norm(p.replace(BYLINE_PREFIX, "")));
    const isByline = BYLINE_PREFIX.test(p) && p.length <= 100 && !/[.!?]$/.test(p);
    if (!isRepeat && !isByline && !looksLikeDateLine(p)) break;
  }
  return paragraphs.slice(i);
}
