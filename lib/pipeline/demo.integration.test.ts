import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseFile } from "../ingest";
import { getEvent, listArticles, listEvents } from "../queries";
import { articleFiltersSchema, eventDetailFiltersSchema, eventFiltersSchema } from "../schemas/filters";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { ingestArticles } from "./ingest";

const DEMO = path.resolve(import.meta.dirname, "../../prisma/demo");

/**
 * Golden test of the whole pipeline on the demo corpus (prisma/demo/README.md describes what
 * each article states): grouping into events, copies, and the figures analysts compare.
 */
describe("the demo corpus through the pipeline", () => {
  let t: TestDatabase;
  const eventOf = new Map<string, string | null>();
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    const files = fs.readdirSync(DEMO).filter((f) => f !== "README.md");
    const parsed = files.map((f) => parseFile(f, fs.readFileSync(path.join(DEMO, f))));
    expect(parsed.flatMap((p) => p.errors)).toEqual([]);
    const report = await ingestArticles(t.database, parsed.flatMap((p) => p.articles), { source: "demo" });
    expect(report).toMatchObject({ added: 22, failed: 0 });
    const articles = await listArticles(articleFiltersSchema.parse({ pageSize: 200 }), t.database);
    for (const a of articles.rows) eventOf.set(a.url ?? a.title, a.eventId);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const find = (fragment: string) => {
    const key = [...eventOf.keys()].find((k) => k.includes(fragment));
    if (!key) throw new Error(`no demo article matching ${fragment}`);
    return eventOf.get(key)!;
  };

  test.each([
    ["the seed (a long analysis piece) joins the wire reports of the Deir ez-Zor strike", "62 Dead, 100 Wounded", "levantwire.example/news/2016/09/17"],
    ["a declared republication joins its original", "crossroadsreview.example", "northernledger.example/international/2016/09/18"],
    ["the convoy attack reports form one event", "riversidechronicle.example/world/2016/09/21/red-crescent", "levantwire.example/news/2016/09/19/aleppo-aid-convoy"],
    ["the flood reports form one event", "capitalherald.example/news/national/2016/09/20", "northernledger.example/national/2016/09/18"],
  ])("%s", (_name, a, b) => {
    expect(find(a)).toBe(find(b));
  });

  test("different events stay apart", () => {
    const strike = find("levantwire.example/news/2016/09/17");
    expect(find("levantwire.example/news/2016/09/19/aleppo-aid-convoy")).not.toBe(strike);
    expect(find("northernledger.example/national/2016/09/18")).not.toBe(strike);
    expect(find("gulfobserver.example/local/2016/09/20")).not.toBe(find("northernledger.example/national/2016/09/18"));
  });

  test("the strike's comparison shows disagreeing figures, copies and the count's evolution", async () => {
    const detail = (await getEvent(find("levantwire.example/news/2016/09/17"), eventDetailFiltersSchema.parse({}), t.database))!;
    const headline = (key: string) => detail.comparison.find((c) => c.outlet.key === key)?.killed.find((k) => k.isHeadline);
    expect(headline("mondialisation.ca")).toMatchObject({ min: 62, max: null, qualifier: "at_least", victimGroup: "Syrian troops" });
    expect(detail.comparison.find((c) => c.outlet.key === "gulfobserver.example")).toMatchObject({ copiesOnly: true, copiedFrom: ["Levant Wire"] });
    expect(detail.comparison.find((c) => c.outlet.key === "levantwire.example")?.outlet.kind).toBe("wire");
    const lows = new Set(detail.counts.filter((p) => p.kind === "killed").map((p) => p.min));
    for (const n of [62, 83, 91]) expect(lows).toContain(n);
    expect(detail.event.sourceCount).toBeLessThan(detail.event.articleCount);

    const events = await listEvents(eventFiltersSchema.parse({ sort: "divergence", dir: "desc" }), t.database);
    expect(events.rows[0]!.id).toBe(detail.event.id);
  });
});
