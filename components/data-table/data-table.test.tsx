import { createColumnHelper } from "@tanstack/react-table";
import { renderToString } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";
import { articleFiltersSchema, eventFiltersSchema, parseFilters } from "@/lib/schemas/filters";
import { DataTable } from "./data-table";
import { PAGE_SIZES } from "./data-table-pagination";
import { dataTableFeatures } from "./features";
import { RowSelectionContext, RowSelectCheckbox, type RowSelection } from "./row-selection";
import { ESTIMATED_ROW_HEIGHT, INITIAL_VIEWPORT, OVERSCAN, VIRTUALIZE_ABOVE } from "./virtual-rows";

// The table reads and writes the URL through Next's router; outside Next there is none.
const url = vi.hoisted(() => ({ query: "" }));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ replace: () => undefined }),
  usePathname: () => "/things",
  useSearchParams: () => new URLSearchParams(url.query),
}));

interface Thing {
  id: string;
  name: string;
}

const h = createColumnHelper<typeof dataTableFeatures, Thing>();
const columns = h.columns([
  h.display({ id: "select", header: () => <span>Select</span>, cell: ({ row }) => <RowSelectCheckbox id={row.original.id} label={`Select ${row.original.name}`} /> }),
  h.accessor("name", { header: "Name", cell: ({ getValue }) => <span data-name="">{getValue()}</span> }),
]);

const things = (n: number): Thing[] => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `Thing ${i}` }));

/** Server-rendered HTML: the virtualiser lays out its first viewport before any scroll element exists. */
function render(rows: Thing[], selection?: RowSelection): string {
  const table = (
    <DataTable
      caption="Things"
      columns={columns}
      data={rows}
      getRowId={(t) => t.id}
      paging={{ page: 1, pageSize: rows.length, pageCount: 1, total: rows.length }}
      noun="things"
    />
  );
  return renderToString(selection ? <RowSelectionContext.Provider value={selection}>{table}</RowSelectionContext.Provider> : table);
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const dataRows = (html: string) => count(html, /<tr[^>]*data-index="\d+"/g);
const attr = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="(\\d+)"`, "g"))].map((m) => Number(m[1]));

/** Visible text of server-rendered HTML, tags and React's text separators dropped. */
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("DataTable", () => {
  test("a page past the last says so and offers the last page, instead of 'no rows match' with 'Showing 2,451–22'", () => {
    const past = text(renderToString(<DataTable caption="Things" columns={columns} data={[]} paging={{ page: 99, pageSize: 25, pageCount: 2, total: 30 }} noun="things" />));
    expect(past).toContain("Page 99 is past the last page");
    expect(past).toContain("These filters match 30 things, on 2 pages.");
    expect(past).toContain("Go to the last page");
    expect(past).toContain("No things on page 99: 30 things on 2 pages");
    expect(past).toContain("Page 99 of 2");
    expect(past).not.toContain("match these filters Try");
    expect(past).not.toContain("Showing");
    // Nothing matches at all: the usual empty state.
    const none = text(renderToString(<DataTable caption="Things" columns={columns} data={[]} paging={{ page: 1, pageSize: 25, pageCount: 0, total: 0 }} noun="things" />));
    expect(none).toContain("No things match these filters");
    expect(none).not.toContain("past the last page");
  });

  test("a full-text search of exclusions only says it has nothing to look for; a search box without the syntax does not", () => {
    const empty = (hint?: string) =>
      text(renderToString(<DataTable caption="Things" columns={columns} data={[]} paging={{ page: 1, pageSize: 25, pageCount: 0, total: 0 }} noun="things" toolbar={{ search: { hint } }} />));
    url.query = "q=-Aleppo";
    try {
      expect(empty("syntax")).toContain("The search “-Aleppo” has no word to look for");
      expect(empty()).toContain("Try removing a filter");
      url.query = "q=Aleppo+-convoy";
      expect(empty("syntax")).toContain("Try removing a filter");
    } finally {
      url.query = "";
    }
  });

  test.each([10, VIRTUALIZE_ABOVE])("renders all %i rows of a small page, without row virtualisation", (n) => {
    const html = render(things(n));
    expect(count(html, /data-name=""/g)).toBe(n);
    expect(html).not.toContain("aria-rowcount");
    expect(html).not.toContain("aria-rowindex");
    expect(html).not.toContain("data-spacer");
    expect(html).toContain(`Thing ${n - 1}<`);
  });

  test("renders only a window of a large page, with aria-rowcount for the whole page", () => {
    const n = 200;
    const html = render(things(n));
    const shown = count(html, /data-name=""/g);
    // The first viewport's worth of rows plus the overscan below it, not the 200.
    expect(shown).toBe(Math.ceil(INITIAL_VIEWPORT / ESTIMATED_ROW_HEIGHT) + OVERSCAN);
    expect(dataRows(html)).toBe(shown);
    expect(html).toContain("Thing 0<");
    expect(html).not.toContain(`Thing ${n - 1}<`);
    // One header row plus the page's rows; the header is row 1 and data rows follow it.
    expect(attr(html, "aria-rowcount")).toEqual([n + 1]);
    expect(attr(html, "aria-rowindex")).toEqual(Array.from({ length: shown + 1 }, (_, i) => i + 1));
    expect(attr(html, "data-index")).toEqual(Array.from({ length: shown }, (_, i) => i));
    // The rows not rendered are one spacer at the end, hidden from assistive technology, as tall as they are estimated.
    const spacers = [...html.matchAll(/<tr aria-hidden="true" data-spacer="">.*?height:(\d+)px/g)].map((m) => Number(m[1]));
    expect(spacers).toEqual([(n - shown) * ESTIMATED_ROW_HEIGHT]);
    // A sticky header inside a named, focusable scroll region.
    expect(html).toMatch(/<div[^>]*role="region"[^>]*aria-label="Things, scrollable"[^>]*tabindex="0"/);
    expect(html).toMatch(/<thead class="[^"]*sticky top-0/);
  });

  test("row selection reaches the rendered rows of a virtualised page", () => {
    const rows = things(150);
    const selection: RowSelection = { selected: new Set(["t1", "t3"]), rowIds: rows.map((r) => r.id), toggle: () => undefined, setAll: () => undefined };
    const html = render(rows, selection);
    const checked = [...html.matchAll(/<input type="checkbox"[^>]*aria-label="Select (Thing \d+)"[^>]*>/g)].filter((m) => / checked=""/.test(m[0]));
    expect(checked.map((m) => m[1])).toEqual(["Thing 1", "Thing 3"]);
  });
});

describe("page sizes", () => {
  test("the largest offered is the API's cap, and it is virtualised", () => {
    const largest = Math.max(...PAGE_SIZES);
    for (const schema of [eventFiltersSchema, articleFiltersSchema]) {
      expect(parseFilters(schema, { pageSize: String(largest) }).ok).toBe(true);
      expect(parseFilters(schema, { pageSize: String(largest + 1) }).ok).toBe(false);
    }
    expect(largest).toBeGreaterThan(VIRTUALIZE_ABOVE);
  });
});
