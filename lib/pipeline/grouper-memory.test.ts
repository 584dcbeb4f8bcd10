import { describe, expect, test } from "vitest";
import { EventGrouper } from "../cluster";
import { generateCorpus } from "../../scripts/bench/corpus";

describe("the long-lived grouper's memory is bounded", () => {
  test("beyond maxDocs the oldest articles leave the index; the newest still attract their copies", () => {
    const grouper = new EventGrouper({ maxDocs: 20 });
    const uncapped = new EventGrouper();
    const articles = [...generateCorpus({ articles: 200, seed: 3 })]
      .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!))
      .map((a, i) => ({ id: `d${i}`, title: a.title, text: a.text, date: a.publishedAt, outlet: a.outlet!.domain, url: a.url }));
    for (const doc of articles) {
      grouper.assign(doc);
      uncapped.assign(doc);
      expect(grouper.indexedDocs).toBeLessThanOrEqual(20);
    }
    expect(grouper.indexedDocs).toBe(20);
    // Control: the time window alone keeps more.
    expect(uncapped.indexedDocs).toBeGreaterThan(20);
    const newest = articles[articles.length - 1]!;
    const oldest = articles[0]!;
    const copy = (d: typeof newest, id: string) => ({ ...d, id, outlet: "copier.example", url: `https://copier.example/${id}` });
    expect(grouper.explain(copy(newest, "c1")).length).toBeGreaterThan(0);
    // The oldest article is gone: nothing left to compare its copy with.
    expect(grouper.explain(copy(oldest, "c2")).some((c) => c.bestDocId === oldest.id)).toBe(false);
  });
});
