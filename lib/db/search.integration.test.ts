import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getOverview, listArticles } from "../queries";
import { countAllEvents } from "../queries/events";
import { insertTestCorpus, type TestArticle } from "../queries/test-corpus";
import { articleFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestDemo } from "../testing/demo";
import type { Database } from "./index";
import { MEMBER_ARTICLE_COLUMNS, MEMBER_EXTRACT_COLUMNS, PG_MEMBERS, SQLITE_MEMBERS } from "./event-members";
import { ensureSearch, forgetSearchReady, searchReady } from "./search";
import { pgConnectionFields } from "./url";

const docs: TestArticle[] = [
  {
    id: "a_strike",
    title: "Coalition strike kills 83 near Deir ez-Zor",
    text: "Jets struck army positions on Tharda mountain. Killed were mostly soldiers, the Syrian Observatory said.",
    outlet: "levant.example",
    claims: 3,
    statements: 1,
    event: "ev_strike",
  },
  {
    id: "a_flood",
    title: "Seven dead as flash floods hit Aldmoor",
    text: "The water rose faster than anyone had seen before, the town's mayor said.",
    outlet: "riverside.example",
    claims: 1,
    event: "ev_flood",
  },
  {
    id: "a_fr",
    title: "L’armée syrienne bombardée",
    text: "Une enquête est ouverte après la frappe près de Deir ez-Zor.",
    outlet: "mondialisation.example",
    language: "fr",
    event: "ev_strike",
    copyOf: "a_strike",
  },
  {
    id: "a_us",
    title: "U.S. officials review the raid",
    text: "About 3.5 million people live in the province, officials wrote in an e-mail.",
    outlet: "levant.example",
    statements: 2,
  },
];

async function search(database: Database, q: string): Promise<string[]> {
  const page = await listArticles(articleFiltersSchema.parse({ q, pageSize: 200 }), database);
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => r.id).sort();
}

/** The derived counts, and the same counts grouped on the fly from the articles. */
async function countsMatchArticles(database: Database) {
  const { db } = database;
  const norm = (rows: Record<string, unknown>[]) => rows.map((r) => Object.values(r).map(String).join("|")).sort();
  const pairs = [
    [
      `SELECT "outletId", "day", "language", "articles" FROM "ArticleDayCount"`,
      `SELECT "outletId", "publishedDay", coalesce("language", ''), COUNT(*) FROM "Article" WHERE "publishedDay" IS NOT NULL GROUP BY 1, 2, 3`,
    ],
    [`SELECT coalesce(SUM("events"), 0) AS n FROM "EventCount"`, `SELECT COUNT(*) AS n FROM "Event"`],
    [
      `SELECT "outletId", "month", "language", "articles" FROM "ArticleMonthCount"`,
      `SELECT "outletId", substr("publishedDay", 1, 7), coalesce("language", ''), COUNT(*) FROM "Article" WHERE "publishedDay" IS NOT NULL GROUP BY 1, 2, 3`,
    ],
    [
      `SELECT "day", "language", "articles" FROM "ArticleDayTotal"`,
      `SELECT "publishedDay", coalesce("language", ''), COUNT(*) FROM "Article" WHERE "publishedDay" IS NOT NULL GROUP BY 1, 2`,
    ],
    [
      `SELECT "articleId", "claims", "statements" FROM "ArticleExtractCount"`,
      `SELECT "articleId", SUM("c") AS "claims", SUM("s") AS "statements" FROM (
         SELECT "articleId", COUNT(*) AS "c", 0 AS "s" FROM "CasualtyClaim" GROUP BY 1
         UNION ALL SELECT "articleId", 0, COUNT(*) FROM "Statement" GROUP BY 1) x GROUP BY 1`,
    ],
    [
      `SELECT "outletId", "language", "articles", "dated" FROM "ArticleOutletCount"`,
      `SELECT "outletId", coalesce("language", ''), COUNT(*) AS "all", COUNT("publishedDay") AS "dated" FROM "Article" GROUP BY 1, 2`,
    ],
  ] as const;
  for (const [derived, live] of pairs) {
    expect(norm(await db.$queryRawUnsafe(derived))).toEqual(norm(await db.$queryRawUnsafe(live)));
  }
  await membersMatch(database);
}

/**
 * "EventMember" holds exactly each membership with its article's columns and, computed here from
 * the article's claims and statements, its counts and headline figures (lib/db/event-members.ts).
 */
async function membersMatch(database: Database) {
  const { db } = database;
  const columns = MEMBER_ARTICLE_COLUMNS.map((c) => `"${c}"`).join(", ");
  const derived = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT "eventId", "id", ${columns} FROM "EventMember" ORDER BY 1, 2`);
  const live = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ea."eventId", a."id", ${MEMBER_ARTICLE_COLUMNS.map((c) => `a."${c}"`).join(", ")}
     FROM "EventArticle" ea JOIN "Article" a ON a."id" = ea."articleId" ORDER BY 1, 2`,
  );
  expect(derived).toEqual(live);
  const extracts = MEMBER_EXTRACT_COLUMNS.map((c) => `"${c}"`).join(", ");
  const stored = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT "eventId", "id", ${extracts} FROM "EventMember" ORDER BY 1, 2`);
  const claims = await db.casualtyClaim.findMany({ orderBy: { id: "asc" } });
  const statements = await db.statement.findMany({ select: { articleId: true, direct: true } });
  const num = (v: unknown) => (v === null ? null : Number(v));
  const headline = (id: string, kind: string) => {
    const c = claims.find((c) => c.articleId === id && c.isHeadline && !c.isContext && c.kind === kind);
    return c ? [c.id, c.min, c.max, c.qualifier] : [null, null, null, null];
  };
  expect(stored.map((r) => [r.eventId, r.id, ...MEMBER_EXTRACT_COLUMNS.map((c) => (c.endsWith("Qualifier") ? r[c] : num(r[c])))])).toEqual(
    live.map((r) => {
      const id = r.id as string;
      const said = statements.filter((s) => s.articleId === id);
      return [
        r.eventId, id, claims.filter((c) => c.articleId === id).length, said.filter((s) => s.direct).length, said.filter((s) => !s.direct).length,
        ...headline(id, "killed"), ...headline(id, "wounded"),
      ];
    }),
  );
  return derived;
}

const RACE_CLAIM = (articleId: string) =>
  `INSERT INTO "CasualtyClaim" ("articleId", "kind", "min", "max", "qualifier", "isHeadline", "isContext", "phrase", "start", "end", "sentence", "sentenceStart", "sentenceEnd")
   VALUES ('${articleId}', 'killed', 5, 5, 'exact', true, false, '5', 0, 1, '5 killed.', 0, 9)`;
const RACE_STATEMENT = (articleId: string) =>
  `INSERT INTO "Statement" ("articleId", "text", "start", "end", "direct") VALUES ('${articleId}', 'Said so', 0, 7, true)`;

describe.each(PROVIDERS)("full-text index and article counts on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    // Stored before the index exists: ensureSearch must backfill them.
    await insertTestCorpus(t.database, docs);
    await t.database.db.event.createMany({ data: [{ id: "ev_before_1", title: "Before" }, { id: "ev_before_2", title: "Before" }] });
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("ensureSearch builds once, backfilling what is stored, then finds everything current", async () => {
    expect(await ensureSearch(t.database)).toBe(true);
    expect(await ensureSearch(t.database)).toBe(false);
    await searchReady(t.database);
    expect(await search(t.database, "Aldmoor")).toEqual(["a_flood"]);
    await countsMatchArticles(t.database);
  });

  test.each<[string, string[]]>([
    ["aldmoor", ["a_flood"]],
    ["ALDMOOR floods", ["a_flood"]],
    ["kill*", ["a_strike"]],
    ["kill", []],
    ["killed soldiers", ["a_strike"]],
    ['"Deir ez-Zor"', ["a_fr", "a_strike"]],
    ["deir zor", ["a_fr", "a_strike"]],
    ["ez-zor", ["a_fr", "a_strike"]],
    ['"zor deir"', []],
    ['"army positions"', ["a_strike"]],
    ['"army pos"*', ["a_strike"]],
    ["armée", ["a_fr"]],
    ["l’armée", ["a_fr"]],
    ["l'armée", ["a_fr"]],
    ["armee", []],
    ["enquête", ["a_fr"]],
    ["U.S.", ["a_us"]],
    ["3.5", ["a_us"]],
    ["e-mail", ["a_us"]],
    ["syri*", ["a_fr", "a_strike"]],
    ["syria*", ["a_strike"]],
    ["mayor Tharda", []],
    // OR inside a clause, exclusions (the same on both databases).
    ["aldmoor OR armée", ["a_flood", "a_fr"]],
    ['"Deir ez-Zor" -armée', ["a_strike"]],
    ['"Deir ez-Zor" NOT "army positions"', ["a_fr"]],
    ["syri* -kill*", ["a_fr"]],
    ["zor OR officials -soldiers", ["a_fr", "a_us"]],
    ['raid OR "flash floods" OR enquête -"U.S."', ["a_flood", "a_fr"]],
    ["-armée", []],
    ["aldmoor or armée", []],
  ])("%j matches %j", async (q, expected) => {
    expect(await search(t.database, q)).toEqual(expected);
  });

  test.each(['"', "*", "**", '""', "!!!", "-", ":*", "<->", "&|!", "()", "'", "\\", "%", "_", "^"])(
    "a query without words (%j) matches nothing and is no error",
    async (q) => {
      expect(await search(t.database, q)).toEqual([]);
    },
  );

  test.each(["AND(", "NOT OR", 'a" OR "b', "OR OR OR", "- -", '-"', "a NOT", "NOT", "NEAR(deir zor)", "title:deir", "deir:*", "deir & zor", "x'); DROP TABLE \"Article\"; --", "{deir}", "deir^2"])(
    "operator-like input (%j) is plain words, never a syntax error",
    async (q) => {
      await expect(search(t.database, q)).resolves.toBeInstanceOf(Array);
    },
  );

  test("words that look like operators are matched as words", async () => {
    await insertTestCorpus(t.database, [{ id: "a_ops", title: "Near and not or", text: "Title: nothing else.", outlet: "riverside.example" }]);
    expect(await search(t.database, "AND(")).toEqual(["a_ops"]);
    expect(await search(t.database, "NEAR(and not")).toEqual(["a_ops"]);
    expect(await search(t.database, "title:nothing")).toEqual(["a_ops"]);
  });

  test("inserts, title and text edits and deletes keep the index and the counts in sync", async () => {
    const { db } = t.database;
    const outlet = await db.outlet.findUniqueOrThrow({ where: { key: "riverside.example" } });
    await db.article.create({
      data: { id: "a_new", title: "Bridge collapse in Westmere", text: "Rescuers searched the river.", contentHash: "h", outletId: outlet.id, publishedAt: new Date("2016-09-20T08:00:00Z"), publishedDay: "2016-09-20", language: "en" },
    });
    expect(await search(t.database, "Westmere")).toEqual(["a_new"]);
    await db.article.update({ where: { id: "a_new" }, data: { title: "Bridge collapse in Eastmere" } });
    expect(await search(t.database, "Westmere")).toEqual([]);
    expect(await search(t.database, "Eastmere")).toEqual(["a_new"]);
    expect(await search(t.database, "rescuers")).toEqual(["a_new"]);
    await db.article.update({ where: { id: "a_new" }, data: { text: "Divers searched the harbour." } });
    expect(await search(t.database, "rescuers")).toEqual([]);
    expect(await search(t.database, "harbour divers")).toEqual(["a_new"]);
    // Updates that touch neither title nor text leave the index as it is.
    await db.article.update({ where: { id: "a_new" }, data: { author: "A. Writer" } });
    expect(await search(t.database, "harbour")).toEqual(["a_new"]);
    await db.article.delete({ where: { id: "a_new" } });
    expect(await search(t.database, "harbour")).toEqual([]);
    await countsMatchArticles(t.database);
  });

  test("counts follow an article moved to another day, outlet or language, and deletes", async () => {
    const { db } = t.database;
    const other = await db.outlet.findUniqueOrThrow({ where: { key: "levant.example" } });
    await db.article.update({ where: { id: "a_flood" }, data: { publishedAt: new Date("2016-10-01T12:00:00Z"), publishedDay: "2016-10-01" } });
    await countsMatchArticles(t.database);
    await db.article.update({ where: { id: "a_flood" }, data: { outletId: other.id, language: "fr" } });
    await countsMatchArticles(t.database);
    await db.article.update({ where: { id: "a_flood" }, data: { publishedAt: null, publishedDay: null, language: null } });
    await countsMatchArticles(t.database);
    // Several rows in one statement (PostgreSQL's triggers work per statement).
    await db.article.updateMany({ where: { outletId: other.id }, data: { language: "de" } });
    await countsMatchArticles(t.database);
    await db.article.deleteMany({ where: { id: { in: ["a_us", "a_ops"] } } });
    await countsMatchArticles(t.database);
    expect(await search(t.database, "U.S.")).toEqual([]);
  });

  test("the event counter follows inserts, deletes and merges, one row or many per statement", async () => {
    const { db } = t.database;
    await db.event.create({ data: { id: "ev_one", title: "One" } });
    await countsMatchArticles(t.database);
    await db.event.createMany({ data: ["a", "b", "c"].map((k) => ({ id: `ev_many_${k}`, title: k })) });
    await countsMatchArticles(t.database);
    // Updates leave the count alone.
    await db.event.updateMany({ where: { id: { startsWith: "ev_many_" } }, data: { articleCount: 2 } });
    await countsMatchArticles(t.database);
    await db.event.deleteMany({ where: { id: { in: ["ev_many_a", "ev_many_b", "ev_before_1"] } } });
    await countsMatchArticles(t.database);
    await db.event.delete({ where: { id: "ev_one" } });
    await countsMatchArticles(t.database);
    expect(await countAllEvents(t.database)).toBe(await db.event.count());
    expect((await getOverview(t.database)).events).toBe(await db.event.count());
  });

  test("claim and statement counts follow inserts, deletes, moves and deleted articles", async () => {
    const { db } = t.database;
    await db.casualtyClaim.create({
      data: { articleId: "a_fr", kind: "killed", qualifier: "exact", phrase: "deux", start: 0, end: 4, sentence: "Deux morts.", sentenceStart: 0, sentenceEnd: 11 },
    });
    await countsMatchArticles(t.database);
    await db.casualtyClaim.deleteMany({ where: { articleId: "a_strike", min: { not: 1 } } });
    await countsMatchArticles(t.database);
    await db.statement.updateMany({ where: { articleId: "a_strike" }, data: { articleId: "a_fr" } });
    await countsMatchArticles(t.database);
    // Cascading deletes of an article's claims and statements count too.
    await db.article.delete({ where: { id: "a_fr" } });
    await countsMatchArticles(t.database);
    const page = await listArticles(articleFiltersSchema.parse({ q: "Tharda" }), t.database);
    expect(page.rows[0]).toMatchObject({ id: "a_strike", claimCount: 1, statementCount: 0 });
  });

  test("a missing trigger (e.g. a migration rebuilt the table) makes ensureSearch rebuild everything", async () => {
    const { db } = t.database;
    await db.$executeRawUnsafe(provider === "sqlite" ? `DROP TRIGGER "Article_derived_ai"` : `DROP TRIGGER "Article_counts_ai" ON "Article"`);
    // Not seen by the counts (nor, on SQLite, by the index) while the trigger is missing.
    await insertTestCorpus(t.database, [{ id: "a_gap", title: "Ferry capsizes off Dunmarsh", outlet: "riverside.example", publishedAt: "2016-09-21T09:00:00Z" }]);
    forgetSearchReady(t.database);
    expect(await ensureSearch(t.database)).toBe(true);
    expect(await search(t.database, "Dunmarsh")).toEqual(["a_gap"]);
    await countsMatchArticles(t.database);
  });

  test("an ingest batch writes the index and counts for the whole batch (SQLite: triggers stand aside) exactly as the triggers would", async () => {
    const report = await ingestDemo(t.database);
    expect(report).toMatchObject({ failed: 0 });
    expect(report.added).toBeGreaterThan(10);
    await countsMatchArticles(t.database);
    // The demo's seed article is found by words of its title and of its text.
    expect((await search(t.database, "Deir ez-Zor")).length).toBeGreaterThan(0);
    const churkin = await search(t.database, "Churkin");
    expect(churkin.length).toBeGreaterThan(0);
    for (const id of churkin) expect((await t.database.db.article.findUniqueOrThrow({ where: { id } })).text).toContain("Churkin");
    if (provider === "sqlite") expect(await t.database.db.$queryRawUnsafe(`SELECT * FROM "ParallaxBulkWrite"`)).toEqual([]);
  });

  test("event members follow memberships and articles through every kind of write", async () => {
    const { db } = t.database;
    await insertTestCorpus(t.database, [
      { id: "a_m1", title: "Bridge collapses in Kelso", outlet: "riverside.example", event: "ev_bridge" },
      { id: "a_m2", title: "Kelso bridge: 4 dead", outlet: "levant.example", event: "ev_bridge", copyOf: "a_m1" },
      { id: "a_m3", title: "Rescue at Kelso", outlet: "levant.example" },
    ]);
    const members = async (eventId: string) =>
      (await membersMatch(t.database)).filter((r) => r.eventId === eventId).map((r) => r.id);
    expect(await members("ev_bridge")).toEqual(["a_m1", "a_m2"]);
    // A membership created by Prisma (a manual move), one moved to another event, one deleted.
    await db.eventArticle.create({ data: { articleId: "a_m3", eventId: "ev_bridge", method: "manual", score: 1 } });
    expect(await members("ev_bridge")).toEqual(["a_m1", "a_m2", "a_m3"]);
    await db.event.create({ data: { id: "ev_rescue", title: "Rescue" } });
    await db.eventArticle.updateMany({ where: { articleId: { in: ["a_m2", "a_m3"] } }, data: { eventId: "ev_rescue" } });
    expect(await members("ev_rescue")).toEqual(["a_m2", "a_m3"]);
    // Changing neither key leaves the rows as they are.
    await db.eventArticle.updateMany({ where: { eventId: "ev_rescue" }, data: { method: "auto" } });
    expect(await members("ev_rescue")).toEqual(["a_m2", "a_m3"]);
    // The article's copied columns (a re-fetch that changed the title, the original found later).
    await db.article.update({ where: { id: "a_m3" }, data: { title: "Rescue at Kelso, updated", language: "de", publishedAt: new Date("2016-09-19T08:00:00Z"), publishedDay: "2016-09-19" } });
    await db.article.update({ where: { id: "a_m3" }, data: { syndicatedFromId: "a_m1" } });
    await db.article.update({ where: { id: "a_m3" }, data: { places: "[]" } });
    expect((await membersMatch(t.database)).find((r) => r.id === "a_m3")).toMatchObject({ title: "Rescue at Kelso, updated", language: "de", syndicatedFromId: "a_m1" });
    // Claims and statements of members: added (one by one and several in one statement), changed, moved, deleted.
    const claim = (articleId: string, kind: string, min: number, isHeadline: boolean) => ({
      articleId, kind, min, max: min + 2, qualifier: "range", isHeadline, phrase: `${min}`, start: 0, end: 1, sentence: `${min} ${kind}.`, sentenceStart: 0, sentenceEnd: 9,
    });
    const killed = await db.casualtyClaim.create({ data: claim("a_m3", "killed", 4, true) });
    await db.casualtyClaim.createMany({ data: [claim("a_m3", "wounded", 10, true), claim("a_m3", "killed", 7, false), claim("a_m2", "killed", 3, true)] });
    await db.statement.createMany({ data: [true, false, false].map((direct, i) => ({ articleId: "a_m3", text: `Said ${i}`, start: 0, end: 5, direct })) });
    await membersMatch(t.database);
    await db.casualtyClaim.update({ where: { id: killed.id }, data: { isContext: true } });
    await db.statement.updateMany({ where: { articleId: "a_m3", direct: true }, data: { direct: false } });
    await membersMatch(t.database);
    await db.casualtyClaim.updateMany({ where: { articleId: "a_m3", kind: "wounded" }, data: { articleId: "a_m2" } });
    await db.statement.updateMany({ where: { articleId: "a_m3" }, data: { speaker: "Unnamed official" } });
    await membersMatch(t.database);
    await db.casualtyClaim.deleteMany({ where: { articleId: "a_m2", kind: "killed" } });
    await db.statement.deleteMany({ where: { articleId: "a_m3", text: "Said 1" } });
    expect((await membersMatch(t.database)).length).toBeGreaterThan(0);
    // Deleting the original sets its copies' syndicatedFromId to null (ON DELETE SET NULL) and cascades its membership.
    await db.article.delete({ where: { id: "a_m1" } });
    expect(await members("ev_bridge")).toEqual([]);
    expect((await membersMatch(t.database)).find((r) => r.id === "a_m3")).toMatchObject({ syndicatedFromId: null });
    // Deleting an event cascades to its memberships.
    await db.event.delete({ where: { id: "ev_rescue" } });
    expect(await members("ev_rescue")).toEqual([]);
    // A rolled-back write leaves no member behind.
    await expect(
      db.$transaction(async (tx) => {
        await tx.eventArticle.create({ data: { articleId: "a_m3", eventId: "ev_bridge" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await members("ev_bridge")).toEqual([]);
  });

  test("an older database gets the member table alone, backfilled, when only it is missing", async () => {
    const { db } = t.database;
    const before = await membersMatch(t.database);
    expect(before.length).toBeGreaterThan(0);
    // As a database written before the member table existed: none of its objects, no version row.
    for (const step of (provider === "sqlite" ? SQLITE_MEMBERS : PG_MEMBERS).drop) await db.$executeRawUnsafe(step);
    await db.$executeRawUnsafe(`DELETE FROM "ParallaxDerived" WHERE "name" = 'members'`);
    await db.$executeRawUnsafe(`INSERT INTO "ArticleDayTotal" ("day", "language", "articles") VALUES ('1999-01-01', 'xx', 1)`);
    forgetSearchReady(t.database);
    expect(await ensureSearch(t.database)).toBe(true);
    expect(await membersMatch(t.database)).toEqual(before);
    // The search objects were left alone (a rebuild would have dropped this row).
    expect(await db.$queryRawUnsafe(`SELECT "articles" FROM "ArticleDayTotal" WHERE "day" = '1999-01-01'`)).toHaveLength(1);
    await db.$executeRawUnsafe(`DELETE FROM "ArticleDayTotal" WHERE "day" = '1999-01-01'`);
    expect(await ensureSearch(t.database)).toBe(false);
  });

  test("a member table rebuilt by an older version (fewer columns, this version's triggers left behind) is rebuilt", async () => {
    const { db } = t.database;
    const before = await membersMatch(t.database);
    // What the first version's rebuild leaves: its own table and version, and the claim and
    // statement triggers it does not know, naming columns its table lacks.
    const extracts = new RegExp(`,\\s*"claims"[\\s\\S]*"woundedQualifier" [A-Z]+`);
    const create = (provider === "sqlite" ? SQLITE_MEMBERS : PG_MEMBERS).create[0]!;
    expect(create).toMatch(extracts);
    await db.$executeRawUnsafe(`DROP TABLE "EventMember"${provider === "postgresql" ? " CASCADE" : ""}`);
    await db.$executeRawUnsafe(create.replace(extracts, ""));
    await db.$executeRawUnsafe(`UPDATE "ParallaxDerived" SET "version" = 1 WHERE "name" = 'members'`);
    forgetSearchReady(t.database);
    expect(await ensureSearch(t.database)).toBe(true);
    expect(await membersMatch(t.database)).toEqual(before);
    // Claims can be written again.
    await db.casualtyClaim.create({ data: { articleId: before[0]!.id as string, kind: "killed", min: 1, max: 1, qualifier: "exact", phrase: "1", start: 0, end: 1, sentence: "1 killed.", sentenceStart: 0, sentenceEnd: 9 } });
    await membersMatch(t.database);
  });

  /**
   * PostgreSQL runs writers side by side (READ COMMITTED): a membership written while another
   * transaction changes its article, or the article's claims or statements, must still end with
   * the article's committed columns. `first` runs and stays open; `second` starts on another
   * connection and runs until it finishes or waits on a lock; then `first` commits, `second`
   * finishes and commits. Without locking, each side's trigger missed the other's uncommitted
   * rows and the member row kept stale columns.
   */
  test.runIf(provider === "postgresql").each<[string, string[], string[]]>([
    ["a title edited while a membership is added", [`INSERT INTO "EventArticle" ("eventId", "articleId") VALUES ('ev_race', 'a_r1')`], [`UPDATE "Article" SET "title" = 'Edited while joining' WHERE "id" = 'a_r1'`]],
    ["a membership added while the title is edited", [`UPDATE "Article" SET "title" = 'Edited before joining' WHERE "id" = 'a_r2'`], [`INSERT INTO "EventArticle" ("eventId", "articleId") VALUES ('ev_race', 'a_r2')`]],
    ["a claim added while a membership is added", [`INSERT INTO "EventArticle" ("eventId", "articleId") VALUES ('ev_race', 'a_r3')`], [RACE_CLAIM("a_r3"), RACE_STATEMENT("a_r3")]],
    ["a membership added while a claim is added", [RACE_CLAIM("a_r4"), RACE_STATEMENT("a_r4")], [`INSERT INTO "EventArticle" ("eventId", "articleId") VALUES ('ev_race', 'a_r4')`]],
    ["a membership moved while the outlet changes", [`UPDATE "EventArticle" SET "eventId" = 'ev_race' WHERE "articleId" = 'a_r5'`], [`UPDATE "Article" SET "outletId" = (SELECT "id" FROM "Outlet" WHERE "key" = 'riverside.example') WHERE "id" = 'a_r5'`]],
  ])("concurrent writes keep member rows current: %s", async (_name, first, second) => {
    await ensureSearch(t.database);
    if (!(await t.database.db.event.findUnique({ where: { id: "ev_race" } }))) {
      await insertTestCorpus(t.database, [
        ...["a_r1", "a_r2", "a_r3", "a_r4"].map((id) => ({ id, title: `Race ${id}`, outlet: "levant.example" })),
        { id: "a_r5", title: "Race a_r5", outlet: "levant.example", event: "ev_race_from" },
      ]);
      await t.database.db.event.create({ data: { id: "ev_race", title: "Race" } });
    }
    const [one, two] = [new pg.Client(pgConnectionFields(t.url)), new pg.Client(pgConnectionFields(t.url))];
    await Promise.all([one.connect(), two.connect()]);
    try {
      await one.query("BEGIN");
      for (const sql of first) await one.query(sql);
      await two.query("BEGIN");
      let finished = false;
      const running = (async () => {
        try {
          for (const sql of second) await two.query(sql);
        } finally {
          finished = true;
        }
      })();
      const pid = (two as unknown as { processID: number }).processID;
      // Until `second` has finished, or is waiting for `first`'s locks (deterministic either way).
      for (;;) {
        if (finished) break;
        const { rows } = await one.query<{ b: number[] }>(`SELECT pg_blocking_pids($1) AS b`, [pid]);
        if (rows[0]?.b.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await one.query("COMMIT");
      await running;
      await two.query("COMMIT");
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
    await membersMatch(t.database);
  });

  test.runIf(provider === "postgresql")("a membership update that moves nothing (score, method) does not lock its article", async () => {
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, [{ id: "a_r6", title: "Race a_r6", outlet: "levant.example", event: "ev_race_still" }]);
    const [one, two] = [new pg.Client(pgConnectionFields(t.url)), new pg.Client(pgConnectionFields(t.url))];
    await Promise.all([one.connect(), two.connect()]);
    try {
      await one.query("BEGIN");
      await one.query(`UPDATE "EventArticle" SET "method" = 'manual', "score" = 1 WHERE "articleId" = 'a_r6'`);
      // Would wait for `one` (and fail after 2 s) if the article were locked.
      await two.query("SET lock_timeout = '2s'");
      await two.query(`UPDATE "Article" SET "title" = 'Edited during a score update' WHERE "id" = 'a_r6'`);
      await one.query("COMMIT");
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
    expect((await membersMatch(t.database)).find((r) => r.id === "a_r6")).toMatchObject({ title: "Edited during a score update" });
  });

  test("a newer version's triggers, left when it is rolled back, are dropped by the rebuild; an administrator's stay", async () => {
    const { db } = t.database;
    const before = await membersMatch(t.database);
    const articleId = before[0]!.id as string;
    // Triggers that fail any statement write: one named like a derived object of another
    // version, one named otherwise (kept, so it only counts rows here).
    await db.$executeRawUnsafe(`CREATE TABLE "AuditLog" ("n" INTEGER)`);
    if (provider === "sqlite") {
      await db.$executeRawUnsafe(`CREATE TRIGGER "Statement_speakers_ai" AFTER INSERT ON "Statement" BEGIN SELECT RAISE(ABORT, 'stray trigger'); END`);
      await db.$executeRawUnsafe(`CREATE TRIGGER "statement_audit" AFTER INSERT ON "Statement" BEGIN INSERT INTO "AuditLog" VALUES (1); END`);
    } else {
      await db.$executeRawUnsafe(`CREATE FUNCTION stray_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'stray trigger'; END $$`);
      await db.$executeRawUnsafe(`CREATE FUNCTION audit_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "AuditLog" VALUES (1); RETURN NULL; END $$`);
      await db.$executeRawUnsafe(`CREATE TRIGGER "Statement_speakers_ai" AFTER INSERT ON "Statement" FOR EACH ROW EXECUTE FUNCTION stray_trigger()`);
      await db.$executeRawUnsafe(`CREATE TRIGGER "statement_audit" AFTER INSERT ON "Statement" FOR EACH ROW EXECUTE FUNCTION audit_trigger()`);
    }
    const statement = { articleId, text: "We will rebuild.", start: 0, end: 16, direct: true, speaker: "The mayor", cue: "said" };
    // (SQLite's RAISE reaches Prisma as a constraint error, without its message.)
    await expect(db.statement.create({ data: statement })).rejects.toThrow(provider === "sqlite" ? /constraint/i : /stray trigger/);
    // The newer version recorded its own version numbers.
    await db.$executeRawUnsafe(`UPDATE "ParallaxDerived" SET "version" = 99 WHERE "name" = 'members'`);
    forgetSearchReady(t.database);
    expect(await ensureSearch(t.database)).toBe(true);
    await db.statement.create({ data: statement });
    expect(Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "AuditLog"`))[0]!.n)).toBe(1);
    await membersMatch(t.database);
    await db.$executeRawUnsafe(`DROP TRIGGER "statement_audit"${provider === "postgresql" ? ` ON "Statement"` : ""}`);
    await db.$executeRawUnsafe(`DROP TABLE "AuditLog"`);
  });
});
