import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureSearch } from "../db/search";
import { writeCsv, writeJson, writeXlsx } from "../export";
import { articleFiltersSchema, eventFiltersSchema, exportFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { exportRows, listArticles, listEvents } from "./index";
import { COUNT_CAP } from "./articles";
import { insertTestCorpus, type TestArticle } from "./test-corpus";

const outlets = ["alpha.example", "bravo.example", "charlie.example"];
const corpus: TestArticle[] = Array.from({ length: 45 }, (_, i) => ({
  id: `x_${String(i).padStart(3, "0")}`,
  title: `Report ${String.fromCharCode(65 + ((i * 11) % 26))} ${i}`,
  text: `Dispatch ${i}. ${i % 2 ? "Rockets hit the port." : "Talks resumed in the capital."}`,
  outlet: outlets[i % 3]!,
  // Ties on the same minute, and undated articles, to page through.
  publishedAt: i % 9 === 8 ? null : `2016-09-${10 + (i % 5)}T12:${i % 4 === 0 ? "00" : String(i).padStart(2, "0")}:00Z`,
  language: i % 4 === 3 ? "fr" : "en",
  event: i % 3 === 0 ? "ev_port" : i % 5 === 0 ? "ev_talks" : undefined,
  copyOf: i === 7 ? "x_006" : undefined,
  claims: i % 3,
  statements: (i + 1) % 3,
}));

function sink() {
  const chunks: Buffer[] = [];
  return Object.assign(new Writable({ write: (c: Buffer, _e, cb) => void (chunks.push(Buffer.from(c)), cb()) }), { bytes: () => Buffer.concat(chunks) });
}

async function collect(source: AsyncIterable<unknown>): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const r of source) rows.push(r as Record<string, unknown>);
  return rows;
}

/** The export's rows as the JSON writer shapes them (column key -> cell). */
async function exported(t: TestDatabase, table: "events" | "articles" | "claims" | "statements", f: Record<string, unknown>, pageSize?: number) {
  const source = exportRows(table, exportFiltersSchema.parse(f), { limit: 1_000_000, pageSize }, t.database);
  const out = sink();
  await writeJson(source.rows, source.columns, out, { ndjson: true });
  return out
    .bytes()
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.each(PROVIDERS)("exports on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, corpus);
    await t.database.db.event.update({ where: { id: "ev_port" }, data: { lastSeen: new Date("2016-09-14T00:00:00Z"), killedMin: 4, articleCount: 15 } });
    await t.database.db.event.update({ where: { id: "ev_talks" }, data: { lastSeen: new Date("2016-09-12T00:00:00Z"), articleCount: 6 } });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const filters: Record<string, unknown>[] = [
    {},
    { outlet: "bravo.example" },
    { language: "fr", from: "2016-09-11" },
    { to: "2016-09-12" },
    { event: "ev_port" },
    { q: "rockets" },
    { q: '"talks resumed"', outlet: "alpha.example,charlie.example" },
  ];

  test.each(
    filters.flatMap((f) =>
      (["publishedAt", "title", "outlet", "language"] as const).flatMap((sort) => (["desc", "asc"] as const).map((dir) => [{ ...f, sort, dir }] as const)),
    ),
  )("articles export: the list's rows, in the list's order (%j)", async (f) => {
    const list = await listArticles(articleFiltersSchema.parse({ ...f, pageSize: 200 }), t.database);
    for (const pageSize of [undefined, 4]) {
      const rows = await exported(t, "articles", f, pageSize);
      expect(rows.map((r) => r.id)).toEqual(list.rows.map((a) => a.id));
      rows.forEach((r, i) => {
        const a = list.rows[i]!;
        expect(r).toMatchObject({
          title: a.title,
          url: a.url,
          outlet: a.outlet.name,
          outlet_key: a.outlet.key,
          outlet_kind: a.outlet.kind,
          published_at: a.publishedAt,
          language: a.language,
          copy_of_article_id: a.syndicatedFrom?.id ?? null,
          event_id: a.eventId,
          event_title: a.eventTitle,
          claims: a.claimCount,
          statements: a.statementCount,
        });
      });
    }
  });

  test("articles export columns: copy-of url and outlet, similarity, word count", async () => {
    const [copy] = await exported(t, "articles", { q: '"dispatch 7"' });
    expect(copy).toEqual({
      id: "x_007",
      url: "https://bravo.example/x_007",
      title: corpus[7]!.title,
      outlet: "Outlet bravo.example",
      outlet_key: "bravo.example",
      outlet_kind: "unknown",
      published_at: "2016-09-12T12:07:00.000Z",
      author: null,
      language: "fr",
      word_count: 1,
      original_source: null,
      original_source_url: null,
      copy_of_article_id: "x_006",
      copy_of_url: "https://alpha.example/x_006",
      copy_of_outlet: "Outlet alpha.example",
      copy_similarity: 0.9,
      event_id: null,
      event_title: null,
      claims: 1,
      statements: 2,
    });
  });

  test.each(filters)("claims and statements export: every one of the matching articles', by id (%j)", async (f) => {
    const ids = (await listArticles(articleFiltersSchema.parse({ ...f, pageSize: 200 }), t.database)).rows.map((a) => a.id);
    const claims = await t.database.db.casualtyClaim.findMany({ where: { articleId: { in: ids } }, orderBy: { id: "asc" }, include: { article: { include: { outlet: true, membership: { include: { event: true } } } } } });
    for (const pageSize of [undefined, 3]) {
      const rows = await exported(t, "claims", f, pageSize);
      expect(rows.map((r) => r.claim_id)).toEqual(claims.map((c) => c.id));
      rows.forEach((r, i) => {
        const c = claims[i]!;
        expect(r).toMatchObject({
          article_id: c.articleId,
          article_url: c.article.url,
          outlet: c.article.outlet.name,
          outlet_key: c.article.outlet.key,
          published_at: c.article.publishedAt?.toISOString() ?? null,
          event_id: c.article.membership?.eventId ?? null,
          event_title: c.article.membership?.event.title ?? null,
          kind: c.kind,
          min: c.min,
          max: c.max,
          qualifier: c.qualifier,
          is_context: c.isContext,
          is_headline: c.isHeadline,
          sentence: c.sentence,
          start: c.start,
          end: c.end,
        });
      });
    }
    const statements = await t.database.db.statement.findMany({ where: { articleId: { in: ids } }, orderBy: { id: "asc" } });
    const rows = await exported(t, "statements", f, 2);
    expect(rows.map((r) => [r.statement_id, r.article_id, r.speaker, r.text, r.direct])).toEqual(
      statements.map((s) => [s.id, s.articleId, s.speaker, s.text, s.direct]),
    );
  });

  test.each([
    [{}],
    [{ sort: "killed", dir: "desc" }],
    [{ sort: "killed", dir: "asc" }],
    [{ sort: "articleCount", dir: "asc" }],
    [{ sort: "title", dir: "desc" }],
    [{ q: "rockets" }],
    [{ outlet: "charlie.example" }],
  ])("events export: the events list's rows and order (%j)", async (f) => {
    const list = await listEvents(eventFiltersSchema.parse({ ...f, pageSize: 200 }), t.database);
    const rows = await exported(t, "events", f, 1);
    expect(rows.map((r) => r.id)).toEqual(list.rows.map((e) => e.id));
    rows.forEach((r, i) => {
      const e = list.rows[i]!;
      expect(r).toMatchObject({ title: e.title, articles: e.articleCount, killed_min: e.killed?.min ?? null, last_seen: e.lastSeen, locked: e.locked });
    });
  });

  test("the row limit stops the stream", async () => {
    const source = exportRows("articles", exportFiltersSchema.parse({}), { limit: 10, pageSize: 3 }, t.database);
    expect(await collect(source.rows)).toHaveLength(10);
  });

  test("rows are read a page at a time, only as the consumer pulls them", async () => {
    const bulk = t.database.bulk!;
    let pages = 0;
    const counting: TestDatabase["database"] = {
      ...t.database,
      bulk: { all: (q) => (pages++, bulk.all(q)), arrays: (q) => (pages++, bulk.arrays(q)), close: async () => undefined },
    };
    const source = exportRows("articles", exportFiltersSchema.parse({}), { limit: 1_000_000, pageSize: 4 }, counting);
    const rows = source.rows[Symbol.asyncIterator]();
    for (let i = 0; i < 10; i++) {
      expect((await rows.next()).done).toBe(false);
      // Never a page ahead of the consumer: memory holds one page whatever the table's size.
      expect(pages).toBe(Math.floor(i / 4) + 1);
    }
    await rows.return?.(undefined);
    expect(pages).toBe(3);
  });

  test("an outlet created while an export pages through is named; timestamps keep their milliseconds", async () => {
    // Keyset pages on both databases (no cursor): rows stored after the export started can appear.
    const paged: TestDatabase["database"] = { ...t.database, bulk: { ...t.database.bulk!, batches: undefined } };
    const source = exportRows("articles", exportFiltersSchema.parse({}), { limit: 1_000_000, pageSize: 4 }, paged);
    const it = source.rows[Symbol.asyncIterator]();
    const rows: unknown[] = [(await it.next()).value];
    const late: TestArticle = { id: "x_late", title: "Late report", outlet: "late.example", publishedAt: "2016-09-09T08:00:00.120Z" };
    await insertTestCorpus(t.database, [late]);
    try {
      for (let r = await it.next(); !r.done; r = await it.next()) rows.push(r.value);
      const out = sink();
      await writeJson(rows, source.columns, out, { ndjson: true });
      const byId = new Map(out.bytes().toString("utf8").split("\n").filter(Boolean).map((l) => [JSON.parse(l).id as string, JSON.parse(l)]));
      expect(byId.get("x_late")).toMatchObject({ outlet: "Outlet late.example", outlet_key: "late.example", published_at: "2016-09-09T08:00:00.120Z" });
      // The same through the database's own reader (a cursor on PostgreSQL).
      const all = await exported(t, "articles", { outlet: "late.example" });
      expect(all).toEqual([expect.objectContaining({ id: "x_late", outlet: "Outlet late.example", published_at: "2016-09-09T08:00:00.120Z" })]);
    } finally {
      await t.database.db.article.delete({ where: { id: "x_late" } });
      await t.database.db.outlet.delete({ where: { key: "late.example" } });
    }
  });

  test.runIf(provider === "postgresql")("PostgreSQL: one cursor fetched a batch at a time as the consumer pulls; abandoned exports free their connections", async () => {
    const bulk = t.database.bulk!;
    expect(bulk.batches).toBeDefined();
    let batches = 0;
    const counting: TestDatabase["database"] = {
      ...t.database,
      bulk: {
        all: () => Promise.reject(new Error("no keyset pages on PostgreSQL")),
        arrays: () => Promise.reject(new Error("no keyset pages on PostgreSQL")),
        async *batches(q: Parameters<typeof bulk.all>[0], n: number) {
          for await (const b of bulk.batches!(q, n)) {
            batches++;
            yield b;
          }
        },
        close: async () => undefined,
      },
    };
    const rows = exportRows("articles", exportFiltersSchema.parse({}), { limit: 1_000_000, pageSize: 4 }, counting).rows[Symbol.asyncIterator]();
    for (let i = 0; i < 10; i++) {
      expect((await rows.next()).done).toBe(false);
      expect(batches).toBe(Math.floor(i / 4) + 1);
    }
    await rows.return?.(undefined);
    // More abandoned exports than the cursors' connections: each must give its connection back.
    for (let i = 0; i < 6; i++) {
      const it = exportRows("articles", exportFiltersSchema.parse({}), { limit: 1_000_000, pageSize: 2 }, t.database).rows[Symbol.asyncIterator]();
      await it.next();
      await it.return?.(undefined);
    }
    const viaPrisma: TestDatabase = { ...t, database: { ...t.database, bulk: undefined } };
    expect(await exported(t, "articles", {}, 5)).toEqual(await exported(viaPrisma, "articles", {}, 5));
  });

  test.each(["events", "articles", "claims", "statements"] as const)(
    "%s export: the same through the driver as through Prisma",
    async (table) => {
      const f = { q: "rockets" };
      const viaPrisma: TestDatabase = { ...t, database: { ...t.database, bulk: undefined } };
      expect(await exported(t, table, f, 3)).toEqual(await exported(viaPrisma, table, f, 3));
      expect(await exported(t, table, {})).toEqual(await exported(viaPrisma, table, {}));
    },
  );

  test("XLSX export of the events reads back with every row", async () => {
    const source = exportRows("events", exportFiltersSchema.parse({}), { limit: 1000 }, t.database);
    const out = sink();
    expect(await writeXlsx(source.rows, source.columns, out)).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes() as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
  });

  describe("20,000 articles", () => {
    const N = 20_000;
    const many: TestArticle[] = Array.from({ length: N }, (_, i) => ({
      id: `m_${String(i).padStart(5, "0")}`,
      title: `Bulletin ${i}`,
      text: `Routine bulletin number ${i} from the wire.`,
      outlet: outlets[i % 3]!,
      publishedAt: i % 1000 === 999 ? null : new Date(Date.UTC(2017, 0, 1) + Math.floor(i / 3) * 60_000).toISOString(),
      claims: i % 2,
    }));
    beforeAll(async () => {
      for (let i = 0; i < N; i += 5000) await insertTestCorpus(t.database, many.slice(i, i + 5000));
    });

    test("stream through CSV complete, in order, each row once", async () => {
      const source = exportRows("articles", exportFiltersSchema.parse({ q: "bulletin" }), { limit: 2_000_000 }, t.database);
      const out = sink();
      expect(await writeCsv(source.rows, source.columns, out)).toBe(N);
      const records = parse(out.bytes()) as string[][];
      expect(records).toHaveLength(N + 1);
      const ids = records.slice(1).map((r) => r[0]!);
      expect(new Set(ids).size).toBe(N);
      const sortKey = (a: TestArticle) => a.publishedAt ?? "";
      const want = [...many].sort((x, y) => {
        if (!x.publishedAt || !y.publishedAt) return x.publishedAt === y.publishedAt ? (x.id < y.id ? 1 : -1) : x.publishedAt ? -1 : 1;
        return sortKey(x) !== sortKey(y) ? (sortKey(x) < sortKey(y) ? 1 : -1) : x.id < y.id ? 1 : -1;
      });
      expect(ids).toEqual(want.map((a) => a.id));
    });

    test("claims stream as NDJSON complete", async () => {
      const rows = await exported(t, "claims", { q: "routine" });
      expect(rows).toHaveLength(N / 2);
      expect(new Set(rows.map((r) => r.claim_id)).size).toBe(N / 2);
    });

    test(`a broad text query counts up to ${COUNT_CAP} and says so; narrower ones count exactly`, async () => {
      const broad = await listArticles(articleFiltersSchema.parse({ q: "bulletin", pageSize: 50, page: 3 }), t.database);
      expect(broad).toMatchObject({ total: COUNT_CAP, totalCapped: true, pageCount: COUNT_CAP / 50 });
      expect(broad.rows).toHaveLength(50);
      const narrow = await listArticles(articleFiltersSchema.parse({ q: "bulletin", outlet: "alpha.example", to: "2017-01-02" }), t.database);
      expect(narrow.totalCapped).toBeUndefined();
      expect(narrow.total).toBe(many.filter((a) => a.outlet === "alpha.example" && a.publishedAt && a.publishedAt < "2017-01-03").length);
      const none = await listArticles(articleFiltersSchema.parse({ q: "bulletin 123456" }), t.database);
      expect(none).toMatchObject({ total: 0, rows: [] });
      const all = await listArticles(articleFiltersSchema.parse({}), t.database);
      expect(all.total).toBe(N + corpus.length);
    });
  });
});
