/**
 * The feed parser against hostile documents: arbitrary bytes, malformed and truncated XML, odd
 * and huge dates, missing fields, entity expansion. The contract: parseFeed and parseSitemap
 * either return well-formed values or throw FeedParseError (the poller reports it as the feed's
 * error); nothing else escapes, and every run finishes.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FeedParseError, parseFeed, parseSitemap, sniffDocument, type ParsedFeed } from "./parse";

const BASE = "https://news.example.org/feed.xml";

function tryParse<T>(fn: () => T): T | FeedParseError {
  try {
    return fn();
  } catch (err) {
    // Anything but a FeedParseError is a bug: it would escape the poller's item handling.
    expect(err).toBeInstanceOf(FeedParseError);
    expect((err as Error).message.trim().length).toBeGreaterThan(0);
    return err as FeedParseError;
  }
}

function expectWellFormedFeed(feed: ParsedFeed): void {
  expect(feed.entries.length + feed.rejected.length).toBeGreaterThanOrEqual(0);
  expect(feed.errors).toHaveLength(feed.rejected.length);
  for (const e of feed.entries) {
    expect(e.link !== null || e.content !== null).toBe(true);
    if (e.link !== null) expect(e.link).toMatch(/^https?:\/\//);
    for (const d of [e.published, e.updated]) if (d !== null) expect(Number.isNaN(Date.parse(d))).toBe(false);
    expect(typeof e.title).toBe("string");
    expect(Array.isArray(e.categories)).toBe(true);
  }
  for (const err of feed.errors) {
    expect(err.item.length).toBeGreaterThan(0);
    expect(err.reason.length).toBeGreaterThan(0);
  }
}

const xmlText = fc.string({ unit: "grapheme", maxLength: 40 });
const oddDate = fc.oneof(
  fc.constantFrom(
    "", "not a date", "Tue, 31 Feb 2026 25:61:61 +9999", "99999-12-31T00:00:00Z", "-000001-01-01", "0000-00-00",
    "1e308", "NaN", "Infinity", "2026-11-26T03:00:00.000000000000000000000Z", "Mon, 01 Jan 0001 00:00:00 GMT",
    "275760-09-13T00:00:00.001Z", "9".repeat(400), "2026-13-45", "yesterday", "١٤٤٥-٠١-٠١",
  ),
  fc.integer().map(String),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toUTCString())),
  xmlText,
);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const maybe = (tag: string, v: fc.Arbitrary<string>) => fc.option(v.map((x) => `<${tag}>${esc(x)}</${tag}>`), { nil: "" });

const rssItem = fc
  .tuple(
    maybe("title", xmlText),
    maybe("link", fc.oneof(fc.webUrl(), fc.constantFrom("/relative/path", "javascript:alert(1)", "mailto:x@y", "", "http://[::1", "//cdn.example.org/x"), xmlText)),
    maybe("guid", xmlText),
    maybe("pubDate", oddDate),
    maybe("dc:date", oddDate),
    maybe("description", xmlText),
    maybe("content:encoded", xmlText),
    maybe("category", xmlText),
  )
  .map((parts) => `<item>${parts.join("")}</item>`);
const rssDoc = fc
  .tuple(maybe("title", xmlText), maybe("language", xmlText), fc.array(rssItem, { maxLength: 8 }))
  .map(([title, lang, items]) => `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${title}${lang}${items.join("")}</channel></rss>`);
const atomEntry = fc
  .tuple(maybe("title", xmlText), maybe("id", xmlText), maybe("published", oddDate), maybe("updated", oddDate), fc.option(fc.webUrl(), { nil: null }), maybe("summary", xmlText))
  .map(([t, id, p, u, href, s]) => `<entry>${t}${id}${p}${u}${href ? `<link href="${esc(href)}"/>` : ""}${s}</entry>`);
const atomDoc = fc.array(atomEntry, { maxLength: 8 }).map((es) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${es.join("")}</feed>`);
const sitemapDoc = fc
  .array(fc.tuple(fc.oneof(fc.webUrl(), xmlText), oddDate), { maxLength: 8 })
  .map((us) => `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${us.map(([l, d]) => `<url><loc>${esc(l)}</loc><lastmod>${esc(d)}</lastmod></url>`).join("")}</urlset>`);

/** Damage a document: cut it, or splice junk in at a random place. */
const damaged = (doc: fc.Arbitrary<string>) =>
  fc.tuple(doc, fc.nat(), fc.constantFrom("", "<", "</channel>", "&", "&bogus;", "<![CDATA[", "]]>", "\u0000", "\uFFFE", "<!--", "<item>", "\"'"), fc.boolean()).map(
    ([d, at, junk, cut]) => {
      const i = d.length === 0 ? 0 : at % d.length;
      return cut ? d.slice(0, i) : d.slice(0, i) + junk + d.slice(i);
    },
  );

describe("parseFeed and parseSitemap on hostile input", () => {
  test("arbitrary bytes decoded as text never escape as anything but FeedParseError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const text = new TextDecoder("utf-8").decode(bytes);
        const feed = tryParse(() => parseFeed(text, BASE));
        if (!(feed instanceof FeedParseError)) expectWellFormedFeed(feed);
        tryParse(() => parseSitemap(text, BASE));
        expect(typeof sniffDocument(text)).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  test("well-formed feeds with missing fields and odd dates: usable items kept, the rest reported", () => {
    fc.assert(
      fc.property(fc.oneof(rssDoc, atomDoc), (doc) => {
        const feed = tryParse(() => parseFeed(doc, BASE));
        expect(feed).not.toBeInstanceOf(FeedParseError);
        expectWellFormedFeed(feed as ParsedFeed);
        const items = (doc.match(/<(item|entry)>/g) ?? []).length;
        expect((feed as ParsedFeed).entries.length + (feed as ParsedFeed).rejected.length).toBe(items);
      }),
      { numRuns: 300 },
    );
  });

  test("an empty channel is an empty feed, not a broken one (found by the property above)", () => {
    const feed = parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, BASE);
    expect(feed).toMatchObject({ format: "rss", title: null, entries: [], errors: [] });
  });

  test("truncated and spliced feeds and sitemaps: a result or a FeedParseError, never a crash", () => {
    fc.assert(
      fc.property(damaged(fc.oneof(rssDoc, atomDoc, sitemapDoc)), (doc) => {
        const feed = tryParse(() => parseFeed(doc, BASE));
        if (!(feed instanceof FeedParseError)) expectWellFormedFeed(feed);
        const map = tryParse(() => parseSitemap(doc, BASE));
        if (!(map instanceof FeedParseError)) for (const u of map.urls) expect(u.loc).toMatch(/^https?:\/\//);
      }),
      { numRuns: 400 },
    );
  });

  test("entity expansion (billion laughs, quadratic blow-up, external entities) is refused or bounded", () => {
    const laughs = (levels: number, fan: number) => {
      const defs = [`<!ENTITY l0 "lol">`];
      for (let i = 1; i <= levels; i++) defs.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(fan)}">`);
      return `<?xml version="1.0"?><!DOCTYPE rss [${defs.join("")}]><rss version="2.0"><channel><title>&l${levels};</title><item><link>https://x.example/a</link><description>&l${levels};&l${levels};</description></item></channel></rss>`;
    };
    const quadratic = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${"a".repeat(50_000)}">]><rss version="2.0"><channel><item><link>https://x.example/a</link><description>${"&a;".repeat(5_000)}</description></item></channel></rss>`;
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title><item><link>https://x.example/a</link></item></channel></rss>`;
    const many = `<?xml version="1.0"?><!DOCTYPE rss [${Array.from({ length: 1000 }, (_, i) => `<!ENTITY e${i} "x">`).join("")}]><rss version="2.0"><channel><item><link>https://x.example/a</link></item></channel></rss>`;
    for (const doc of [laughs(9, 10), laughs(30, 2), laughs(4, 200), quadratic, external, many]) {
      const feed = tryParse(() => parseFeed(doc, BASE));
      if (feed instanceof FeedParseError) continue;
      expectWellFormedFeed(feed);
      const size = (feed.title ?? "").length + feed.entries.reduce((n, e) => n + (e.summary ?? "").length, 0);
      expect(size).toBeLessThanOrEqual(2_000_000);
      expect(feed.title ?? "").not.toMatch(/root:/);
    }
  });

  test("a 10 MB description and 50k items finish (time measured, not asserted)", () => {
    const big = `<rss version="2.0"><channel><item><link>https://x.example/big</link><description>${"word ".repeat(2_000_000)}</description></item></channel></rss>`;
    const wide = `<rss version="2.0"><channel>${Array.from({ length: 50_000 }, (_, i) => `<item><link>https://x.example/${i}</link><title>T ${i}</title></item>`).join("")}</channel></rss>`;
    const t0 = performance.now();
    const a = parseFeed(big, BASE);
    const b = parseFeed(wide, BASE);
    console.info(`feeds: 10 MB item + 50k items parsed in ${Math.round(performance.now() - t0)} ms`);
    expect(a.entries[0]?.summary?.length).toBeGreaterThan(9_000_000);
    expect(b.entries).toHaveLength(50_000);
  });
});
