import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memberRows } from "../db/event-members";
import { ensureSearch } from "../db/search";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { sqlitePlan } from "../testing/query-plan";
import { eventMembersQuery } from "./event-detail";
import { sql, type Sql } from "./sql";
import { articleConditions } from "./where";

// The event page's reads that grow with the event come from one range of "EventMember" (its
// members with their counts and headline figures: lib/db/event-members.ts), not from the article
// rows: an article row holds the text before the columns read here, and SQLite walks a long
// text's overflow pages to reach them. Writing a member row reads its counts and figures from
// covering indexes. SQLite's plans are stable on an empty table; PostgreSQL's depend on
// statistics, so they are not asserted there.
describe("event page read plans (sqlite)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await ensureSearch(t.database);
  });
  afterAll(async () => t?.drop());

  const plan = (q: Sql) => sqlitePlan(t.database, q);

  test("members: one range of the member table's primary key, no article row", async () => {
    const conditions = await articleConditions(t.database, { event: "ev_1" });
    const text = await plan(eventMembersQuery(t.database, "ev_1", conditions));
    expect(text).toMatch(/SEARCH m USING PRIMARY KEY \(eventId=\?\)/);
    expect(text).not.toMatch(/Article/);
  });

  test("members with filters still start from the event, then the covering article index", async () => {
    const conditions = await articleConditions(t.database, { event: "ev_1", language: ["en"], from: "2016-09-01" });
    const text = await plan(eventMembersQuery(t.database, "ev_1", conditions));
    expect(text).toMatch(/SEARCH m USING PRIMARY KEY \(eventId=\?\)/);
    expect(text).toMatch(/SEARCH a USING (COVERING )?INDEX Article_member_idx \(id=\?\)/);
  });

  test("a member row's counts and headline figures: the covering claim and statement indexes", async () => {
    const text = await plan(sql([memberRows(`(SELECT 'ev_1' AS "eventId", 'a_1' AS "articleId") p`)]));
    expect(text).toMatch(/SEARCH t USING COVERING INDEX Statement_articleId_direct_idx \(articleId=\?/);
    expect(text).toMatch(/SEARCH c USING COVERING INDEX CasualtyClaim_article_figures_idx \(articleId=\?/);
    expect(text).toMatch(/SEARCH k USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(text).not.toMatch(/SCAN (t|c|k|w)\b/);
  });
});
