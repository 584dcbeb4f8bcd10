/**
 * Database tooling shared by `npm start`, the tests and developers.
 *
 *   tsx scripts/db.ts generate            derive prisma/postgres/schema.prisma, generate both clients
 *   tsx scripts/db.ts migrate             apply migrations to DATABASE_URL (SQLite or PostgreSQL)
 *   tsx scripts/db.ts new-migration NAME  write a migration for each provider from the schema diff
 *
 * prisma/schema.prisma (SQLite) is the only schema edited by hand; the PostgreSQL schema and its
 * migration history are derived from it, so both databases always have the same features.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_URL, migrationFailure, parseDatabaseUrl } from "../lib/db/url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
const PG_SCHEMA = path.join(ROOT, "prisma", "postgres", "schema.prisma");
const PRISMA_BIN = path.join(ROOT, "node_modules", ".bin", "prisma");

/** Build the PostgreSQL schema text from the SQLite one: only datasource and output differ. */
export function derivePostgresSchema(sqlite: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by `npm run db:generate`: do not edit by hand.\n";
  return (
    header +
    sqlite
      .replace(/^\/\/ Parallax data model\.[\s\S]*?\n\n/m, "")
      .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"')
      .replace(
        /datasource db \{[\s\S]*?\}/,
        'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}',
      )
  );
}

function prisma(args: string[], databaseUrl: string, quiet = false): string {
  const out = execFileSync(PRISMA_BIN, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (!quiet) process.stdout.write(out);
  return out;
}

const PLACEHOLDER_PG = "postgresql://postgres@127.0.0.1:5432/postgres";
// The SQLite adapter opens (and creates) this file even for commands that only read schemas.
const PLACEHOLDER_SQLITE = `file:${path.join(os.tmpdir(), "parallax-prisma-placeholder.db")}`;

export function generate(quiet = false): void {
  fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
  const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  if (!fs.existsSync(PG_SCHEMA) || fs.readFileSync(PG_SCHEMA, "utf8") !== derived) {
    fs.writeFileSync(PG_SCHEMA, derived);
  }
  // `prisma generate` never connects; the URL only selects schema and adapter in prisma.config.ts.
  prisma(["generate", "--schema", SQLITE_SCHEMA], PLACEHOLDER_SQLITE, quiet);
  prisma(["generate", "--schema", PG_SCHEMA], PLACEHOLDER_PG, quiet);
}

export function migrate(databaseUrl: string, quiet = false): void {
  const target = parseDatabaseUrl(databaseUrl, ROOT);
  if (target.provider === "sqlite") fs.mkdirSync(path.dirname(target.file), { recursive: true });
  try {
    prisma(["migrate", "deploy"], databaseUrl, quiet);
  } catch (err) {
    // execFileSync's message is the command line and Prisma's banner; say what went wrong and what to do.
    const e = err as { stdout?: string; stderr?: string; message?: string };
    throw new Error(migrationFailure(databaseUrl, `${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message ?? ""}`), { cause: err });
  }
}

/**
 * The SQLite datamodel the migration history produces: the migrations are applied to a scratch
 * file (`migrate deploy`, as production does) and read back with `db pull`.
 *
 * `migrate diff --from-migrations` cannot be used here: with a driver adapter the schema engine
 * replays the history on the adapter's own database through `executeRaw`, which better-sqlite3
 * refuses for multi-statement scripts (P3006), and which for PostgreSQL would be the placeholder
 * database itself.
 */
function migratedDatamodel(): string {
  const file = path.join(os.tmpdir(), `parallax-migrated-${process.pid}-${Date.now()}.db`);
  const url = `file:${file}`;
  try {
    migrate(url, true);
    const out = prisma(["db", "pull", "--print", "--schema", SQLITE_SCHEMA], url, true);
    const start = out.indexOf("generator client");
    if (start < 0) throw new Error(`db pull printed no schema:\n${out}`);
    return out.slice(start);
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }
}

function newMigration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name must be snake_case, e.g. add_event_place");
  generate(true);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const sqliteDir = path.join(ROOT, "prisma", "migrations");
  const hasHistory = fs.existsSync(sqliteDir) && fs.readdirSync(sqliteDir).some((d) => /^\d/.test(d));
  // The PostgreSQL history mirrors SQLite's (prisma/schema.integration.test.ts checks that both
  // migrated databases have the same tables, columns and indexes), so its starting point is the
  // same datamodel with the datasource swapped.
  const previous = hasHistory ? migratedDatamodel() : null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-migration-"));
  try {
    for (const [schema, dir, url, provider] of [
      [SQLITE_SCHEMA, sqliteDir, PLACEHOLDER_SQLITE, "sqlite"],
      [PG_SCHEMA, path.join(ROOT, "prisma", "postgres", "migrations"), PLACEHOLDER_PG, "postgresql"],
    ] as const) {
      let from = ["--from-empty"];
      if (previous) {
        const file = path.join(tmp, `${provider}.prisma`);
        fs.writeFileSync(file, provider === "sqlite" ? previous : derivePostgresSchema(previous));
        from = ["--from-schema-datamodel", file];
      }
      const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], url, true);
      if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
        console.log(`${provider}: schema unchanged, no migration written`);
        continue;
      }
      const folder = path.join(dir, `${stamp}_${name}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, "migration.sql"), sql);
      fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
      console.log(`${provider}: wrote ${path.relative(ROOT, folder)}/migration.sql`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The objects Prisma cannot model (full-text index, daily counts, their triggers; see
 * lib/db/search.ts), created or brought up to date after the migrations. Not part of `migrate()`
 * itself, which also builds the scratch database `new-migration` diffs against (those objects
 * must never reach a Prisma migration).
 */
async function ensureDerived(url: string): Promise<void> {
  const { openDatabase } = await import("../lib/db");
  const { ensureSearch } = await import("../lib/db/search");
  const database = openDatabase(url);
  try {
    if (await ensureSearch(database)) console.log("built the derived tables (full-text index, counts, event members)");
  } finally {
    await database.close();
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const [command, arg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  try {
    if (command === "generate") generate();
    else if (command === "migrate") {
      migrate(url);
      await ensureDerived(url);
    } else if (command === "new-migration") newMigration(arg ?? "");
    else {
      console.error("usage: tsx scripts/db.ts generate | migrate | new-migration <name>");
      process.exit(2);
    }
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    console.error(e.stderr || e.message);
    process.exit(1);
  }
}
