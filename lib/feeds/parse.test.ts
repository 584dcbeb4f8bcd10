import { describe, expect, test } from "vitest";
import { fixtureFile } from "../testing/fixture-server";
import { discoverFeedLinks, FeedParseError, parseFeed, parseSitemap, sniffDocument } from "./parse";

const origin = "http://fixture.test:8080";

describe("parseFeed", () => {
  test("RSS 2.0: items, links, dates, authors, full content; an unusable item is reported", () => {
    const feed = parseFeed(fixtureFile("rss.xml", origin), `${origin}/feeds/rss.xml`);
    expect(feed).toMatchObject({ format: "rss", title: "Northern Herald – World", link: `${origin}/`, language: "en-gb" });
    expect(feed.entries).toHaveLength(2);
    const [blast, floods] = feed.entries;
    expect(blast).toMatchObject({
      guid: "nh-2041",
      link: `${origin}/articles/qaraqosh-market-blast`,
      title: "Car bomb kills at least 12 at Qaraqosh market",
      published: "2023-03-14T09:12:00.000Z",
      author: "Layla Haddad",
      summary: "<p>A car bomb tore through a crowded market on Tuesday morning.</p>",
      content: null,
      categories: ["Iraq"],
    });
    expect(floods?.author).toBe("Omar Farouk");
    expect(floods?.content).toContain("<p>At least 3 people were killed");
    expect(feed.errors).toEqual([
      { item: `${origin}/feeds/rss.xml item 3 ("An item with neither link nor content")`, reason: "the item has no link and no content" },
    ]);
  });

  test("Atom: alternate link resolved against the feed URL, html summary decoded", () => {
    const feed = parseFeed(fixtureFile("atom.xml", origin), `${origin}/feeds/atom.xml`);
    expect(feed).toMatchObject({ format: "atom", title: "Levant Wire", link: `${origin}/`, language: "en" });
    expect(feed.entries).toEqual([
      {
        index: 0,
        guid: "urn:levant-wire:7781",
        link: `${origin}/articles/qaraqosh-toll-rises`,
        title: "Death toll in Qaraqosh market bombing rises to 15",
        published: "2023-03-14T11:30:00.000Z",
        updated: "2023-03-14T11:45:00.000Z",
        author: "Sami Nasser",
        summary: "<p>Hospital officials raised the toll.</p>",
        content: null,
        categories: [],
      },
    ]);
  });

  test("RSS 1.0 (RDF)", () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${origin}/"><title>RDF site</title><link>${origin}/</link></channel>
  <item rdf:about="${origin}/a/1"><title>One</title><link>${origin}/a/1</link><dc:date>2023-03-01T10:00:00Z</dc:date></item>
</rdf:RDF>`;
    const feed = parseFeed(rdf, origin);
    expect(feed.format).toBe("rdf");
    expect(feed.entries).toMatchObject([{ title: "One", link: `${origin}/a/1`, published: "2023-03-01T10:00:00.000Z" }]);
  });

  test("javascript: and other non-http links are dropped", () => {
    const rss = `<rss version="2.0"><channel><title>x</title><item><title>t</title><link>javascript:alert(1)</link></item></channel></rss>`;
    const feed = parseFeed(rss, origin);
    expect(feed.entries).toHaveLength(0);
    expect(feed.errors[0]?.reason).toBe("the item has no link and no content");
  });

  test.each([
    ["malformed XML", fixtureFile("malformed.xml", origin), /^malformed XML: .+ \(line \d+, column \d+\)$/],
    ["an HTML page", fixtureFile("home.html", origin), /^expected an RSS or Atom feed, got an HTML page$/],
    ["a sitemap", fixtureFile("sitemap.xml", origin), /^expected an RSS or Atom feed, got a sitemap \(urlset\)$/],
    ["plain text", "hello", /^not an RSS or Atom feed/],
    ["an empty body", "", /^not an RSS or Atom feed/],
  ])("%s is a FeedParseError", (_name, text, message) => {
    expect(() => parseFeed(text, origin)).toThrowError(FeedParseError);
    expect(() => parseFeed(text, origin)).toThrowError(message);
  });

  test("entity expansion is bounded", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
<rss version="2.0"><channel><title>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</title></channel></rss>`;
    let title: string | null | undefined;
    try {
      title = parseFeed(lol, origin).title;
    } catch (err) {
      expect(err).toBeInstanceOf(FeedParseError);
      return;
    }
    // If the parser does not refuse it outright, it must not have expanded it.
    expect((title ?? "").length).toBeLessThan(2_000_000);
  });
});

describe("parseSitemap", () => {
  test("urlset with news titles; non-http locations dropped", () => {
    const map = parseSitemap(fixtureFile("sitemap.xml", origin), `${origin}/sitemap.xml`);
    expect(map).toEqual({
      kind: "urlset",
      urls: [
        { loc: `${origin}/articles/qaraqosh-market-blast`, lastmod: "2023-03-14", title: "Car bomb kills at least 12 at Qaraqosh market" },
        { loc: `${origin}/articles/qaraqosh-toll-rises`, lastmod: null, title: null },
      ],
    });
  });

  test("sitemap index", () => {
    const map = parseSitemap(`<sitemapindex><sitemap><loc>${origin}/news.xml</loc></sitemap></sitemapindex>`, origin);
    expect(map).toEqual({ kind: "sitemapindex", urls: [{ loc: `${origin}/news.xml`, lastmod: null, title: null }] });
  });
});

describe("sniffDocument and discoverFeedLinks", () => {
  test.each([
    ["<?xml version='1.0'?><!-- c --><rss>", "rss"],
    ["\uFEFF<feed xmlns='http://www.w3.org/2005/Atom'>", "atom"],
    ["<!DOCTYPE html><html><head>", "html"],
    ["<urlset>", "urlset"],
    ["<sitemapindex>", "sitemapindex"],
    ["{\"json\": true}", "unknown"],
  ])("%s → %s", (text, kind) => {
    expect(sniffDocument(text)).toBe(kind);
  });

  test("finds the feeds a home page advertises", () => {
    expect(discoverFeedLinks(fixtureFile("home.html", origin), `${origin}/`)).toEqual([`${origin}/feeds/rss.xml`]);
  });
});
