/**
 * Backup and restore of a whole Parallax database.
 *
 * SQLite: SQLite's online backup API (through better-sqlite3), so a backup taken while the
 * dashboard serves and an ingest writes is a consistent snapshot; the backup is itself an SQLite
 * file that any SQLite tool opens. Restore checks the file first (SQLite header, integrity check,
 * a Parallax migration history), then copies it into the live database with the same API in one
 * step, then applies any migrations the backup predates.
 *
 * PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction --clean`, the
 * standard tools, so a backup can also be restored by hand with `pg_restore`; a restore that fails
 * half-way rolls back and leaves the database as it was.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { parseDatabaseUrl, pgConnectionFields } from "../db/url";

export interface BackupSummary {
  provider: "sqlite" | "postgresql";
  file: string;
  bytes: number;
  articles: number;
  events: number;
}

export interface BackupOptions {
  /** Replace `file` if it exists (default: refuse). */
  overwrite?: boolean;
  /** SQLite: called as pages are copied. */
  onProgress?: (done: number, total: number) => void;
}

export class BackupError extends Error {
  override name = "BackupError";
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
/** pg_dump's custom format starts with these magic bytes. */
const PGDMP_HEADER = Buffer.from("PGDMP", "latin1");

function readHeader(file: string, length: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(length);
    const n = fs.readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** What kind of backup file this is, judged by its first bytes. */
export function backupKind(file: string): "sqlite" | "postgresql" | "unknown" {
  const head = readHeader(file, 16);
  if (head.equals(SQLITE_HEADER)) return "sqlite";
  if (head.subarray(0, 5).equals(PGDMP_HEADER)) return "postgresql";
  return "unknown";
}

function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Open an SQLite file and check it is an intact Parallax database.
 * @returns its article and event counts
 */
function inspectSqlite(file: string): { articles: number; events: number } {
  if (backupKind(file) !== "sqlite") throw new BackupError(`${file} is not an SQLite database`);
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupError(`${file} failed SQLite's integrity check: ${String(check)}`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    for (const t of ["_prisma_migrations", "Article", "Event"]) {
      if (!tables.has(t)) throw new BackupError(`${file} is not a Parallax database (no ${t} table)`);
    }
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
    return { articles: count("Article"), events: count("Event") };
  } finally {
    db.close();
  }
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "ENOENT"
          ? new BackupError(`${command} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) matching your server's version`)
          : err,
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}

function pgEnv(url: string): Record<string, string> {
  const f = pgConnectionFields(url);
  // Connection through the environment: a password never shows in the process list.
  return {
    PGHOST: f.host,
    PGPORT: String(f.port),
    PGUSER: f.user,
    PGDATABASE: f.database,
    ...(f.password ? { PGPASSWORD: f.password } : {}),
  };
}

async function pgCounts(url: string): Promise<{ articles: number; events: number }> {
  const { default: pg } = await import("pg");
  const client = new pg.Client(pgConnectionFields(url));
  await client.connect();
  try {
    const r = await client.query<{ articles: string; events: string }>(
      `SELECT (SELECT COUNT(*) FROM "Article") AS articles, (SELECT COUNT(*) FROM "Event") AS events`,
    );
    return { articles: Number(r.rows[0]!.articles), events: Number(r.rows[0]!.events) };
  } finally {
    await client.end();
  }
}

/** Write a consistent snapshot of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string, opts: BackupOptions = {}): Promise<BackupSummary> {
  const target = parseDatabaseUrl(url);
  const dest = path.resolve(file);
  if (fs.existsSync(dest) && !opts.overwrite) {
    throw new BackupError(`${dest} already exists: choose another file or pass --force to replace it`);
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = tempPath(dest);
  try {
    if (target.provider === "sqlite") {
      if (!fs.existsSync(target.file)) throw new BackupError(`no database at ${target.file}`);
      const source = new SqliteDatabase(target.file, { readonly: true, fileMustExist: true });
      try {
        await source.backup(tmp, {
          progress: ({ totalPages, remainingPages }) => {
            opts.onProgress?.(totalPages - remainingPages, totalPages);
            return 1000; // pages per step: other connections get the lock between steps
          },
        });
      } finally {
        source.close();
      }
      const counts = inspectSqlite(tmp);
      fs.renameSync(tmp, dest); // a backup file is never seen half-written
      return { provider: "sqlite", file: dest, bytes: fs.statSync(dest).size, ...counts };
    }
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", tmp], pgEnv(target.url));
    const counts = await pgCounts(target.url);
    fs.renameSync(tmp, dest);
    return { provider: "postgresql", file: dest, bytes: fs.statSync(dest).size, ...counts };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export interface RestoreOptions {
  /** Apply migrations the backup predates (the CLI passes `scripts/db.ts` `migrate`). */
  migrate?: (url: string) => void;
  /** SQLite: called as pages are copied. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Check that `file` exists and is a backup of the same kind of database as `url` (by its first
 * bytes; the full check happens in `restoreDatabase`). @returns the absolute path
 */
export function checkBackupFile(url: string, file: string): string {
  const target = parseDatabaseUrl(url);
  const src = path.resolve(file);
  if (!fs.existsSync(src)) throw new BackupError(`no backup at ${src}`);
  const kind = backupKind(src);
  if (kind === "unknown") throw new BackupError(`${src} is neither an SQLite database nor a pg_dump custom-format archive`);
  if (kind !== target.provider) {
    throw new BackupError(
      `${src} is a ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} backup but DATABASE_URL is ${target.provider === "sqlite" ? "SQLite" : "PostgreSQL"}: restore it into the same kind of database (move data between kinds with 'parallax export articles --format json' and 'parallax ingest')`,
    );
  }
  return src;
}

/**
 * Replace the contents of the database at `url` with the backup in `file`. The backup is checked
 * before anything is written; a failed restore leaves the database as it was.
 */
export async function restoreDatabase(url: string, file: string, opts: RestoreOptions = {}): Promise<BackupSummary> {
  const target = parseDatabaseUrl(url);
  const src = checkBackupFile(url, file);
  if (target.provider === "sqlite") {
    inspectSqlite(src);
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const source = new SqliteDatabase(src, { readonly: true, fileMustExist: true });
    try {
      // The backup API writes the destination in one transaction: readers see the old database
      // or the new one, never a mix, and the WAL of a running server is respected.
      await source.backup(target.file, {
        progress: ({ totalPages, remainingPages }) => {
          opts.onProgress?.(totalPages - remainingPages, totalPages);
          return 1000;
        },
      });
    } finally {
      source.close();
    }
  } else {
    // Check the archive is readable before touching the database.
    await run("pg_restore", ["--list", src], {});
    await run(
      "pg_restore",
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", pgConnectionFields(target.url).database, src],
      pgEnv(target.url),
    );
  }
  opts.migrate?.(target.url);
  const counts = target.provider === "sqlite" ? inspectSqlite(target.file) : await pgCounts(target.url);
  return { provider: target.provider, file: src, bytes: fs.statSync(src).size, ...counts };
}
