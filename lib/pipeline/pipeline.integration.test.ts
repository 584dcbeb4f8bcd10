import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseSeedText } from "../ingest";
import type { NormalizedArticle } from "../ingest/types";
import { insertArticleBatch, type PreparedArticle } from "../mutations/articles";
import { exportRows, getArticle, getEvent, getOverview, listArticles, listEvents, listIngestRuns } from "../queries";
import { articleFiltersSchema, eventDetailFiltersSchema, eventFiltersSchema, exportFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestArticles } from "./ingest";

const seedText = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/demo/seed-deir-ez-zor.txt"), "utf8");

function article(over: Partial<NormalizedArticle> & Pick<NormalizedArticle, "url" | "title" | "text">): NormalizedArticle {
  return {
    canonicalUrl: null,
    publishedAt: "2016-09-18T10:00:00Z",
    author: null,
    language: "en",
    outlet: null,
    originalSource: null,
    tags: [],
    externalId: null,
    ...over,
  };
}

const strikeWire = `At least 83 Syrian soldiers were killed and more than 110 wounded when coalition jets struck army positions on a mountain near Deir ez-Zor airport on Saturday, the Syrian Observatory for Human Rights said.

The strike hit positions on Tharda mountain, which Islamic State fighters overran shortly afterwards, according to the monitoring group.

"The raid went on for almost an hour," the Syrian army said in a statement, calling it a deliberate act of aggression.

Coalition officials said the operation was halted as soon as Russian officers warned that Syrian forces might be in the target area.`;

const floodStory = `Seven people died and at least 12 were injured when flash floods swept through the river town of Aldmoor on Sunday night, regional officials said.

Rescue teams searched collapsed houses along the river bank through the night, and two residents remain missing, the civil protection agency said.

"The water rose faster than anyone had seen before," the town's mayor said.`;

const corpus: NormalizedArticle[] = [
  article({
    url: "https://levantwire.example/2016/09/18/deir-ez-zor-strike",
    title: "Coalition strike kills at least 83 Syrian soldiers near Deir ez-Zor - Levant Wire",
    text: strikeWire,
    publishedAt: "2016-09-18T08:00:00Z",
    outlet: { name: "Levant Wire", domain: "levantwire.example" },
  }),
  article({
    url: "https://meridianpost.example/world/deir-ez-zor-strike",
    title: "Dozens of Syrian soldiers killed in coalition strike | The Meridian Post",
    text: strikeWire + "\n\n(Levant Wire)",
    publishedAt: "2016-09-18T12:00:00Z",
    outlet: { name: "The Meridian Post", domain: "meridianpost.example" },
  }),
  article({
    url: "https://riversidechronicle.example/aldmoor-floods",
    title: "Seven dead as flash floods hit Aldmoor",
    text: floodStory,
    publishedAt: "2016-09-19T07:00:00Z",
    outlet: { name: "Riverside Chronicle", domain: "riversidechronicle.example" },
  }),
];

describe.each(PROVIDERS)("ingest pipeline and queries on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("the seed article is stored with its metadata, figures and statements", async () => {
    const parsed = parseSeedText(seedText, { source: "seed.txt" });
    expect(parsed.errors).toEqual([]);
    const report = await ingestArticles(t.database, parsed.articles, { source: "seed.txt" });
    expect(report).toMatchObject({ added: 1, duplicates: 0, failed: 0 });

    const page = await listArticles(articleFiltersSchema.parse({}), t.database);
    expect(page.total).toBe(1);
    const a = await getArticle(page.rows[0]!.id, t.database);
    expect(a).toMatchObject({
      outlet: { name: "Mondialisation.ca", key: "mondialisation.ca" },
      author: "Alex Lantier",
      language: "en",
      originalSourceName: "World Socialist Web Site",
    });
    expect(a!.publishedAt!.slice(0, 10)).toBe("2016-09-20");
    const killed = a!.claims.find((c) => c.kind === "killed" && c.isHeadline)!;
    expect(killed).toMatchObject({ min: 62, max: null, qualifier: "at_least" });
    expect(a!.text.slice(killed.sentenceStart, killed.sentenceEnd)).toBe(killed.sentence);
    expect(killed.sentence).toMatch(/^At least sixty-two Syrian troops died and 100 were wounded/);
    const wounded = a!.claims.find((c) => c.kind === "wounded" && c.isHeadline)!;
    expect(wounded).toMatchObject({ min: 100, max: 100 });
    const speakers = new Set(a!.statements.map((s) => s.speaker));
    expect(speakers).toContain("Vitaly Churkin");
    for (const s of a!.statements) expect(a!.text.slice(s.start, s.end)).toBe(s.text);
  });

  test("re-ingesting is idempotent: the same URLs are reported as duplicates", async () => {
    const first = await ingestArticles(t.database, corpus, { source: "corpus" });
    expect(first).toMatchObject({ added: 3, duplicates: 0, failed: 0 });
    const again = await ingestArticles(t.database, [...corpus, ...parseSeedText(seedText).articles], { source: "corpus again" });
    expect(again).toMatchObject({ added: 0, duplicates: 4, failed: 0 });
    expect((await getOverview(t.database)).articles).toBe(4);
  });

  test("a republished copy joins its original's event and does not count as an independent source", async () => {
    const wireArticle = (await listArticles(articleFiltersSchema.parse({ outlet: "levantwire.example" }), t.database)).rows[0]!;
    const copy = (await listArticles(articleFiltersSchema.parse({ outlet: "meridianpost.example" }), t.database)).rows[0]!;
    expect(copy.eventId).toBe(wireArticle.eventId);
    expect(copy.syndicatedFrom).toMatchObject({ id: wireArticle.id, outletName: "Levant Wire" });
    const events = await listEvents(eventFiltersSchema.parse({ q: "Deir ez-Zor" }), t.database);
    const strike = events.rows.find((e) => e.id === wireArticle.eventId);
    expect(strike).toBeDefined();
    // The copy adds an article and an outlet, but no independent source.
    expect(strike!.sourceCount).toBe(strike!.articleCount - 1);
    expect(strike!.outletCount).toBe(strike!.articleCount);
    const detail = await getEvent(strike!.id, eventDetailFiltersSchema.parse({}), t.database);
    const meridian = detail!.comparison.find((c) => c.outlet.key === "meridianpost.example")!;
    expect(meridian.copiesOnly).toBe(true);
    expect(meridian.copiedFrom).toEqual(["Levant Wire"]);
    const wire = detail!.comparison.find((c) => c.outlet.key === "levantwire.example")!;
    expect(wire.killed.find((c) => c.isHeadline)).toMatchObject({ min: 83, qualifier: "at_least" });
    expect(detail!.counts.some((p) => p.outletKey === "levantwire.example" && p.kind === "killed" && p.min === 83)).toBe(true);
  });

  test("events list filters by outlet, sorts and pages in the database", async () => {
    const all = await listEvents(eventFiltersSchema.parse({ sort: "articleCount", dir: "desc", pageSize: 5 }), t.database);
    expect(all.rows[0]!.articleCount).toBeGreaterThanOrEqual(all.rows[all.rows.length - 1]!.articleCount);
    const flood = await listEvents(eventFiltersSchema.parse({ outlet: "riversidechronicle.example" }), t.database);
    expect(flood.total).toBe(1);
    expect(flood.rows[0]).toMatchObject({ killed: { min: 7, max: 7 } });
    const paged = await listEvents(eventFiltersSchema.parse({ pageSize: 5, page: 2 }), t.database);
    expect(paged.rows).toEqual([]);
    expect(paged.pageCount).toBe(1);
  });

  test("text search is case-insensitive on both databases", async () => {
    const hits = await listArticles(articleFiltersSchema.parse({ q: "ALDMOOR" }), t.database);
    expect(hits.rows.map((r) => r.outlet.key)).toEqual(["riversidechronicle.example"]);
  });

  test("exports stream exactly the filtered rows with their joins", async () => {
    const f = exportFiltersSchema.parse({ outlet: ["levantwire.example", "meridianpost.example"] });
    const claims: unknown[] = [];
    const source = exportRows("claims", f, { limit: 1000 }, t.database);
    for await (const row of source.rows) claims.push(row);
    const expected = (await listArticles(articleFiltersSchema.parse({ outlet: f.outlet }), t.database)).rows.reduce(
      (n, a) => n + a.claimCount,
      0,
    );
    expect(claims.length).toBe(expected);
    const headers = source.columns.map((c) => c.header);
    expect(headers).toEqual(expect.arrayContaining(["event_id", "article_url", "outlet", "kind", "min", "max", "evidence_sentence"]));
    const first = source.columns.map((c) => c.value(claims[0]));
    expect(first).toContain("Levant Wire");
  });

  test.each(["desc", "asc"] as const)("exports page through ties and undated articles without losing or repeating rows (%s)", async (dir) => {
    const extra = ["a", "b", "c"].map((k, i) =>
      article({
        url: `https://riversidechronicle.example/same-minute-${dir}-${k}`,
        title: `Council meeting notes ${k}`,
        text: `The town council met on Monday to discuss the budget for the ${k} district. Item ${i}.`,
        publishedAt: i < 2 ? "2016-09-18T12:00:00Z" : null,
        outlet: { name: "Riverside Chronicle", domain: "riversidechronicle.example" },
      }),
    );
    await ingestArticles(t.database, extra, { source: `ties ${dir}` });
    const listed = await listArticles(articleFiltersSchema.parse({ pageSize: 200, sort: "publishedAt", dir }), t.database);
    for (const pageSize of [1, 2, 3]) {
      const ids: string[] = [];
      const source = exportRows("articles", exportFiltersSchema.parse({ sort: "publishedAt", dir }), { limit: 1000, pageSize }, t.database);
      // Rows are the export's own (arrays for articles): read the id through its column.
      const idColumn = source.columns.find((c) => c.key === "id")!;
      for await (const row of source.rows) ids.push(idColumn.value(row) as string);
      expect(ids).toEqual(listed.rows.map((r) => r.id));
    }
  });

  test("a failing batch is rolled back whole: no article, claim or event of it remains", async () => {
    const before = await getOverview(t.database);
    const base = corpus[2]!;
    const prepared: PreparedArticle = {
      id: "a_rollback_test",
      article: { ...base, url: "https://riversidechronicle.example/rollback" },
      contentHash: "x",
      outletKey: "riversidechronicle.example",
      outletName: "Riverside Chronicle",
      outletDomain: "riversidechronicle.example",
      extraction: {
        claims: [],
        statements: [],
        summary: { killed: null, wounded: null },
      },
      assignment: { id: "a_rollback_test", eventId: "ev_rollback", score: 1, isNew: true, duplicateOf: null, duplicateScore: null },
    };
    // The same id twice violates the primary key on the second insert.
    await expect(insertArticleBatch(t.database, [prepared, prepared], null)).rejects.toThrow();
    const after = await getOverview(t.database);
    expect(after).toEqual(before);
    expect(await t.database.db.event.findUnique({ where: { id: "ev_rollback" } })).toBeNull();
  });

  test("every ingest is recorded as a run with its counts", async () => {
    const runs = await listIngestRuns(10, t.database);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.find((r) => r.source === "corpus again")).toMatchObject({ added: 0, duplicates: 4, status: "succeeded" });
  });
});
