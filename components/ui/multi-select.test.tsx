import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { FacetOption } from "@/lib/schemas/dto";
import { MultiSelect } from "./multi-select";
import { createOptionSearch, OPTION_SEARCH_DEBOUNCE_MS, type OptionSearchFn, type OptionSearchState } from "./option-search";

const opt = (value: string, label = value, count?: number): FacetOption => ({ value, label, ...(count === undefined ? {} : { count }) });

/** A search whose answers the test resolves or rejects by hand, recording each call. */
function manualSearch() {
  const calls: { query: string; signal: AbortSignal; resolve: (o: { options: FacetOption[]; more: boolean }) => void; reject: (e: Error) => void }[] = [];
  const search: OptionSearchFn = (query, signal) =>
    new Promise((resolve, reject) => {
      calls.push({ query, signal, resolve, reject });
    });
  return { search, calls };
}

describe("createOptionSearch", () => {
  let states: OptionSearchState[];
  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const settle = () => vi.advanceTimersByTimeAsync(0);

  test("waits for a pause in typing, then asks once for the last text", async () => {
    const { search, calls } = manualSearch();
    const s = createOptionSearch(search, (st) => states.push(st));
    s.set("r");
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS - 1);
    s.set("re");
    s.set("reu ");
    expect(states.at(-1)).toEqual({ status: "loading", query: "reu" });
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.query)).toEqual(["reu"]);
    calls[0]!.resolve({ options: [opt("reuters.example", "Reuters", 5)], more: true });
    await settle();
    expect(states.at(-1)).toEqual({ status: "done", query: "reu", options: [opt("reuters.example", "Reuters", 5)], more: true });
    // The same text again (padded) asks nothing.
    s.set(" reu");
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(1);
  });

  test("a new text aborts the request in flight, and its late answer is dropped", async () => {
    const { search, calls } = manualSearch();
    const s = createOptionSearch(search, (st) => states.push(st));
    s.set("reu");
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS);
    s.set("bbc");
    expect(calls[0]!.signal.aborted).toBe(true);
    // The server answered before the abort reached it: the answer is for a text no longer typed.
    calls[0]!.resolve({ options: [opt("reuters.example")], more: false });
    await settle();
    expect(states.at(-1)).toEqual({ status: "loading", query: "bbc" });
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS);
    calls[1]!.resolve({ options: [], more: false });
    await settle();
    expect(states.at(-1)).toEqual({ status: "done", query: "bbc", options: [], more: false });
    expect(states.some((st) => st.status === "done" && st.query === "reu")).toBe(false);
  });

  test("clearing the text cancels the search and goes back to idle", async () => {
    const { search, calls } = manualSearch();
    const s = createOptionSearch(search, (st) => states.push(st));
    s.set("reu");
    s.set("  ");
    expect(states.at(-1)).toEqual({ status: "idle" });
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(0);
  });

  test("a failure is an error state; retry asks again at once; an aborted request's failure is silent", async () => {
    const { search, calls } = manualSearch();
    const s = createOptionSearch(search, (st) => states.push(st));
    s.set("reu");
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS);
    calls[0]!.reject(new Error("HTTP 500"));
    await settle();
    expect(states.at(-1)).toEqual({ status: "error", query: "reu" });
    s.retry();
    expect(states.at(-1)).toEqual({ status: "loading", query: "reu" });
    expect(calls.map((c) => c.query)).toEqual(["reu", "reu"]);
    s.set("afp");
    calls[1]!.reject(new DOMException("aborted", "AbortError"));
    await settle();
    expect(states.at(-1)).toEqual({ status: "loading", query: "afp" });
    s.dispose();
    await vi.advanceTimersByTimeAsync(OPTION_SEARCH_DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(2);
  });
});

describe("MultiSelect", () => {
  const render = (props: Partial<Parameters<typeof MultiSelect>[0]> = {}) =>
    renderToString(<MultiSelect label="Outlet" options={[opt("a.example", "Alpha", 9)]} selected={[]} onChange={() => undefined} {...props} />);

  test("a closed trigger named for the facet, announcing its panel", () => {
    const html = render();
    // Named by its visible text, then what it is (label in name): no aria-label to drift from it.
    expect(html).not.toMatch(/<button[^>]*aria-label=/);
    expect(html).toMatch(/<span>Outlet<\/span><span class="sr-only">, filter<\/span>/);
    expect(html).toMatch(/aria-haspopup="true"/);
    expect(html).toMatch(/aria-expanded="false"/);
    expect(html).toMatch(/aria-controls="ms-[^"]+"/);
    expect(html).not.toContain('role="group"');
  });

  test("one selected outlet outside the first page shows its name, from the page or else its key", () => {
    const { search } = manualSearch();
    expect(render({ selected: ["z.example"], selectedOptions: [opt("z.example", "Zulu Gazette", 1)], search })).toContain(">Zulu Gazette</span>");
    expect(render({ selected: ["a.example"], search })).toContain(">Alpha</span>");
    expect(render({ selected: ["gone.example"], search })).toContain(">gone.example</span>");
    // Several: their number.
    expect(render({ selected: ["a.example", "z.example"], selectedOptions: [opt("z.example", "Zulu Gazette")] })).toMatch(/tabular-nums">2<\/span><span class="sr-only">, filter, 2 selected<\/span>/);
  });
});
