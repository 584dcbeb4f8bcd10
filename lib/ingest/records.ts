import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { parseDate } from "./dates";
import { parseHtml } from "./html";
import { domainFromName, domainOf, normalizeUrl } from "./keys";
import { detectLanguage, normalizeLanguageCode } from "./language";
import type { ItemError, NormalizedArticle, ParseResult } from "./types";

export type RecordFormat = "ndjson" | "json" | "csv";

export interface ParseRecordsOptions {
  format: RecordFormat;
  /** Names the input in errors: "records.csv" gives "records.csv:12"; without it "line 12". */
  source?: string;
}

/**
 * Accepted field names per canonical field, compared after lowercasing and dropping everything
 * but letters and digits (so "published_at", "Published At" and "publishedAt" are one key).
 * The first alias present with a non-empty value wins.
 */
const ALIASES = {
  id: ["id", "externalid", "articleid", "docid"],
  url: ["url", "link"],
  canonicalUrl: ["canonicalurl", "canonical"],
  title: ["title", "headline"],
  text: ["text", "body", "content"],
  html: ["html", "rawhtml"],
  publishedAt: ["publishedat", "date", "datepublished", "pubdate"],
  outlet: ["outlet", "publisher", "source", "sitename"],
  domain: ["domain"],
  author: ["author", "authors", "byline"],
  language: ["language", "lang"],
  tags: ["tags", "keywords"],
  originalSource: ["originalsource", "syndicatedfrom", "republishedfrom"],
} as const satisfies Record<string, readonly string[]>;
type Field = keyof typeof ALIASES;

const httpUrl = z.string().trim().refine((v) => domainOf(v) !== null, "expected an absolute http(s) URL");

/** One input record after aliasing; each field is validated and normalised here, once. */
const recordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    url: httpUrl.optional(),
    canonicalUrl: httpUrl.optional(),
    title: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    publishedAt: z
      .string()
      .transform((v, ctx) => {
        const iso = parseDate(v);
        if (iso === null) ctx.addIssue({ code: "custom", message: `unrecognised date "${v}"` });
        return iso ?? z.NEVER;
      })
      .optional(),
    outlet: z
      .union([z.string().trim().min(1), z.object({ name: z.string().trim().min(1), domain: z.string().nullish() })])
      .optional(),
    domain: z.string().trim().optional(),
    author: z.union([z.string(), z.array(z.string())]).optional(),
    language: z
      .string()
      .transform((v, ctx) => {
        const code = normalizeLanguageCode(v);
        if (code === null) ctx.addIssue({ code: "custom", message: `expected an ISO 639-1 code like "en", got "${v}"` });
        return code ?? z.NEVER;
      })
      .optional(),
    tags: z.union([z.array(z.string()), z.string()]).optional(),
    /** The source a record declares it republishes: a name, or `{name, url}`. */
    originalSource: z
      .union([
        z.string().trim().min(1).transform((name) => ({ name, url: null as string | null })),
        z.object({ name: z.string().trim().min(1), url: httpUrl.nullish().transform((v) => v ?? null) }),
      ])
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.text?.trim() && !r.html?.trim()) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "missing: a record needs text or html" });
    }
  });
type ArticleRecord = z.infer<typeof recordSchema>;

/**
 * Parses a batch of article records: NDJSON (one object a line), JSON (an array, or an object
 * holding one under "articles"/"records"/"items"/"data", or a single object) or CSV with a
 * header row (delimiter sniffed among , ; and tab). Fields and their aliases:
 * `id`, `url`, `title`, `text` or `html`, `publishedAt` (`date`, `published_at`), `outlet`
 * (`source`, `publisher`, or `domain`), `author`, `language`, plus optional `tags`, `canonicalUrl`.
 *
 * Each record is validated with zod; a bad one becomes an ItemError naming the item
 * ("records.csv:12", "line 7", "records[3]") and the field as the input spelled it, and the
 * rest are kept. A record with `html` goes through parseHtml; its own fields win over what the
 * page says. `text` is kept byte-for-byte (not trimmed) so offsets from the source still apply.
 */
export function parseRecords(input: string, opts: ParseRecordsOptions): ParseResult {
  const result: ParseResult = { articles: [], errors: [] };
  const src = opts.source;
  const label = (line: number) => (src ? `${src}:${line}` : `line ${line}`);
  const text = input.replace(/^\uFEFF/, "");
  try {
    if (opts.format === "ndjson") {
      text.split("\n").forEach((raw, i) => {
        const line = raw.trim();
        if (!line) return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          result.errors.push({ item: label(i + 1), reason: `invalid JSON: ${(err as Error).message}` });
          return;
        }
        addRecord(value, label(i + 1), result);
      });
    } else if (opts.format === "json") {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        result.errors.push({ item: src ?? "records", reason: `invalid JSON: ${(err as Error).message}` });
        return result;
      }
      const items = jsonItems(value);
      if (items === null) addRecord(value, src ?? "record", result);
      else items.forEach((v, i) => addRecord(v, `${src ?? "records"}[${i}]`, result));
    } else {
      parseCsvRecords(text, label, result);
    }
  } catch (err) {
    // Defensive: the branches above report per item; this catches a library failing outright.
    result.errors.push({ item: src ?? opts.format, reason: `could not read the ${opts.format}: ${(err as Error).message}` });
  }
  return result;
}

function jsonItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") {
    for (const key of ["articles", "records", "items", "data"]) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return null;
}

function parseCsvRecords(text: string, label: (line: number) => string, result: ParseResult): void {
  // csv-parse's own line counter counts a CRLF inside a quoted field twice, so lines are derived
  // from its byte offsets instead: the line of a record's last byte, minus the newlines its cells hold.
  const bytes = new TextEncoder().encode(text);
  const newlines: number[] = [];
  bytes.forEach((b, i) => {
    if (b === 0x0a) newlines.push(i);
  });
  const lineOfByte = (offset: number) => 1 + countBelow(newlines, offset);
  const rows = parseCsv(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    delimiter: sniffDelimiter(text),
    skip_empty_lines: true,
    info: true,
    // A broken row (wrong column count, stray quote) is reported and skipped, the rest go on.
    skip_records_with_error: true,
    on_skip: (err) => {
      result.errors.push({
        item: label(lineOfByte(Number(err?.bytes ?? 0) - 1)),
        reason: (err?.message ?? "unreadable row").replace(/\s+(?:on|at) line \d+\.?$/, ""),
      });
      return undefined;
    },
  }) as unknown as { record: Record<string, string>; info: { bytes: number } }[];
  for (const { record, info } of rows) {
    const inner = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    addRecord(record, label(lineOfByte(info.bytes - 1) - inner), result);
  }
}

/** How many values of the ascending array `sorted` are below `x` (binary search). */
function countBelow(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The delimiter that occurs most in the header line: Excel in many locales writes ";". */
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n")).replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ",";
}

function addRecord(value: unknown, item: string, result: ParseResult): void {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    result.errors.push({ item, reason: "expected an object with article fields" });
    return;
  }
  const { canonical, spelled } = applyAliases(value as Record<string, unknown>);
  const parsed = recordSchema.safeParse(canonical);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((issue) => {
        const field = issue.path[0];
        const name = typeof field === "string" ? (spelled[field as Field] ?? field) : "record";
        return `${name}: ${issue.message}`;
      })
      .join("; ");
    result.errors.push({ item, reason });
    return;
  }
  const article = toArticle(parsed.data, item, result.errors);
  if (article) result.articles.push(article);
}

/** Maps input keys to canonical fields; remembers how each was spelled, for error messages. */
function applyAliases(obj: Record<string, unknown>): {
  canonical: Partial<Record<Field, unknown>>;
  spelled: Partial<Record<Field, string>>;
} {
  const byKey = new Map<string, [string, unknown]>();
  for (const [key, value] of Object.entries(obj)) {
    // CSV blanks and JSON nulls mean "not given", so an alias further down the list can apply.
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) continue;
    const norm = key.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (!byKey.has(norm)) byKey.set(norm, [key, value]);
  }
  const canonical: Partial<Record<Field, unknown>> = {};
  const spelled: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    for (const alias of ALIASES[field]) {
      const hit = byKey.get(alias);
      if (hit) {
        spelled[field] = hit[0];
        canonical[field] = hit[1];
        break;
      }
    }
  }
  return { canonical, spelled };
}

function toArticle(r: ArticleRecord, item: string, errors: ItemError[]): NormalizedArticle | null {
  let page: NormalizedArticle | null = null;
  if (r.html?.trim() && !r.text?.trim()) {
    const parsed = parseHtml(r.html, { url: r.url ?? null, source: item });
    if (!parsed.articles[0]) {
      errors.push(...parsed.errors.map((e) => ({ item, reason: `html: ${e.reason}` })));
      return null;
    }
    page = parsed.articles[0];
  }
  const text = r.text?.trim() ? r.text : (page?.text ?? "");
  const url = r.url ?? null;
  const recordDomain = r.domain ? r.domain.toLowerCase().replace(/^www\./, "") : null;
  let outlet: NormalizedArticle["outlet"] = page?.outlet ?? null;
  if (typeof r.outlet === "string") {
    outlet = { name: r.outlet, domain: recordDomain ?? domainFromName(r.outlet) ?? domainOf(url) ?? page?.outlet?.domain ?? null };
  } else if (r.outlet) {
    outlet = { name: r.outlet.name, domain: r.outlet.domain?.toLowerCase().replace(/^www\./, "") || recordDomain || domainOf(url) };
  } else if (recordDomain) {
    outlet = { name: recordDomain, domain: recordDomain };
  } else if (!outlet && domainOf(url)) {
    const domain = domainOf(url);
    outlet = domain ? { name: domain, domain } : null;
  }
  const canonical = r.canonicalUrl ?? page?.canonicalUrl ?? url;
  return {
    url,
    canonicalUrl: canonical ? normalizeUrl(canonical) : null,
    title: (r.title ?? page?.title ?? "").trim(),
    text,
    publishedAt: r.publishedAt ?? page?.publishedAt ?? null,
    author: (Array.isArray(r.author) ? r.author.join(", ") : r.author)?.trim() || page?.author || null,
    language: r.language ?? page?.language ?? detectLanguage(text),
    outlet,
    originalSource: r.originalSource ?? page?.originalSource ?? null,
    tags: Array.isArray(r.tags) ? r.tags : r.tags ? r.tags.split(/\s*[;|,]\s*/).filter(Boolean) : (page?.tags ?? []),
    externalId: r.id ?? null,
  };
}
