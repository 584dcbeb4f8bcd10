import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { testArticle as article } from "../testing/articles";
import { ingestArticles } from "../pipeline/ingest";
import { getEvent } from "../queries";
import { eventDetailFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestDemo } from "../testing/demo";

// One blast reported by three outlets: one reports it itself (30 dead); two others each declare
// they republish the same agency outside the corpus (10 dead), in their own words (so no copy is
// detected). The agency's report counts once: two independent sources, figures 10 and 30.
const declared: NormalizedArticle[] = [
  article("https://harbourtimes.example/blast", "Harbour Times", "2024-03-02T08:00:00Z",
    "Thirty dead in Velmora market blast",
    "Thirty people were killed on Saturday when a bomb exploded in the crowded central market of Velmora, police said.\n\nWitnesses described stalls torn apart by the blast.",
    null),
  article("https://coastpost.example/blast", "Coast Post", "2024-03-02T09:00:00Z",
    "Market bombing in Velmora leaves ten dead",
    "Ten people died in a bombing at the Velmora central market on Saturday morning, the agency reported.\n\nThe original source of this article is North Sea Agency.",
    "North Sea Agency"),
  article("https://valleyherald.example/blast", "Valley Herald", "2024-03-02T10:00:00Z",
    "Velmora: explosion at market, 10 killed",
    "An explosion tore through the main market in Velmora on Saturday, killing 10, according to the agency's correspondent.\n\nThe original source of this article is North Sea Agency.",
    "North Sea Agency"),
];

describe.each(PROVIDERS)("stored event aggregates follow the event page's source rule on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    expect(await ingestDemo(t.database)).toMatchObject({ failed: 0 });
    expect(await ingestArticles(t.database, declared, { source: "declared copies" })).toMatchObject({ added: 3, failed: 0 });
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("for every event, sourceCount and the figures' min / median / max equal the event page's", async () => {
    const events = await t.database.db.event.findMany({
      select: { id: true, sourceCount: true, killedMin: true, killedMax: true, killedMedian: true, woundedMin: true, woundedMax: true, woundedMedian: true, divergence: true },
    });
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      const detail = (await getEvent(e.id, eventDetailFiltersSchema.parse({}), t.database))!;
      const { killed, wounded } = detail.figures;
      const { divergence, ...stored } = e;
      // Stored as a float column: equal to the page's up to the last bits.
      if (killed.divergence === null) expect(divergence).toBeNull();
      else expect(divergence).toBeCloseTo(killed.divergence, 9);
      expect(stored).toEqual({
        id: e.id,
        sourceCount: detail.sources.independent,
        killedMin: killed.min,
        killedMax: killed.max,
        killedMedian: killed.median,
        woundedMin: wounded.min,
        woundedMax: wounded.max,
        woundedMedian: wounded.median,
      });
    }
  });

  test("two outlets declaring the same original outside the corpus are one source", async () => {
    const m = await t.database.db.eventArticle.findUniqueOrThrow({ where: { articleId: (await t.database.db.article.findFirstOrThrow({ where: { url: "https://coastpost.example/blast" } })).id } });
    const stored = await t.database.db.event.findUniqueOrThrow({ where: { id: m.eventId } });
    expect(stored).toMatchObject({ articleCount: 3, sourceCount: 2, killedMin: 10, killedMedian: 20, killedMax: 30 });
  });
});
