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

  test("the French report joins the English reports of the strike (grouping across languages)", () => {
    // Same place (Deir ez-Zor), same event day (samedi = 17 Sept), an air strike, "au moins 62" killed.
    expect(find("courrierdulevant.example")).toBe(find("levantwire.example/news/2016/09/17"));
    expect(find("courrierdulevant.example")).not.toBe(find("levantwire.example/news/2016/09/19/aleppo-aid-convoy"));
  });

  test("the French report's figures are extracted with the French pack", async () => {
    // « Au moins 62 soldats syriens ont été tués … selon le ministère russe de la Défense », « une centaine de blessés ».
    const detail = (await getEvent(find("courrierdulevant.example"), eventDetailFiltersSchema.parse({}), t.database))!;
    const row = detail.comparison.find((c) => c.outlet.key === "courrierdulevant.example")!;
    expect(row.killed.find((k) => k.isHeadline)).toMatchObject({ min: 62, max: null, qualifier: "at_least", victimGroup: "soldats syriens", authority: "le ministère russe de la Défense" });
    expect(row.wounded.find((k) => k.isHeadline)).toMatchObject({ min: 100, max: 100, qualifier: "about", phrase: "une centaine" });
    expect(row.statements.map((s) => s.speaker)).toContain("porte-parole de la coalition");
  });

  test("the strike's provenance: copies nested under originals, the seed's declared original, authorities and blindspots", async () => {
    const detail = (await getEvent(find("levantwire.example/news/2016/09/17"), eventDetailFiltersSchema.parse({}), t.database))!;
    const row = (key: string) => detail.comparison.find((c) => c.outlet.key === key)!;
    // Orient Daily and Gulf Observer republish Levant Wire; Crossroads Review republishes Northern Ledger.
    expect(row("orientdaily.example")).toMatchObject({ kind: "copy", parentKey: "levantwire.example" });
    expect(row("gulfobserver.example")).toMatchObject({ kind: "copy", parentKey: "levantwire.example" });
    expect(row("crossroadsreview.example")).toMatchObject({ kind: "copy", parentKey: "northernledger.example" });
    expect(row("levantwire.example").republishedBy).toEqual(["Orient Daily", "Gulf Observer"]);
    const nested = detail.comparison.findIndex((c) => c.outlet.key === "gulfobserver.example");
    expect(detail.comparison[nested - 1]!.parentKey ?? detail.comparison[nested - 1]!.key).toBe("levantwire.example");
    // The seed declares the World Socialist Web Site, which is not in the corpus.
    expect(row("mondialisation.ca")).toMatchObject({ kind: "declared", declared: { name: "World Socialist Web Site" } });
    const seedKilled = row("mondialisation.ca").killed.find((k) => k.isHeadline)!;
    expect(seedKilled.chain.map((l) => l.name)).toEqual(["Mondialisation.ca", "World Socialist Web Site"]);
    expect(detail.sources.articles - detail.sources.independent).toBe(3);

    // By authority: the Russian Defence Ministry's "at least 62" relayed by the wire and its copies.
    const ministry = detail.byAuthority.find((r) => r.label === "Russian Defence Ministry")!;
    const at62 = ministry.byKind.killed!.find((f) => f.key === "killed|62||at_least")!;
    expect(at62.outlets.map((o) => [o.name, o.copy])).toEqual([
      ["Levant Wire", false],
      ["Orient Daily", true],
      ["Gulf Observer", true],
    ]);
    expect(detail.byAuthority.find((r) => r.key === "unattributed")!.byKind.killed!.some((f) => f.claimIds.includes(seedKilled.id))).toBe(true);

    // Blindspots: the 83 of the Syrian Observatory is left out by the outlets that only had Moscow's 62.
    const killed83 = detail.blindspots.figures.find((f) => f.key === "killed:83")!;
    expect(killed83.reportedBy).toEqual(expect.arrayContaining(["northernledger.example", "crossroadsreview.example"]));
    expect(killed83.omittedBy).toEqual(expect.arrayContaining(["orientdaily.example", "gulfobserver.example", "mondialisation.ca"]));
    // Min / median / max over the 9 independent sources' headline killed figures (lower bounds),
    // the French report's "au moins 62" among them.
    expect(detail.figures.killed).toMatchObject({ min: 24, median: 62, max: 91, sources: 9 });
  });
});
