import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../../scripts/db";
import { openDatabase, type Database } from "../db";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestDemo } from "../testing/demo";
import { backupDatabase, backupKind, BackupError, restoreDatabase } from ".";

/** Everything an analyst would miss if a restore lost it, in a comparable form. */
async function snapshot(database: Database) {
  const db = database.db;
  const [articles, claims, statements, events, members] = await Promise.all([
    db.article.findMany({ select: { id: true, title: true, text: true, outletId: true, syndicatedFromId: true }, orderBy: { id: "asc" } }),
    db.casualtyClaim.findMany({ select: { articleId: true, kind: true, min: true, max: true, qualifier: true, start: true }, orderBy: [{ articleId: "asc" }, { start: "asc" }, { kind: "asc" }] }),
    db.statement.findMany({ select: { articleId: true, speaker: true, text: true, start: true }, orderBy: [{ articleId: "asc" }, { start: "asc" }] }),
    db.event.findMany({ select: { id: true, title: true, articleCount: true, killedMin: true }, orderBy: { id: "asc" } }),
    db.eventArticle.findMany({ select: { articleId: true, eventId: true }, orderBy: { articleId: "asc" } }),
  ]);
  return { articles, claims, statements, events, members };
}

describe.each(PROVIDERS)("backup and restore on %s", (provider) => {
  let t: TestDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await t?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    t = dir = undefined;
  });

  it("round-trips the whole corpus and undoes later changes", async () => {
    t = await createTestDatabase(provider);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-backup-"));
    await ingestDemo(t.database);
    const before = await snapshot(t.database);
    expect(before.articles.length).toBeGreaterThan(10);
    expect(before.claims.length).toBeGreaterThan(0);

    const file = path.join(dir, "parallax.backup");
    const summary = await backupDatabase(t.url, file);
    expect(summary).toMatchObject({ provider, articles: before.articles.length, events: before.events.length });
    expect(backupKind(file)).toBe(provider);

    // Change the database after the backup: delete an article and rename an event.
    await t.database.db.article.delete({ where: { id: before.articles[0]!.id } });
    await t.database.db.event.update({ where: { id: before.events[0]!.id }, data: { title: "changed after the backup" } });
    expect((await snapshot(t.database)).articles.length).toBe(before.articles.length - 1);

    await t.database.close();
    const restored = await restoreDatabase(t.url, file, { migrate: (u) => migrate(u, true) });
    expect(restored.articles).toBe(before.articles.length);
    const reopened = openDatabase(t.url);
    try {
      expect(await snapshot(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it("refuses to overwrite a backup file and to restore something that is not a backup", async () => {
    t = await createTestDatabase(provider);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-backup-"));
    await ingestDemo(t.database);
    const count = await t.database.db.article.count();

    const existing = path.join(dir, "exists.backup");
    fs.writeFileSync(existing, "keep me");
    await expect(backupDatabase(t.url, existing)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");

    await expect(restoreDatabase(t.url, existing)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(t.url, path.join(dir, "missing.backup"))).rejects.toThrow(/no backup at/);

    // A backup of the other kind of database is refused with a message naming both.
    const other = path.join(dir, "other.backup");
    fs.writeFileSync(other, provider === "sqlite" ? Buffer.from("PGDMP\x01\x0e\x00") : Buffer.from("SQLite format 3\0"));
    await expect(restoreDatabase(t.url, other)).rejects.toThrow(/same kind of database/);

    expect(await t.database.db.article.count()).toBe(count);
  }, 120_000);
});

describe("SQLite backup checks", () => {
  it("refuses an SQLite file that is not a Parallax database, leaving the target untouched", async () => {
    const t = await createTestDatabase("sqlite");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-backup-"));
    try {
      await ingestDemo(t.database);
      const count = await t.database.db.article.count();
      const { default: SqliteDatabase } = await import("better-sqlite3");
      const foreign = path.join(dir, "foreign.db");
      const db = new SqliteDatabase(foreign);
      db.exec("CREATE TABLE notes (body TEXT)");
      db.close();
      await expect(restoreDatabase(t.url, foreign)).rejects.toThrow(/not a Parallax database/);
      expect(await t.database.db.article.count()).toBe(count);
    } finally {
      await t.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
