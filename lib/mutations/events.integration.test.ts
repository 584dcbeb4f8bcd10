import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseFile } from "../ingest";
import type { NormalizedArticle } from "../ingest/types";
import { ingestArticles } from "../pipeline/ingest";
import { exportRows, listArticles, listEvents } from "../queries";
import { articleFiltersSchema, eventFiltersSchema, exportFiltersSchema } from "../schemas/filters";
import type { EventListItem } from "../schemas/dto";
import { testArticle as article } from "../testing/articles";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { failUpdatesWithDeadlock } from "../testing/pg-faults";
import { fillArticleLocations } from "./article-places";
import { refreshEvents } from "./events";

// A hand-made corpus: a strike reported by three independent outlets with three figures (62, 83,
// 90: median 83), and a convoy attack reported by two (12 and 20: median 16). 17 Sep 2016 was a
// Saturday, 19 Sep a Monday. Each text is written separately, so none is taken for a copy.
const corpus: NormalizedArticle[] = [
  article("https://levantwire.example/strike", "Levant Wire", "2016-09-17T18:05:00Z",
    "Coalition strike kills 62 Syrian soldiers near Deir ez-Zor - Levant Wire",
    "Sixty-two Syrian soldiers were killed on Saturday when coalition jets struck army positions on Tharda mountain near Deir ez-Zor airport, the Russian Defence Ministry said.\n\n" +
      "Moscow called for an emergency meeting of the Security Council, and the coalition said it had stopped the raid as soon as it was warned."),
  article("https://northernledger.example/strike", "Northern Ledger", "2016-09-18T14:20:00Z",
    "UPDATE 2-Monitor says 83 Syrian soldiers died in coalition raid near Deir ez-Zor",
    "Eighty-three Syrian soldiers died in Saturday's coalition air raid near Deir ez-Zor, the Syrian Observatory for Human Rights said on Sunday, a higher toll than Moscow gave.\n\n" +
      "Islamic State fighters overran the Tharda heights shortly after the jets left, according to the monitoring group."),
  article("https://meridianpost.example/strike", "The Meridian Post", "2016-09-19T09:00:00Z",
    "Toll from Deir ez-Zor coalition strike on Syrian soldiers rises to 90 | The Meridian Post",
    "Syrian state media said on Monday that 90 soldiers were killed in the coalition bombing of army positions outside Deir ez-Zor on Saturday.\n\n" +
      "Washington has expressed regret for what it called an unintentional loss of life, while Damascus accused it of helping the militants."),
  article("https://capitalherald.example/convoy", "Capital Herald", "2016-09-19T22:10:00Z",
    "Aid convoy bombed near Aleppo, 12 aid workers killed - Capital Herald",
    "Twelve people were killed on Monday when a Red Crescent aid convoy was bombed near the town of Urum al-Kubra, west of Aleppo, a monitoring group said.\n\n" +
      "The convoy of 31 trucks was carrying food and medicine for people in the countryside of Aleppo."),
  article("https://riversidechronicle.example/convoy", "Riverside Chronicle", "2016-09-20T10:30:00Z",
    "VIDEO: Red Crescent mourns 20 killed in Aleppo aid convoy bombing",
    "Twenty people were killed in Monday's bombing of the aid convoy near Aleppo, the United Nations said, as it suspended all of its relief convoys in Syria.\n\n" +
      "A local Red Crescent director was among the dead, the organisation said in a statement mourning its volunteers."),
];

describe.each(PROVIDERS)("event place, day and medians on %s", (provider) => {
  let t: TestDatabase;
  let strikeEvent: EventListItem;
  let convoyEvent: EventListItem;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const report = await ingestArticles(t.database, corpus, { source: "hand-made corpus", batchSize: 2 });
    expect(report).toMatchObject({ added: 5, failed: 0 });
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("the grouped events get their place, day, medians and a clean title", async () => {
    const page = await listEvents(eventFiltersSchema.parse({ sort: "articleCount", dir: "desc" }), t.database);
    expect(page.total).toBe(2);
    [strikeEvent, convoyEvent] = page.rows as [EventListItem, EventListItem];
    expect(strikeEvent).toMatchObject({
      articleCount: 3,
      sourceCount: 3,
      place: "Deir ez-Zor, Syria",
      day: "2016-09-17",
      killed: { min: 62, max: 90 },
      killedMedian: 83,
      woundedMedian: null,
    });
    expect(strikeEvent.title).not.toMatch(/UPDATE|Levant Wire|Meridian Post/);
    expect(convoyEvent).toMatchObject({ articleCount: 2, place: "Aleppo, Syria", day: "2016-09-19", killedMedian: 16 });
    expect(convoyEvent.title).not.toMatch(/VIDEO|Capital Herald/);
  });

  test.each([
    ["desc", ["strike", "convoy"]],
    ["asc", ["convoy", "strike"]],
  ] as const)("the events list sorts by the killed median (%s)", async (dir, order) => {
    const page = await listEvents(eventFiltersSchema.parse({ sort: "killedMedian", dir }), t.database);
    const names = page.rows.map((e) => (e.id === strikeEvent.id ? "strike" : e.id === convoyEvent.id ? "convoy" : e.id));
    expect(names).toEqual(order);
    // No wounded figures: every event sorts (nulls last) without an error.
    expect((await listEvents(eventFiltersSchema.parse({ sort: "woundedMedian", dir }), t.database)).total).toBe(2);
  });

  test("the events export has the place, day and medians", async () => {
    const source = exportRows("events", exportFiltersSchema.parse({ sort: "killedMedian", dir: "desc" }), { limit: 100 }, t.database);
    const rows: Record<string, unknown>[] = [];
    for await (const row of source.rows) rows.push(Object.fromEntries(source.columns.map((c) => [c.header, c.value(row)])));
    expect(rows.map((r) => [r.place, r.day, r.killed_median, r.wounded_median])).toEqual([
      ["Deir ez-Zor, Syria", "2016-09-17", 83, null],
      ["Aleppo, Syria", "2016-09-19", 16, null],
    ]);
  });

  test("an analyst's title is kept; place and day are still refreshed", async () => {
    const { db } = t.database;
    await db.event.update({ where: { id: strikeEvent.id }, data: { title: "Tharda mountain strike", titleManual: true, place: null, day: null } });
    await refreshEvents(db, [strikeEvent.id], t.database);
    expect(await db.event.findUnique({ where: { id: strikeEvent.id }, select: { title: true, place: true, day: true } })).toEqual({
      title: "Tharda mountain strike",
      place: "Deir ez-Zor, Syria",
      day: "2016-09-17",
    });
  });

  test("articles stored before places were computed get them from fillArticleLocations, once", async () => {
    const { db } = t.database;
    // As a database migrated from before this change: no per-article places, no event place/day/medians.
    await db.article.updateMany({ data: { places: null, eventDay: null } });
    await db.event.updateMany({ data: { place: null, day: null, killedMedian: null } });
    expect(await fillArticleLocations(t.database)).toEqual({ articles: 5, events: 2 });
    const events = await db.event.findMany({ orderBy: { articleCount: "desc" }, select: { place: true, day: true, killedMedian: true } });
    expect(events).toEqual([
      { place: "Deir ez-Zor, Syria", day: "2016-09-17", killedMedian: 83 },
      { place: "Aleppo, Syria", day: "2016-09-19", killedMedian: 16 },
    ]);
    expect(await fillArticleLocations(t.database)).toEqual({ articles: 0, events: 0 });
  });

  // Deadlocks are PostgreSQL's (SQLite has one writer, and its busy waits are the driver's timeout).
  test.runIf(provider === "postgresql")("a page of fillArticleLocations that loses a deadlock is run again", async () => {
    const { db } = t.database;
    await db.article.updateMany({ data: { places: null, eventDay: null } });
    await db.event.updateMany({ data: { place: null, day: null } });
    const fault = await failUpdatesWithDeadlock(t.database, "Article");
    try {
      expect(await fillArticleLocations(t.database)).toEqual({ articles: 5, events: 2 });
      // 5 article updates on the second try, after the first one failed.
      expect(await fault.updates()).toBe(6);
    } finally {
      await fault.remove();
    }
    expect(await db.article.count({ where: { places: null } })).toBe(0);
    const events = await db.event.findMany({ orderBy: { articleCount: "desc" }, select: { place: true, day: true } });
    expect(events).toEqual([
      { place: "Deir ez-Zor, Syria", day: "2016-09-17" },
      { place: "Aleppo, Syria", day: "2016-09-19" },
    ]);
  });
});

describe("the demo corpus: each event's place and day", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    const demo = path.resolve(import.meta.dirname, "../../prisma/demo");
    const files = fs.readdirSync(demo).filter((f) => f !== "README.md");
    const parsed = files.map((f) => parseFile(f, fs.readFileSync(path.join(demo, f))));
    await ingestArticles(t.database, parsed.flatMap((p) => p.articles), { source: "demo" });
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("the seed article's event is Deir ez-Zor, 17 September 2016; the others are placed and dated too", async () => {
    const seed = (await listArticles(articleFiltersSchema.parse({ q: "62 Dead, 100 Wounded" }), t.database)).rows[0]!;
    const events = (await listEvents(eventFiltersSchema.parse({ pageSize: 50 }), t.database)).rows;
    expect(events.find((e) => e.id === seed.eventId)).toMatchObject({ place: "Deir ez-Zor, Syria", day: "2016-09-17" });
    // Grouping decides how many events; whatever it decides, each is placed and dated as its story says.
    expect(new Set(events.map((e) => `${e.place} / ${e.day}`))).toEqual(
      new Set(["Deir ez-Zor, Syria / 2016-09-17", "Aleppo, Syria / 2016-09-19", "Kellan Valley / 2016-09-17", "New York / 2016-09-20", "Port Casmir / 2016-09-19"]),
    );
  });
});
