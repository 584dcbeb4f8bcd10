import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { NormalizedArticle } from "../../lib/ingest/types";
import { generateCorpus, MAX_EVENT_SIZE } from "./corpus";
import { generatedEventOf } from "./grouping";

const SIZE = 20_000;
const corpus = [...generateCorpus({ articles: SIZE, seed: 42 })];

const digest = (articles: Iterable<NormalizedArticle>) => {
  const h = createHash("sha256");
  for (const a of articles) h.update(JSON.stringify(a));
  return h.digest("hex");
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** The generated event an article belongs to (see `generatedEventOf`). */
function eventOf(a: NormalizedArticle): string {
  const event = generatedEventOf(a.url);
  if (event === null) throw new Error(`no event number in ${a.url}`);
  return event;
}

describe("generateCorpus", () => {
  it("is deterministic: same seed and size, same bytes; another seed, another corpus", () => {
    expect(digest(generateCorpus({ articles: SIZE, seed: 42 }))).toBe(digest(corpus));
    expect(digest(generateCorpus({ articles: 2_000, seed: 43 }))).not.toBe(digest(generateCorpus({ articles: 2_000, seed: 42 })));
  });

  it("yields exactly the number of articles asked for", () => {
    for (const n of [0, 1, 7, 1_234]) expect([...generateCorpus({ articles: n, seed: 5 })]).toHaveLength(n);
    expect(corpus).toHaveLength(SIZE);
  });

  it("writes articles of realistic lengths: median ~2 KB, p90 ~5 KB, at most ~12 KB", () => {
    const bytes = corpus.map((a) => Buffer.byteLength(a.text)).sort((a, b) => a - b);
    expect(quantile(bytes, 0.5)).toBeGreaterThan(1_600);
    expect(quantile(bytes, 0.5)).toBeLessThan(2_500);
    expect(quantile(bytes, 0.9)).toBeGreaterThan(4_000);
    expect(quantile(bytes, 0.9)).toBeLessThan(6_000);
    expect(bytes[0]).toBeGreaterThanOrEqual(500);
    expect(bytes.at(-1)).toBeLessThanOrEqual(12_500);
  });

  it("varies its sentences: no sentence is in more than a few percent of the articles", () => {
    const seen = new Map<string, number>();
    for (const a of corpus.slice(0, 5_000)) for (const s of new Set(a.text.split(/(?<=[.!?]["»]?)\s+/))) seen.set(s, (seen.get(s) ?? 0) + 1);
    expect(Math.max(...seen.values())).toBeLessThan(5_000 * 0.05);
  });

  it("spreads articles over at least 500 outlets", () => {
    expect(new Set(corpus.map((a) => a.outlet?.domain)).size).toBeGreaterThanOrEqual(500);
  });

  it("makes events of 1 to MAX_EVENT_SIZE articles, heavy-tailed", () => {
    const sizes = new Map<string, number>();
    for (const a of corpus) sizes.set(eventOf(a), (sizes.get(eventOf(a)) ?? 0) + 1);
    const values = [...sizes.values()];
    expect(Math.min(...values)).toBe(1);
    expect(Math.max(...values)).toBeLessThanOrEqual(MAX_EVENT_SIZE);
    expect(Math.max(...values)).toBeGreaterThan(MAX_EVENT_SIZE / 2);
    expect(values.filter((n) => n === 1).length).toBeGreaterThan(values.length / 4);
  });

  it("is chronological, over about three years at this size", () => {
    expect(corpus.findIndex((a, i) => i > 0 && a.publishedAt! < corpus[i - 1]!.publishedAt!)).toBe(-1);
    const days = (Date.parse(corpus.at(-1)!.publishedAt!) - Date.parse(corpus[0]!.publishedAt!)) / 86_400_000;
    expect(days).toBeGreaterThan(2.5 * 365);
    expect(days).toBeLessThan(3.5 * 365);
  });

  it("interleaves the articles of concurrent events", () => {
    let switches = 0;
    const last = new Map<string, number>();
    corpus.forEach((a, i) => {
      const e = eventOf(a);
      const previous = last.get(e);
      if (previous !== undefined && previous !== i - 1) switches++;
      last.set(e, i);
    });
    expect(switches).toBeGreaterThan(SIZE / 10);
  });

  it("republishes ~8% of articles as verbatim wire copies, by another outlet, hours later", () => {
    const originals = new Map<string, NormalizedArticle>();
    let copies = 0;
    for (const a of corpus) {
      if (!a.url?.includes("/wire/")) {
        originals.set(a.text, a);
        continue;
      }
      copies++;
      const original = originals.get(a.text);
      expect(original).toBeDefined();
      expect(eventOf(original!)).toBe(eventOf(a));
      const hours = (Date.parse(a.publishedAt!) - Date.parse(original!.publishedAt!)) / 3_600_000;
      expect(hours).toBeGreaterThanOrEqual(1);
      expect(hours).toBeLessThanOrEqual(6);
    }
    expect(copies / SIZE).toBeGreaterThan(0.05);
    expect(copies / SIZE).toBeLessThan(0.11);
  });

  it("starts every sentence with a capital, a digit or a quotation mark (no spliced figures)", () => {
    const bad: string[] = [];
    for (const a of corpus) {
      for (const s of a.text.split(/(?<=[.!?]["»]?)\s+/)) if (!/^["«A-Z0-9ÁÉÍÓÚ]/.test(s)) bad.push(s);
      if (!/^[A-Z0-9]/.test(a.title)) bad.push(a.title);
    }
    expect(bad).toEqual([]);
  });

  it("reports disagreeing casualty figures for an event, and writes ~5% in French or Spanish", () => {
    const leads = new Map<string, Set<string>>();
    for (const a of corpus) {
      if (a.language !== "en") continue;
      const figure = /^(.*?) \w+ were killed/.exec(a.text)?.[1];
      if (figure) leads.set(eventOf(a), (leads.get(eventOf(a)) ?? new Set()).add(figure));
    }
    expect([...leads.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(100);
    const other = corpus.filter((a) => a.language === "fr" || a.language === "es").length / SIZE;
    expect(other).toBeGreaterThan(0.03);
    expect(other).toBeLessThan(0.08);
  });
});
