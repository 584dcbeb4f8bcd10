/**
 * Real databases for integration tests: a fresh SQLite file, or a fresh PostgreSQL database
 * on PARALLAX_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/test), both migrated
 * with `prisma migrate deploy` exactly as production is. Migrating once into a template and
 * copying it keeps each test's database fresh without paying for a migration every time.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase, type Database } from "../db";
import { pgConnectionFields } from "../db/url";
import { migrate } from "../../scripts/db";

export type Provider = "sqlite" | "postgresql";
export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEST_PG_URL = process.env.PARALLAX_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** Hash of a provider's migration history: a template is reused only for the same history. */
function migrationsHash(provider: Provider): string {
  const dir = provider === "sqlite" ? path.join(ROOT, "prisma", "migrations") : path.join(ROOT, "prisma", "postgres", "migrations");
  const h = createHash("sha256");
  for (const d of fs.readdirSync(dir).sort()) {
    const f = path.join(dir, d, "migration.sql");
    if (fs.existsSync(f)) h.update(d).update(fs.readFileSync(f));
  }
  return h.digest("hex").slice(0, 12);
}

export interface TestDatabase {
  database: Database;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client(pgConnectionFields(TEST_PG_URL));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function sqliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), `parallax-test-template-${migrationsHash("sqlite")}.db`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    migrate(`file:${tmp}`, true);
    fs.renameSync(tmp, file); // atomic: concurrent workers never see a half-migrated template
  }
  return file;
}

async function pgTemplate(): Promise<string> {
  const name = `parallax_tpl_${migrationsHash("postgresql")}`;
  const client = new pg.Client(pgConnectionFields(TEST_PG_URL));
  await client.connect();
  try {
    // One worker migrates the template; the others wait on the advisory lock.
    await client.query("SELECT pg_advisory_lock(727274)");
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build_${process.pid}`;
      await client.query(`DROP DATABASE IF EXISTS "${building}"`);
      await client.query(`CREATE DATABASE "${building}"`);
      migrate(withDatabase(TEST_PG_URL, building), true);
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    }
    await client.query("SELECT pg_advisory_unlock(727274)");
  } finally {
    await client.end();
  }
  return name;
}

/** A freshly migrated, empty database of the given provider. Call `drop()` when done. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const id = `${process.pid}_${randomBytes(4).toString("hex")}`;
  if (provider === "sqlite") {
    const file = path.join(os.tmpdir(), `parallax-test-${id}.db`);
    fs.copyFileSync(await sqliteTemplate(), file);
    const url = `file:${file}`;
    const database = openDatabase(url);
    return {
      database,
      url,
      drop: async () => {
        await database.close();
        for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const template = await pgTemplate();
  const name = `parallax_test_${id}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(TEST_PG_URL, name);
  const database = openDatabase(url);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
