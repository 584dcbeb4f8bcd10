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
