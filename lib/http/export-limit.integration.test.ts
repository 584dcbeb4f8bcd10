// The row limit of one export, set low for this file (read when the route first asks for it).
process.env.PARALLAX_EXPORT_MAX_ROWS = "5";

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[table]/route";
import type { Database } from "../db";
import { ensureSearch } from "../db/search";
import { insertTestCorpus, type TestArticle } from "../queries/test-corpus";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";

const corpus: TestArticle[] = Array.from({ length: 8 }, (_, i) => ({
  id: `l_${i}`,
  title: `Report ${i}`,
  outlet: i < 5 ? "five.example" : "three.example",
  publishedAt: `2016-09-1${i}T10:00:00Z`,
  claims: 1,
}));

describe.each(PROVIDERS)("export row limit on %s", (provider) => {
  let t: TestDatabase;
  const global = globalThis as unknown as { parallaxDb?: Database };
  let before: Database | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, corpus);
    before = global.parallaxDb;
    global.parallaxDb = t.database;
  });
  afterAll(async () => {
    global.parallaxDb = before;
    await t?.drop();
  });

  const get = (table: string, query: string) => exportRoute(new Request(`http://x/api/export/${table}?${query}`), { params: Promise.resolve({ table }) });

  test.each(["csv", "json", "xlsx"])("more rows than the limit: 422 naming it and what to do, not a file cut short (%s)", async (format) => {
    for (const table of ["articles", "claims"]) {
      const res = await get(table, `format=${format}`);
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ error: "too_many_rows", limit: 5, message: expect.stringMatching(/^more than 5 \w+ match these filters \(PARALLAX_EXPORT_MAX_ROWS\): narrow the filters/) });
    }
  });

  test("an event id of any characters names the file safely (it used to fail with a 500: headers hold Latin-1 only)", async () => {
    for (const event of ["\u202eev", 'ev_"x\\y', "ev_\u65e5\u672c", "ev_a\nb"]) {
      const res = await get("articles", `format=csv&event=${encodeURIComponent(event)}`);
      expect(res.status).toBe(200);
      const disposition = res.headers.get("content-disposition") ?? "";
      expect(disposition).toMatch(/^attachment; filename="parallax-articles-[\x20-\x7e]*\.csv"; filename\*=UTF-8''/);
      expect(disposition).toContain(encodeURIComponent(event));
      // No article of such an event: the header row only.
      expect((await res.text()).trim().split("\n")).toHaveLength(1);
    }
  });

  test("filters that select no more than the limit export every row", async () => {
    const res = await get("articles", "format=csv&outlet=five.example");
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n");
    expect(lines).toHaveLength(1 + 5);
    for (const [outlet, rows] of [["three.example", 3], ["five.example", 5]] as const) {
      const claims = await get("claims", `format=csv&outlet=${outlet}`);
      expect(claims.status).toBe(200);
      expect((await claims.text()).trim().split("\n")).toHaveLength(1 + rows);
    }
    // `check=1`: the same verdict, without the file.
    const check = await get("claims", "format=csv&outlet=five.example&check=1");
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({ ok: true, limit: 5 });
    expect((await get("claims", "format=csv&check=1")).status).toBe(422);
    // Six of the eight: one over.
    expect((await get("claims", "format=json&from=2016-09-12")).status).toBe(422);
  });
});
