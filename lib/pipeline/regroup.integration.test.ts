import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { Database } from "../db";
import { mergeEvents, moveArticles, renameEvent, setEventLocked, splitEvent } from "../mutations/event-actions";
import { refreshEvents } from "../mutations/events";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { failUpdatesWithDeadlock } from "../testing/pg-faults";
import { demoArticleId, demoArticles, eventOf, groupingSnapshot, ingestDemo } from "../testing/demo";
import { ingestArticles } from "./ingest";
import { regroupCorpus } from "./regroup";

const ALICE = { actor: "alice" };

// Demo articles (prisma/demo/README.md).
const STRIKE = "levantwire.example/news/2016/09/17/syria-coalition-strike";
const STRIKE_FR = "courrierdulevant.example/monde/2016/09/18";
const FLOOD_1 = "northernledger.example/national/2016/09/18/kellan-valley-flash-floods";
const FLOOD_2 = "riversidechronicle.example/world/2016/09/19/kellan-valley-floods";
const FLOOD_3 = "capitalherald.example/news/national/2016/09/20/kellan-valley-floods-search";
const FIRE = "gulfobserver.example/local/2016/09/20/port-casmir-warehouse-fire";
const CONVOY_1 = "levantwire.example/news/2016/09/19/aleppo-aid-convoy-struck";
const CONVOY_4 = "riversidechronicle.example/world/2016/09/21/red-crescent-aleppo-convoy";
const TRUCE_1 = "orientdaily.example/middle-east/2016/09/20/syria-support-group-new-york";

/**
 * Put an article in another event as if automatic grouping had done it (a stale or wrong
 * automatic membership), keeping the aggregates consistent, as a re-grouping should repair.
 */
async function drift(database: Database, articleId: string, eventId: string): Promise<void> {
  const from = await eventOf(database, articleId);
  await database.db.eventArticle.update({ where: { articleId }, data: { eventId, method: "auto", score: 0.2 } });
  await refreshEvents(database.db, [eventId, ...(from ? [from] : [])], database);
}

async function members(database: Database, eventId: string): Promise<string[]> {
  const rows = await database.db.eventArticle.findMany({ where: { eventId }, orderBy: { articleId: "asc" }, select: { articleId: true } });
  return rows.map((r) => r.articleId);
}

async function manualMemberships(database: Database) {
  return database.db.eventArticle.findMany({ where: { method: "manual" }, orderBy: { articleId: "asc" }, select: { articleId: true, eventId: true } });
}

/** Every event's stored aggregates agree with its members (no stale counts, no empty events). */
async function expectConsistentAggregates(database: Database) {
  const events = await database.db.event.findMany({ select: { id: true, articleCount: true, _count: { select: { articles: true } } } });
  for (const e of events) {
    expect(e._count.articles, `members of ${e.id}`).toBeGreaterThan(0);
    expect(e.articleCount, `articleCount of ${e.id}`).toBe(e._count.articles);
  }
}

describe.each(PROVIDERS)("parallax regroup on %s", (provider) => {
  let t: TestDatabase;
  let db: Database;
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    t = await createTestDatabase(provider);
    db = t.database;
    expect(await ingestDemo(db)).toMatchObject({ added: 22, failed: 0 });
    for (const [name, url] of Object.entries({ STRIKE, STRIKE_FR, FLOOD_1, FLOOD_2, FLOOD_3, FIRE, CONVOY_1, CONVOY_4, TRUCE_1 })) {
      ids[name] = await demoArticleId(db, url);
    }
  });
  afterEach(async () => {
    await t?.drop();
  });

  const ev = (name: string) => eventOf(db, ids[name]!);

  test("on the corpus as ingested, it changes nothing", async () => {
    const before = await groupingSnapshot(db);
    const report = await regroupCorpus(db);
    expect(report).toMatchObject({ articles: 22, reassigned: 0, unchanged: 22, keptManual: 0, keptLocked: 0, eventsCreated: 0, eventsDeleted: 0 });
    expect(await groupingSnapshot(db)).toEqual(before);
  });

  test("gives an article with no event its event again, and repairs a wrong copy-of link", async () => {
    const before = await groupingSnapshot(db);
    const flood = (await ev("FLOOD_2"))!;
    await db.db.eventArticle.delete({ where: { articleId: ids.FLOOD_2! } });
    await db.db.article.update({ where: { id: ids.FIRE! }, data: { syndicatedFromId: ids.STRIKE!, syndicationScore: 0.5 } });
    await refreshEvents(db.db, [flood], db);
    const stale = await db.db.article.findUniqueOrThrow({ where: { id: ids.FIRE! }, select: { updatedAt: true } });
    const report = await regroupCorpus(db);
    expect(report).toMatchObject({ reassigned: 1, copiesChanged: 1, eventsCreated: 0, eventsDeleted: 0 });
    const after = await groupingSnapshot(db);
    expect(after.memberships).toEqual(before.memberships);
    expect(after.copies).toEqual(before.copies);
    expect(after.events).toEqual(before.events);
    const fire = await db.db.article.findUniqueOrThrow({ where: { id: ids.FIRE! }, select: { updatedAt: true } });
    expect(fire.updatedAt.getTime()).toBeGreaterThan(stale.updatedAt.getTime());
  });

  test("keeps manual memberships, locked events and analyst titles exactly, and re-assigns the rest", async () => {
    const strike = (await ev("STRIKE"))!;
    const flood = (await ev("FLOOD_1"))!;
    const fire = (await ev("FIRE"))!;
    const convoy = (await ev("CONVOY_1"))!;
    // Analysts' work: the French report split out of the strike and merged back (automatic
    // grouping already put it there), the truce talks split in two, the convoy event renamed.
    expect(await ev("STRIKE_FR")).toBe(strike);
    const french = await splitEvent(strike, { articleIds: [ids.STRIKE_FR!] }, ALICE, db);
    await mergeEvents({ target: strike, sources: [french.event.id] }, ALICE, db);
    const split = await splitEvent((await ev("TRUCE_1"))!, { articleIds: [ids.TRUCE_1!], title: "Support group meets in New York" }, ALICE, db);
    await renameEvent(convoy, "Aleppo aid convoy attack", ALICE, db);
    // Stale automatic memberships: a convoy report and a flood report wrongly in the fire event.
    await drift(db, ids.CONVOY_4!, fire);
    await drift(db, ids.FLOOD_3!, fire);
    // ...and the flood event locked without its third report: it must not get it back.
    await setEventLocked(flood, true, ALICE, db);
    // A stale empty event.
    await db.db.event.create({ data: { id: "ev_stale", title: "stale" } });

    const manual = await manualMemberships(db);
    expect(manual.length).toBe(12 + 2);
    const floodMembers = await members(db, flood);
    expect(floodMembers).toHaveLength(2);

    const report = await regroupCorpus(db);

    expect(report).toMatchObject({ articles: 22, keptManual: 14, keptLocked: 2 });
    expect(report.reassigned).toBeGreaterThanOrEqual(2);
    expect(await manualMemberships(db)).toEqual(manual);
    expect(await members(db, flood)).toEqual(floodMembers);
    expect(await db.db.event.findUnique({ where: { id: flood } })).toMatchObject({ locked: true, articleCount: 2 });
    // The rest is re-grouped: the convoy report goes home, the flood report cannot (locked).
    expect(await ev("CONVOY_4")).toBe(convoy);
    expect(await ev("FLOOD_3")).not.toBe(flood);
    expect(await ev("FIRE")).toBe(fire);
    expect(await members(db, fire)).toEqual([ids.FIRE]);
    // Titles analysts set are kept.
    expect(await db.db.event.findUnique({ where: { id: convoy } })).toMatchObject({ title: "Aleppo aid convoy attack", titleManual: true, articleCount: 4 });
    expect(await db.db.event.findUnique({ where: { id: split.event.id } })).toMatchObject({ title: "Support group meets in New York" });
    expect(await db.db.event.findUnique({ where: { id: "ev_stale" } })).toBeNull();
    await expectConsistentAggregates(db);
    // The run is in the log, with what it did.
    const run = await db.db.eventAction.findUniqueOrThrow({ where: { id: report.actionId! } });
    expect(run).toMatchObject({ action: "regroup", actor: "cli", payload: { action: "regroup", summary: { keptManual: 14, keptLocked: 2 } } });
  });

  test("without the lock, the same stale membership is repaired (control for the lock test)", async () => {
    const flood = (await ev("FLOOD_1"))!;
    await drift(db, ids.FLOOD_3!, (await ev("FIRE"))!);
    expect(await ev("FLOOD_3")).not.toBe(flood);
    const report = await regroupCorpus(db);
    expect(report.reassigned).toBe(1);
    expect(await ev("FLOOD_3")).toBe(flood);
    expect(await db.db.event.findUnique({ where: { id: flood } })).toMatchObject({ articleCount: 3, outletCount: 3 });
    await expectConsistentAggregates(db);
  });

  // Deadlocks are PostgreSQL's (SQLite has one writer, and its busy waits are the driver's timeout).
  test.runIf(provider === "postgresql")("a batch that loses a deadlock is rolled back and run again: the same outcome, counted once", async () => {
    const fire = (await ev("FIRE"))!;
    const flood = (await ev("FLOOD_1"))!;
    // FIRE's event is left empty and deleted: the re-grouping has to create one for it again.
    await drift(db, ids.FIRE!, flood);
    expect(await db.db.event.findUnique({ where: { id: fire } })).toBeNull();
    const fault = await failUpdatesWithDeadlock(db, "EventArticle");
    const report = await regroupCorpus(db);
    // The first membership update failed as a deadlock victim, the batch's second try went through.
    expect(await fault.updates()).toBe(2);
    expect(report).toMatchObject({ reassigned: 1, eventsCreated: 1, eventsDeleted: 0 });
    expect(await ev("FIRE")).not.toBe(flood);
    expect(await db.db.event.findUnique({ where: { id: flood } })).toMatchObject({ articleCount: 3 });
    expect(await db.db.eventArticle.count({ where: { eventId: (await ev("FIRE"))! } })).toBe(1);
    await expectConsistentAggregates(db);
  });

  test("an article placed by hand is fed to the grouper, so the later reports of its story follow it", async () => {
    const truce = (await ev("TRUCE_1"))!;
    await moveArticles({ articleIds: [ids.FLOOD_1!], eventId: truce }, ALICE, db);
    expect(await ev("FLOOD_2")).not.toBe(truce);
    await regroupCorpus(db);
    expect(await ev("FLOOD_1")).toBe(truce);
    expect(await ev("FLOOD_2")).toBe(truce);
    expect(await ev("FLOOD_3")).toBe(truce);
    await expectConsistentAggregates(db);
  });

  test("is deterministic: a second run changes nothing, and neither page nor batch size matters", async () => {
    const scenario = async (database: Database) => {
      // Two more articles: one undated (it comes last) and one published at the same instant as
      // another (ties are ordered by id), so that reading in small pages is put to the test.
      const [fire] = demoArticles().filter((a) => a.url?.includes(FIRE));
      const [flood2] = demoArticles().filter((a) => a.url?.includes(FLOOD_2));
      await ingestArticles(
        database,
        [
          { ...fire!, url: "https://example.org/port-casmir-undated", publishedAt: null },
          { ...flood2!, url: "https://example.org/kellan-valley-same-time" },
        ],
        { source: "extra" },
      );
      const at = async (name: string) => (await eventOf(database, ids[name]!))!;
      const french = await splitEvent(await at("STRIKE"), { articleIds: [ids.STRIKE_FR!] }, ALICE, database);
      await mergeEvents({ target: await at("STRIKE"), sources: [french.event.id] }, ALICE, database);
      await moveArticles({ articleIds: [ids.FLOOD_1!], eventId: await at("TRUCE_1") }, ALICE, database);
      await drift(database, ids.CONVOY_4!, await at("FIRE"));
      await setEventLocked(await at("CONVOY_1"), true, ALICE, database);
    };
    await scenario(db);
    const first = await regroupCorpus(db, { batchSize: 1, pageSize: 2 });
    expect(first.articles).toBe(24);
    expect(first.reassigned).toBeGreaterThan(0);
    const once = await groupingSnapshot(db);
    const second = await regroupCorpus(db);
    expect(second).toMatchObject({ reassigned: 0, copiesChanged: 0, eventsCreated: 0, eventsDeleted: 0 });
    expect(await groupingSnapshot(db)).toEqual(once);

    // The same scenario on another database, written in one batch: the same result.
    const other = await createTestDatabase(provider);
    try {
      await ingestDemo(other.database);
      await scenario(other.database);
      expect(await regroupCorpus(other.database, { batchSize: 500 })).toMatchObject({ articles: 24 });
      expect(await groupingSnapshot(other.database)).toEqual(once);
    } finally {
      await other.drop();
    }
  });

  test("a re-ingest of the same files after a regroup changes nothing", async () => {
    await mergeEvents({ target: (await ev("FLOOD_1"))!, sources: [(await ev("FIRE"))!] }, ALICE, db);
    await drift(db, ids.CONVOY_4!, (await ev("TRUCE_1"))!);
    await regroupCorpus(db);
    const before = await groupingSnapshot(db);
    const actions = await db.db.eventAction.count();
    expect(await ingestDemo(db)).toMatchObject({ added: 0, duplicates: 22, failed: 0 });
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(actions);
  });

  test("a dry run reports what would change and writes nothing", async () => {
    await drift(db, ids.CONVOY_4!, (await ev("TRUCE_1"))!);
    const before = await groupingSnapshot(db);
    const report = await regroupCorpus(db, { dryRun: true });
    expect(report).toMatchObject({ reassigned: 1, actionId: null });
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(0);
  });
});
