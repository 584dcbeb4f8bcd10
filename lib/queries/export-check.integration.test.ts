import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { ensureSearch } from "../db/search";
import { exportFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { EXPORT_CHECK_REUSE_MS, exportExceeds } from "./exports";
import { insertTestCorpus, type TestArticle } from "./test-corpus";

const corpus: TestArticle[] = Array.from({ length: 8 }, (_, i) => ({
  id: `c_${i}`,
  title: `Report ${i}`,
  outlet: i < 5 ? "five.example" : "three.example",
  publishedAt: `2016-09-1${i}T10:00:00Z`,
  claims: 1,
}));

const LIMIT = 5;

// The export buttons ask `check=1` and then download: the second request reuses the first's count
// while the table's total stands, for a short while. These tests change which rows match without
// changing the total (an article's outlet rewritten in place) to see when the count is reused.
describe.each(PROVIDERS)("export limit check reuse on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, corpus);
  });
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const filters = (query: string) => exportFiltersSchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const exceeds = (query: string) => exportExceeds("claims", filters(query), LIMIT, t.database);
  const setOutlet = async (ids: string[], outlet: string) => {
    const { id } = await t.database.db.outlet.findUniqueOrThrow({ where: { key: outlet }, select: { id: true } });
    await t.database.db.article.updateMany({ where: { id: { in: ids } }, data: { outletId: id } });
  };

  test("a verdict stands while the total does, for EXPORT_CHECK_REUSE_MS; a new row or the time out counts again", async () => {
    let now = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => now);
    expect(await exceeds("format=csv&outlet=three.example")).toBe(false);
    // Six claims now match; the claims' total is the same: within the reuse time, the first count stands
    // (the format and the order are not part of the count).
    await setOutlet(["c_0", "c_1", "c_2"], "three.example");
    expect(await exceeds("format=xlsx&outlet=three.example&dir=asc")).toBe(false);
    // Other filters are counted on their own.
    expect(await exceeds("format=csv&outlet=three.example&from=2016-09-10")).toBe(true);
    now += EXPORT_CHECK_REUSE_MS;
    expect(await exceeds("format=csv&outlet=three.example")).toBe(true);

    // Back to three, then a new claim (the total changes): counted again at once.
    await setOutlet(["c_0", "c_1", "c_2"], "five.example");
    expect(await exceeds("format=csv&outlet=three.example")).toBe(true);
    await insertTestCorpus(t.database, [{ id: "c_new", title: "Report new", outlet: "three.example", publishedAt: "2016-09-20T10:00:00Z", claims: 1 }]);
    expect(await exceeds("format=csv&outlet=three.example")).toBe(false);
  });
});
