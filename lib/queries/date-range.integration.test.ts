import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { ingestArticles } from "../pipeline/ingest";
import { articleFiltersSchema, eventFiltersSchema, parseFilters } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { getCoverage, listArticles, listEvents } from ".";
import { dayRange } from "./where";

function article(slug: string, publishedAt: string, title: string, text: string): NormalizedArticle {
  return {
    url: `https://dates.example/${slug}`, canonicalUrl: null, title, text, publishedAt, author: null, language: "en",
    outlet: { name: "Dates Daily", domain: "dates.example" }, originalSource: null, tags: [], externalId: null,
  };
}

const corpus = [
  article("flood", "2016-09-17T08:00:00Z", "Flood kills 12 in Qaraqosh", "At least 12 people were killed when the river burst its banks in Qaraqosh on Saturday, officials said."),
  article("fire", "2021-03-02T10:00:00Z", "Factory fire in Lyon injures 4", "Four workers were injured when a fire broke out at a textile factory in Lyon on Tuesday, firefighters said."),
];

describe("dayRange", () => {
  test("the last day a date field can hold has no upper bound: the day after it is not a four-digit year", () => {
    expect(dayRange("2016-09-17", "2016-09-17")).toEqual({ gte: new Date("2016-09-17T00:00:00Z"), lt: new Date("2016-09-18T00:00:00Z") });
    expect(dayRange(undefined, "9999-12-31")).toEqual({});
    expect(dayRange("0001-01-01", "9999-12-31")).toEqual({ gte: new Date("0001-01-01T00:00:00Z") });
    expect(dayRange(undefined, "9999-12-30")).toEqual({ lt: new Date("9999-12-31T00:00:00Z") });
  });
});

describe.each(PROVIDERS)("date filters at the ends of the calendar on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ingestArticles(t.database, corpus, { source: "test", pool: null });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const articles = (q: string) => {
    const f = parseFilters(articleFiltersSchema, new URLSearchParams(q));
    if (!f.ok) throw new Error(f.error);
    return listArticles(f.data, t.database);
  };
  const events = (q: string) => {
    const f = parseFilters(eventFiltersSchema, new URLSearchParams(q));
    if (!f.ok) throw new Error(f.error);
    return listEvents(f.data, t.database);
  };

  test.each([
    ["to=9999-12-31", 2],
    ["from=0001-01-01&to=9999-12-31", 2],
    ["from=0001-01-01", 2],
    ["from=2017-01-01&to=9999-12-31", 1],
    ["from=0001-01-01&to=2016-12-31", 1],
  ])("%s: the list's rows and its total agree (to=9999-12-31 listed no row while counting them all)", async (q, n) => {
    const a = await articles(q);
    expect(a.total).toBe(n);
    expect(a.rows).toHaveLength(n);
    const e = await events(q);
    expect(e.total).toBe(n);
    expect(e.rows).toHaveLength(n);
    const f = parseFilters(articleFiltersSchema, new URLSearchParams(q));
    if (!f.ok) throw new Error(f.error);
    const coverage = await getCoverage(f.data, t.database);
    expect(Object.values(coverage.totals).reduce((sum, x) => sum + x, 0)).toBe(n);
  });
});
