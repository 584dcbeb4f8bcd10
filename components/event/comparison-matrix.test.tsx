import { describe, expect, it } from "vitest";
import type { ArticleListItem, OutletComparison } from "@/lib/schemas/dto";
import { toMatrixRows } from "./comparison-matrix";

const outlet = { key: "a.example", name: "Outlet A", kind: "independent" };

function article(id: string, language: string | null): ArticleListItem {
  return {
    id,
    title: `Title ${id}`,
    url: null,
    outlet,
    publishedAt: "2024-05-01T10:00:00.000Z",
    author: null,
    language,
    originalSourceName: null,
    syndicatedFrom: null,
    eventId: "ev_1",
    eventTitle: "Event",
    claimCount: 0,
    statementCount: 0,
  };
}

function row(articles: ArticleListItem[]): OutletComparison {
  return {
    key: outlet.key,
    outlet,
    articles,
    kind: "own",
    parentKey: null,
    copyOf: null,
    declared: null,
    republishedBy: [],
    copiesOnly: false,
    copiedFrom: [],
    killed: [],
    wounded: [],
    other: [],
    statements: [],
    statementCount: { direct: 0, reported: 0 },
  };
}

describe("toMatrixRows", () => {
  it("sends the row's revised articles as a count, not the ids of all its articles", () => {
    const rows = [row([article("a1", "en"), article("a2", "fr"), article("a3", "en")])];
    const [m] = toMatrixRows(rows, { a2: [{ revision: 1 }], other: [{ revision: 1 }] });
    expect(m).toMatchObject({ articleCount: 3, revised: 1, languages: ["en", "fr"] });
    expect(m).not.toHaveProperty("articleIds");
    expect(toMatrixRows(rows)[0]!.revised).toBe(0);
  });
});
