/**
 * "EventMember": each event's articles stored together, keyed (eventId, id), with what the event
 * page reads of each (outlet, time, day, language, original, title, URL, author, declared
 * source). A copy of columns of "EventArticle" and "Article", kept by triggers (so every code
 * path that changes a membership or an article keeps it, and a rollback takes it back), created
 * and backfilled by `ensureSearch` (lib/db/search.ts) like the other derived objects.
 *
 * Why: article ids are hashes, so an event's members lie all over the article table and its
 * indexes. At 1M articles an event page read ~1,700 random pages (~7 MB) per page view, one or
 * two B-tree descents per member for each of the members, articles and statement-count queries;
 * SQLite calls were 53% of the server's CPU for the page (20% at 100k). SQLite stores this
 * table (WITHOUT ROWID) in primary-key order, so an event's members are a few adjacent pages.
 * PostgreSQL does not keep rows in key order, but reads them in one index range and the few
 * heap pages a newly written event occupies.
 */
import { pgStatementTriggers } from "./pg-triggers";

/** The copied article columns, as "Article" names them. */
export const MEMBER_ARTICLE_COLUMNS = [
  "outletId",
  "publishedAt",
  "publishedDay",
  "language",
  "syndicatedFromId",
  "title",
  "url",
  "author",
  "originalSourceName",
  "originalSourceUrl",
] as const;

const cols = (prefix: string) => MEMBER_ARTICLE_COLUMNS.map((c) => `${prefix}"${c}"`).join(", ");
const ALL_COLUMNS = `"eventId", "id", ${cols("")}`;
/** The member rows of (event, article) pairs in `pairs` (alias p: "eventId", "articleId"). */
const memberRows = (pairs: string) => `SELECT p."eventId", a."id", ${cols("a.")} FROM ${pairs} JOIN "Article" a ON a."id" = p."articleId"`;
const changed = MEMBER_ARTICLE_COLUMNS.map((c) => `OLD."${c}" IS DISTINCT FROM NEW."${c}"`).join(" OR ");
const setFromNew = MEMBER_ARTICLE_COLUMNS.map((c) => `"${c}" = NEW."${c}"`).join(", ");

/** Bumped when a definition below changes: the member table alone is then rebuilt. */
export const MEMBERS_VERSION = 1;

const table = (types: { text: string; int: string; time: string }, suffix: string) =>
  `CREATE TABLE "EventMember" ("eventId" ${types.text} NOT NULL, "id" ${types.text} NOT NULL, "outletId" ${types.int} NOT NULL,
     "publishedAt" ${types.time}, "publishedDay" ${types.text}, "language" ${types.text}, "syndicatedFromId" ${types.text},
     "title" ${types.text} NOT NULL, "url" ${types.text}, "author" ${types.text}, "originalSourceName" ${types.text}, "originalSourceUrl" ${types.text},
     PRIMARY KEY ("eventId", "id"))${suffix}`;

/** Updates of an article's copied columns find its member row by article id. */
const ID_INDEX = `CREATE INDEX "EventMember_id_idx" ON "EventMember" ("id")`;
const BACKFILL = `INSERT INTO "EventMember" (${ALL_COLUMNS}) ${memberRows(`"EventArticle" p`)} ORDER BY 1, 2`;

export const SQLITE_MEMBERS = {
  tables: ["EventMember"],
  indexes: ["EventMember_id_idx"],
  triggers: ["EventArticle_member_ai", "EventArticle_member_ad", "EventArticle_member_au", "Article_member_au"],
  // The same declared types as "Article" (DATETIME: the same affinity, so comparisons agree).
  create: [table({ text: "TEXT", int: "INTEGER", time: "DATETIME" }, " WITHOUT ROWID"), ID_INDEX],
  backfill: [BACKFILL],
  // Not gated by "ParallaxBulkWrite": one keyed insert per member costs little next to the rest of
  // an article's ingest, and a bulk path would be a second copy of the same statement.
  trigger: [
    `CREATE TRIGGER "EventArticle_member_ai" AFTER INSERT ON "EventArticle" BEGIN
       INSERT INTO "EventMember" (${ALL_COLUMNS}) ${memberRows(`(SELECT NEW."eventId" AS "eventId", NEW."articleId" AS "articleId") p`)};
     END`,
    `CREATE TRIGGER "EventArticle_member_ad" AFTER DELETE ON "EventArticle" BEGIN
       DELETE FROM "EventMember" WHERE "eventId" = OLD."eventId" AND "id" = OLD."articleId";
     END`,
    `CREATE TRIGGER "EventArticle_member_au" AFTER UPDATE OF "eventId", "articleId" ON "EventArticle"
     WHEN OLD."eventId" IS NOT NEW."eventId" OR OLD."articleId" IS NOT NEW."articleId" BEGIN
       DELETE FROM "EventMember" WHERE "eventId" = OLD."eventId" AND "id" = OLD."articleId";
       INSERT INTO "EventMember" (${ALL_COLUMNS}) ${memberRows(`(SELECT NEW."eventId" AS "eventId", NEW."articleId" AS "articleId") p`)};
     END`,
    // An article's id changes only through ON UPDATE CASCADE of its membership (the trigger above).
    `CREATE TRIGGER "Article_member_au" AFTER UPDATE OF ${cols("")} ON "Article" WHEN ${changed.replaceAll("IS DISTINCT FROM", "IS NOT")} BEGIN
       UPDATE "EventMember" SET ${setFromNew} WHERE "id" = NEW."id";
     END`,
  ],
  drop: [
    `DROP TRIGGER IF EXISTS "EventArticle_member_ai"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_ad"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_au"`,
    `DROP TRIGGER IF EXISTS "Article_member_au"`,
    `DROP TABLE IF EXISTS "EventMember"`,
  ],
};

/** Pairs that are in `a` and not in `b` (transition tables), as (eventId, articleId). */
const pairsOnlyIn = (a: string, b: string) =>
  `(SELECT "eventId", "articleId" FROM ${a} EXCEPT SELECT "eventId", "articleId" FROM ${b}) p`;
const pgDeletePairs = (pairs: string) =>
  `DELETE FROM "EventMember" m USING ${pairs} WHERE m."eventId" = p."eventId" AND m."id" = p."articleId";`;
const pgInsertPairs = (pairs: string) => `INSERT INTO "EventMember" (${ALL_COLUMNS}) ${memberRows(pairs)} ORDER BY 1, 2;`;

export const PG_MEMBERS = {
  tables: ["EventMember"],
  indexes: ["EventMember_id_idx"],
  triggers: ["EventArticle_member_ai", "EventArticle_member_ad", "EventArticle_member_au", "Article_member_au"],
  functions: ["parallax_event_members", "parallax_article_member"],
  create: [
    table({ text: "TEXT", int: "INTEGER", time: "TIMESTAMP(3)" }, ""),
    ID_INDEX,
    // Statement-level (ingest and merges write memberships in sets).
    `CREATE FUNCTION "parallax_event_members"() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       IF TG_OP = 'INSERT' THEN ${pgInsertPairs(`(SELECT "eventId", "articleId" FROM new_rows) p`)}
       ELSIF TG_OP = 'DELETE' THEN ${pgDeletePairs(`old_rows p`)}
       ELSE
         ${pgDeletePairs(pairsOnlyIn("old_rows", "new_rows"))}
         ${pgInsertPairs(pairsOnlyIn("new_rows", "old_rows"))}
       END IF;
       RETURN NULL;
     END $fn$`,
    `CREATE FUNCTION "parallax_article_member"() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       UPDATE "EventMember" SET ${setFromNew} WHERE "id" = NEW."id";
       RETURN NULL;
     END $fn$`,
  ],
  backfill: [BACKFILL],
  trigger: [
    // An update that changes neither key (method, score) leaves the table alone.
    ...pgStatementTriggers("EventArticle", "parallax_event_members", "member"),
    // Per row, only when a copied column changed (regrouping rewrites every article's places).
    `CREATE TRIGGER "Article_member_au" AFTER UPDATE OF ${cols("")} ON "Article" FOR EACH ROW WHEN (${changed})
       EXECUTE FUNCTION "parallax_article_member"()`,
  ],
  drop: [
    `DROP TRIGGER IF EXISTS "EventArticle_member_ai" ON "EventArticle"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_ad" ON "EventArticle"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_au" ON "EventArticle"`,
    `DROP TRIGGER IF EXISTS "Article_member_au" ON "Article"`,
    `DROP FUNCTION IF EXISTS "parallax_event_members"()`,
    `DROP FUNCTION IF EXISTS "parallax_article_member"()`,
    `DROP TABLE IF EXISTS "EventMember"`,
  ],
};
