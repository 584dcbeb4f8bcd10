import type { NormalizedArticle } from "./types";

/**
 * Longest values stored. PostgreSQL indexes the URL, the title and the outlet's name in B-trees,
 * whose entries hold at most ~2.7 KB (8 KB once compressed): a longer value failed the whole
 * batch there ("index row requires 9040 bytes, maximum size is 8191") while SQLite stored it.
 */
export const MAX_URL_CHARS = 2048;
export const MAX_TITLE_CHARS = 500;
export const MAX_OUTLET_NAME_CHARS = 200;

const NUL = "\u0000";

function clean(s: string): string {
  return s.includes(NUL) ? s.replaceAll(NUL, "") : s;
}

function cleanOrNull(s: string | null): string | null {
  return s === null ? null : clean(s);
}

/**
 * The article without NUL characters. They carry nothing in news text (a page decoded with the
 * wrong charset, a stray byte of a CMS), and PostgreSQL stores none in text: a batch holding one
 * failed there ("unsupported Unicode escape sequence") while SQLite kept it. Dropped on both
 * databases, before identity, extraction and storage, so both store the same text. The same
 * article is returned when it holds none (the common case: one scan per field).
 */
export function withoutNul(a: NormalizedArticle): NormalizedArticle {
  const has =
    a.text.includes(NUL) || a.title.includes(NUL) || a.url?.includes(NUL) || a.canonicalUrl?.includes(NUL) || a.author?.includes(NUL) ||
    a.publishedAt?.includes(NUL) || a.language?.includes(NUL) || a.externalId?.includes(NUL) || a.outlet?.name.includes(NUL) ||
    a.outlet?.domain?.includes(NUL) || a.originalSource?.name.includes(NUL) || a.originalSource?.url?.includes(NUL) || a.tags.some((t) => t.includes(NUL));
  if (!has) return a;
  return {
    ...a,
    url: cleanOrNull(a.url),
    canonicalUrl: cleanOrNull(a.canonicalUrl),
    title: clean(a.title),
    text: clean(a.text),
    publishedAt: cleanOrNull(a.publishedAt),
    author: cleanOrNull(a.author),
    language: cleanOrNull(a.language),
    outlet: a.outlet ? { name: clean(a.outlet.name), domain: cleanOrNull(a.outlet.domain) } : null,
    originalSource: a.originalSource ? { name: clean(a.originalSource.name), url: cleanOrNull(a.originalSource.url) } : null,
    tags: a.tags.map(clean),
    externalId: cleanOrNull(a.externalId),
  };
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The article as both databases can store it: without NUL characters (`withoutNul`), a title
 * longer than MAX_TITLE_CHARS cut with "…" (a scraped "title" that is a paragraph; the text is
 * kept whole) and so the outlet's name; an error naming the field when a URL is longer than
 * MAX_URL_CHARS (it is the article's identity: cutting it would merge different pages).
 */
export function storableArticle(input: NormalizedArticle): { ok: true; article: NormalizedArticle } | { ok: false; reason: string } {
  const a = withoutNul(input);
  for (const field of ["url", "canonicalUrl"] as const) {
    const v = a[field];
    if (v && v.length > MAX_URL_CHARS) {
      return { ok: false, reason: `${field}: ${v.length.toLocaleString("en")} characters, more than the ${MAX_URL_CHARS.toLocaleString("en")} a URL may have here` };
    }
  }
  if (a.title.length <= MAX_TITLE_CHARS && (!a.outlet || a.outlet.name.length <= MAX_OUTLET_NAME_CHARS)) return { ok: true, article: a };
  return {
    ok: true,
    article: { ...a, title: shorten(a.title, MAX_TITLE_CHARS), outlet: a.outlet ? { ...a.outlet, name: shorten(a.outlet.name, MAX_OUTLET_NAME_CHARS) } : null },
  };
}
