import { describe, expect, test } from "vitest";
import { fixtureFile } from "../testing/fixture-server";
import { articleFromEntryContent, articleFromEntryPage, entryKey, entrySignature, FULL_TEXT_MIN_WORDS } from "./items";
import { parseFeed, type FeedEntry } from "./parse";
import { addFeedSchema, fetchUrlsSchema, staticUrlRefusal } from "./schemas";

const origin = "http://fixture.test:8080";
const feedUrl = `${origin}/feeds/rss.xml`;
const [blast, floods] = parseFeed(fixtureFile("rss.xml", origin), feedUrl).entries as [FeedEntry, FeedEntry];

describe("feed entries to articles", () => {
  test("a summary-only entry needs its page", () => {
    expect(articleFromEntryContent(blast, feedUrl, null)).toBeNull();
  });

  test("an entry with the full text is used as is, titled and dated by the feed", () => {
    const a = articleFromEntryContent(floods, feedUrl, null);
    expect(a).toMatchObject({
      url: `${origin}/articles/tigris-floods?utm_source=rss`,
      title: "Flooding in the Tigris valley displaces hundreds",
      publishedAt: "2023-03-13T17:40:00.000Z",
      author: "Omar Farouk",
      outlet: { name: "fixture.test", domain: "fixture.test" },
    });
    expect(a!.text.split("\n\n")).toHaveLength(6);
    expect(a!.text.match(/\S+/g)!.length).toBeGreaterThanOrEqual(FULL_TEXT_MIN_WORDS);
  });

  test("the page gives text and metadata; the feed fills the gaps; a feed outlet wins", () => {
    const page = fixtureFile("qaraqosh-market-blast.html", origin).replace(/<meta property="article:published_time"[^>]*>/, "");
    const { articles, errors } = articleFromEntryPage(blast, page, feedUrl, { name: "Northern Herald", domain: "northern-herald.example" });
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      url: `${origin}/articles/qaraqosh-market-blast`,
      title: "Car bomb kills at least 12 at Qaraqosh market",
      publishedAt: "2023-03-14T09:12:00.000Z",
      author: "Layla Haddad",
      outlet: { name: "Northern Herald", domain: "northern-herald.example" },
      tags: ["Iraq"],
    });
    expect(articles[0]!.text).toMatch(/^At least 12 people were killed and 30 others wounded/);
  });

  test("a page without article text is an item error", () => {
    const { articles, errors } = articleFromEntryPage(blast, "<html><body></body></html>", feedUrl, null);
    expect(articles).toEqual([]);
    expect(errors).toEqual([{ item: `${origin}/articles/qaraqosh-market-blast`, reason: "no article text found in the page" }]);
  });

  test("keys prefer the guid; signatures change with what the feed says", () => {
    expect(entryKey(blast)).toBe("guid:nh-2041");
    expect(entryKey({ ...blast, guid: null })).toBe(`link:${origin}/articles/qaraqosh-market-blast`);
    expect(entryKey({ ...blast, guid: null, link: null, content: "<p>x</p>" })).toMatch(/^content:[0-9a-f]{32}$/);
    expect(entryKey({ ...blast, guid: null, link: null, content: null })).toBeNull();
    expect(entrySignature(blast)).toBe(entrySignature({ ...blast, categories: ["other"] }));
    expect(entrySignature(blast)).not.toBe(entrySignature({ ...blast, title: "Car bomb kills at least 15 at Qaraqosh market" }));
    expect(entrySignature(blast)).not.toBe(entrySignature({ ...blast, updated: "2023-03-15" }));
  });
});

describe("schemas", () => {
  test.each([
    [{ url: "https://example.org/rss" }, { url: "https://example.org/rss", intervalMinutes: 30, enabled: true, fetch: true }],
    [{ url: " https://Example.org/rss#top ", intervalMinutes: 5, title: " World " }, { url: "https://example.org/rss", intervalMinutes: 5, title: "World", enabled: true, fetch: true }],
  ])("addFeedSchema accepts %j", (input, expected) => {
    expect(addFeedSchema.parse(input)).toEqual(expected);
  });

  test.each([
    [{}, "url", "expected a URL"],
    [{ url: "ftp://example.org/rss" }, "url", "only http and https URLs can be fetched, not ftp"],
    [{ url: "http://u:p@example.org/" }, "url", "a URL with a user name or password is not accepted"],
    [{ url: "example.org/rss" }, "url", "not a valid URL: example.org/rss"],
    [{ url: "https://example.org/rss", intervalMinutes: 1 }, "intervalMinutes", "at least 5 minutes"],
    [{ url: "https://example.org/rss", intervalMinutes: 2.5 }, "intervalMinutes", "expected a whole number of minutes"],
    [{ url: "https://example.org/rss", intervalMinutes: "30" }, "intervalMinutes", "expected a whole number of minutes"],
    [{ url: "https://example.org/rss", extra: 1 }, "", "Unrecognized key: \"extra\""],
  ])("addFeedSchema refuses %j (%s)", (input, field, message) => {
    const r = addFeedSchema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path.join(".")).toBe(field);
    expect(issue.message).toBe(message);
  });

  test("fetchUrlsSchema names the bad URL's index", () => {
    const r = fetchUrlsSchema.safeParse({ urls: ["https://example.org/a", "mailto:x@example.org"] });
    expect(r.error?.issues[0]).toMatchObject({ path: ["urls", 1], message: "only http and https URLs can be fetched, not mailto" });
    expect(fetchUrlsSchema.safeParse({ urls: [] }).error?.issues[0]?.message).toBe("give at least one URL");
  });

  test.each([
    ["http://10.0.0.5/rss", [], "refused: 10.0.0.5 is a private address"],
    ["http://[::1]:8080/rss", [], "refused: ::1 is a loopback address"],
    ["http://127.0.0.1:8080/rss", ["127.0.0.1"], null],
    ["http://93.184.216.34/rss", [], null],
    ["http://localhost/rss", [], null],
  ])("staticUrlRefusal(%s, allow %j)", (url, allowHosts, expected) => {
    expect(staticUrlRefusal(url, { allowHosts })).toBe(expected);
  });
});
