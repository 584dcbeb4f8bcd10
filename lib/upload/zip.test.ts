import { describe, expect, test } from "vitest";
import { buildZip } from "./test-zip";
import { DEFAULT_ZIP_LIMITS, looksLikeZip, readZip, type ZipLimits } from "./zip";

const NDJSON = '{"url":"https://example.org/a","title":"A","text":"Some text."}\n';
const names = (r: Awaited<ReturnType<typeof readZip>>) => r.files.map((f) => f.name);
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("readZip", () => {
  test("reads the supported files of a well-formed archive, in folders, stored or deflated", async () => {
    const zip = buildZip([
      { name: "records.ndjson", data: NDJSON },
      { name: "pages/", data: "" },
      { name: "pages/one.html", data: "<html><body><p>x</p></body></html>", method: "store" },
      { name: "__MACOSX/pages/._one.html", data: "junk" },
    ]);
    expect(looksLikeZip(zip)).toBe(true);
    const result = await readZip("upload.zip", zip);
    expect(result.errors).toEqual([]);
    expect(names(result)).toEqual(["records.ndjson", "pages/one.html"]);
    expect(text(result.files[0]!.bytes)).toBe(NDJSON);
  });

  test.each([
    ["../escape.ndjson", /unsafe path/],
    ["safe/../../escape.ndjson", /unsafe path/],
    ["/etc/cron.d/x.txt", /unsafe path/],
    ["C:/Windows/x.txt", /unsafe path/],
    ["dir\\..\\x.txt", /unsafe path/],
  ])("refuses the entry %s (zip slip) and keeps the others", async (name, reason) => {
    const zip = buildZip([
      { name, data: NDJSON },
      { name: "ok.ndjson", data: NDJSON },
    ]);
    const result = await readZip("evil.zip", zip);
    expect(names(result)).toEqual(["ok.ndjson"]);
    expect(result.errors).toHaveLength(1);
    // Backslashes are read as the folder separators Windows tools meant.
    expect(result.errors[0]!.item).toBe(`evil.zip/${name.replaceAll("\\", "/")}`);
    expect(result.errors[0]!.reason).toMatch(reason);
  });

  test("refuses symbolic links", async () => {
    const zip = buildZip([
      { name: "link.txt", data: "/etc/passwd", mode: 0o120777 },
      { name: "ok.txt", data: "Title\n\nBody text." },
    ]);
    const result = await readZip("links.zip", zip);
    expect(names(result)).toEqual(["ok.txt"]);
    expect(result.errors).toEqual([{ item: "links.zip/link.txt", reason: "symbolic links are not accepted" }]);
  });

  test("refuses nested archives by name and by content", async () => {
    const inner = buildZip([{ name: "a.ndjson", data: NDJSON }]);
    const zip = buildZip([
      { name: "inner.zip", data: inner },
      { name: "disguised.txt", data: inner, method: "store" },
      { name: "ok.ndjson", data: NDJSON },
    ]);
    const result = await readZip("outer.zip", zip);
    expect(names(result)).toEqual(["ok.ndjson"]);
    expect(result.errors.map((e) => e.item)).toEqual(["outer.zip/inner.zip", "outer.zip/disguised.txt"]);
    for (const e of result.errors) expect(e.reason).toMatch(/nested archives are not accepted/);
  });

  test("refuses an archive with too many entries, whole", async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 5 };
    const zip = buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: "Title\n\nBody." })));
    const result = await readZip("many.zip", zip, limits);
    expect(result.files).toEqual([]);
    expect(result.errors).toEqual([{ item: "many.zip", reason: expect.stringMatching(/has 6 entries; at most 5/) }]);
  });

  test("refuses a zip bomb by compression ratio, before inflating it", async () => {
    // 20 MB of zeros deflate to about 20 KB: a ratio near 1000:1.
    const zip = buildZip([{ name: "bomb.txt", data: new Uint8Array(20 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(100_000);
    const result = await readZip("bomb.zip", zip);
    expect(result.files).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.reason).toMatch(/expands \d+ times its size .*zip bomb/);
  });

  test("refuses one over-compressed entry and keeps the rest when the archive as a whole is plausible", async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ratioFloorBytes: 64 * 1024 };
    const random = new Uint8Array(600 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const zip = buildZip([
      { name: "dense.txt", data: new Uint8Array(2 * 1024 * 1024) },
      { name: "noise.csv", data: random, method: "store" },
    ]);
    const result = await readZip("mixed.zip", zip, limits);
    expect(names(result)).toEqual(["noise.csv"]);
    expect(result.errors).toEqual([{ item: "mixed.zip/dense.txt", reason: expect.stringMatching(/compression ratio \d+:1 is above 100:1/) }]);
  });

  test("refuses an archive that expands beyond the total size cap", async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1000 };
    const zip = buildZip([
      { name: "a.txt", data: "x".repeat(600), method: "store" },
      { name: "b.txt", data: "y".repeat(600), method: "store" },
    ]);
    const result = await readZip("big.zip", zip, limits);
    expect(result.files).toEqual([]);
    expect(result.errors[0]!.reason).toMatch(/expands to 0\.0 MB; at most 0\.0 MB/);
  });

  test("an entry that lies about its size is caught while inflating", async () => {
    const zip = buildZip([
      { name: "liar.txt", data: "z".repeat(50_000), declaredSize: 10 },
      { name: "ok.ndjson", data: NDJSON },
    ]);
    const result = await readZip("liar.zip", zip);
    expect(names(result)).toEqual(["ok.ndjson"]);
    expect(result.errors[0]).toMatchObject({ item: "liar.zip/liar.txt", reason: expect.stringMatching(/could not extract/) });
  });

  test("refuses encrypted entries and unsupported file types", async () => {
    const zip = buildZip([
      { name: "secret.txt", data: "x", encrypted: true },
      { name: "photo.png", data: "not really a png" },
      { name: "ok.csv", data: "url,title,text\nhttps://e.org/1,T,Body\n" },
    ]);
    const result = await readZip("misc.zip", zip);
    expect(names(result)).toEqual(["ok.csv"]);
    expect(result.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/encrypted/), expect.stringMatching(/unsupported file type \.png/)]);
  });

  test("a corrupt archive is one error naming it, never an exception", async () => {
    const zip = buildZip([{ name: "a.ndjson", data: NDJSON }]);
    const truncated = zip.slice(0, zip.length - 30);
    const result = await readZip("broken.zip", truncated);
    expect(result.files).toEqual([]);
    expect(result.errors).toEqual([{ item: "broken.zip", reason: expect.stringMatching(/not a readable zip archive/) }]);
    expect((await readZip("empty.zip", new Uint8Array())).errors[0]!.reason).toMatch(/not a readable zip archive/);
  });
});
