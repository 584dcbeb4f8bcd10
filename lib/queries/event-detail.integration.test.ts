import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { ingestArticles } from "../pipeline/ingest";
import { formatChain } from "../provenance";
import type { EventDetail } from "../schemas/dto";
import { eventDetailFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { BLINDSPOT_LIMIT, getClaimEvidence, getEvent, getEventArticleIds, getEventArticlePage } from "./event-detail";
import { getEventSections } from "./event-sections";
import type { SectionLimits } from "../schemas/dto";

function article(over: Partial<NormalizedArticle> & Pick<NormalizedArticle, "url" | "title" | "text" | "publishedAt" | "outlet">): NormalizedArticle {
  return { canonicalUrl: null, author: null, language: "en", originalSource: null, tags: [], externalId: null, ...over };
}

// Two distinct events in one (invented) city on one day: a market bombing in Tarsin, reported
// by a wire, a syndicated copy of it, another outlet, that outlet's declared republication and
// a republication of an original outside the corpus; and a warehouse fire in Tarsin's port.
const wireText = `At least 12 people were killed and 30 wounded when a car bomb exploded in the central market of Tarsin on Monday morning, the provincial health ministry said.

The blast tore through stalls selling fruit and bread shortly after 9 a.m., when the market is at its busiest, witnesses said. Ambulances ferried the wounded to the city's two hospitals.

"We are still pulling people from the rubble," the provincial governor, Amal Haddad, told reporters at the scene.

No group has claimed responsibility for the bombing, the deadliest in Tarsin this year.`;

const ledgerText = `Fourteen people died when a car packed with explosives blew up in Tarsin's central market on Monday, the Tarsin Civil Defence said, raising an earlier toll.

Rescue teams searched collapsed stalls through the afternoon. "We are still pulling people from the rubble," the provincial governor, Amal Haddad, told reporters at the scene.

The market had reopened only last month after repairs.`;

const LEDGER_URL = "https://northernledger.example/2016/10/03/tarsin-market";

const corpus: NormalizedArticle[] = [
  article({
    url: "https://levantwire.example/2016/10/03/tarsin-market-bomb",
    title: "Car bomb kills at least 12 in Tarsin market",
    text: wireText,
    publishedAt: "2016-10-03T10:30:00Z",
    outlet: { name: "Levant Wire", domain: "levantwire.example" },
  }),
  article({
    url: "https://orientdaily.example/2016/10/03/tarsin-bomb",
    title: "Car bomb kills at least 12 in Tarsin market - Orient Daily",
    text: `${wireText}\n\n(Levant Wire)`,
    publishedAt: "2016-10-03T11:45:00Z",
    outlet: { name: "Orient Daily", domain: "orientdaily.example" },
  }),
  article({
    url: LEDGER_URL,
    title: "Fourteen dead as bomb hits crowded Tarsin market",
    text: ledgerText,
    publishedAt: "2016-10-03T15:00:00Z",
    outlet: { name: "Northern Ledger", domain: "northernledger.example" },
  }),
  article({
    url: "https://crossroadsreview.example/2016/10/04/tarsin-market",
    title: "Fourteen dead as bomb hits crowded Tarsin market",
    text: ledgerText.split("\n\n").slice(0, 2).join("\n\n"),
    publishedAt: "2016-10-04T07:00:00Z",
    outlet: { name: "Crossroads Review", domain: "crossroadsreview.example" },
    originalSource: { name: "Northern Ledger", url: LEDGER_URL },
  }),
  article({
    url: "https://www.mondialisation.ca/tarsin-market-bombing/1",
    title: "Tarsin market bombing: twelve killed, dozens hurt",
    text: `Twelve people were killed and dozens wounded on Monday when a car bomb went off in the central market of Tarsin.

The bombing came a day before talks on the city's reconstruction were due to open, and residents fear more violence.

"This market fed half the city," said Rami Saleh, a shopkeeper whose stall was destroyed.`,
    publishedAt: "2016-10-04T08:00:00Z",
    outlet: { name: "Mondialisation.ca", domain: "mondialisation.ca" },
    originalSource: { name: "World Socialist Web Site", url: null },
  }),
  article({
    url: "https://capitalherald.example/2016/10/03/tarsin-port-fire",
    title: "Fire guts warehouse in Tarsin port, two firefighters hurt",
    text: `Two firefighters were injured on Monday evening as a fire destroyed a grain warehouse in the port of Tarsin, the city fire brigade said.

Flames could be seen across the harbour for hours. The cause of the fire is under investigation, a brigade spokesman said.`,
    publishedAt: "2016-10-03T20:00:00Z",
    outlet: { name: "Capital Herald", domain: "capitalherald.example" },
  }),
  article({
    url: "https://riversidechronicle.example/2016/10/03/tarsin-warehouse-fire",
    title: "Tarsin port warehouse burns; firefighters injured",
    text: `A blaze tore through a grain warehouse in Tarsin's port on Monday night, injuring two firefighters, the fire brigade said.

Port operations will resume on Wednesday.`,
    publishedAt: "2016-10-03T22:30:00Z",
    outlet: { name: "Riverside Chronicle", domain: "riversidechronicle.example" },
  }),
];

describe.each(PROVIDERS)("event detail provenance on %s", (provider) => {
  let t: TestDatabase;
  let bombing: EventDetail;
  let fire: EventDetail;
  const none = eventDetailFiltersSchema.parse({});

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const report = await ingestArticles(t.database, corpus, { source: "tarsin" });
    expect(report).toMatchObject({ added: 7, failed: 0 });
    const members = await t.database.db.eventArticle.findMany({ select: { eventId: true, article: { select: { url: true } } } });
    const eventOf = (url: string) => members.find((m) => m.article.url === url)!.eventId;
    bombing = (await getEvent(eventOf(LEDGER_URL), none, t.database))!;
    fire = (await getEvent(eventOf(corpus[5]!.url!), none, t.database))!;
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("two events in one city on one day stay apart", () => {
    expect(bombing.event.id).not.toBe(fire.event.id);
    expect(bombing.sources.articles).toBe(5);
    expect(fire.sources.articles).toBe(2);
    // Every article of a comparison names the event it belongs to (the page's own).
    for (const detail of [bombing, fire]) {
      const articles = detail.comparison.flatMap((r) => r.articles);
      expect(articles.map((a) => [a.eventId, a.eventTitle])).toEqual(articles.map(() => [detail.event.id, detail.event.title]));
    }
  });

  test("copies are nested under their original; a declared original outside the corpus stands on its own", () => {
    expect(bombing.comparison.map((r) => [r.outlet.name, r.kind, r.parentKey])).toEqual([
      ["Levant Wire", "own", null],
      ["Orient Daily", "copy", "levantwire.example"],
      ["Northern Ledger", "own", null],
      ["Crossroads Review", "copy", "northernledger.example"],
      ["Mondialisation.ca", "declared", null],
    ]);
    const row = (name: string) => bombing.comparison.find((r) => r.outlet.name === name)!;
    expect(row("Levant Wire").republishedBy).toEqual(["Orient Daily"]);
    expect(row("Orient Daily")).toMatchObject({ copiesOnly: true, copiedFrom: ["Levant Wire"], copyOf: { outletName: "Levant Wire", inSelection: true } });
    expect(row("Orient Daily").copyOf!.via).toContain("detected");
    expect(row("Crossroads Review").copyOf!.via).toContain("declared");
    expect(row("Mondialisation.ca")).toMatchObject({ declared: { name: "World Socialist Web Site", url: null }, copiedFrom: ["World Socialist Web Site"] });
    // The wire, the Ledger and the World Socialist Web Site's report: three independent sources.
    expect(bombing.sources).toEqual({ articles: 5, independent: 3 });
  });

  test("min / median / max over independent sources", () => {
    expect(bombing.figures.killed).toMatchObject({ min: 12, median: 12, max: 14, sources: 3 });
    expect(bombing.figures.wounded).toMatchObject({ min: 24, median: 27, max: 30, sources: 2 });
    expect(fire.figures.killed).toMatchObject({ sources: 0, median: null });
  });

  test("every claim and statement carries its attribution chain", () => {
    const chainOf = (name: string) => formatChain(bombing.comparison.find((r) => r.outlet.name === name)!.killed[0]!.chain);
    expect(chainOf("Orient Daily")).toBe("Orient Daily → Levant Wire → Provincial health ministry");
    expect(chainOf("Crossroads Review")).toBe("Crossroads Review → Northern Ledger → Tarsin Civil Defence");
    expect(chainOf("Mondialisation.ca")).toBe("Mondialisation.ca → World Socialist Web Site");
    const statement = bombing.comparison.find((r) => r.outlet.name === "Mondialisation.ca")!.statements[0]!;
    expect(formatChain(statement.chain)).toBe(`Mondialisation.ca → World Socialist Web Site → ${statement.speaker ?? statement.speakerMention}`);
  });

  test("claims grouped by authority, with the outlets relaying each figure", () => {
    expect(bombing.byAuthority.map((r) => [r.label, r.outletCount])).toEqual([
      ["Provincial health ministry", 2],
      ["Tarsin Civil Defence", 2],
      ["Unattributed", 1],
    ]);
    const [killed] = bombing.byAuthority[0]!.byKind.killed!;
    expect(killed!.outlets).toEqual([
      { key: "levantwire.example", name: "Levant Wire", copy: false },
      { key: "orientdaily.example", name: "Orient Daily", copy: true },
    ]);
    expect(fire.byAuthority.map((r) => r.label)).toEqual(["City fire brigade", "Fire brigade"]);
  });

  test("the count timeline: each dated article's headline killed and wounded figures, by publication time, one time's in claim id order", async () => {
    const claims = await t.database.db.casualtyClaim.findMany({
      where: { isHeadline: true, isContext: false, kind: { in: ["killed", "wounded"] }, article: { membership: { eventId: bombing.event.id }, publishedAt: { not: null } } },
      select: { id: true, articleId: true, kind: true, min: true, max: true, qualifier: true, article: { select: { publishedAt: true, outlet: { select: { key: true } } } } },
    });
    const expected = claims
      .sort((x, y) => x.article.publishedAt!.getTime() - y.article.publishedAt!.getTime() || x.id - y.id)
      .map((c) => ({ at: c.article.publishedAt!.toISOString(), articleId: c.articleId, outletKey: c.article.outlet.key, kind: c.kind, min: c.min, max: c.max, qualifier: c.qualifier }));
    // Both kinds from one article at one time: the tie is ordered.
    expect(new Set(expected.map((p) => p.articleId)).size).toBeLessThan(expected.length);
    expect(bombing.counts.map(({ outletName: _name, ...p }) => p)).toEqual(expected);
  });

  test("without the pivot by authority (the page's default view) the rest of the detail is unchanged", async () => {
    const lean = (await getEvent(bombing.event.id, none, t.database, { byAuthority: false }))!;
    expect(lean.byAuthority).toEqual([]);
    expect({ ...lean, byAuthority: bombing.byAuthority }).toEqual(bombing);
  });

  test("blindspots: each figure and statement, and the outlets that omit it", () => {
    const outlets = bombing.blindspots.outlets.map((o) => o.key);
    expect(outlets).toEqual(["levantwire.example", "orientdaily.example", "northernledger.example", "crossroadsreview.example", "mondialisation.ca"]);
    const figure = (key: string) => bombing.blindspots.figures.find((f) => f.key === key)!;
    expect(figure("killed:12")).toMatchObject({
      reportedBy: ["levantwire.example", "orientdaily.example", "mondialisation.ca"],
      omittedBy: ["northernledger.example", "crossroadsreview.example"],
    });
    expect(figure("killed:14")).toMatchObject({ reportedBy: ["northernledger.example", "crossroadsreview.example"] });
    const rubble = bombing.blindspots.statements.find((s) => s.text.includes("pulling people from the rubble"))!;
    expect(rubble.reportedBy).toEqual(["levantwire.example", "orientdaily.example", "northernledger.example", "crossroadsreview.example"]);
    expect(rubble.omittedBy).toEqual(["mondialisation.ca"]);
    // The fire's blindspots name only the fire's outlets.
    expect(fire.blindspots.outlets.map((o) => o.name).sort()).toEqual(["Capital Herald", "Riverside Chronicle"]);
    expect(fire.blindspots.figures).toMatchObject([{ key: "wounded:2", omittedBy: [] }]);
  });

  test("the page's blindspots (its few shown rows) are the first rows of the full ones; the rest of the detail is unchanged", async () => {
    const { figures, statements } = bombing.blindspots;
    expect(figures.length).toBeGreaterThan(2);
    expect(statements.length).toBeGreaterThan(1);
    for (const rows of [0, 1, 2, BLINDSPOT_LIMIT + 1]) {
      const page = (await getEvent(bombing.event.id, none, t.database, { blindspotRows: rows }))!;
      expect(page).toEqual({
        ...bombing,
        blindspots: { ...bombing.blindspots, figures: figures.slice(0, rows), statements: statements.slice(0, rows) },
      });
    }
  });

  test("without its sections (the page's query) the detail has no blindspots or speakers, and the rest is unchanged", async () => {
    const lean = (await getEvent(bombing.event.id, none, t.database, { sections: false }))!;
    expect(lean.speakers).toEqual([]);
    expect(lean.blindspots).toEqual({ outlets: [], figures: [], statements: [], totals: { figures: 0, statements: 0 } });
    // Its rows count their statements without listing them.
    expect(lean.comparison.map((r) => r.statements)).toEqual(bombing.comparison.map(() => []));
    expect(lean.comparison.map((r) => r.statementCount)).toEqual(
      bombing.comparison.map((r) => ({ direct: r.statements.filter((s) => s.direct).length, reported: r.statements.filter((s) => !s.direct).length })),
    );
    expect(bombing.comparison.some((r) => r.statementCount.direct > 0)).toBe(true);
    const comparison = lean.comparison.map((r, i) => ({ ...r, statements: bombing.comparison[i]!.statements }));
    expect({ ...lean, comparison, speakers: bombing.speakers, blindspots: bombing.blindspots }).toEqual(bombing);
  });

  describe("the sections the page loads from the browser", () => {
    const wide: SectionLimits = { blindspotRows: 25, blindspotNames: 10, speakers: 5, speakerOutlets: 6, minorOutlets: 2, minorPerOutlet: 1, namedOutlets: 12 };

    test("the blindspots as the page shows them: the rows of the full detail with their evidence claim and first statement", async () => {
      const sections = (await getEventSections(bombing.event.id, none, wide, false, t.database))!;
      const { blindspots } = sections;
      expect(blindspots.outletCount).toBe(bombing.blindspots.outlets.length);
      expect(blindspots.totals).toEqual(bombing.blindspots.totals);
      expect(blindspots.figures.map((f) => f.key)).toEqual(bombing.blindspots.figures.map((f) => f.key));
      const killed12 = blindspots.figures.find((f) => f.key === "killed:12")!;
      expect(killed12.reportedBy).toEqual({ keys: ["levantwire.example", "orientdaily.example", "mondialisation.ca"], total: 3 });
      expect(killed12.omittedBy).toEqual({ keys: ["northernledger.example", "crossroadsreview.example"], total: 2 });
      // Its evidence is a claim of the full detail stating 12 killed, and its article is sent along.
      const claims = bombing.comparison.flatMap((r) => r.killed);
      expect(claims.find((c) => c.id === killed12.claim!.id)).toMatchObject({ kind: "killed", min: 12 });
      expect(sections.articles[killed12.claim!.articleId]).toMatchObject({ id: killed12.claim!.articleId, outletName: expect.any(String) });
      const rubble = blindspots.statements.find((q) => q.text.includes("pulling people from the rubble"))!;
      expect(rubble.omittedBy).toEqual({ keys: ["mondialisation.ca"], total: 1 });
      const full = bombing.blindspots.statements.find((q) => q.key === rubble.key)!;
      const first = bombing.comparison.flatMap((r) => r.statements).find((s) => s.id === full.statementIds[0])!;
      expect(rubble.first).toEqual({ id: first.id, articleId: first.articleId });
      // The outlets named are the covering outlets the rows list, no others.
      expect(blindspots.outlets.map((o) => o.key).sort()).toEqual(bombing.blindspots.outlets.map((o) => o.key).sort());
    });

    test("tight limits cut every list to what is shown and keep the counts", async () => {
      const tight: SectionLimits = { ...wide, blindspotRows: 1, blindspotNames: 1, speakers: 1 };
      const sections = (await getEventSections(bombing.event.id, none, tight, false, t.database))!;
      expect(sections.blindspots.figures).toHaveLength(1);
      expect(sections.blindspots.statements).toHaveLength(1);
      const [row] = sections.blindspots.figures;
      expect(row!.reportedBy.keys).toHaveLength(1);
      expect(row!.reportedBy.total).toBe(bombing.blindspots.figures[0]!.reportedBy.length);
      // Only the outlets the rows name are sent (one reporting and one omitting per row here).
      const named = new Set([...sections.blindspots.figures, ...sections.blindspots.statements].flatMap((r) => [...r.reportedBy.keys, ...r.omittedBy.keys]));
      expect(sections.blindspots.outlets.map((o) => o.key).sort()).toEqual([...named].sort());
      expect(named.size).toBeLessThan(bombing.blindspots.outlets.length);
      expect(sections.speakers.total).toBe(bombing.speakers.length);
      expect(sections.speakers.groups).toHaveLength(Math.min(1, bombing.speakers.length));
      const all = (await getEventSections(bombing.event.id, none, tight, true, t.database))!;
      expect(all.speakers.groups.map((g) => g.speaker)).toEqual(bombing.speakers.map((g) => g.speaker));
      // Every statement a speaker block shows has its article.
      for (const g of all.speakers.groups) for (const list of Object.values(g.byOutlet)) for (const s of list) expect(all.articles[s.articleId]).toBeDefined();
    });

    test("an unknown event is null", async () => {
      expect(await getEventSections("ev_missing", none, wide, false, t.database)).toBeNull();
    });
  });

  test("a filter narrows the provenance: a copy whose original is filtered out says so", async () => {
    const orientOnly = (await getEvent(bombing.event.id, eventDetailFiltersSchema.parse({ outlet: "orientdaily.example" }), t.database))!;
    expect(orientOnly.comparison).toHaveLength(1);
    expect(orientOnly.comparison[0]).toMatchObject({ kind: "copy", parentKey: null, copyOf: { outletName: "Levant Wire", inSelection: false } });
    expect(orientOnly.sources).toEqual({ articles: 1, independent: 1 });
  });

  test("the page gets no evidence sentences; the evidence endpoint's query returns them for this event only", async () => {
    const claim = bombing.comparison[0]!.killed[0]!;
    expect(claim).not.toHaveProperty("sentence");
    const [evidence] = (await getClaimEvidence(bombing.event.id, [claim.id], t.database))!;
    expect(evidence!.sentence).toMatch(/^At least 12 people were killed/);
    expect(evidence!.sentence.slice(evidence!.start - evidence!.sentenceStart, evidence!.end - evidence!.sentenceStart)).toBe(claim.phrase);
    const fireClaim = fire.comparison[0]!.wounded[0]!;
    expect(await getClaimEvidence(bombing.event.id, [fireClaim.id], t.database)).toEqual([]);
    expect(await getClaimEvidence("ev_missing", [claim.id], t.database)).toBeNull();
  });

  test("the articles table reads one sorted page of the event's matching articles; select-all reads every id", async () => {
    const byDate = await getEventArticlePage(bombing.event.id, none, { page: 1, pageSize: 5, sort: "publishedAt", dir: "asc" }, t.database);
    const all = bombing.comparison.flatMap((r) => r.articles);
    expect(byDate.map((a) => a.publishedAt)).toEqual(all.map((a) => a.publishedAt).sort().slice(0, 5));
    expect(byDate.every((a) => a.eventId === bombing.event.id)).toBe(true);
    // The rows carry their claim counts like the comparison's.
    const counts = new Map(all.map((a) => [a.id, a.claimCount]));
    expect(byDate.map((a) => a.claimCount)).toEqual(byDate.map((a) => counts.get(a.id)));

    const second = await getEventArticlePage(bombing.event.id, none, { page: 2, pageSize: 2, sort: "publishedAt", dir: "desc" }, t.database);
    const newestFirst = all.map((a) => a.publishedAt).sort().reverse();
    expect(second.map((a) => a.publishedAt)).toEqual(newestFirst.slice(2, 4));
    const byOutlet = await getEventArticlePage(bombing.event.id, none, { page: 1, pageSize: 50, sort: "outlet", dir: "asc" }, t.database);
    expect(byOutlet.map((a) => a.outlet.name)).toEqual(all.map((a) => a.outlet.name).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));

    const orient = eventDetailFiltersSchema.parse({ outlet: "orientdaily.example" });
    const filtered = await getEventArticlePage(bombing.event.id, orient, { page: 1, pageSize: 50, sort: "title", dir: "asc" }, t.database);
    expect(filtered.map((a) => a.outlet.name)).toEqual(["Orient Daily"]);

    expect(new Set(await getEventArticleIds(bombing.event.id, none, t.database))).toEqual(new Set(all.map((a) => a.id)));
    expect(await getEventArticleIds(bombing.event.id, orient, t.database)).toEqual(filtered.map((a) => a.id));
    expect(await getEventArticleIds("ev_missing", none, t.database)).toBeNull();
  });
});
