import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { mergeEvents, moveArticles, splitEvent } from "../mutations/event-actions";
import { createFollow, markChangesRead } from "../mutations/follows";
import { countUnreadChanges, findFollows, listChanges, listFollows } from "../queries/follows";
import { reviseArticle } from "../revisions/apply";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { detectFollowChanges } from "./follow-changes";
import { ingestArticles } from "./ingest";

function article(domain: string, name: string, slug: string, publishedAt: string, title: string, text: string): NormalizedArticle {
  return {
    url: `https://${domain}/${slug}`, canonicalUrl: null, title, text, publishedAt, author: null, language: "en",
    outlet: { name, domain }, originalSource: null, tags: [], externalId: null,
  };
}

const BLAST = (toll: string, quote: string) =>
  `A car bomb exploded in the crowded Qaraqosh market on Saturday morning, and ${toll} people were killed, the provincial health ministry said.\n\n` +
  `Witnesses described shattered stalls and burning cars along the market street in Qaraqosh. Rescue teams searched the rubble of the Qaraqosh market for survivors.\n\n` +
  `"${quote}," said Governor Ali Hassan at the scene of the Qaraqosh market bombing.`;

const alpha = article("alpha.example", "Alpha News", "qaraqosh-blast", "2026-09-17T08:00:00Z", "Car bomb kills at least 12 in Qaraqosh market", BLAST("at least 12", "We will rebuild the market"));
// Beta's own wording (not a copy of Alpha, so it counts as an independent source).
const beta = article(
  "beta.example", "Beta Daily", "qaraqosh-market-bomb", "2026-09-17T10:00:00Z", "Qaraqosh market car bomb kills at least 20",
  "At least 20 people were killed when a car bomb tore through the Qaraqosh market on Saturday, according to local officials.\n\n" +
    "The explosion in Qaraqosh hit the market at its busiest hour. Shopkeepers said several stalls and a row of cars caught fire after the bomb went off.\n\n" +
    "Police in Qaraqosh sealed off the market while ambulances carried the wounded to the city hospital.",
);
const other = article("gamma.example", "Gamma Post", "harvest-festival", "2026-09-17T09:00:00Z", "Harvest festival opens in Lyon", "The annual harvest festival opened in Lyon on Saturday with music, food stalls and a parade through the old town.");

describe.each(PROVIDERS)("follow change detection on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const ingest = (articles: NormalizedArticle[]) => ingestArticles(t.database, articles, { source: "test", pool: null });

  test("a new outlet and figure are recorded once; a revision records figure_revised and quote_revised", async () => {
    const { db } = t.database;
    await ingest([alpha, other]);
    const alphaRow = await db.article.findFirstOrThrow({ where: { url: alpha.url }, select: { id: true, membership: { select: { eventId: true } } } });
    const eventId = alphaRow.membership!.eventId;

    const eventFollow = (await createFollow({ kind: "event", target: eventId, divergenceThreshold: 0.25, webhookUrl: "http://hooks.test/in" }, { actor: "test" }, t.database)).follow;
    const outletFollow = (await createFollow({ kind: "outlet", target: "alpha.example" }, { actor: "test" }, t.database)).follow;
    const searchFollow = (await createFollow({ kind: "search", target: "q=Qaraqosh&page=3&sort=title" }, { actor: "test" }, t.database)).follow;
    expect(searchFollow.target).toBe("q=Qaraqosh");
    expect(eventFollow.label).toBe((await db.event.findUniqueOrThrow({ where: { id: eventId } })).title);
    // Following starts from the current state: nothing is reported yet.
    expect(await listChanges({}, t.database)).toEqual([]);

    // Beta covers the same event with another figure; Gamma's unrelated article concerns no follow.
    const report = await ingest([beta, { ...other, url: "https://gamma.example/harvest-2", title: "Harvest festival day two" }]);
    expect(report.added).toBe(2);
    const betaRow = await db.article.findFirstOrThrow({ where: { url: beta.url }, select: { id: true, membership: { select: { eventId: true } } } });
    expect(betaRow.membership!.eventId).toBe(eventId);

    const eventChanges = await listChanges({ followId: eventFollow.id }, t.database);
    const kinds = eventChanges.map((c) => c.kind).sort();
    expect(kinds).toEqual(["divergence_crossed", "new_article", "new_figure", "new_outlet"]);
    const newOutlet = eventChanges.find((c) => c.kind === "new_outlet")!;
    expect(newOutlet).toMatchObject({ eventId, articleId: betaRow.id, summary: expect.stringContaining("Beta Daily now covers"), read: false });
    expect(eventChanges.find((c) => c.kind === "new_figure")!.payload).toMatchObject({ kind: "killed", min: 20, outlet: "beta.example" });
    expect(eventChanges.find((c) => c.kind === "divergence_crossed")!.payload).toMatchObject({ direction: "up", threshold: 0.25 });
    // The event follow has a webhook: one queued delivery per change.
    expect(eventChanges.every((c) => c.delivery?.status === "pending" && c.delivery.attempts === 0)).toBe(true);

    expect((await listChanges({ followId: searchFollow.id }, t.database)).map((c) => [c.kind, c.articleId])).toEqual([["new_article", betaRow.id]]);
    expect(await listChanges({ followId: outletFollow.id }, t.database)).toEqual([]);

    // Idempotent: detection again over the same batch, and the same batch ingested again, add nothing.
    expect((await detectFollowChanges(t.database, { articleIds: [betaRow.id], allEvents: true })).recorded).toBe(0);
    expect((await ingest([beta])).duplicates).toBe(1);
    expect(await db.followChange.count()).toBe(5);
    expect(await db.webhookDelivery.count()).toBe(4);

    // Alpha revises its figure and the governor's words.
    const revised = await reviseArticle(t.database, alphaRow.id, {
      ...alpha,
      title: "Car bomb kills at least 15 in Qaraqosh market",
      text: BLAST("at least 15", "We will not leave Qaraqosh"),
    });
    expect(revised?.changes.figures.map((f) => [f.kind, f.from?.min, f.to?.min])).toEqual([["killed", 12, 15]]);
    for (const follow of [eventFollow, outletFollow, searchFollow]) {
      const changes = await listChanges({ followId: follow.id }, t.database);
      const figure = changes.find((c) => c.kind === "figure_revised");
      expect(figure, `figure_revised for the ${follow.kind} follow`).toMatchObject({ articleId: alphaRow.id, eventId, payload: { kind: "killed", revision: 1 } });
      expect(figure!.summary).toBe('Alpha News revised the killed figure in "Car bomb kills at least 15 in Qaraqosh market": "at least 12" → "at least 15"');
      expect(changes.find((c) => c.kind === "quote_revised")?.payload).toMatchObject({
        added: [expect.stringContaining("We will not leave Qaraqosh")],
        removed: [expect.stringContaining("We will rebuild the market")],
      });
    }
    // The event also has a figure it did not have (15 killed).
    expect((await listChanges({ followId: eventFollow.id }, t.database)).filter((c) => c.kind === "new_figure").map((c) => c.payload.min).sort()).toEqual([15, 20]);
    const total = await db.followChange.count();
    expect((await detectFollowChanges(t.database, { revisions: [revised!] })).recorded).toBe(0);
    expect(await db.followChange.count()).toBe(total);

    // Counts and mark-read.
    const [listed] = (await listFollows(t.database)).filter((f) => f.id === outletFollow.id);
    expect(listed).toMatchObject({ changeCount: 2, unreadCount: 2 });
    // A page's Follow button and the navigation badge read the same counts (raw SQL).
    expect(await findFollows(outletFollow.kind, outletFollow.target, t.database)).toEqual([listed]);
    expect(await findFollows("outlet", "nowhere.example", t.database)).toEqual([]);
    const unreadBefore = await countUnreadChanges(t.database);
    expect(unreadBefore).toBe(await db.followChange.count({ where: { read: false } }));
    expect(unreadBefore).toBeGreaterThanOrEqual(2);
    expect(await markChangesRead(outletFollow.id, {}, t.database)).toEqual({ updated: 2, unread: 0 });
    expect(await countUnreadChanges(t.database)).toBe(unreadBefore - 2);
    expect(await findFollows(outletFollow.kind, outletFollow.target, t.database)).toMatchObject([{ changeCount: 2, unreadCount: 0 }]);
    expect(await markChangesRead(outletFollow.id, {}, t.database)).toEqual({ updated: 0, unread: 0 });
  });

  test("an analyst's move, split and merge are seen by the follows of the events they change", async () => {
    const { db } = t.database;
    const delta = article("delta.example", "Delta Times", "quake-relief", "2026-10-02T08:00:00Z", "Relief convoys reach quake-hit Tanvir valley",
      "Relief convoys reached the Tanvir valley on Friday, four days after the earthquake, and at least 9 people were killed there, local officials said.");
    const epsilon = article("epsilon.example", "Epsilon Wire", "book-fair", "2026-10-05T08:00:00Z", "Book fair opens in Porto",
      "The international book fair opened in Porto on Monday with three hundred publishers from forty countries.");
    await ingest([delta, epsilon]);
    const eventOf = (url: string) => db.article.findFirstOrThrow({ where: { url }, select: { id: true, membership: { select: { eventId: true } } } });
    const d = await eventOf(delta.url!);
    const e = await eventOf(epsilon.url!);
    expect(d.membership!.eventId).not.toBe(e.membership!.eventId);
    const follow = (await createFollow({ kind: "event", target: d.membership!.eventId }, { actor: "test" }, t.database)).follow;
    const changes = async () => (await listChanges({ followId: follow.id }, t.database)).map((c) => [c.kind, c.articleId ?? null]);

    // Moved in by hand: a new article and a new outlet for the followed event.
    await moveArticles({ articleIds: [e.id], eventId: d.membership!.eventId }, { actor: "test" }, t.database);
    expect((await changes()).sort()).toEqual([["new_article", e.id], ["new_outlet", e.id]]);

    // Split back out, then merged in again: the article is not new to this follow a second time.
    const split = await splitEvent(d.membership!.eventId, { articleIds: [e.id] }, { actor: "test" }, t.database);
    await mergeEvents({ target: d.membership!.eventId, sources: [split.event.id] }, { actor: "test" }, t.database);
    expect(await changes()).toHaveLength(2);

    // A follow of the event split out sees the merge that absorbs the other event's figure.
    const again = await splitEvent(d.membership!.eventId, { articleIds: [d.id] }, { actor: "test" }, t.database);
    const follow2 = (await createFollow({ kind: "event", target: again.event.id }, { actor: "test" }, t.database)).follow;
    await mergeEvents({ target: again.event.id, sources: [d.membership!.eventId] }, { actor: "test" }, t.database);
    const kinds = (await listChanges({ followId: follow2.id }, t.database)).map((c) => [c.kind, c.articleId ?? null]).sort();
    expect(kinds).toEqual([["new_article", e.id], ["new_outlet", e.id]]);
  });

  test("a follow of something that does not exist is refused, naming the target", async () => {
    await expect(createFollow({ kind: "event", target: "ev_missing" }, { actor: "test" }, t.database)).rejects.toMatchObject({ code: "not_found", field: "target" });
    await expect(createFollow({ kind: "outlet", target: "nowhere.example" }, { actor: "test" }, t.database)).rejects.toMatchObject({ code: "not_found", field: "target" });
  });

  test("two detections of the same change at once record it once, and neither fails", async () => {
    const { db } = t.database;
    const delta = article("delta.example", "Delta Wire", "qaraqosh-aftermath", "2026-09-18T08:00:00Z", "Qaraqosh market reopens after bombing", "Traders in Qaraqosh reopened the market on Sunday, a day after the car bomb.");
    await ingest([delta]);
    const { id: articleId } = await db.article.findFirstOrThrow({ where: { url: delta.url }, select: { id: true } });
    // Followed after the ingest: the article's new_article change is still to be recorded, and both
    // detections below find it missing from the log and insert it.
    const follow = (await createFollow({ kind: "outlet", target: "delta.example" }, { actor: "test" }, t.database)).follow;
    const reports = await Promise.all([0, 1, 2].map(() => detectFollowChanges(t.database, { articleIds: [articleId] })));
    expect(reports.reduce((n, r) => n + r.recorded, 0)).toBe(1);
    expect((await listChanges({ followId: follow.id }, t.database)).map((c) => [c.kind, c.articleId])).toEqual([["new_article", articleId]]);
  });
});
