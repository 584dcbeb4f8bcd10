import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_TITLE_CHARS, MAX_URL_CHARS, storableArticle, withoutNul } from "../ingest";
import type { NormalizedArticle } from "../ingest/types";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestArticles } from "./ingest";

const clean: NormalizedArticle = {
  url: "https://nul.example/blast", canonicalUrl: null, title: "Blast kills three in Qaraqosh",
  text: "Three people were killed in the blast in Qaraqosh on Saturday, police said.", publishedAt: "2016-09-17T08:00:00Z",
  author: "Jane Roe", language: "en", outlet: { name: "Nul Daily", domain: "nul.example" }, originalSource: null, tags: ["blast"], externalId: null,
};
// A page decoded with the wrong charset, or a stray byte of a CMS: NUL characters here and there.
const dirty: NormalizedArticle = {
  ...clean,
  title: "Blast kills three\u0000 in Qaraqosh",
  text: "Three people were killed\u0000 in the blast in Qaraqosh on Saturday, police said.\u0000",
  author: "Jane\u0000 Roe",
  outlet: { name: "Nul\u0000 Daily", domain: "nul.example" },
  tags: ["bl\u0000ast"],
};

describe("withoutNul", () => {
  test("drops NUL characters from every text field; an article without any is returned as it is", () => {
    expect(withoutNul(clean)).toBe(clean);
    expect(withoutNul(dirty)).toEqual(clean);
  });
});

// Random letters: a B-tree entry of PostgreSQL holds ~2.7 KB, or ~8 KB of what compresses.
let seed = 7;
const noise = (n: number) => Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[(seed = (seed * 48271) % 2147483647) % 36]).join("");
const longUrl: NormalizedArticle = { ...clean, url: `https://nul.example/${noise(MAX_URL_CHARS)}`, title: "A page with a very long address" };
const longTitle: NormalizedArticle = { ...clean, url: "https://nul.example/long-title", title: `Four killed in ${noise(9000)}`, text: "Four people were killed in a fire in Lyon on Tuesday, firefighters said." };

describe("storableArticle", () => {
  test("cuts a paragraph-long title with an ellipsis, and refuses an address longer than a URL may be, naming it", () => {
    const cut = storableArticle(longTitle);
    expect(cut.ok && cut.article.title.length).toBe(MAX_TITLE_CHARS);
    expect(cut.ok && cut.article.title.endsWith("…")).toBe(true);
    expect(cut.ok && cut.article.text).toBe(longTitle.text);
    expect(storableArticle(longUrl)).toEqual({ ok: false, reason: `url: ${(longUrl.url!.length).toLocaleString("en")} characters, more than the 2,048 a URL may have here` });
    expect(storableArticle(clean)).toEqual({ ok: true, article: clean });
  });
});

describe.each(PROVIDERS)("articles a database could not store as given, on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("one holding NUL characters is stored without them, with its figures (PostgreSQL refused the whole batch: \"unsupported Unicode escape sequence\")", async () => {
    const report = await ingestArticles(t.database, [dirty, { ...clean, url: "https://nul.example/other", title: "Market reopens in Qaraqosh", text: "The market in Qaraqosh reopened on Monday after repairs." }], { source: "test", pool: null });
    expect(report.failed).toBe(0);
    expect(report.added).toBe(2);
    const stored = await t.database.db.article.findFirstOrThrow({
      where: { url: clean.url },
      select: { title: true, text: true, author: true, outlet: { select: { name: true } }, claims: { select: { kind: true, min: true } } },
    });
    expect(stored).toMatchObject({ title: clean.title, text: clean.text, author: clean.author, outlet: { name: "Nul Daily" } });
    expect(stored.claims).toEqual([{ kind: "killed", min: 3 }]);
    // The same article again, clean this time: a duplicate, not a second copy.
    expect((await ingestArticles(t.database, [clean], { source: "test", pool: null })).duplicates).toBe(1);
  });

  test("a title of 9,000 characters is cut and an address of 2,068 refused by name, and the rest of the batch is stored (PostgreSQL failed the whole batch on its index)", async () => {
    const good = { ...clean, url: "https://nul.example/good", title: "Bridge reopens in Lyon", text: "The bridge in Lyon reopened on Wednesday after repairs." };
    const report = await ingestArticles(t.database, [longTitle, longUrl, good], { source: "test", pool: null });
    expect(report.added).toBe(2);
    expect(report.failed).toBe(1);
    expect(report.errors).toEqual([{ item: expect.any(String), reason: expect.stringMatching(/^url: 2,068 characters, more than the 2,048/) }]);
    const stored = await t.database.db.article.findFirstOrThrow({ where: { url: longTitle.url }, select: { title: true, claims: { select: { kind: true, min: true } } } });
    expect(stored.title).toHaveLength(MAX_TITLE_CHARS);
    expect(stored.claims).toEqual([{ kind: "killed", min: 4 }]);
  });
});
