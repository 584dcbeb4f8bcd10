import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ArticleListItem } from "../schemas/dto";
import { eventDetailFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { getEventArticlePage, getEventWithArticlePage, type EventArticlePaging } from "./event-detail";
import { insertTestCorpus, type TestArticle } from "./test-corpus";

// The event page cuts its articles table's page (sorted by time) from the members it read for the
// comparison; it must be the page the table's own query returns, in every direction, on every
// page, with filters, ties and undated articles. Ids are shaped as ingest makes them.
const hex = (i: number) => "a_" + ((i * 2654435761) >>> 0).toString(16).padStart(20, "0");
const TIMES = ["2016-09-17T08:00:00Z", "2016-09-17T09:30:00Z", "2016-09-18T10:00:00Z", null];
const corpus: TestArticle[] = Array.from({ length: 47 }, (_, i) => ({
  id: hex(i + 1),
  title: `Report ${i}`,
  outlet: `outlet-${i % 5}.example`,
  // Many ties on one time, and undated articles.
  publishedAt: i % 7 === 0 ? null : TIMES[i % 3]!.replace("08:00", `08:${String(i % 2).padStart(2, "0")}`),
  language: i % 4 === 0 ? "fr" : "en",
  event: "ev_page",
  // Copies of a member and of an article of another event; claims and statements to count.
  copyOf: i % 9 === 4 ? hex(1) : i % 9 === 5 ? hex(999) : undefined,
  claims: i % 3,
  statements: i % 4,
}));

describe.each(PROVIDERS)("the event page's articles table on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await insertTestCorpus(t.database, [{ id: hex(999), title: "Elsewhere", outlet: "outlet-0.example", event: "ev_other" }, ...corpus]);
  });
  afterAll(async () => t?.drop());

  const filters = [{}, { outlet: ["outlet-1.example", "outlet-3.example"] }, { language: ["fr"] }, { from: "2016-09-18" }];
  test.each(filters)("sorted by time, every page and direction, is the table's own page (filters %j)", async (raw) => {
    const f = eventDetailFiltersSchema.parse(raw);
    let pages = 0;
    const seen: ArticleListItem[] = [];
    for (const dir of ["asc", "desc"] as const) {
      for (let page = 1; page <= 4; page++) {
        const paging: EventArticlePaging = { page, pageSize: 13, sort: "publishedAt", dir };
        const expected = await getEventArticlePage("ev_page", f, paging, t.database);
        const both = (await getEventWithArticlePage("ev_page", f, paging, t.database))!;
        expect(both.articles.map((a) => a.id)).toEqual(expected.map((a) => a.id));
        expect(both.articles).toEqual(expected);
        seen.push(...both.articles);
        if (expected.length) pages++;
      }
    }
    expect(pages).toBeGreaterThan(1);
    // The items carry what the members read does not: counts, and originals in and out of the event.
    if (Object.keys(raw).length === 0) {
      expect(seen.some((a) => a.claimCount > 0 && a.statementCount > 0)).toBe(true);
      expect(new Set(seen.flatMap((a) => (a.syndicatedFrom ? [a.syndicatedFrom.title] : [])))).toEqual(new Set(["Report 0", "Elsewhere"]));
    }
  });

  test("other sorts are the table's own page too; an unknown event has none", async () => {
    const f = eventDetailFiltersSchema.parse({});
    for (const sort of ["title", "outlet", "language"] as const) {
      const paging: EventArticlePaging = { page: 2, pageSize: 10, sort, dir: "desc" };
      const both = (await getEventWithArticlePage("ev_page", f, paging, t.database))!;
      expect(both.articles).toEqual(await getEventArticlePage("ev_page", f, paging, t.database));
    }
    expect(await getEventWithArticlePage("ev_missing", f, { page: 1, pageSize: 10, sort: "publishedAt", dir: "asc" }, t.database)).toBeNull();
  });
});
