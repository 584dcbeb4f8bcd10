/**
 * Importers against hostile input: arbitrary bytes, wrong encodings, truncated files, very long
 * lines, deeply nested HTML, empty fields and duplicate ids. The contract: parseFile never throws;
 * every article it returns is well-formed; everything it refuses is an item error with a reason.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFile, type NormalizedArticle, type ParseResult } from ".";

const NAMES = ["upload.txt", "page.html", "records.ndjson", "records.json", "sheet.csv", "no-extension", "notes.md", "data.tsv"];

function expectWellFormed(result: ParseResult): void {
  for (const a of result.articles) expectArticle(a);
  for (const e of result.errors) {
    expect(typeof e.item).toBe("string");
    expect(e.item.length).toBeGreaterThan(0);
    expect(typeof e.reason).toBe("string");
    expect(e.reason.trim().length).toBeGreaterThan(0);
  }
}

function expectArticle(a: NormalizedArticle): void {
  expect(typeof a.title).toBe("string");
  expect(typeof a.text).toBe("string");
  expect(a.title.trim().length + a.text.trim().length).toBeGreaterThan(0);
  if (a.publishedAt !== null) expect(Number.isNaN(Date.parse(a.publishedAt))).toBe(false);
  if (a.language !== null) expect(a.language).toMatch(/^[a-z]{2,3}$/);
  if (a.url !== null) expect(a.url).toMatch(/^https?:\/\//);
  expect(Array.isArray(a.tags)).toBe(true);
}

describe("parseFile on arbitrary input", () => {
  it("never throws on random bytes, whatever the file name says", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 4096 }), (name, bytes) => {
        expectWellFormed(parseFile(name, bytes));
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on random text shaped like each format", () => {
    const recordish = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.array(fc.json({ maxDepth: 2 }), { maxLength: 5 }).map((lines) => lines.join("\n")),
      fc
        .array(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 5 }), { maxLength: 6 })
        .map((rows) => ["title,text,url,date,outlet", ...rows.map((r) => r.join(","))].join("\n")),
      fc.string({ maxLength: 200 }).map((s) => `<html><head><title>${s}</title></head><body><article><p>${s}</p></article></body></html>`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), recordish, (name, text) => {
        expectWellFormed(parseFile(name, text));
        expectWellFormed(parseFile(name, new TextEncoder().encode(text)));
      }),
      { numRuns: 400 },
    );
  });
});

describe("encodings", () => {
  const title = "Frappe aérienne à Deir ez-Zor";
  const text = "Au moins 62 soldats syriens ont été tués, a déclaré l'armée. Le général a parlé d'une « erreur ».";
  const csv = `title,text,url,date,outlet\n"${title}","${text}",https://example.org/a,2016-09-17,Exemple\n`;

  function utf16be(s: string): Uint8Array {
    const le = Buffer.from(s, "utf16le");
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return le;
  }

  const variants: [string, Uint8Array][] = [
    ["UTF-8", Buffer.from(csv, "utf8")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")])],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")])],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(csv)])],
    // Every character here is in ISO-8859-1, which is windows-1252 on these code points.
    ["Latin-1 / windows-1252", Buffer.from(csv.replace(/[«»]/g, "'"), "latin1")],
  ];

  it.each(variants)("reads a CSV saved as %s", (_label, bytes) => {
    const { articles, errors } = parseFile("sheet.csv", bytes);
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe(title);
    expect(articles[0]!.text).toContain("ont été tués");
  });

  it("reads windows-1252 curly quotes and dashes as the characters they are", () => {
    // 0x93/0x94 are “ ” and 0x97 is — in windows-1252 (C1 controls in ISO-8859-1).
    const bytes = Buffer.concat([
      Buffer.from("title,text\nA title,", "latin1"),
      Buffer.from([0x93]),
      Buffer.from("We regret it", "latin1"),
      Buffer.from([0x94]),
      Buffer.from(" ", "latin1"),
      Buffer.from([0x97]),
      Buffer.from(" the ministry said\n", "latin1"),
    ]);
    const { articles } = parseFile("sheet.csv", bytes);
    expect(articles[0]?.text).toBe("“We regret it” — the ministry said");
  });
});

describe("damaged and extreme files", () => {
  const record = (i: number) =>
    JSON.stringify({ title: `Report ${i}`, text: `At least ${i + 1} people were killed in the blast, officials said.`, url: `https://example.org/${i}`, date: "2016-09-17", outlet: "Example" });
  const ndjson = Array.from({ length: 20 }, (_, i) => record(i)).join("\n") + "\n";

  it("keeps every complete record of a truncated NDJSON file and reports the cut one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ndjson.length }), (cut) => {
        const part = ndjson.slice(0, cut);
        const { articles, errors } = parseFile("records.ndjson", Buffer.from(part));
        const complete = part.split("\n").filter((l, i, all) => l && (i < all.length - 1 || part.endsWith("}"))).length;
        expect(articles.length).toBeGreaterThanOrEqual(complete - 1);
        expect(articles.length + errors.length).toBeGreaterThanOrEqual(complete === 0 ? 0 : 1);
        expect(errors.length).toBeLessThanOrEqual(1);
        articles.forEach((a, i) => expect(a.title).toBe(`Report ${i}`));
      }),
      { numRuns: 200 },
    );
  });

  it("handles a 10 MB single line in NDJSON, CSV and seed text", () => {
    const big = "word ".repeat(2_000_000); // 10 MB, no newline
    const nd = parseFile("big.ndjson", JSON.stringify({ title: "Long", text: big, url: "https://example.org/long" }) + "\n" + record(1) + "\n");
    expectWellFormed(nd);
    expect(nd.articles.map((a) => a.title)).toEqual(["Long", "Report 1"]);
    const csv = parseFile("big.csv", `title,text\nLong,${big}\n`);
    expectWellFormed(csv);
    expect(csv.articles).toHaveLength(1);
    const seed = parseFile("big.txt", `Long\n\n${big}`);
    expectWellFormed(seed);
  });

  it("handles deeply nested HTML without a stack overflow, keeping its text", () => {
    // 20k levels used to overflow linkedom's stack after ~45 s; the pre-scan unwraps them first
    // (the default 5 s test timeout is the bound; a few hundred ms on a loaded machine).
    const depth = 20_000;
    const text = "At least 3 people were killed when the market was shelled on Tuesday morning.";
    const closed = `<html><head><title>Deep</title></head><body>${"<div>".repeat(depth)}<p>${text}</p>${"</div>".repeat(depth)}</body></html>`;
    const unclosed = `<html><head><title>Deep</title></head><body>${"<span><div>".repeat(depth)}<p>${text}</p></body></html>`;
    for (const html of [closed, unclosed]) {
      const result = parseFile("deep.html", html);
      expectWellFormed(result);
      expect(result.errors).toEqual([]);
      expect(result.articles.map((a) => a.text)).toEqual([text]);
    }
  });

  it("reports records with empty fields and keeps the others", () => {
    const lines = [record(0), JSON.stringify({ title: "", text: "" }), JSON.stringify({ title: "Only a title" }), "{}", "null", "[]", "42", record(1)];
    const { articles, errors } = parseFile("mixed.ndjson", lines.join("\n"));
    expect(articles.map((a) => a.title)).toEqual(expect.arrayContaining(["Report 0", "Report 1"]));
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const e of errors) expect(e.item).toMatch(/mixed\.ndjson/);
  });

  it("keeps duplicate ids as separate items for the pipeline to de-duplicate", () => {
    const dup = [record(0), record(0), record(0)].join("\n");
    const { articles, errors } = parseFile("dups.ndjson", dup);
    expect(errors).toEqual([]);
    expect(new Set(articles.map((a) => a.url))).toEqual(new Set(["https://example.org/0"]));
  });

  it("treats huge and negative numbers in fields as data, not as a crash", () => {
    const { articles } = parseFile(
      "nums.ndjson",
      [JSON.stringify({ title: 1e308, text: "x".repeat(10), date: 99999999999999 }), JSON.stringify({ title: "T", text: "Body", date: "-000001-01-01" })].join("\n"),
    );
    for (const a of articles) expectArticle(a);
  });
});
