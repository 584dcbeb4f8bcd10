import { findDate, parseDate } from "./dates";
import { domainFromName, domainOf, normalizeUrl } from "./keys";
import { detectLanguage, normalizeLanguageCode } from "./language";
import { firstLink, stripBlockMarkdown, stripInlineMarkdown } from "./markdown";
import type { NormalizedArticle, ParseResult } from "./types";

/**
 * The "seed format": a scraped article page saved as text/Markdown.
 *
 *   <title>                                  first non-empty block (a leading "# " is dropped)
 *   Par [Author](#) | By Author              byline
 *   Outlet, 20 septembre 2016                first "name, date" line: the publisher and its date
 *   [Original source](url) 19 septembre 2016 a later "name date" line: the source it republishes
 *   Région : [A](#) / Thème: [B](#), [C](#)  label lines, English or French: tags
 *   <body paragraphs, blank-line separated>
 *   <footer: "La source originale de cet article est ...", "Copyright © ...", "Disclaimer: ..." ...>
 *
 * An optional YAML-like front matter (`---` / `key: value` / `---`) may state title, author,
 * date, url, outlet, language and tags; it wins over what the header says.
 */
export interface ParseSeedOptions {
  /** Names the input in errors ("seeds/000.txt"). */
  source?: string;
  /** Where the page was fetched from, when the caller knows it. */
  url?: string | null;
}

/** Header lines are looked for in this many blocks after the title, no further. */
const HEADER_SCAN_LIMIT = 12;
/** A block this long, or with this many words, is prose: the header is over. */
const PROSE_CHARS = 300;
const PROSE_WORDS = 40;

const LABEL =
  /^(?:r[ée]gions?|th[èe]mes?|analyses?|in-depth reports?|dossiers?|topics?|tags?|sujets?|mots[- ]cl[ée]s|keywords|cat[ée]gories|categories|category|cat[ée]gorie|sections?)\s*:\s*(.+)$/isu;
const BYLINE = /^(?:par|by|written by)\b\s*:?\s*(.+)$/iu;
const AUTHOR_LABEL = /^(?:auteurs?|authors?)\s*:\s*(.+)$/iu;
const URL_LABEL = /^(?:url of this article|url de cet article|source url|url)\s*:\s*(\S+)$/iu;
/** A prefix that introduces a date rather than names a publisher ("Published 20 Sep 2016", "Le 1er octobre"). */
const DATE_LABEL = /^(?:(?:published|posted|updated|date|publi[ée]|mis en ligne|mis à jour)(?:\s+(?:on|le))?|le)\s*:?$/iu;

/**
 * Lines that open the boilerplate after the article, English and French. The body ends at the
 * first line matching one; everything after it is dropped (only mined for provenance below).
 */
const FOOTER_MARKERS: readonly RegExp[] = [
  /^la source originale de cet article est\b/iu,
  /^the original source of this article is\b/iu,
  /^copyright\s*(?:©|\(c\)|\d{4})/iu,
  /^©\s*\S/u,
  /^articles?\s+(?:par|by)\s*:/iu,
  /^avis de non-responsabilit[ée]\s*:/iu,
  /^disclaimer\s*:/iu,
  /^le centre de recherche sur la mondialisation\b/iu,
  /^the cent(?:re|er) (?:for|of) research on globali[sz]ation\b/iu,
  /^pour publier des articles\b/iu,
  /^for publication of .*articles\b/iu,
  /^\S+\s+contient du mat[ée]riel prot[ée]g[ée]/iu,
  /^\S+\s+contains copyrighted material\b/iu,
  /^contact m[ée]dia\s*:/iu,
  /^for media inquiries\s*:/iu,
  /^comment on global research articles\b/iu,
  /^become a member of global research\b/iu,
];
const FOOTER_SOURCE = /^(?:la source originale de cet article est|the original source of this article is)\s*:?\s*(.+?)\.?$/iu;
const FOOTER_AUTHOR = /^articles?\s+(?:par|by)\s*:\s*(.+)$/iu;

/** Lowercase words allowed inside a person's name or a list of names. */
const NAME_CONNECTORS = new Set([
  "and", "et", "&", "with", "avec", "de", "du", "des", "da", "di", "dos", "van", "von", "der", "den",
  "la", "le", "y", "bin", "ibn", "al", "el", "ben", "ter", "zu",
]);

interface Header {
  author: string | null;
  outlet: { name: string; domain: string | null } | null;
  publishedAt: string | null;
  originalSource: { name: string; url: string | null } | null;
  url: string | null;
  language: string | null;
  tags: string[];
}

/**
 * Parses one seed-format page (see {@link ParseSeedOptions}) into an article.
 *
 * Body text: the paragraphs between the header and the footer, joined by "\n\n". Markdown is
 * reduced to its words (`[x](#)` → x, `*Times*` → Times, images dropped, heading hashes dropped);
 * everything else is verbatim, including line breaks inside a paragraph and paragraphs the
 * scraper split mid-sentence, so offsets computed on `text` point at the page's own words.
 * Never throws: an empty page or one with no body becomes an ItemError.
 */
export function parseSeedText(text: string, opts: ParseSeedOptions = {}): ParseResult {
  const item = opts.source ?? "seed";
  try {
    const article = parseSeed(text, opts);
    if (typeof article === "string") return { articles: [], errors: [{ item, reason: article }] };
    return { articles: [article], errors: [] };
  } catch (err) {
    return { articles: [], errors: [{ item, reason: `could not parse the page: ${(err as Error).message}` }] };
  }
}

function parseSeed(raw: string, opts: ParseSeedOptions): NormalizedArticle | string {
  const { body: content, meta } = splitFrontMatter(raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const blocks = content
    .split(/\n[ \t]*\n/)
    .map((b) => b.split("\n").map((l) => l.trimEnd()).join("\n").replace(/^\n+|\n+$/g, ""))
    .filter((b) => b.trim() !== "");

  const titleBlock = meta.title === undefined ? blocks.shift() : undefined;
  const title = (meta.title ?? stripBlockMarkdown(titleBlock ?? "").replace(/\s*\n\s*/g, " ")).trim();
  if (!title) return "empty page: no title block";

  const header: Header = {
    author: null, outlet: null, publishedAt: null, originalSource: null, url: null, language: null, tags: [],
  };
  // The header is the run of blocks up to the last one recognised as header within the scan
  // window. Unrecognised short blocks inside it (a dek, a share line) are dropped with it.
  let bodyStart = 0;
  for (let i = 0; i < Math.min(blocks.length, HEADER_SCAN_LIMIT); i++) {
    const block = blocks[i] ?? "";
    if (readHeaderBlock(block, header)) {
      bodyStart = i + 1;
      continue;
    }
    if (block.length > PROSE_CHARS || block.split(/\s+/).length >= PROSE_WORDS) break;
  }

  const bodyBlocks: string[] = [];
  const footerLines: string[] = [];
  for (const block of blocks.slice(bodyStart)) {
    if (footerLines.length) {
      footerLines.push(...block.split("\n"));
      continue;
    }
    const lines = block.split("\n");
    const cut = lines.findIndex((line) => isFooterLine(line));
    if (cut === -1) {
      bodyBlocks.push(block);
      continue;
    }
    if (cut > 0) bodyBlocks.push(lines.slice(0, cut).join("\n"));
    footerLines.push(...lines.slice(cut));
  }
  readFooter(footerLines, header);

  const text = bodyBlocks.map(stripBlockMarkdown).filter(Boolean).join("\n\n");
  if (!text) return "no body text between the header and the footer";

  const url = meta.url ?? header.url ?? opts.url ?? null;
  const outletName = meta.outlet ?? header.outlet?.name ?? null;
  const outletDomain = (outletName ? domainFromName(outletName) : null) ?? domainOf(url);
  const outlet = outletName
    ? { name: outletName, domain: outletDomain }
    : outletDomain
      ? { name: outletDomain, domain: outletDomain }
      : null;
  let originalSource = header.originalSource;
  // "The original source of this article is <the outlet itself>" is not a republication.
  if (originalSource && outlet && originalSource.name.toLowerCase() === outlet.name.toLowerCase()) originalSource = null;

  return {
    url,
    canonicalUrl: url ? normalizeUrl(url) : null,
    title,
    text,
    publishedAt: (meta.date ? parseDate(meta.date) : null) ?? header.publishedAt,
    author: meta.author ?? header.author,
    language: normalizeLanguageCode(meta.language) ?? detectLanguage(text),
    outlet,
    originalSource,
    tags: dedupe([...(meta.tags ?? []), ...header.tags]),
    externalId: null,
  };
}

/** Reads one header block into `h`; returns false when the block is not a header line. */
function readHeaderBlock(block: string, h: Header): boolean {
  const flat = stripInlineMarkdown(block.replace(/\s*\n\s*/g, " ")).trim();

  const label = LABEL.exec(flat);
  if (label) {
    h.tags.push(...splitList(label[1] ?? ""));
    return true;
  }
  if (block.includes("\n")) return false; // the remaining header kinds are one-liners

  const byline = BYLINE.exec(flat) ?? AUTHOR_LABEL.exec(flat);
  if (byline && isPlausibleName(byline[1]?.trim() ?? "")) {
    h.author ??= byline[1]?.trim() ?? null;
    return true;
  }
  const urlLine = URL_LABEL.exec(flat);
  if (urlLine && /^https?:\/\//i.test(urlLine[1] ?? "")) {
    h.url ??= urlLine[1] ?? null;
    return true;
  }

  const found = findDate(flat);
  if (!found) return false;
  // The date must end the line: "Outlet, 20 septembre 2016", not a sentence that mentions a date.
  if (flat.slice(found.index + found.text.length).replace(/[\s.,;)]+$/u, "") !== "") return false;
  const prefix = flat.slice(0, found.index).replace(/[\s,;:–—-]+$/u, "").trim();
  if (!prefix || DATE_LABEL.test(prefix)) {
    h.publishedAt ??= found.iso;
    return true;
  }
  if (prefix.length > 80 || prefix.split(/\s+/).length > 8) return false;
  if (!h.outlet) {
    h.outlet = { name: prefix, domain: domainFromName(prefix) };
    h.publishedAt ??= found.iso;
  } else {
    // A second "name date" line is the source the outlet republishes (with that source's date).
    h.originalSource ??= { name: prefix, url: firstLink(block)?.url ?? null };
  }
  return true;
}

function isFooterLine(line: string): boolean {
  const flat = stripInlineMarkdown(line).trim();
  return flat !== "" && FOOTER_MARKERS.some((re) => re.test(flat));
}

/** Mines the footer for provenance the header did not state. */
function readFooter(lines: string[], h: Header): void {
  for (const line of lines) {
    const flat = stripInlineMarkdown(line).trim();
    const source = FOOTER_SOURCE.exec(flat);
    if (source?.[1]) h.originalSource ??= { name: source[1].trim(), url: firstLink(line)?.url ?? null };
    const author = FOOTER_AUTHOR.exec(flat);
    if (author?.[1] && isPlausibleName(author[1].trim())) h.author ??= author[1].trim();
  }
}

/**
 * A byline value must look like names ("Alex Lantier", "Jane Roe and John Doe"), so a first
 * paragraph that starts "By Tuesday evening, the toll had risen" is not taken for one.
 */
function isPlausibleName(s: string): boolean {
  if (!s || s.length > 100) return false;
  if (/[.!?:;]$/u.test(s) && !/\b(?:jr|sr|dr|\p{Lu})\.$/iu.test(s)) return false;
  const tokens = s.split(/[\s,]+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 12) return false;
  return tokens.every(
    (t) =>
      /^[\p{Lu}\p{Lt}]/u.test(t) ||
      NAME_CONNECTORS.has(t.toLowerCase()) ||
      /^(?:al|el|ad|ibn|bin|de|da|di|d|l|van|von)[-'’]\p{L}/iu.test(t),
  );
}

function splitList(s: string): string[] {
  return s.split(/\s*[,;]\s*/u).map((t) => t.trim()).filter(Boolean);
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  url?: string;
  outlet?: string;
  language?: string;
  tags?: string[];
}

/** Splits a leading `---` block of `key: value` lines (a subset of YAML: scalars and [a, b] lists). */
function splitFrontMatter(text: string): { body: string; meta: FrontMatter } {
  const m = /^\s*---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text, meta: {} };
  const meta: FrontMatter = {};
  for (const line of (m[1] ?? "").split("\n")) {
    const kv = /^\s*([\w-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!kv?.[1] || !kv[2]) continue;
    const value = kv[2].replace(/^(["'])(.*)\1$/, "$2");
    switch (kv[1].toLowerCase()) {
      case "title": meta.title = value; break;
      case "author": case "byline": meta.author = value; break;
      case "date": case "published": case "publishedat": case "published_at": meta.date = value; break;
      case "url": case "link": meta.url = value; break;
      case "outlet": case "publisher": case "source": case "site": meta.outlet = value; break;
      case "lang": case "language": meta.language = value; break;
      case "tags": case "keywords": meta.tags = splitList(value.replace(/^\[|\]$/g, "")); break;
    }
  }
  return { body: text.slice(m[0].length), meta };
}
