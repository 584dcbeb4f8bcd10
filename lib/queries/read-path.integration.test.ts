import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureSearch } from "../db/search";
import { articleFiltersSchema, eventFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { getCoverage, getOverview, listArticles, listEvents, listLanguages, listOutletFacets } from "./index";
import { countCorpusArticles } from "./overview";
import { insertTestCorpus, type TestArticle } from "./test-corpus";

// 5 outlets, 6 days, three languages (and none), undated articles, two events, a copy.
const outlets = ["alpha.example", "bravo.example", "charlie.example", "delta.example", "echo.example"];
const corpus: TestArticle[] = Array.from({ length: 60 }, (_, i) => {
  const day = 18 + (i % 6);
  const undated = i % 11 === 10;
  return {
    id: `a_${String(i).padStart(3, "0")}`,
    title: `Title ${String.fromCharCode(65 + ((i * 7) % 26))}${i}`,
    // The market event's articles are about shelling, the bridge event's about floods; the rest mixed.
    text: `Field report number ${i}. ${i < 20 || (i >= 30 && i % 3 === 0) ? "Shelling hit the old market." : "Flooding closed the bridge."}`,
    outlet: outlets[(i * 3) % (i % 4 === 0 ? 2 : 5)]!,
    publishedAt: undated ? null : `2016-09-${day}T${String(i % 24).padStart(2, "0")}:00:00Z`,
    language: i % 5 === 0 ? "fr" : i % 7 === 0 ? null : i % 13 === 0 ? "de" : "en",
    event: i < 20 ? "ev_market" : i < 30 ? "ev_bridge" : undefined,
    copyOf: i === 31 ? "a_030" : undefined,
    claims: i % 4,
    statements: i % 3,
  };
});

type Filter = { outlet?: string[]; language?: string[]; from?: string; to?: string; q?: string };

/** The articles of the corpus a filter (without text) keeps. */
function expected(f: Filter): TestArticle[] {
  return corpus.filter((a) => {
    const day = a.publishedAt?.slice(0, 10) ?? null;
    if (f.outlet?.length && !f.outlet.includes(a.outlet)) return false;
    if (f.language?.length && !f.language.includes(a.language ?? "")) return false;
    if (f.from && (!day || day < f.from)) return false;
    if (f.to && (!day || day > f.to)) return false;
    return true;
  });
}

/** Coverage computed from the corpus: per day, per outlet (top by volume, then "other"). */
function expectedCoverage(f: Filter, top: number) {
  const dated = expected(f).filter((a) => a.publishedAt);
  const byOutlet = new Map<string, number>();
  for (const a of dated) byOutlet.set(a.outlet, (byOutlet.get(a.outlet) ?? 0) + 1);
  const totals: Record<string, number> = {};
  const days = new Map<string, Record<string, number>>();
  // Ties in volume are broken by outlet id, which follows first appearance in the corpus.
  const order = [...new Set(corpus.map((a) => a.outlet))];
  const ranked = [...byOutlet.entries()].sort((x, y) => y[1] - x[1] || order.indexOf(x[0]) - order.indexOf(y[0]));
  const shown = new Set(ranked.slice(0, top).map(([k]) => k));
  for (const a of dated) {
    const key = shown.has(a.outlet) ? a.outlet : "__other";
    const day = a.publishedAt!.slice(0, 10);
    const row = days.get(day) ?? {};
    row[key] = (row[key] ?? 0) + 1;
    days.set(day, row);
    totals[key] = (totals[key] ?? 0) + 1;
  }
  return { totals, days };
}

describe.each(PROVIDERS)("lists, counts and coverage on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, corpus);
    // Events: dates and a figure, as refreshEvents would set them.
    await t.database.db.event.update({
      where: { id: "ev_market" },
      data: { title: "Shelling of the old market", firstSeen: new Date("2016-09-18T00:00:00Z"), lastSeen: new Date("2016-09-20T00:00:00Z"), killedMin: 12, articleCount: 20 },
    });
    await t.database.db.event.update({
      where: { id: "ev_bridge" },
      data: { title: "Bridge closed", firstSeen: new Date("2016-09-22T00:00:00Z"), lastSeen: new Date("2016-09-23T00:00:00Z"), articleCount: 10 },
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const filters: Filter[] = [
    {},
    { from: "2016-09-19", to: "2016-09-21" },
    { outlet: ["alpha.example"] },
    { outlet: ["bravo.example", "echo.example"], from: "2016-09-20" },
    { language: ["fr"] },
    { language: ["en", "de"], to: "2016-09-20" },
    // Ranges with whole months: summed from the monthly counts, their partial months from the daily ones.
    { from: "2016-09-01", to: "2016-09-30" },
    { from: "2016-08-15", to: "2016-10-02" },
    { from: "2016-09-01", language: ["en"] },
    { outlet: ["alpha.example", "charlie.example"], to: "2016-09-30" },
    { from: "2016-09-19", to: "2016-10-31" },
  ];

  test.each(filters.flatMap((f) => [1, 2, 8].map((top) => [f, top] as const)))(
    "coverage from the daily counts equals the articles grouped by day (%j, top %i)",
    async (f, top) => {
      const want = expectedCoverage(f, top);
      const got = await getCoverage({ ...f, top }, t.database);
      expect(got.totals).toEqual(want.totals);
      expect(got.rows.map((r) => r.day)).toEqual([...want.days.keys()].sort());
      for (const row of got.rows) {
        const { day, ...values } = row;
        const nonZero = Object.fromEntries(Object.entries(values).filter(([, n]) => n !== 0));
        expect(nonZero).toEqual(want.days.get(day));
      }
      // The on-the-fly path (a text every article contains) agrees with the counts.
      const live = await getCoverage({ ...f, top, q: "report" }, t.database);
      expect(live).toEqual(got);
    },
  );

  test.each(filters)("articles list total and rows follow the filter (%j)", async (f) => {
    const page = await listArticles(articleFiltersSchema.parse({ ...f, pageSize: 200 }), t.database);
    const want = expected(f);
    expect(page.total).toBe(want.length);
    expect(page.totalCapped).toBeUndefined();
    expect(page.rows.map((r) => r.id).sort()).toEqual(want.map((a) => a.id).sort());
  });

  test("a list item carries its outlet, event, copy-of and counts", async () => {
    const page = await listArticles(articleFiltersSchema.parse({ q: '"report number 31"' }), t.database);
    expect(page.rows).toHaveLength(1);
    const a = page.rows[0]!;
    const src = corpus[31]!;
    expect(a).toMatchObject({
      id: "a_031",
      title: src.title,
      outlet: { key: src.outlet, name: `Outlet ${src.outlet}`, kind: "unknown" },
      publishedAt: new Date(src.publishedAt!).toISOString(),
      language: src.language,
      syndicatedFrom: { id: "a_030", title: corpus[30]!.title, outletName: `Outlet ${corpus[30]!.outlet}` },
      eventId: null,
      claimCount: 3,
      statementCount: 1,
    });
    const inEvent = (await listArticles(articleFiltersSchema.parse({ event: "ev_market", pageSize: 50 }), t.database)).rows;
    expect(inEvent).toHaveLength(20);
    expect(inEvent.every((r) => r.eventId === "ev_market" && r.eventTitle === "Shelling of the old market")).toBe(true);
  });

  test.each(
    (["publishedAt", "title", "outlet", "language"] as const).flatMap((sort) => (["desc", "asc"] as const).map((dir) => [sort, dir] as const)),
  )("an event's articles, page by page, in the whole list's order (%s %s)", async (sort, dir) => {
    // PostgreSQL reads an event's articles from its membership first (articleFrom): same rows, same order.
    const all = await listArticles(articleFiltersSchema.parse({ sort, dir, pageSize: 200 }), t.database);
    const expected = all.rows.filter((r) => r.eventId === "ev_market").map((r) => r.id);
    const got: string[] = [];
    for (let page = 1; page <= 5; page++) {
      got.push(...(await listArticles(articleFiltersSchema.parse({ event: "ev_market", sort, dir, page, pageSize: 5 }), t.database)).rows.map((r) => r.id));
    }
    expect(expected).toHaveLength(20);
    expect(got).toEqual(expected);
  });

  test.each(["desc", "asc"] as const)("pages by date (%s) cross from dated to undated articles without loss or repeat", async (dir) => {
    const all = await listArticles(articleFiltersSchema.parse({ dir, pageSize: 200 }), t.database);
    const dated = corpus.filter((a) => a.publishedAt);
    expect(all.rows.slice(0, dated.length).every((r) => r.publishedAt)).toBe(true);
    expect(all.rows.slice(dated.length).every((r) => r.publishedAt === null)).toBe(true);
    const times = all.rows.slice(0, dated.length).map((r) => r.publishedAt!);
    expect(times).toEqual([...times].sort((x, y) => (dir === "asc" ? x.localeCompare(y) : y.localeCompare(x))));
    for (const pageSize of [5, 7]) {
      const ids: string[] = [];
      for (let page = 1; page <= Math.ceil(corpus.length / pageSize); page++) {
        const p = await listArticles(articleFiltersSchema.parse({ dir, pageSize, page }), t.database);
        expect(p.pageCount).toBe(Math.ceil(corpus.length / pageSize));
        ids.push(...p.rows.map((r) => r.id));
      }
      expect(ids).toEqual(all.rows.map((r) => r.id));
    }
    const beyond = await listArticles(articleFiltersSchema.parse({ dir, pageSize: 50, page: 3 }), t.database);
    expect(beyond.rows).toEqual([]);
  });

  test.each([
    ["title", (a: TestArticle) => a.title],
    ["outlet", (a: TestArticle) => `Outlet ${a.outlet}`],
    ["language", (a: TestArticle) => a.language ?? null],
  ] as const)("sorts by %s in both directions, ties by id, nulls last", async (sort, key) => {
    for (const dir of ["asc", "desc"] as const) {
      const got = (await listArticles(articleFiltersSchema.parse({ sort, dir, pageSize: 200 }), t.database)).rows.map((r) => r.id);
      const sign = dir === "asc" ? 1 : -1;
      const want = [...corpus]
        .sort((x, y) => {
          const [kx, ky] = [key(x), key(y)];
          if (kx === null || ky === null) return kx === ky ? sign * (x.id < y.id ? -1 : 1) : kx === null ? 1 : -1;
          return kx !== ky ? sign * (kx < ky ? -1 : 1) : sign * (x.id < y.id ? -1 : 1);
        })
        .map((a) => a.id);
      expect(got).toEqual(want);
    }
  });

  test("the text filter combines with outlet, language, dates and event", async () => {
    const check = async (f: Filter & { event?: string }, want: (a: TestArticle) => boolean) => {
      const page = await listArticles(articleFiltersSchema.parse({ ...f, pageSize: 200 }), t.database);
      const ids = expected(f).filter((a) => (!f.event || a.event === f.event) && want(a)).map((a) => a.id).sort();
      expect(page.rows.map((r) => r.id).sort()).toEqual(ids);
      expect(page.total).toBe(ids.length);
    };
    const shelling = (a: TestArticle) => a.text!.includes("Shelling");
    await check({ q: "shelling" }, shelling);
    await check({ q: "shelling market", outlet: ["alpha.example"], from: "2016-09-19" }, shelling);
    await check({ q: "flood*", language: ["en"] }, (a) => a.text!.includes("Flooding"));
    await check({ q: "shelling", event: "ev_market" }, shelling);
    await check({ q: '"old bridge"' }, () => false);
  });

  test("events list: text in the event title or its articles, outlets, overlapping dates, nulls last", async () => {
    const ids = async (f: Record<string, unknown>) => (await listEvents(eventFiltersSchema.parse(f), t.database)).rows.map((e) => e.id);
    expect(await ids({ q: "old market" })).toEqual(["ev_market"]);
    expect(await ids({ q: "flooding" })).toEqual(["ev_bridge"]);
    expect(await ids({ q: "report", sort: "title", dir: "asc" })).toEqual(["ev_bridge", "ev_market"]);
    expect(await ids({ q: "number 45" })).toEqual([]);
    expect(await ids({ q: '"report number 25"' })).toEqual(["ev_bridge"]);
    expect(await ids({ from: "2016-09-21" })).toEqual(["ev_bridge"]);
    expect(await ids({ to: "2016-09-19" })).toEqual(["ev_market"]);
    expect(await ids({ outlet: corpus[25]!.outlet, q: '"number 25"' })).toEqual(["ev_bridge"]);
    // Both events have an article in German; the default sort is the latest first.
    expect(corpus.filter((a) => a.language === "de" && a.event).map((a) => a.event)).toEqual(["ev_market", "ev_bridge"]);
    expect(await ids({ language: "de" })).toEqual(["ev_bridge", "ev_market"]);
    for (const dir of ["asc", "desc"]) expect(await ids({ sort: "killed", dir })).toEqual(["ev_market", "ev_bridge"]);
    const page = await listEvents(eventFiltersSchema.parse({ pageSize: 5 }), t.database);
    expect(page).toMatchObject({ total: 2, pageCount: 1 });
  });

  test("facets and overview counts come from the maintained counts", async () => {
    const facets = await listOutletFacets({ limit: outlets.length }, t.database);
    expect(facets.more).toBe(false);
    for (const o of outlets) expect(facets.options.find((f) => f.value === o)?.count ?? 0).toBe(corpus.filter((a) => a.outlet === o).length);
    const languages = await listLanguages(t.database);
    expect(languages).toEqual(
      ["de", "en", "fr"].map((l) => ({ value: l, label: l, count: corpus.filter((a) => a.language === l).length })),
    );
    expect((await getOverview(t.database)).articles).toBe(corpus.length);
    expect(await countCorpusArticles(t.database)).toBe(corpus.length);
  });
});
