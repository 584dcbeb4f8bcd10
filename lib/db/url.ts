import path from "node:path";

/** Default database: an SQLite file under ./data, created on first start. */
export const DEFAULT_DATABASE_URL = "file:./data/parallax.db";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

/**
 * Decide the provider from a DATABASE_URL. `file:` URLs are SQLite (relative paths are
 * resolved against `cwd`), `postgres://` / `postgresql://` are PostgreSQL.
 */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).split("?")[0] ?? "";
    if (!raw) throw new Error(`DATABASE_URL "${url}" has no file path (expected file:./data/parallax.db)`);
    const file = path.resolve(cwd, raw);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  throw new Error(
    `DATABASE_URL "${url}" is not supported: use file:<path> for SQLite or postgresql://user@host:port/db for PostgreSQL`,
  );
}

/** Connection fields for node-postgres, parsed from a postgresql:// URL. */
export function pgConnectionFields(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}

/** The URL as it may be printed: a PostgreSQL URL without its user and password. */
export function redactDatabaseUrl(url: string): string {
  return url.startsWith("file:") ? url : url.replace(/\/\/[^@/]*@/, "//***@");
}

/**
 * One line saying why `prisma migrate deploy` failed on `url`, from what it printed, and what to
 * do for the usual cases (a PostgreSQL database not created yet, a server not running, a login
 * refused); else Prisma's own error lines.
 */
export function migrationFailure(url: string, output: string): string {
  const lines = output.split("\n").map((l) => l.trim());
  const at = lines.findLastIndex((l) => l.startsWith("Error:"));
  const said = at < 0 ? (lines.filter(Boolean).at(-1) ?? "no output") : lines[at]!.slice("Error:".length).trim();
  const where = `cannot apply the migrations to ${redactDatabaseUrl(url)}`;
  if (!/^postgres(ql)?:/.test(url)) return `${where}: ${said}`;
  const pg = pgConnectionFields(url);
  if (/does not exist/i.test(said)) {
    return `${where}: database "${pg.database}" does not exist. Create it first (createdb -h ${pg.host} -p ${pg.port} -U ${pg.user} ${pg.database}, or CREATE DATABASE "${pg.database}"), then run the command again.`;
  }
  if (/can't reach database server/i.test(said)) {
    return `${where}: no PostgreSQL server answers at ${pg.host}:${pg.port}. Start it, or correct the host and port in DATABASE_URL.`;
  }
  if (/denied access|authentication failed|password/i.test(said)) {
    return `${where}: PostgreSQL refused user "${pg.user}" (${said}). Check the user and password in DATABASE_URL, and that this user may connect to "${pg.database}".`;
  }
  return `${where}: ${said}`;
}
