import { describe, expect, test } from "vitest";
import { parseRecords } from "./index";

const BODY = "Police said two men were wounded in a shooting outside a bar late on Friday night.";

describe("parseRecords: NDJSON", () => {
  const input = [
    JSON.stringify({ id: 1, url: "https://www.a.example/x?utm_medium=s", title: "One", text: BODY, date: "2016-09-20", source: "a.example" }),
    "",
    "{not json",
    JSON.stringify({ id: "2", title: "Two", text: BODY, published_at: "20 septembre 2016", outlet: "Le Monde", language: "fr-FR" }),
    JSON.stringify({ id: 3, title: "Three" }),
    JSON.stringify({ id: 4, text: BODY, publishedAt: "soon" }),
    JSON.stringify({ id: 5, text: BODY, url: "ftp://a.example/x" }),
    JSON.stringify([1, 2]),
    JSON.stringify({ id: 7, text: BODY, author: ["Jane Roe", "Sam Poe"], domain: "www.B.example", tags: ["x", "y"] }),
  ].join("\n");
  const { articles, errors } = parseRecords(input, { format: "ndjson" });

  test("keeps the good records", () => {
    expect(articles.map((a) => a.externalId)).toEqual(["1", "2", "7"]);
  });

  test.each([
    [0, { url: "https://www.a.example/x?utm_medium=s", canonicalUrl: "https://a.example/x", title: "One", text: BODY, publishedAt: "2016-09-20", outlet: { name: "a.example", domain: "a.example" }, language: "en", author: null, tags: [] }],
    [1, { publishedAt: "2016-09-20", outlet: { name: "Le Monde", domain: null }, language: "fr", url: null, canonicalUrl: null }],
    [2, { title: "", author: "Jane Roe, Sam Poe", outlet: { name: "b.example", domain: "b.example" }, tags: ["x", "y"] }],
  ])("article %i normalised", (i, expected) => {
    expect(articles[i]).toMatchObject(expected);
  });

  test("each bad line is an ItemError naming the line and the field as written", () => {
    expect(errors).toEqual([
      { item: "line 3", reason: expect.stringMatching(/^invalid JSON: /) },
      { item: "line 5", reason: "text: missing: a record needs text or html" },
      { item: "line 6", reason: 'publishedAt: unrecognised date "soon"' },
      { item: "line 7", reason: "url: expected an absolute http(s) URL" },
      { item: "line 8", reason: "expected an object with article fields" },
    ]);
  });

  test("text is kept byte for byte, so source offsets still apply", () => {
    const text = "  Leading spaces.\r\nAnd CRLF.  ";
    expect(parseRecords(JSON.stringify({ text }), { format: "ndjson" }).articles[0]?.text).toBe(text);
  });
});

describe("parseRecords: JSON", () => {
  test.each([
    ["an array", JSON.stringify([{ text: BODY }, { text: 5 }]), ["records[1]"]],
    ["an object with articles", JSON.stringify({ articles: [{ text: BODY }, { title: "x" }] }), ["records[1]"]],
    ["a single record", JSON.stringify({ text: BODY }), []],
  ])("%s", (_name, input, errorItems) => {
    const r = parseRecords(input, { format: "json" });
    expect(r.articles).toHaveLength(1);
    expect(r.errors.map((e) => e.item)).toEqual(errorItems);
  });

  test.each([
    ["a name", "Levant Wire", { name: "Levant Wire", url: null }],
    ["an object", { name: "Levant Wire", url: "https://levantwire.example/a" }, { name: "Levant Wire", url: "https://levantwire.example/a" }],
  ])("a declared original source given as %s is kept", (_name, originalSource, expected) => {
    const r = parseRecords(JSON.stringify({ text: BODY, originalSource }), { format: "json" });
    expect(r.articles[0]?.originalSource).toEqual(expected);
  });

  test("invalid JSON is one error for the whole input, named by source", () => {
    expect(parseRecords("[{", { format: "json", source: "dump.json" })).toEqual({
      articles: [],
      errors: [{ item: "dump.json", reason: expect.stringMatching(/^invalid JSON/) }],
    });
  });

  test("an html field goes through parseHtml; record fields win over the page", () => {
    const html = `<html lang="en"><head><meta property="og:title" content="Page title"><meta property="og:site_name" content="Page Site"></head>
      <body><article><p>${BODY} ${BODY}</p></article></body></html>`;
    const r = parseRecords(JSON.stringify([{ html, title: "Record title", url: "https://c.example/p" }, { html: "<html></html>" }]), { format: "json" });
    expect(r.articles[0]).toMatchObject({ title: "Record title", text: `${BODY} ${BODY}`, outlet: { name: "Page Site", domain: "c.example" }, language: "en" });
    expect(r.errors).toEqual([{ item: "records[1]", reason: "html: no article text found in the page" }]);
  });
});

describe("parseRecords: CSV", () => {
  const csv = [
    "id,Title,text,Published At,publisher,url",
    `1,"Comma, in title","${BODY}",2016-09-20,Daily Example,https://daily.example/1`,
    `2,Multi-line,"First line`,
    `second line with ""quotes""",20 Sep 2016,,https://daily.example/2`,
    "3,Short row,only three",
    `4,Bad date,"${BODY}",someday,X,`,
    "",
    `5,No text,,2016-09-21,X,`,
    `6,Good,"${BODY}",,,`,
  ].join("\r\n");
  const { articles, errors } = parseRecords(csv, { format: "csv", source: "records.csv" });

  test("keeps the good rows, with quoting and multi-line cells intact", () => {
    expect(articles.map((a) => [a.externalId, a.title])).toEqual([["1", "Comma, in title"], ["2", "Multi-line"], ["6", "Good"]]);
    expect(articles[1]?.text).toBe('First line\r\nsecond line with "quotes"');
    expect(articles[1]?.outlet).toEqual({ name: "daily.example", domain: "daily.example" });
    expect(articles[0]).toMatchObject({ publishedAt: "2016-09-20", outlet: { name: "Daily Example", domain: "daily.example" } });
  });

  test("bad rows are reported as file:line with the field as the header spells it", () => {
    expect(errors).toEqual([
      { item: "records.csv:5", reason: "Invalid Record Length: columns length is 6, got 3" },
      { item: "records.csv:6", reason: 'Published At: unrecognised date "someday"' },
      { item: "records.csv:8", reason: "text: missing: a record needs text or html" },
    ]);
  });

  test.each([
    ["semicolons", "id;title;text\n1;A;Body; with semicolon\n".replace("Body; with semicolon", '"Body; with semicolon"'), "Body; with semicolon"],
    ["tabs", "id\ttitle\ttext\n1\tA\tBody, with comma\n", "Body, with comma"],
    ["a BOM", "\uFEFFid,title,text\n1,A,Body\n", "Body"],
  ])("delimiter and BOM sniffing: %s", (_name, input, text) => {
    const r = parseRecords(input, { format: "csv" });
    expect(r.errors).toEqual([]);
    expect(r.articles[0]).toMatchObject({ externalId: "1", title: "A", text });
  });

  test("an unclosed quote loses only the rows from it on", () => {
    const r = parseRecords(`id,text\n1,${BODY}\n2,"unclosed\n`, { format: "csv" });
    expect(r.articles).toHaveLength(1);
    expect(r.errors).toEqual([{ item: "line 3", reason: expect.stringMatching(/Quote Not Closed/) }]);
  });
});
