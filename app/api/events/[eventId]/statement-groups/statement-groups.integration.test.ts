import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "@/lib/ingest/types";
import { ingestArticles } from "@/lib/pipeline/ingest";
import { getStatementGroups } from "@/lib/queries/statement-groups";
import type { StatementGroupItem } from "@/lib/statements";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/database";
import { exportStatementGroups } from "./handler";

/**
 * Original fictional corpus (Harbor Command, Varnet and the outlets are invented): three outlets
 * quote one statement, in full, cut with an ellipsis and a bracketed insertion, and misattributed
 * to the Pentagon; the first also carries an unrelated quote of the same speaker.
 */
const FULL = "We struck a depot that had been used to store rockets, and we took every precaution to avoid harming the civilians who live nearby";

function article(over: Pick<NormalizedArticle, "url" | "title" | "text" | "publishedAt" | "outlet">): NormalizedArticle {
  return { canonicalUrl: null, author: null, language: "en", originalSource: null, tags: [], externalId: null, ...over };
}

const corpus: NormalizedArticle[] = [
  article({
    url: "https://baycourier.example/2031/03/04/varnet-depot-strike",
    title: "Harbor Command strikes rocket depot near Varnet",
    publishedAt: "2031-03-04T08:00:00Z",
    outlet: { name: "Bay Courier", domain: "baycourier.example" },
    text: `Harbor Command said on Tuesday that its aircraft had struck a weapons depot outside the port town of Varnet overnight, setting off explosions that were heard across the bay.

"${FULL}," Harbor Command said in a statement.

"The operation will go on until the launches stop," the command added.

Local officials in Varnet said two houses near the depot were damaged and that no one was hurt.`,
  }),
  article({
    url: "https://harbourtimes.example/news/varnet-depot-strike",
    title: "Strike on Varnet weapons depot sets off explosions",
    publishedAt: "2031-03-04T11:00:00Z",
    outlet: { name: "Harbour Times", domain: "harbourtimes.example" },
    text: `Aircraft struck a weapons depot outside the port town of Varnet overnight, Harbor Command said on Tuesday, setting off explosions heard across the bay.

"[The command] struck a depot that had been used to store rockets ... and took every precaution to avoid harming the civilians," Harbor Command said.

Two houses near the depot were damaged, local officials in Varnet said.`,
  }),
  article({
    url: "https://coastpost.example/world/varnet-depot",
    title: "Explosions near Varnet after overnight strike on depot",
    publishedAt: "2031-03-04T15:00:00Z",
    outlet: { name: "Coast Post", domain: "coastpost.example" },
    text: `Explosions were heard across the bay after aircraft struck a weapons depot outside the port town of Varnet overnight.

The Pentagon said: "${FULL}."

Local officials in Varnet said two houses near the depot were damaged.`,
  }),
];

const NO_FILTERS = { outlet: [], language: [] };

describe.each(PROVIDERS)("statement groups on %s", (provider) => {
  let t: TestDatabase;
  let eventId: string;
  let depot: StatementGroupItem;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const report = await ingestArticles(t.database, corpus, { source: "quote variants fixture" });
    expect(report).toMatchObject({ added: 3, failed: 0 });
    const events = await t.database.db.event.findMany({ select: { id: true } });
    expect(events).toHaveLength(1);
    eventId = events[0]!.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("the three outlets' versions form one group, flagged for the Pentagon misattribution", async () => {
    const result = (await getStatementGroups(eventId, NO_FILTERS, t.database))!;
    expect(result.truncated).toBe(false);
    const found = result.groups.find((g) => g.referenceWording.startsWith("We struck a depot"));
    expect(found).toBeDefined();
    depot = found!;
    expect(depot.members.map((m) => m.outlet.name).sort()).toEqual(["Bay Courier", "Coast Post", "Harbour Times"]);
    expect(depot.outletCount).toBe(3);
    expect(depot.speakerConflict).toBe(true);
    expect(depot.attributionText).toBe("Attributed to Harbor Command by Bay Courier, Harbour Times; to Pentagon by Coast Post");
    // Conflicts come first on the page and in the export.
    expect(result.groups[0]!.id).toBe(depot.id);

    const [reference, ...others] = depot.members;
    expect(reference!.isReference).toBe(true);
    expect(reference!.summary.identical).toBe(true);
    expect(reference!.wording).toBe(FULL);
    const coast = others.find((m) => m.outlet.name === "Coast Post")!;
    expect(coast.summary).toEqual({ omitted: 0, changed: 0, added: 0, identical: true });
    const harbour = others.find((m) => m.outlet.name === "Harbour Times")!;
    // "[The command]" for "We" (1 changed, 1 added), "we" and "who live nearby" left out.
    expect(harbour.summary).toEqual({ omitted: 4, changed: 1, added: 1, identical: false });
    expect(harbour.ops[0]).toEqual({ op: "changed", text: "[The command]", from: "We" });

    // Every member links to its evidence: the stored offsets hold the stored text.
    for (const m of depot.members) {
      const a = await t.database.db.article.findUniqueOrThrow({ where: { id: m.articleId }, select: { text: true } });
      expect(a.text.slice(m.start, m.end)).toBe(m.text);
      expect(m.href).toBe(`/articles/${m.articleId}#statement-${m.statementId}`);
    }
  });

  test("an unrelated quote of the same speaker stays in its own group", async () => {
    const result = (await getStatementGroups(eventId, NO_FILTERS, t.database))!;
    const operation = result.groups.find((g) => g.referenceWording.startsWith("The operation will go on"));
    expect(operation?.members).toHaveLength(1);
    expect(depot.members.some((m) => m.wording.includes("operation"))).toBe(false);
  });

  test("the page's filters narrow the statements grouped", async () => {
    const result = (await getStatementGroups(eventId, { ...NO_FILTERS, outlet: ["baycourier.example", "coastpost.example"] }, t.database))!;
    const g = result.groups.find((x) => x.referenceWording.startsWith("We struck a depot"))!;
    expect(g.members.map((m) => m.outlet.name).sort()).toEqual(["Bay Courier", "Coast Post"]);
    expect(result.filters.outlet).toEqual(["baycourier.example", "coastpost.example"]);
  });

  test("unknown event", async () => {
    expect(await getStatementGroups("ev_missing", NO_FILTERS, t.database)).toBeNull();
  });

  const url = (query: string) => `http://localhost/api/events/${eventId}/statement-groups?${query}`;

  test("CSV export: one row per group × outlet with the wording and the diff counts", async () => {
    const res = await exportStatementGroups(new Request(url("format=csv")), eventId, t.database);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`parallax-statement-groups-${eventId}-\\d{4}-\\d{2}-\\d{2}\\.csv`));
    const rows: Record<string, string>[] = parseCsv(await res.text(), { bom: true, columns: true });
    const depotRows = rows.filter((r) => r.group_id === depot.id);
    expect(depotRows.map((r) => r.outlet)).toEqual(depot.members.map((m) => m.outlet.name));
    for (const r of depotRows) {
      expect(r.reference_wording).toBe(FULL);
      expect(r.speaker_conflict).toBe("true");
      expect(r.attribution).toBe(depot.attributionText);
      expect(r.speakers).toBe("Harbor Command (Bay Courier, Harbour Times); Pentagon (Coast Post)");
      expect(r.group_outlets).toBe("3");
    }
    const harbour = depotRows.find((r) => r.outlet === "Harbour Times")!;
    expect(harbour).toMatchObject({ omitted_words: "4", changed_words: "1", added_words: "1", is_reference: "false", speaker: "Harbor Command" });
    expect(harbour.wording).toMatch(/^\[The command\] struck a depot/);
    expect(harbour.article_url).toBe("https://harbourtimes.example/news/varnet-depot-strike");
    // Every statement of the event is in the export, once.
    const total = await t.database.db.statement.count({ where: { article: { membership: { eventId } } } });
    expect(new Set(rows.map((r) => r.statement_id)).size).toBe(total);
    expect(rows).toHaveLength(total);
  });

  test("JSON and XLSX exports carry the same rows", async () => {
    const json = await exportStatementGroups(new Request(url("format=json&outlet=harbourtimes.example")), eventId, t.database);
    expect(json.status).toBe(200);
    const body = (await json.json()) as Record<string, unknown>[];
    expect(body.length).toBeGreaterThan(0);
    expect(new Set(body.map((r) => r.outlet))).toEqual(new Set(["Harbour Times"]));
    expect(body.find((r) => String(r.wording).startsWith("[The command]"))).toMatchObject({ omitted_words: 0, is_reference: true, speaker_conflict: false });

    const xlsx = await exportStatementGroups(new Request(url("format=xlsx")), eventId, t.database);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("Statement groups");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("omitted_words");
    const rows = await t.database.db.statement.count({ where: { article: { membership: { eventId } } } });
    expect(sheet.actualRowCount).toBe(rows + 1);
  });

  test("bad requests name the problem", async () => {
    const bad = await exportStatementGroups(new Request(url("format=pdf")), eventId, t.database);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad_request", field: "format" });
    const missing = await exportStatementGroups(new Request("http://localhost/api/events/ev_missing/statement-groups"), "ev_missing", t.database);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
  });
});
