import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { decodeBytes, detectFormat, parseFile } from "./index";

const BODY = "Twelve people died when the river burst its banks, officials said on Wednesday evening.";
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, "utf16le"));
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
};
const cat = (...parts: ArrayLike<number>[]) => new Uint8Array(parts.flatMap((p) => Array.from(p)));

describe("decodeBytes", () => {
  const text = "Café «élan» – 20 septembre";
  test.each([
    ["UTF-8", new TextEncoder().encode(text), "utf-8"],
    ["UTF-8 with BOM", cat([0xef, 0xbb, 0xbf], new TextEncoder().encode(text)), "utf-8"],
    ["UTF-16 LE with BOM", cat([0xff, 0xfe], utf16le(text)), "utf-16le"],
    ["UTF-16 BE with BOM", cat([0xfe, 0xff], utf16be(text)), "utf-16be"],
    ["UTF-16 LE without BOM", utf16le(text), "utf-16le"],
    ["windows-1252 (not valid UTF-8)", new Uint8Array(Buffer.from(text.replace("–", "-"), "latin1")), "windows-1252"],
  ])("%s", (_name, bytes, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(encoding === "windows-1252" ? text.replace("–", "-") : text);
  });

  test("windows-1252 bytes 0x80-0x9f are the Windows characters (€, curly quotes), not C1 controls", () => {
    expect(decodeBytes(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe("€ “a”");
  });

  test("an HTML page's declared charset is used when the bytes are not UTF-8", () => {
    const html = `<html><head><meta charset="iso-8859-15"></head><body>\xa4</body></html>`;
    expect(decodeBytes(new Uint8Array(Buffer.from(html, "latin1")))).toMatchObject({ encoding: "iso-8859-15", text: expect.stringContaining("€") });
  });
});

describe("parseFile", () => {
  const seed = readFileSync(path.join(import.meta.dirname, "fixtures", "seed-deir-ez-zor.txt"));

  test.each([
    ["seed.txt", "utf-8 bytes", new Uint8Array(seed)],
    ["seed.md", "UTF-16 LE with BOM", cat([0xff, 0xfe], utf16le(seed.toString("utf8")))],
    ["seed.txt", "a string with BOM", `\uFEFF${seed.toString("utf8")}`],
  ])("%s as %s gives the seed article", (name, _how, content) => {
    const r = parseFile(name, content);
    expect(r.errors).toEqual([]);
    expect(r.articles[0]?.author).toBe("Alex Lantier");
    expect(r.articles[0]?.title.startsWith("62 Dead")).toBe(true);
  });

  test("a windows-1252 CSV keeps its accents", () => {
    const csv = Buffer.from(`id;title;text\n1;Émeute à Lyon;${BODY}\n`, "latin1");
    expect(parseFile("export.csv", new Uint8Array(csv)).articles[0]?.title).toBe("Émeute à Lyon");
  });

  test.each([
    ["a.html", "<!doctype html><p>x</p>", "html"],
    ["a.txt", "<!DOCTYPE html><html><body>x</body></html>", "html"],
    ["a.txt", "Title\n\nBody", "seed"],
    ["a.md", "# Title\n\nBody", "seed"],
    ["a.jsonl", '{"text":"x"}', "ndjson"],
    ["a.json", '{"text":"x"}\n{"text":"y"}\n', "ndjson"],
    ["a.json", '[{"text":"x"}]', "json"],
    ["a.csv", "id,text\n1,x", "csv"],
    ["upload", "  <html><body>x</body></html>", "html"],
    ["upload", '[{"text":"x"}]', "json"],
    ["upload", '{"text":"x"}\n{"text":"y"}', "ndjson"],
    ["upload", "url,title,text\nhttps://a.example,A,x", "csv"],
    ["upload", "Just a title\n\nAnd a body.", "seed"],
  ])("detectFormat(%j, …) → %s", (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });

  test("items are named after the file", () => {
    const r = parseFile("feed.ndjson", `{"text":"${BODY}"}\n{"title":"no text"}\n`);
    expect(r.articles).toHaveLength(1);
    expect(r.errors).toEqual([{ item: "feed.ndjson:2", reason: "text: missing: a record needs text or html" }]);
  });

  test.each([
    ["empty.txt", ""],
    ["garbage.json", new Uint8Array([0xff, 0x00, 0x13, 0x37])],
    ["binary.csv", new Uint8Array(Array.from({ length: 64 }, (_, i) => i))],
    ["page.html", "<html><body></body></html>"],
  ])("never throws: %s gives ItemErrors naming the file", (name, content) => {
    const r = parseFile(name, content);
    expect(r.articles).toEqual([]);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((e) => e.item.startsWith(name))).toBe(true);
  });
});

test("a page declaring iso-8859-1 is read as windows-1252, like browsers do", () => {
  const html = `<html><head><meta charset="iso-8859-1"></head><body>\x93quoted\x94</body></html>`;
  expect(decodeBytes(new Uint8Array(Buffer.from(html, "latin1")))).toMatchObject({ encoding: "windows-1252", text: expect.stringContaining("“quoted”") });
});
