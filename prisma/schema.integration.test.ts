import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../lib/testing/database";
import { derivePostgresSchema } from "../scripts/db";

const root = path.resolve(import.meta.dirname, "..");
const migrations = (dir: string) => fs.readdirSync(path.join(root, dir)).filter((d) => /^\d/.test(d)).sort();

describe("SQLite and PostgreSQL schemas stay in sync", () => {
  test("prisma/postgres/schema.prisma is derived from prisma/schema.prisma (run `npm run db:generate`)", () => {
    const sqlite = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
    const pgSchema = fs.readFileSync(path.join(root, "prisma", "postgres", "schema.prisma"), "utf8");
    expect(pgSchema).toBe(derivePostgresSchema(sqlite));
  });

  test("both providers have the same migration history (run `npm run db:new-migration <name>`)", () => {
    expect(migrations("prisma/postgres/migrations")).toEqual(migrations("prisma/migrations"));
  });

  let sqlite: TestDatabase;
  let postgres: TestDatabase;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([createTestDatabase("sqlite"), createTestDatabase("postgresql")]);
  });
  afterAll(async () => {
    await Promise.all([sqlite?.drop(), postgres?.drop()]);
  });

  test("migrated databases have the same tables, columns and indexes", async () => {
    const sqliteColumns = await sqlite.database.db.$queryRawUnsafe<{ t: string; c: string }[]>(
      `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\\_prisma%' ESCAPE '\\'`,
    );
    const pgColumns = await postgres.database.db.$queryRawUnsafe<{ t: string; c: string }[]>(
      `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name NOT LIKE '\\_prisma%'`,
    );
    const norm = (rows: { t: string; c: string }[]) => rows.map((r) => `${r.t}.${r.c}`).sort();
    expect(norm(sqliteColumns).length).toBeGreaterThan(40);
    expect(norm(pgColumns)).toEqual(norm(sqliteColumns));

    const sqliteIndexes = await sqlite.database.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`,
    );
    const pgIndexes = await postgres.database.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`,
    );
    expect(pgIndexes.map((r) => r.name).sort()).toEqual(sqliteIndexes.map((r) => r.name).sort());
  });
});
