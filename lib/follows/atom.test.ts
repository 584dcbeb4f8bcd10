import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test } from "vitest";
import { buildAtomFeed } from "./atom";

const follow = { id: 4, label: "Strike on <Qaraqosh> & market", kind: "event", target: "ev_1", createdAt: "2026-11-25T10:00:00.000Z" };
const changes = [
  { id: 9, kind: "figure_revised", summary: 'Alpha revised "at least 12" → "at least 15"', eventId: "ev_1", articleId: "a_1", createdAt: "2026-11-26T02:00:00.000Z" },
  { id: 8, kind: "new_outlet", summary: "Beta now covers it", eventId: "ev_1", articleId: null, createdAt: "2026-11-26T01:00:00.000Z" },
];

test("a well-formed Atom 1.0 feed with one entry per change, text escaped", () => {
  const xml = buildAtomFeed(follow, changes, { origin: "http://127.0.0.1:3000", selfUrl: "http://127.0.0.1:3000/api/follows/4/atom" });
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).toContain("&lt;Qaraqosh&gt; &amp; market");
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "entry" || name === "link" }).parse(xml);
  const feed = doc.feed;
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  // RFC 4287 4.1.1: a feed has id, title, updated and (here, feed-level) an author.
  expect(feed.id).toBe("tag:parallax,2026:follow/4");
  expect(feed.title).toBe("Parallax: Strike on <Qaraqosh> & market");
  expect(feed.updated).toBe("2026-11-26T02:00:00.000Z");
  expect(feed.author.name).toBe("Parallax");
  expect(feed.link.find((l: Record<string, string>) => l["@_rel"] === "self")["@_href"]).toBe("http://127.0.0.1:3000/api/follows/4/atom");
  expect(feed.entry).toHaveLength(2);
  expect(feed.entry[0]).toMatchObject({ id: "tag:parallax,2026:follow/4/change/9", updated: "2026-11-26T02:00:00.000Z" });
  expect(feed.entry[0].title).toBe('Figure revised: Alpha revised "at least 12" → "at least 15"');
  expect(feed.entry[0].link[0]["@_href"]).toBe("http://127.0.0.1:3000/articles/a_1");
  expect(feed.entry[1].link[0]["@_href"]).toBe("http://127.0.0.1:3000/events/ev_1");
});

test("a follow with no change yet is still a valid feed, updated when it was created", () => {
  const xml = buildAtomFeed(follow, [], { origin: "http://h", selfUrl: "http://h/api/follows/4/atom" });
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser().parse(xml);
  expect(doc.feed.updated).toBe(follow.createdAt);
  expect(doc.feed.entry).toBeUndefined();
});
