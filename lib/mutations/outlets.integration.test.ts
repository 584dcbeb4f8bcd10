import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { GET, PATCH } from "../../app/api/outlets/[outletId]/route";
import type { Database } from "../db";
import type { NormalizedArticle } from "../ingest/types";
import { ingestArticles } from "../pipeline/ingest";
import { listOutletRegistry } from "../queries/outlets";
import { editOutletSchema } from "../schemas/outlets";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { failUpdatesWithDeadlock } from "../testing/pg-faults";
import { ActionError } from "./errors";
import { editOutlet, OutletConflictError } from "./outlets";

const story = `At least 14 people were killed and 30 wounded when a car bomb exploded at a checkpoint outside the town of Azaz on Saturday, a monitoring group said.

The blast hit a crossing used by aid convoys, local officials said, and rescue teams were still searching the rubble.`;

function article(domain: string, slug: string, over: Partial<NormalizedArticle> = {}): NormalizedArticle {
  return {
    url: `https://${domain}/2016/09/${slug}`,
    canonicalUrl: null,
    title: `Car bomb kills 14 near Azaz (${slug})`,
    text: story,
    publishedAt: "2016-09-18T10:00:00Z",
    author: null,
    language: "en",
    outlet: { name: domain === "reuters.example" ? "Reuters" : domain === "reuters-uk.example" ? "Reuters UK" : "Hal Times", domain },
    originalSource: null,
    tags: [],
    externalId: null,
    ...over,
  };
}

const ALICE = { actor: "alice" };
const edit = (input: unknown) => editOutletSchema.parse(input);

async function outletOf(database: Database, url: string) {
  const a = await database.db.article.findUniqueOrThrow({ where: { url }, select: { outlet: { select: { key: true, name: true } } } });
  return a.outlet;
}

describe.each(PROVIDERS)("outlet registry edits on %s", (provider) => {
  let t: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    database = t.database;
    await ingestArticles(
      database,
      [
        article("reuters.example", "azaz-1"),
        article("reuters.example", "azaz-2", { text: story + "\n\nMore details later." }),
        article("reuters-uk.example", "azaz-uk", { text: story + "\n\n(Reuters)" }),
        article("haltimes.example", "azaz-hal", { text: "An unrelated report about a school opening in Hal on Monday.\n\nParents welcomed the news." }),
      ],
      { source: "test" },
    );
  });
  afterEach(async () => {
    await t?.drop();
  });

  test("editing name, kind, country and language marks the outlet as edited by the actor", async () => {
    const { outlet } = await editOutlet("reuters.example", edit({ name: "Reuters News", kind: "wire", country: "gb", language: "EN" }), ALICE, database);
    expect(outlet).toMatchObject({ key: "reuters.example", name: "Reuters News", kind: "wire", country: "GB", language: "en", edited: true, editedBy: "alice" });
    expect(outlet.editedAt).not.toBeNull();
  });

  // Deadlocks are PostgreSQL's (SQLite has one writer, and its busy waits are the driver's timeout).
  test.runIf(provider === "postgresql")("an edit whose first try loses a deadlock is rolled back and run again", async () => {
    const fault = await failUpdatesWithDeadlock(database, "Outlet");
    const { outlet } = await editOutlet("reuters.example", edit({ name: "Reuters News", kind: "wire" }), ALICE, database);
    expect(outlet).toMatchObject({ key: "reuters.example", name: "Reuters News", kind: "wire", edited: true, editedBy: "alice" });
    // The first try's outlet update failed; the second try's went through.
    expect(await fault.updates()).toBeGreaterThanOrEqual(2);
    expect(await database.db.outlet.findUniqueOrThrow({ where: { key: "reuters.example" }, select: { name: true } })).toEqual({ name: "Reuters News" });
  });

  test("a domain that belongs to another outlet is a conflict naming it, and nothing changes", async () => {
    const err = await editOutlet("reuters.example", edit({ name: "Renamed", domains: ["reuters.example", "reuters-uk.example"] }), ALICE, database).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutletConflictError);
    expect(err).toMatchObject({ field: "domains", outlet: { key: "reuters-uk.example", name: "Reuters UK", articleCount: 1 } });
    expect((await database.db.outlet.findUniqueOrThrow({ where: { key: "reuters.example" } })).name).toBe("Reuters");
  });

  test("merging by domain moves the other outlet's articles in one transaction, refreshes events and keeps its domain for later ingests", async () => {
    const ukUrl = "https://reuters-uk.example/2016/09/azaz-uk";
    const ukEvent = (await database.db.eventArticle.findFirstOrThrow({ where: { article: { url: ukUrl } } })).eventId;
    const before = await database.db.event.findUniqueOrThrow({ where: { id: ukEvent } });
    const reutersArticlesInEvent = await database.db.eventArticle.count({ where: { eventId: ukEvent, article: { outlet: { key: "reuters.example" } } } });

    const result = await editOutlet(
      "reuters.example",
      edit({ domains: ["reuters.example", "https://www.Reuters-UK.example/"], merge: ["reuters-uk.example"] }),
      ALICE,
      database,
    );
    expect(result.merged).toEqual([expect.objectContaining({ key: "reuters-uk.example", name: "Reuters UK", articleCount: 1 })]);
    expect(result.articlesMoved).toBe(1);
    expect(result.outlet).toMatchObject({ domains: ["reuters.example", "reuters-uk.example"], articleCount: 3 });
    expect(await database.db.outlet.findUnique({ where: { key: "reuters-uk.example" } })).toBeNull();
    expect(await outletOf(database, ukUrl)).toMatchObject({ key: "reuters.example" });

    // The event that held both outlets (the UK copy groups with the Reuters reports) now counts one outlet fewer.
    expect(reutersArticlesInEvent).toBeGreaterThan(0);
    const after = await database.db.event.findUniqueOrThrow({ where: { id: ukEvent } });
    expect(after.outletCount).toBe(before.outletCount - 1);

    // A later article from the merged domain lands on the edited outlet; no outlet is recreated.
    const later = article("reuters-uk.example", "azaz-later", { text: "Officials raised the toll in Azaz to 16 on Sunday.\n\nFuneral processions were held." });
    const report = await ingestArticles(database, [later], { source: "test" });
    expect(report.added).toBe(1);
    expect(await outletOf(database, later.url!)).toMatchObject({ key: "reuters.example", name: "Reuters" });
    expect(await database.db.outlet.count({ where: { key: "reuters-uk.example" } })).toBe(0);
  });

  test("removing an extra domain stops it resolving; the outlet's own key cannot be removed", async () => {
    await editOutlet("reuters.example", edit({ domains: ["reuters.example", "reuters.co.example"] }), ALICE, database);
    expect((await listOutletRegistry(database)).find((o) => o.key === "reuters.example")!.domains).toEqual(["reuters.example", "reuters.co.example"]);
    await editOutlet("reuters.example", edit({ domains: ["reuters.example"] }), ALICE, database);
    expect(await database.db.outletAlias.count()).toBe(0);
    const err = await editOutlet("reuters.example", edit({ domains: ["other.example"] }), ALICE, database).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "conflict", field: "domains", message: expect.stringMatching(/own key/) });
  });

  test("unknown outlets and self-merges are refused; a failed merge leaves everything as it was", async () => {
    await expect(editOutlet("nope.example", edit({ name: "X" }), ALICE, database)).rejects.toMatchObject({ code: "not_found", field: "id" });
    await expect(editOutlet("reuters.example", edit({ merge: ["reuters.example"] }), ALICE, database)).rejects.toMatchObject({ code: "conflict", field: "merge" });
    const err = await editOutlet("reuters.example", edit({ merge: ["reuters-uk.example", "missing.example"] }), ALICE, database).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    expect(err).toMatchObject({ code: "not_found", field: "merge" });
    expect(await database.db.outlet.count()).toBe(3);
    expect(await outletOf(database, "https://reuters-uk.example/2016/09/azaz-uk")).toMatchObject({ key: "reuters-uk.example" });
  });

  test("PATCH /api/outlets/:id answers the edit, 409 with the other outlet, and 400 naming a bad field", async () => {
    const global = globalThis as unknown as { parallaxDb?: Database };
    const before = global.parallaxDb;
    global.parallaxDb = database;
    try {
      const id = (await database.db.outlet.findUniqueOrThrow({ where: { key: "haltimes.example" } })).id;
      const patch = (body: unknown, ref = String(id)) =>
        PATCH(
          new Request(`http://127.0.0.1:3000/api/outlets/${ref}`, {
            method: "PATCH",
            headers: { "content-type": "application/json", "x-parallax-actor": "bob" },
            body: JSON.stringify(body),
          }),
          { params: Promise.resolve({ outletId: ref }) },
        );
      const ok = await patch({ kind: "independent", country: "SY" });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ outlet: { id, kind: "independent", country: "SY", editedBy: "bob" }, merged: [] });

      const conflict = await patch({ domains: ["haltimes.example", "reuters.example"] });
      expect(conflict.status).toBe(409);
      expect(await conflict.json()).toMatchObject({ error: "conflict", field: "domains", outlet: { key: "reuters.example", articleCount: 2 } });

      for (const [body, field] of [
        [{ kind: "tabloid" }, "kind"],
        [{ country: "France" }, "country"],
        [{ domains: ["not a domain"] }, "domains.0"],
        [{ colour: "red" }, "colour"],
        [{}, "body"],
      ] as const) {
        const res = await patch(body);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: "bad_request", field });
      }
      expect((await patch({ name: "x" }, "missing.example")).status).toBe(404);

      // GET by id or key. The path's parameter arrives decoded: a "%" in it is a key like any other
      // (decoding it again was a 500), and a number beyond the ids' 32-bit range a key too (a 500 from the database).
      const get = (ref: string) => GET(new Request(`http://127.0.0.1:3000/api/outlets/${encodeURIComponent(ref)}`), { params: Promise.resolve({ outletId: ref }) });
      expect(await (await get(String(id))).json()).toMatchObject({ id, key: "haltimes.example" });
      expect(await (await get("haltimes.example")).json()).toMatchObject({ id });
      for (const ref of ["%", "100%", "99999999999999999999", "2147483648"]) {
        const res = await get(ref);
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ error: "not_found" });
      }
    } finally {
      global.parallaxDb = before;
    }
  });
});
