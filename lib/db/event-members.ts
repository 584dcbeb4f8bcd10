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
 *
 * Each row also carries what the page shows of the article's extraction without reading it:
 * its number of claims, of direct and reported statements, and its headline killed and wounded
 * figures (id, bounds, qualifier; the first by id where an article has several). Kept by the
 * membership triggers (computed when a membership is written) and by triggers on "CasualtyClaim"
 * and "Statement" (recomputed for the article's member rows when its claims or statements
 * change). Without them the page made one look-up per member in each of the claim-count,
 * statement-count and headline-figure indexes: at 1M articles, random pages all over the file.
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

/** The columns computed from the article's claims and statements (see memberExtracts). */
export const MEMBER_EXTRACT_COLUMNS = [
  "claims",
  "direct",
  "reported",
  "killedId",
  "killedMin",
  "killedMax",
  "killedQualifier",
  "woundedId",
  "woundedMin",
  "woundedMax",
  "woundedQualifier",
] as const;

const cols = (prefix: string) => MEMBER_ARTICLE_COLUMNS.map((c) => `${prefix}"${c}"`).join(", ");
const extractCols = MEMBER_EXTRACT_COLUMNS.map((c) => `"${c}"`).join(", ");
const ALL_COLUMNS = `"eventId", "id", ${cols("")}, ${extractCols}`;

/** The id of an article's (`a`."id") headline figure of one kind (the first by id, as the count timeline read them). */
const headlineId = (kind: "killed" | "wounded") =>
  `(SELECT c."id" FROM "CasualtyClaim" c WHERE c."articleId" = a."id" AND c."isHeadline" AND NOT c."isContext" AND c."kind" = '${kind}' ORDER BY c."id" LIMIT 1)`;
/**
 * The extract columns of the article `a` (MEMBER_EXTRACT_COLUMNS' order), with the joins they
 * need (`from`, after a FROM item aliased `a` with an "id"): counts from the covering indexes
 * on "CasualtyClaim" and "Statement" (articleId), headline figures by id.
 */
const memberExtracts = {
  select: `(SELECT COUNT(*) FROM "CasualtyClaim" c WHERE c."articleId" = a."id"),
    (SELECT COUNT(*) FROM "Statement" t WHERE t."articleId" = a."id" AND t."direct"),
    (SELECT COUNT(*) FROM "Statement" t WHERE t."articleId" = a."id" AND NOT t."direct"),
    k."id", k."min", k."max", k."qualifier", w."id", w."min", w."max", w."qualifier"`,
  from: ` LEFT JOIN "CasualtyClaim" k ON k."id" = ${headlineId("killed")} LEFT JOIN "CasualtyClaim" w ON w."id" = ${headlineId("wounded")}`,
};
/** The member rows of (event, article) pairs in `pairs` (alias p: "eventId", "articleId"). */
export const memberRows = (pairs: string) =>
  `SELECT p."eventId", a."id", ${cols("a.")}, ${memberExtracts.select} FROM ${pairs} JOIN "Article" a ON a."id" = p."articleId"${memberExtracts.from}`;
/** `SET` of the extract columns of the member rows of the article whose id is `articleId` (an expression). */
const setExtracts = (articleId: string) =>
  `(${extractCols}) = (SELECT ${memberExtracts.select} FROM (SELECT ${articleId} AS "id") a${memberExtracts.from})`;
const changed = MEMBER_ARTICLE_COLUMNS.map((c) => `OLD."${c}" IS DISTINCT FROM NEW."${c}"`).join(" OR ");
const setFromNew = MEMBER_ARTICLE_COLUMNS.map((c) => `"${c}" = NEW."${c}"`).join(", ");

/**
 * Bumped when a definition below changes: the member table alone is then rebuilt. Per database,
 * so a change to one database's triggers does not rebuild the other's table (PostgreSQL 3: the
 * triggers lock the articles, see pgLockArticles; 4: an update locks only the articles it moves).
 */
export const MEMBERS_VERSION = { sqlite: 2, postgresql: 4 } as const;

const table = (types: { text: string; int: string; time: string }, suffix: string) =>
  `CREATE TABLE "EventMember" ("eventId" ${types.text} NOT NULL, "id" ${types.text} NOT NULL, "outletId" ${types.int} NOT NULL,
     "publishedAt" ${types.time}, "publishedDay" ${types.text}, "language" ${types.text}, "syndicatedFromId" ${types.text},
     "title" ${types.text} NOT NULL, "url" ${types.text}, "author" ${types.text}, "originalSourceName" ${types.text}, "originalSourceUrl" ${types.text},
     "claims" ${types.int} NOT NULL, "direct" ${types.int} NOT NULL, "reported" ${types.int} NOT NULL,
     "killedId" ${types.int}, "killedMin" ${types.int}, "killedMax" ${types.int}, "killedQualifier" ${types.text},
     "woundedId" ${types.int}, "woundedMin" ${types.int}, "woundedMax" ${types.int}, "woundedQualifier" ${types.text},
     PRIMARY KEY ("eventId", "id"))${suffix}`;

/** Updates of an article's copied columns find its member row by article id. */
const ID_INDEX = `CREATE INDEX "EventMember_id_idx" ON "EventMember" ("id")`;
const BACKFILL = `INSERT INTO "EventMember" (${ALL_COLUMNS}) ${memberRows(`"EventArticle" p`)} ORDER BY 1, 2`;

/**
 * The columns of "CasualtyClaim" and "Statement" the extract columns depend on: an update of
 * any other (an evidence offset, a speaker) leaves the member rows alone.
 */
const EXTRACT_SOURCES = {
  CasualtyClaim: ["articleId", "kind", "min", "max", "qualifier", "isHeadline", "isContext"],
  Statement: ["articleId", "direct"],
} as const;
type ExtractSource = keyof typeof EXTRACT_SOURCES;
const EXTRACT_TABLES = Object.keys(EXTRACT_SOURCES) as ExtractSource[];

/**
 * SQLite: per row, the member rows of the claim's or statement's article recomputed. At ingest
 * the claims and statements of new articles are written before their memberships, so the update
 * finds no row (one probe of "EventMember_id_idx"); the membership's insert computes them.
 */
const sqliteExtractTriggers = (t: ExtractSource) => [
  `CREATE TRIGGER "${t}_member_ai" AFTER INSERT ON "${t}" BEGIN
     UPDATE "EventMember" SET ${setExtracts(`NEW."articleId"`)} WHERE "id" = NEW."articleId";
   END`,
  `CREATE TRIGGER "${t}_member_ad" AFTER DELETE ON "${t}" BEGIN
     UPDATE "EventMember" SET ${setExtracts(`OLD."articleId"`)} WHERE "id" = OLD."articleId";
   END`,
  `CREATE TRIGGER "${t}_member_au" AFTER UPDATE OF ${EXTRACT_SOURCES[t].map((c) => `"${c}"`).join(", ")} ON "${t}"
   WHEN ${EXTRACT_SOURCES[t].map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(" OR ")} BEGIN
     UPDATE "EventMember" SET ${setExtracts(`OLD."articleId"`)} WHERE "id" = OLD."articleId";
     UPDATE "EventMember" SET ${setExtracts(`NEW."articleId"`)} WHERE "id" = NEW."articleId" AND NEW."articleId" IS NOT OLD."articleId";
   END`,
];
const extractTriggerNames = EXTRACT_TABLES.flatMap((t) => ["ai", "ad", "au"].map((k) => `${t}_member_${k}`));

export const SQLITE_MEMBERS = {
  tables: ["EventMember"],
  indexes: ["EventMember_id_idx"],
  triggers: ["EventArticle_member_ai", "EventArticle_member_ad", "EventArticle_member_au", "Article_member_au", ...extractTriggerNames],
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
    ...EXTRACT_TABLES.flatMap(sqliteExtractTriggers),
  ],
  drop: [
    `DROP TRIGGER IF EXISTS "EventArticle_member_ai"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_ad"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_au"`,
    `DROP TRIGGER IF EXISTS "Article_member_au"`,
    ...extractTriggerNames.map((n) => `DROP TRIGGER IF EXISTS "${n}"`),
    `DROP TABLE IF EXISTS "EventMember"`,
  ],
};

/** Pairs that are in `a` and not in `b` (transition tables), as (eventId, articleId). */
const pairsOnlyIn = (a: string, b: string) =>
  `(SELECT "eventId", "articleId" FROM ${a} EXCEPT SELECT "eventId", "articleId" FROM ${b}) p`;
const pgDeletePairs = (pairs: string) =>
  `DELETE FROM "EventMember" m USING ${pairs} WHERE m."eventId" = p."eventId" AND m."id" = p."articleId";`;
const pgInsertPairs = (pairs: string) => `INSERT INTO "EventMember" (${ALL_COLUMNS}) ${memberRows(pairs)} ORDER BY 1, 2;`;

/**
 * Lock the articles in `articleIds` (a query of one "articleId" column), in id order.
 *
 * PostgreSQL runs writers side by side at READ COMMITTED, and each side's trigger sees only what
 * was committed when its statement began: a membership written while another transaction changed
 * its article (a title, a merged outlet) or the article's claims or statements copied the old
 * values, and the other side's trigger, not seeing the uncommitted member row, left it so. The
 * membership triggers lock their articles FOR SHARE, the claim and statement triggers FOR NO KEY
 * UPDATE, as an "Article" update does itself: the two conflict, so one side waits for the other
 * to commit, and its next statement (plpgsql takes a new snapshot per statement) reads the
 * committed rows. Memberships do not wait for each other (SHARE with SHARE), nor for foreign-key
 * checks (KEY SHARE). SQLite has one writer at a time and needs none of this.
 */
const pgLockArticles = (articleIds: string, mode: "SHARE" | "NO KEY UPDATE") =>
  `PERFORM 1 FROM "Article" a WHERE a."id" IN (${articleIds}) ORDER BY a."id" FOR ${mode} OF a;`;

/** The member rows of the articles in `articleIds` (a query of one "articleId" column) with their extract columns recomputed. */
const pgUpdateExtracts = (articleIds: string) =>
  `UPDATE "EventMember" m SET ${setExtracts(`m."id"`)} WHERE m."id" IN (${articleIds});`;

export const PG_MEMBERS = {
  tables: ["EventMember"],
  indexes: ["EventMember_id_idx"],
  triggers: ["EventArticle_member_ai", "EventArticle_member_ad", "EventArticle_member_au", "Article_member_au", ...extractTriggerNames],
  functions: ["parallax_event_members", "parallax_article_member", "parallax_member_extracts"],
  create: [
    table({ text: "TEXT", int: "INTEGER", time: "TIMESTAMP(3)" }, ""),
    ID_INDEX,
    // Statement-level (ingest and merges write memberships in sets). The articles are locked
    // first (see pgLockArticles); the insert, a later statement, then reads them as committed.
    `CREATE FUNCTION "parallax_event_members"() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         ${pgLockArticles(`SELECT "articleId" FROM new_rows`, "SHARE")}
         ${pgInsertPairs(`(SELECT "eventId", "articleId" FROM new_rows) p`)}
       ELSIF TG_OP = 'DELETE' THEN ${pgDeletePairs(`old_rows p`)}
       ELSE
         ${pgDeletePairs(pairsOnlyIn("old_rows", "new_rows"))}
         ${pgLockArticles(`SELECT p."articleId" FROM ${pairsOnlyIn("new_rows", "old_rows")}`, "SHARE")}
         ${pgInsertPairs(pairsOnlyIn("new_rows", "old_rows"))}
       END IF;
       RETURN NULL;
     END $fn$`,
    `CREATE FUNCTION "parallax_article_member"() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       UPDATE "EventMember" SET ${setFromNew} WHERE "id" = NEW."id";
       RETURN NULL;
     END $fn$`,
    // For "CasualtyClaim" and "Statement" alike (both have "articleId"). An update recomputes its
    // articles even when it changed none of the columns counted: the recompute is idempotent, and
    // such updates (none at present) are rare.
    `CREATE FUNCTION "parallax_member_extracts"() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         ${pgLockArticles(`SELECT "articleId" FROM new_rows`, "NO KEY UPDATE")}
         ${pgUpdateExtracts(`SELECT "articleId" FROM new_rows`)}
       ELSIF TG_OP = 'DELETE' THEN
         ${pgLockArticles(`SELECT "articleId" FROM old_rows`, "NO KEY UPDATE")}
         ${pgUpdateExtracts(`SELECT "articleId" FROM old_rows`)}
       ELSE
         ${pgLockArticles(`SELECT "articleId" FROM old_rows UNION SELECT "articleId" FROM new_rows`, "NO KEY UPDATE")}
         ${pgUpdateExtracts(`SELECT "articleId" FROM old_rows UNION SELECT "articleId" FROM new_rows`)}
       END IF;
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
    ...EXTRACT_TABLES.flatMap((t) => pgStatementTriggers(t, "parallax_member_extracts", "member")),
  ],
  drop: [
    `DROP TRIGGER IF EXISTS "EventArticle_member_ai" ON "EventArticle"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_ad" ON "EventArticle"`,
    `DROP TRIGGER IF EXISTS "EventArticle_member_au" ON "EventArticle"`,
    `DROP TRIGGER IF EXISTS "Article_member_au" ON "Article"`,
    ...EXTRACT_TABLES.flatMap((t) => ["ai", "ad", "au"].map((k) => `DROP TRIGGER IF EXISTS "${t}_member_${k}" ON "${t}"`)),
    `DROP FUNCTION IF EXISTS "parallax_event_members"()`,
    `DROP FUNCTION IF EXISTS "parallax_article_member"()`,
    `DROP FUNCTION IF EXISTS "parallax_member_extracts"()`,
    `DROP TABLE IF EXISTS "EventMember"`,
  ],
};
