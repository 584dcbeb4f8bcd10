import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET } from "../../app/api/outlets/route";
import type { Database } from "../db";
import { ensureSearch } from "../db/search";
import type { OutletRegistryItem } from "../schemas/outlets";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { listOutletFacets, searchOutlets } from "./index";
import { listOutletRegistry, searchOutletRegistry } from "./outlets";
import { insertTestCorpus, type TestArticle } from "./test-corpus";

// Names with LIKE wildcards, a key that is not a domain, a domain alias, a tie in volume and an
// outlet without articles.
const OUTLETS: { key: string; name: string; domain?: string; articles: number; alias?: string }[] = [
  { key: "reuters.example", name: "Reuters", domain: "reuters.example", articles: 5, alias: "reuters-uk.example" },
  { key: "afp.example", name: "Agence France-Presse", domain: "afp.example", articles: 4 },
  { key: "hal-times", name: "Hal Times", articles: 3 },
  { key: "bbc.example", name: "BBC News", domain: "bbc.example", articles: 3 },
  { key: "pct.example", name: "100% Local", articles: 2 },
  { key: "under_score.example", name: "Under_Score Daily", articles: 2 },
  { key: "quiet.example", name: "Quiet Gazette", articles: 0 },
];
const count = (key: string) => OUTLETS.find((o) => o.key === key)!.articles;
/** Articles of each outlet in the one event (its first ones). */
const IN_EVENT: Record<string, number> = { "reuters.example": 2, "afp.example": 3, "bbc.example": 1 };
const EVENT = "ev_scope";

const corpus: TestArticle[] = OUTLETS.flatMap((o) =>
  Array.from({ length: o.articles }, (_, i) => ({
    id: `a_${o.key.replace(/\W/g, "")}_${i}`,
    title: `Report ${i} from ${o.name}`,
    outlet: o.key,
    // Undated and untagged articles count too: the options count every article of an outlet.
    publishedAt: i === 1 ? null : `2016-09-${18 + i}T10:00:00Z`,
    language: i === 2 ? null : i % 2 ? "fr" : "en",
    event: i < (IN_EVENT[o.key] ?? 0) ? EVENT : undefined,
  })),
);

describe.each(PROVIDERS)("outlet search for the filter menus on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureSearch(t.database);
    const now = new Date();
    await t.database.db.outlet.createMany({ data: OUTLETS.map((o) => ({ key: o.key, name: o.name, domain: o.domain ?? null, updatedAt: now })) });
    for (const o of OUTLETS.filter((x) => x.alias)) {
      const { id } = await t.database.db.outlet.findUniqueOrThrow({ where: { key: o.key } });
      await t.database.db.outletAlias.create({ data: { key: o.alias!, outletId: id } });
    }
    await insertTestCorpus(t.database, corpus);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const keys = async (f: { q?: string; keys?: string[]; limit: number; event?: string }) => {
    const r = await searchOutlets(f, t.database);
    return { keys: r.rows.map((o) => o.key), more: r.more };
  };

  test("without a text: most articles first, ties by name, `more` when the limit cuts", async () => {
    expect(await keys({ limit: 3 })).toEqual({ keys: ["reuters.example", "afp.example", "bbc.example"], more: true });
    expect(await keys({ limit: 4 })).toEqual({ keys: ["reuters.example", "afp.example", "bbc.example", "hal-times"], more: true });
    const all = await searchOutlets({ limit: 100 }, t.database);
    expect(all.more).toBe(false);
    expect(all.rows.map((o) => o.key)).toEqual([
      "reuters.example", "afp.example", "bbc.example", "hal-times", "pct.example", "under_score.example", "quiet.example",
    ]);
    expect(await keys({ limit: 7 })).toMatchObject({ more: false });
    // The counts are every article of the outlet (undated, without language included), as the registry counts them.
    for (const o of all.rows) expect(o.articles, o.key).toBe(count(o.key));
    const registry = await listOutletRegistry(t.database);
    expect(Object.fromEntries(all.rows.map((o) => [o.key, o.articles]))).toEqual(Object.fromEntries(registry.map((o) => [o.key, o.articleCount])));
  });

  test.each([
    ["reu", ["reuters.example"]],
    ["REUTERS", ["reuters.example"]],
    ["uk.example", ["reuters.example"]], // a domain alias
    ["france", ["afp.example"]],
    ["afp.exa", ["afp.example"]],
    ["times", ["hal-times"]],
    ["hal-", ["hal-times"]],
    ["e", ["reuters.example", "afp.example", "bbc.example", "hal-times", "pct.example", "under_score.example", "quiet.example"]],
    // LIKE wildcards typed by the analyst match themselves only.
    ["%", ["pct.example"]],
    ["_", ["under_score.example"]],
    ["t_m", []],
    ["  gazette ", ["quiet.example"]],
    ["nothing like it", []],
    ["'; DROP TABLE \"Outlet\"; --", []],
  ] as const)("%j finds %j", async (q, want) => {
    expect(await keys({ q, limit: 10 })).toEqual({ keys: want, more: false });
  });

  test("a text and a limit: the largest matches, `more` when others match", async () => {
    expect(await keys({ q: "e", limit: 2 })).toEqual({ keys: ["reuters.example", "afp.example"], more: true });
  });

  test("selected keys are named wherever they rank; unknown keys are left out", async () => {
    expect(await keys({ keys: ["quiet.example", "missing.example", "hal-times"], limit: 3 })).toEqual({ keys: ["hal-times", "quiet.example"], more: false });
    expect(await keys({ keys: [], limit: 3 })).toEqual({ keys: [], more: false });
    const page = await listOutletFacets({ limit: 2, selected: ["quiet.example", "missing.example"] }, t.database);
    expect(page).toEqual({
      options: [
        { value: "reuters.example", label: "Reuters", count: 5 },
        { value: "afp.example", label: "Agence France-Presse", count: 4 },
      ],
      selected: [{ value: "quiet.example", label: "Quiet Gazette", count: 0 }],
      more: true,
    });
    expect(await listOutletFacets({ limit: 10 }, t.database)).toMatchObject({ selected: [], more: false });
  });

  test("within an event: only its outlets, counting their articles in it (the event page's filter)", async () => {
    const all = await searchOutlets({ limit: 10, event: EVENT }, t.database);
    expect(all.rows.map((o) => [o.key, o.articles])).toEqual([["afp.example", 3], ["reuters.example", 2], ["bbc.example", 1]]);
    expect(all.more).toBe(false);
    expect(await keys({ q: "re", limit: 10, event: EVENT })).toEqual({ keys: ["afp.example", "reuters.example"], more: false });
    expect(await keys({ limit: 1, event: EVENT })).toEqual({ keys: ["afp.example"], more: true });
    expect(await keys({ q: "times", limit: 10, event: EVENT })).toEqual({ keys: [], more: false });
    expect(await keys({ limit: 10, event: "ev_missing" })).toEqual({ keys: [], more: false });
    const registry = await searchOutletRegistry({ q: "reuters", limit: 5, event: EVENT }, t.database);
    expect(registry.rows.map((o) => [o.key, o.articleCount])).toEqual([["reuters.example", 2]]);
  });

  test("registry rows of a search: domains and aliases, counts, in the search's order", async () => {
    const r = await searchOutletRegistry({ q: "example", limit: 2 }, t.database);
    expect(r.more).toBe(true);
    expect(r.rows.map((o) => [o.key, o.articleCount])).toEqual([["reuters.example", 5], ["afp.example", 4]]);
    expect(r.rows[0]!.domains).toEqual(["reuters.example", "reuters-uk.example"]);
    const full = (await listOutletRegistry(t.database)).find((o) => o.key === "reuters.example");
    expect(r.rows[0]).toEqual(full);
  });

  test("GET /api/outlets?q=&limit= answers the search; without them, the whole registry by name", async () => {
    const global = globalThis as unknown as { parallaxDb?: Database };
    const before = global.parallaxDb;
    global.parallaxDb = t.database;
    try {
      const get = async (query: string) => {
        const res = await GET(new Request(`http://127.0.0.1:3000/api/outlets${query}`));
        return { status: res.status, body: (await res.json()) as { rows: OutletRegistryItem[]; more?: boolean } };
      };
      const found = await get("?q=TIMES&limit=5");
      expect(found.status).toBe(200);
      expect(found.body.more).toBe(false);
      expect(found.body.rows.map((o) => ({ key: o.key, name: o.name, articleCount: o.articleCount }))).toEqual([{ key: "hal-times", name: "Hal Times", articleCount: 3 }]);
      const first = await get("?limit=1");
      expect(first.body).toMatchObject({ rows: [{ key: "reuters.example" }], more: true });
      // A search without a limit answers at most the default (25): all 7 here.
      expect((await get("?q=e")).body.rows).toHaveLength(7);
      const all = await get("");
      expect(all.body.more).toBeUndefined();
      expect(all.body.rows.map((o) => o.name)).toEqual([...OUTLETS.map((o) => o.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect((await get("?limit=0")).status).toBe(400);
      const inEvent = await get(`?event=${EVENT}&q=example`);
      expect(inEvent.status).toBe(200);
      expect(inEvent.body.rows.map((o) => [o.key, o.articleCount])).toEqual([["afp.example", 3], ["reuters.example", 2], ["bbc.example", 1]]);
      expect((await get(`?event=${EVENT}`)).body).toMatchObject({ rows: [{ key: "afp.example" }, { key: "reuters.example" }, { key: "bbc.example" }], more: false });
    } finally {
      global.parallaxDb = before;
    }
  });
});
