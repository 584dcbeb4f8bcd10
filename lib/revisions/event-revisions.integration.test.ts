import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { figureRevision } from "../../components/article/revisions-context";
import type { NormalizedArticle } from "../ingest/types";
import { ingestArticles } from "../pipeline/ingest";
import { getEvent } from "../queries/event-detail";
import { eventDetailFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { failUpdatesWithDeadlock } from "../testing/pg-faults";
import { reviseArticle } from "./apply";
import { getArticleRevisions, getRevisionsByArticle } from "./queries";

function article(over: Pick<NormalizedArticle, "url" | "title" | "text" | "publishedAt" | "outlet">): NormalizedArticle {
  return { canonicalUrl: null, author: null, language: "en", originalSource: null, tags: [], externalId: null, ...over };
}

const first = article({
  url: "https://levantwire.example/2016/10/03/tarsin-market-bomb",
  title: "Car bomb kills at least 62 in Tarsin market",
  text: `At least 62 people were killed and 30 wounded when a car bomb exploded in the central market of Tarsin on Monday morning, the provincial health ministry said.

The blast tore through stalls selling fruit and bread shortly after 9 a.m., when the market is at its busiest, witnesses said.`,
  publishedAt: "2016-10-03T10:30:00Z",
  outlet: { name: "Levant Wire", domain: "levantwire.example" },
});

const other = article({
  url: "https://northernledger.example/2016/10/03/tarsin-market",
  title: "Dozens dead as car bomb hits crowded Tarsin market",
  text: `At least 60 people died when a car packed with explosives blew up in Tarsin's central market on Monday, the Tarsin Civil Defence said.

Rescue teams searched collapsed stalls through the afternoon.`,
  publishedAt: "2016-10-03T12:00:00Z",
  outlet: { name: "Northern Ledger", domain: "northernledger.example" },
});

const corrected: NormalizedArticle = {
  ...first,
  title: "Car bomb kills 83 in Tarsin market",
  text: first.text.replace("At least 62 people were killed", "Eighty-three people were killed") + "\n\nThe toll rose overnight as several of the wounded died in hospital.",
};

describe.each(PROVIDERS)("revised articles on the event page on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("the event carries each shown article's revisions, as the article page has them, and the figure's old value", async () => {
    const report = await ingestArticles(t.database, [first, other], { source: "test" });
    const [firstId, otherId] = report.addedIds;
    const membership = await t.database.db.eventArticle.findUniqueOrThrow({ where: { articleId: firstId! } });
    const none = eventDetailFiltersSchema.parse({});
    expect((await getEvent(membership.eventId, none, t.database))!.revisions).toEqual({});

    const result = await reviseArticle(t.database, firstId!, corrected);
    expect(result).not.toBeNull();
    const detail = (await getEvent(membership.eventId, none, t.database))!;
    expect(Object.keys(detail.revisions)).toEqual([firstId]);
    const revisions = detail.revisions[firstId!]!;
    expect(revisions).toEqual(await getArticleRevisions(firstId!, t.database));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.changes.title).toEqual({ from: "Car bomb kills at least 62 in Tarsin market", to: "Car bomb kills 83 in Tarsin market" });
    expect(revisions[0]!.changes.figures).toEqual([{ kind: "killed", from: expect.objectContaining({ min: 62, qualifier: "at_least" }), to: expect.objectContaining({ min: 83, qualifier: "exact" }) }]);
    // The comparison shows the new figure; the revision tells what it was.
    const killed = detail.comparison.flatMap((r) => r.killed).find((c) => c.articleId === firstId && c.isHeadline);
    expect(killed).toMatchObject({ min: 83 });
    expect(figureRevision(revisions, "killed")).toEqual({ was: [expect.objectContaining({ min: 62 })], at: revisions[0]!.replacedAt });
    expect(figureRevision(revisions, "wounded")).toBeNull();

    // A second correction: the figure's history reads oldest first.
    await reviseArticle(t.database, firstId!, { ...corrected, text: corrected.text.replace("Eighty-three", "Ninety") });
    const twice = (await getRevisionsByArticle([firstId!, otherId!], t.database))[firstId!]!;
    expect(twice.map((r) => r.revision)).toEqual([2, 1]);
    expect(figureRevision(twice, "killed")?.was.map((f) => f?.min)).toEqual([62, 83]);
    expect(await getRevisionsByArticle([otherId!], t.database)).toEqual({});
  });

  test.runIf(provider === "postgresql")("a revision whose transaction is a deadlock victim is stored on the next try, once", async () => {
    const report = await ingestArticles(t.database, [{ ...first, url: first.url + "?deadlock" }], { source: "test" });
    const [id] = report.addedIds;
    const fault = await failUpdatesWithDeadlock(t.database, "Article");
    try {
      const result = await reviseArticle(t.database, id!, { ...corrected, url: first.url + "?deadlock" });
      expect(result).toMatchObject({ articleId: id, revision: 1 });
      expect(await fault.updates()).toBe(2);
    } finally {
      await fault.remove();
    }
    expect(await getArticleRevisions(id!, t.database)).toHaveLength(1);
    expect((await t.database.db.article.findUniqueOrThrow({ where: { id: id! } })).title).toBe(corrected.title);
  });
});
