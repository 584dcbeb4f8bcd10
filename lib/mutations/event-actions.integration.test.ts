import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Database } from "../db";
import { ingestArticles } from "../pipeline/ingest";
import { getEventHistory } from "../queries";
import { runAction } from "../http/respond";
import { createTestDatabase, PROVIDERS, type Provider, type TestDatabase } from "../testing/database";
import { failUpdatesWithDeadlock } from "../testing/pg-faults";
import { demoArticleId, demoArticles, eventOf, groupingSnapshot, ingestDemo } from "../testing/demo";
import { splitEventSchema } from "../schemas/actions";
import { ActionError } from "./errors";
import { mergeEvents, moveArticles, renameEvent, setEventLocked, splitEvent } from "./event-actions";

const ALICE = { actor: "alice@newsroom.example" };

// Demo articles (prisma/demo/README.md): three reports of the Kellan Valley floods, one of the
// Port Casmir fire, four of the Aleppo convoy attack, two of the truce talks.
const FLOOD_1 = "northernledger.example/national/2016/09/18/kellan-valley-flash-floods";
const FLOOD_3 = "capitalherald.example/news/national/2016/09/20/kellan-valley-floods-search";
const FIRE = "gulfobserver.example/local/2016/09/20/port-casmir-warehouse-fire";
const CONVOY_4 = "riversidechronicle.example/world/2016/09/21/red-crescent-aleppo-convoy";
const TRUCE_1 = "orientdaily.example/middle-east/2016/09/20/syria-support-group-new-york";

async function event(database: Database, id: string) {
  return database.db.event.findUnique({ where: { id } });
}

async function methods(database: Database, eventId: string): Promise<string[]> {
  const rows = await database.db.eventArticle.findMany({ where: { eventId }, select: { method: true } });
  return [...new Set(rows.map((r) => r.method))];
}

/** Expect `promise` to fail with an ActionError of this code and field. */
async function expectActionError(promise: Promise<unknown>, code: ActionError["code"], field: string, message?: RegExp) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ActionError);
  expect(err).toMatchObject({ code, field });
  if (message) expect((err as Error).message).toMatch(message);
}

/** Merging `source` into `target` through the route's answer is a 503 to try again (its logged error silenced). */
async function expectBusyMerge(database: Database, target: string, source: string) {
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const res = await runAction("Merging events", () => mergeEvents({ target, sources: [source] }, ALICE, database));
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
  } finally {
    quiet.mockRestore();
  }
}

/** Make every insert into the action log fail: the action's other writes must roll back. */
async function breakActionLog(database: Database, provider: Provider) {
  if (provider === "sqlite") {
    // (Prisma reports SQLite's trigger abort as a constraint violation, not with this message.)
    await database.db.$executeRawUnsafe(
      `CREATE TRIGGER fail_action BEFORE INSERT ON "EventAction" BEGIN SELECT RAISE(ABORT, 'action log unavailable'); END`,
    );
  } else {
    await database.db.$executeRawUnsafe(
      `CREATE FUNCTION fail_action() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'action log unavailable'; END $$ LANGUAGE plpgsql`,
    );
    await database.db.$executeRawUnsafe(`CREATE TRIGGER fail_action BEFORE INSERT ON "EventAction" FOR EACH ROW EXECUTE FUNCTION fail_action()`);
  }
}

async function repairActionLog(database: Database) {
  await database.db.$executeRawUnsafe(`DROP TRIGGER fail_action${database.provider === "postgresql" ? ` ON "EventAction"` : ""}`);
}

describe.each(PROVIDERS)("analysts' manual actions on %s", (provider) => {
  let t: TestDatabase;
  let db: Database;
  let flood: string;
  let fire: string;
  let convoy: string;
  let truce: string;
  beforeEach(async () => {
    t = await createTestDatabase(provider);
    db = t.database;
    expect(await ingestDemo(db)).toMatchObject({ added: 22, failed: 0 });
    flood = (await eventOf(db, await demoArticleId(db, FLOOD_1)))!;
    fire = (await eventOf(db, await demoArticleId(db, FIRE)))!;
    convoy = (await eventOf(db, await demoArticleId(db, CONVOY_4)))!;
    truce = (await eventOf(db, await demoArticleId(db, TRUCE_1)))!;
    expect(new Set([flood, fire, convoy, truce]).size).toBe(4);
  });
  afterEach(async () => {
    await t?.drop();
  });

  test("merge: the source's articles join the target, aggregates follow, the source is deleted, the history records it", async () => {
    const before = (await event(db, flood))!;
    expect(before).toMatchObject({ articleCount: 3, outletCount: 3, killedMin: 7, woundedMin: 12, woundedMax: 12 });

    const result = await mergeEvents({ target: flood, sources: [fire] }, ALICE, db);

    expect(result.event).toMatchObject({ id: flood, articleCount: 4 });
    expect(await event(db, fire)).toBeNull();
    const after = (await event(db, flood))!;
    // The fire report's "one firefighter injured" is now part of the event's wounded range.
    expect(after).toMatchObject({ articleCount: 4, sourceCount: 4, outletCount: 4, killedMin: 7, woundedMin: 1, woundedMax: 12 });
    expect(await eventOf(db, await demoArticleId(db, FIRE))).toBe(flood);
    expect(await methods(db, flood)).toEqual(["manual"]);

    const history = (await getEventHistory(flood, db))!;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: "merge",
      actor: ALICE.actor,
      role: "target",
      payload: { action: "merge", target: { id: flood, articleCount: 3 }, sources: [{ id: fire, articleCount: 1 }] },
    });
    expect(history[0]!.payload).toMatchObject({ articles: [{ id: await demoArticleId(db, FIRE), from: fire }] });
    // The merged-away event keeps its history.
    expect(await getEventHistory(fire, db)).toMatchObject([{ action: "merge", role: "source" }]);
  });

  // Deadlocks are PostgreSQL's (SQLite has one writer, and its busy waits are the driver's timeout).
  test.runIf(provider === "postgresql")("merge: a try that loses a deadlock is rolled back and run again; the action is recorded once", async () => {
    const before = await groupingSnapshot(db);
    const fault = await failUpdatesWithDeadlock(db, "EventArticle");
    const result = await mergeEvents({ target: flood, sources: [fire] }, ALICE, db);
    // The first try failed at its first membership update; the second made both of its updates.
    expect(await fault.updates()).toBe(3);
    expect(result.event).toMatchObject({ id: flood, articleCount: 4 });
    expect(await db.db.event.findUnique({ where: { id: fire } })).toBeNull();
    expect(await db.db.eventAction.count()).toBe(1);
    expect((await groupingSnapshot(db)).memberships).not.toEqual(before.memberships);
  });

  test.runIf(provider === "postgresql")("merge: a database that stays busy is a 503 to try again, and nothing is written", async () => {
    const before = await groupingSnapshot(db);
    await failUpdatesWithDeadlock(db, "EventArticle", 100);
    await expectBusyMerge(db, flood, fire);
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(0);
  });

  test.runIf(provider === "sqlite")(
    "merge: SQLite's write lock held by another process past the busy timeout is a 503 after one wait, not four",
    async () => {
      const before = await groupingSnapshot(db);
      const holder = new BetterSqlite3(t.url.replace(/^file:/, ""));
      holder.exec("BEGIN IMMEDIATE");
      const started = performance.now();
      try {
        await expectBusyMerge(db, flood, fire);
      } finally {
        holder.exec("ROLLBACK");
        holder.close();
      }
      // One busy timeout (15 s), not the 60 s of four tries.
      expect(performance.now() - started).toBeLessThan(40_000);
      expect(await groupingSnapshot(db)).toEqual(before);
      // Once the lock is released the same action goes through.
      expect((await mergeEvents({ target: flood, sources: [fire] }, ALICE, db)).event).toMatchObject({ id: flood, articleCount: 4 });
    },
    90_000,
  );

  test("merge: unknown ids are 404s naming the field, merging into itself is a 409, and nothing is written", async () => {
    const before = await groupingSnapshot(db);
    await expectActionError(mergeEvents({ target: "ev_nope", sources: [fire] }, ALICE, db), "not_found", "target", /ev_nope/);
    await expectActionError(mergeEvents({ target: flood, sources: [fire, "ev_nope"] }, ALICE, db), "not_found", "sources", /ev_nope/);
    await expectActionError(mergeEvents({ target: flood, sources: [flood] }, ALICE, db), "conflict", "sources");
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(0);
  });

  test("split: the chosen articles become a new event, both sides become manual, counts and history follow", async () => {
    const searchArticle = await demoArticleId(db, FLOOD_3);
    // The API parses bodies with this schema: titles are trimmed and one line.
    const input = splitEventSchema.parse({ articleIds: [searchArticle], title: "  Kellan Valley:\n  the search  " });
    const result = await splitEvent(flood, input, ALICE, db);

    const created = (await event(db, result.event.id))!;
    expect(created).toMatchObject({ title: "Kellan Valley: the search", titleManual: true, articleCount: 1, locked: false });
    expect(await eventOf(db, searchArticle)).toBe(created.id);
    expect(await event(db, flood)).toMatchObject({ articleCount: 2, outletCount: 2 });
    expect(await methods(db, created.id)).toEqual(["manual"]);
    expect(await methods(db, flood)).toEqual(["manual"]);

    expect(await getEventHistory(created.id, db)).toMatchObject([
      { action: "split", role: "created", payload: { from: { id: flood, articleCount: 3 }, to: { id: created.id, articleCount: 1 } } },
    ]);
    expect(await getEventHistory(flood, db)).toMatchObject([{ action: "split", role: "from" }]);

    // Without a title the new event is named from its articles, like any event.
    const untitled = await splitEvent(flood, { articleIds: [await demoArticleId(db, FLOOD_1)] }, ALICE, db);
    expect(await event(db, untitled.event.id)).toMatchObject({ title: expect.stringMatching(/Kellan Valley/), titleManual: false });
  });

  test("split: articles outside the event are a 409, unknown ones a 404, and an event cannot be emptied by a split", async () => {
    const before = await groupingSnapshot(db);
    const floodIds = await db.db.eventArticle.findMany({ where: { eventId: flood }, select: { articleId: true } });
    await expectActionError(splitEvent(flood, { articleIds: [await demoArticleId(db, FIRE)] }, ALICE, db), "conflict", "articleIds", /not in event/);
    await expectActionError(splitEvent(flood, { articleIds: ["a_nope"] }, ALICE, db), "not_found", "articleIds");
    await expectActionError(splitEvent("ev_nope", { articleIds: ["a_nope"] }, ALICE, db), "not_found", "eventId");
    await expectActionError(splitEvent(flood, { articleIds: floodIds.map((m) => m.articleId) }, ALICE, db), "conflict", "articleIds", /at least one/);
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(0);
  });

  test("move: the article changes event as a manual membership; an emptied event is deleted and named in the history", async () => {
    const convoyArticle = await demoArticleId(db, CONVOY_4);
    const moved = await moveArticles({ articleIds: [convoyArticle], eventId: truce }, ALICE, db);
    expect(moved.deletedEvents).toEqual([]);
    expect(await event(db, convoy)).toMatchObject({ articleCount: 3 });
    expect(await event(db, truce)).toMatchObject({ articleCount: 3, killedMin: 20 });
    expect(await db.db.eventArticle.findUnique({ where: { articleId: convoyArticle } })).toMatchObject({ eventId: truce, method: "manual", score: 1 });
    // The convoy's other articles were not touched by hand.
    expect(await methods(db, convoy)).toEqual(["auto"]);

    const fireArticle = await demoArticleId(db, FIRE);
    const emptied = await moveArticles({ articleIds: [fireArticle], eventId: flood }, { actor: "anonymous" }, db);
    expect(emptied.deletedEvents).toEqual([fire]);
    expect(await event(db, fire)).toBeNull();
    expect(await getEventHistory(flood, db)).toMatchObject([
      { action: "move", actor: "anonymous", role: "to", payload: { deletedEvents: [{ id: fire, articleCount: 1 }], articles: [{ id: fireArticle, from: fire }] } },
    ]);
    expect(await getEventHistory(fire, db)).toMatchObject([{ action: "move", role: "from" }]);
  });

  test("move: into the same event is a 409, unknown article or event a 404, and nothing is written", async () => {
    const before = await groupingSnapshot(db);
    const floodArticle = await demoArticleId(db, FLOOD_1);
    await expectActionError(moveArticles({ articleIds: [floodArticle], eventId: flood }, ALICE, db), "conflict", "eventId", /already in event/);
    await expectActionError(moveArticles({ articleIds: [floodArticle], eventId: "ev_nope" }, ALICE, db), "not_found", "eventId");
    await expectActionError(moveArticles({ articleIds: ["a_nope"], eventId: flood }, ALICE, db, { articleIds: "articleId", eventId: "eventId" }), "not_found", "articleId");
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(0);
  });

  test("lock and unlock: the flag changes, repeating is a 409, and both are in the history", async () => {
    await setEventLocked(flood, true, ALICE, db);
    expect(await event(db, flood)).toMatchObject({ locked: true });
    await expectActionError(setEventLocked(flood, true, ALICE, db), "conflict", "locked", /already locked/);
    await setEventLocked(flood, false, { actor: "bob" }, db);
    expect(await event(db, flood)).toMatchObject({ locked: false });
    await expectActionError(setEventLocked("ev_nope", true, ALICE, db), "not_found", "eventId");
    const history = (await getEventHistory(flood, db))!;
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ["unlock", "bob"],
      ["lock", ALICE.actor],
    ]);
  });

  test("rename: the analyst's title survives aggregate refreshes; null gives the automatic title back", async () => {
    const automatic = (await event(db, flood))!.title;
    await renameEvent(flood, "Kellan Valley floods (September 2016)", ALICE, db);
    expect(await event(db, flood)).toMatchObject({ title: "Kellan Valley floods (September 2016)", titleManual: true });
    await expectActionError(renameEvent(flood, "Kellan Valley floods (September 2016)", ALICE, db), "conflict", "title");

    // Changing the members recomputes everything but the title.
    await moveArticles({ articleIds: [await demoArticleId(db, FIRE)], eventId: flood }, ALICE, db);
    expect(await event(db, flood)).toMatchObject({ title: "Kellan Valley floods (September 2016)", articleCount: 4 });

    await renameEvent(flood, null, ALICE, db);
    const restored = (await event(db, flood))!;
    expect(restored.titleManual).toBe(false);
    expect(restored.title).not.toBe("Kellan Valley floods (September 2016)");
    expect(restored.title).toMatch(/Kellan Valley|Port Casmir/);
    await expectActionError(renameEvent(flood, null, ALICE, db), "conflict", "title", /automatic/);

    const history = (await getEventHistory(flood, db))!;
    expect(history.map((h) => h.action)).toEqual(["rename", "move", "rename"]);
    expect(history[2]!.payload).toMatchObject({ from: automatic, to: "Kellan Valley floods (September 2016)", automatic: false });
    expect(history[0]!.payload).toMatchObject({ from: "Kellan Valley floods (September 2016)", to: restored.title, automatic: true });
  });

  test("all or nothing: when recording the action fails, none of the action's changes remain", async () => {
    const before = await groupingSnapshot(db);
    await breakActionLog(db, provider);
    const failure = provider === "postgresql" ? /action log unavailable/ : /constraint/i;
    await expect(mergeEvents({ target: flood, sources: [fire] }, ALICE, db)).rejects.toThrow(failure);
    await expect(splitEvent(flood, { articleIds: [await demoArticleId(db, FLOOD_3)], title: "x" }, ALICE, db)).rejects.toThrow(failure);
    await expect(moveArticles({ articleIds: [await demoArticleId(db, FIRE)], eventId: flood }, ALICE, db)).rejects.toThrow(failure);
    await expect(setEventLocked(flood, true, ALICE, db)).rejects.toThrow(failure);
    await expect(renameEvent(flood, "x", ALICE, db)).rejects.toThrow(failure);
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(0);

    // The same action goes through once the log accepts writes: the failure above was the log's.
    await repairActionLog(db);
    await mergeEvents({ target: flood, sources: [fire] }, ALICE, db);
    expect(await groupingSnapshot(db)).not.toEqual(before);
    expect(await db.db.eventAction.count()).toBe(1);
  });

  test("history: an id that names neither an event nor any action is unknown", async () => {
    expect(await getEventHistory("ev_nope", db)).toBeNull();
    expect(await getEventHistory(flood, db)).toEqual([]);
  });

  test("manual work survives a re-ingest of the same files, and new articles still join an analyst's event", async () => {
    await mergeEvents({ target: flood, sources: [fire] }, ALICE, db);
    await renameEvent(flood, "Kellan Valley and Port Casmir", ALICE, db);
    await setEventLocked(convoy, true, ALICE, db);
    const before = await groupingSnapshot(db);
    const actions = await db.db.eventAction.count();

    expect(await ingestDemo(db)).toMatchObject({ added: 0, duplicates: 22, failed: 0 });
    expect(await groupingSnapshot(db)).toEqual(before);
    expect(await db.db.eventAction.count()).toBe(actions);

    // A new flood report joins the analyst's (unlocked) event and keeps its title; a new convoy
    // report cannot join the locked convoy event.
    const flood1 = demoArticles().find((a) => a.url?.includes(FLOOD_1))!;
    const convoy4 = demoArticles().find((a) => a.url?.includes(CONVOY_4))!;
    const report = await ingestArticles(
      db,
      [
        { ...flood1, url: "https://example.org/kellan-valley-update", publishedAt: "2016-09-21T08:00:00Z" },
        { ...convoy4, url: "https://example.org/convoy-update", publishedAt: "2016-09-21T09:00:00Z" },
      ],
      { source: "updates" },
    );
    expect(report).toMatchObject({ added: 2, failed: 0 });
    const [newFlood, newConvoy] = report.addedIds;
    expect(await eventOf(db, newFlood!)).toBe(flood);
    expect(await event(db, flood)).toMatchObject({ title: "Kellan Valley and Port Casmir", articleCount: 5 });
    expect(await eventOf(db, newConvoy!)).not.toBe(convoy);
    expect(await event(db, convoy)).toMatchObject({ articleCount: 4, locked: true });
  });
});
