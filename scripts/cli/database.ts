import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Database } from "../../lib/db";
import { ensureSearch } from "../../lib/db/search";
import { parseDatabaseUrl } from "../../lib/db/url";
import { getEnv } from "../../lib/env";
import { migrate } from "../db";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function migrationNames(provider: "sqlite" | "postgresql"): string[] {
  const dir = provider === "sqlite" ? path.join(ROOT, "prisma", "migrations") : path.join(ROOT, "prisma", "postgres", "migrations");
  return fs.readdirSync(dir).filter((d) => /^\d/.test(d));
}

/** True when every migration of this checkout has been applied to the database. */
export async function isMigrated(database: Database): Promise<boolean> {
  try {
    const rows = await database.db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrationNames(database.provider).every((m) => applied.has(m));
  } catch {
    return false; // no _prisma_migrations table yet: a fresh database
  }
}

/**
 * Open DATABASE_URL for a CLI command, applying pending migrations first so a fresh
 * SQLite file or an empty PostgreSQL database just works.
 */
export async function openCliDatabase(url = getEnv().DATABASE_URL): Promise<Database> {
  parseDatabaseUrl(url); // fail early with a readable message on an unsupported URL
  let database = openDatabase(url);
  if (!(await isMigrated(database))) {
    await database.close();
    migrate(url, true);
    database = openDatabase(url);
  }
  if (database.provider === "sqlite") {
    // WAL: readers (the dashboard) never block the writer (ingest). Stored in the file.
    await database.db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  }
  // Full-text index and daily counts (not Prisma migrations: lib/db/search.ts); built once.
  await ensureSearch(database, { onBuild: () => process.stderr.write("parallax: building the derived tables (full-text index, counts, event members; once)…\n") });
  return database;
}
