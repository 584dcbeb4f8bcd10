import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ArticleInfo } from "@/lib/schemas/dto";
import { ComparisonTable, type MatrixRow } from "./comparison-table";
import type { FigureClaim } from "./evidence";
import { EvidenceProvider } from "./evidence-context";

// The "show all rows" toggle writes the URL through Next's router; outside Next there is none.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ replace: () => undefined }),
  usePathname: () => "/events/ev_1",
  useSearchParams: () => new URLSearchParams(),
}));

const articles: Record<string, ArticleInfo> = {
  fr1: { id: "fr1", title: "Frappe", outletName: "Le Courrier", publishedAt: "2016-09-18T08:00:00.000Z", language: "fr" },
  en1: { id: "en1", title: "Strike", outletName: "Ledger", publishedAt: "2016-09-18T09:00:00.000Z", language: "en" },
  en2: { id: "en2", title: "Strike, updated", outletName: "Mixed Post", publishedAt: "2016-09-19T09:00:00.000Z", language: "en" },
  fr2: { id: "fr2", title: "Frappe, suite", outletName: "Mixed Post", publishedAt: "2016-09-19T10:00:00.000Z", language: "fr" },
};

function figure(id: number, articleId: string, min: number): FigureClaim {
  return {
    id, articleId, kind: "killed", min, max: min, qualifier: "at_least", victimGroup: "soldiers", authority: null,
    isContext: false, isHeadline: true, phrase: String(min), chain: [{ role: "outlet", name: articles[articleId]!.outletName }],
  };
}

function row(key: string, name: string, languages: string[], killed: FigureClaim[]): MatrixRow {
  return {
    key, kind: "own", parentKey: null, copyOf: null, declared: null, republishedBy: [],
    outlet: { key, name, kind: "unknown" }, articleCount: killed.length, languages, revised: 0, copies: 0,
    killed, wounded: [], other: [], statements: { direct: 0, reported: 0 },
  };
}

/** The text of each figure button ("≥ 62 soldiers FR in French"), tags dropped. */
function figureTexts(html: string): string[] {
  return [...html.matchAll(/<button type="button"[^>]*class="fig[^"]*"[^>]*>(.*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
}

describe("ComparisonTable figures in an event reported in several languages", () => {
  const rows = [
    row("courrier.example", "Le Courrier", ["fr"], [figure(1, "fr1", 62)]),
    row("ledger.example", "Ledger", ["en"], [figure(2, "en1", 83)]),
    row("mixed.example", "Mixed Post", ["en", "fr"], [figure(3, "en2", 90), figure(4, "fr2", 91)]),
  ];
  const html = renderToString(
    <EvidenceProvider eventId="ev_1" articles={articles} mixedLanguages>
      <ComparisonTable rows={rows} />
    </EvidenceProvider>,
  );

  it("names each row's languages in its header", () => {
    expect(html).toContain("in <!-- -->French");
    expect(html).toContain("in <!-- -->English");
  });

  it("marks a figure's language only where its row has several: a one-language row's header already says it", () => {
    const texts = figureTexts(html);
    expect(texts).toHaveLength(4);
    expect(texts[0]).toBe("≥ 62 soldiers");
    expect(texts[1]).toBe("≥ 83 soldiers");
    expect(texts[2]).toMatch(/^≥ 90 soldiers en in English/);
    expect(texts[3]).toMatch(/^≥ 91 soldiers fr in French/);
  });

  it("marks no figure's language when the event is in one language", () => {
    const one = renderToString(
      <EvidenceProvider eventId="ev_1" articles={articles} mixedLanguages={false}>
        <ComparisonTable rows={rows} />
      </EvidenceProvider>,
    );
    expect(figureTexts(one).every((t) => !/\bin (?:English|French)\b/.test(t))).toBe(true);
  });
});
