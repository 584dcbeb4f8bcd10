/**
 * Small helpers for the raw-SQL read paths (lists, exports, charts): portable literals, row value
 * conversion, ORDER BY from Prisma-shaped sort objects, and offset paging that keeps a nullable
 * sort column on its index. The SQL is written once for both databases: quoted identifiers,
 * `NULLS LAST`, `CAST(... AS INTEGER)` and `LIMIT/OFFSET` mean the same on SQLite and PostgreSQL.
 */
import type { Database } from "../db";
import { empty, join, raw, sql, type Sql } from "../db/search";

export { empty, join, raw, sql, type Sql };

/** A quoted identifier path: `ident("a", "publishedAt")` is `"a"."publishedAt"`. */
export function ident(...parts: string[]): Sql {
  return raw(parts.map((p) => `"${p.replace(/"/g, '""')}"`).join("."));
}

/** A timestamp as the column stores it (SQLite: Prisma's ISO text; PostgreSQL: timestamp(3) UTC). */
export function timestampSql(database: Database, d: Date): Sql {
  const iso = d.toISOString();
  return database.provider === "sqlite" ? sql`${iso.replace("Z", "+00:00")}` : sql`CAST(${iso.replace("Z", "")} AS timestamp(3))`;
}

/** `a AND b AND ...`, or TRUE for none. */
export function and(conditions: Sql[]): Sql {
  return conditions.length ? join(conditions.map((c) => sql`(${c})`), " AND ") : sql`1 = 1`;
}

/**
 * The rows of a read query, through the driver when the database offers it (lib/db/bulk-read.ts),
 * else through Prisma: Prisma's raw path hands every row to its engine and back, which costs
 * about as much CPU per row as the rest of an export, and more than the queries themselves for
 * the thousands of claims and statements of a large event. Columns come back as the driver
 * decodes them: callers convert with toDate, toBool and toNumber.
 */
export function readRows<T>(database: Database, query: Sql): Promise<T[]> {
  return database.bulk ? database.bulk.all<T>(query) : database.db.$queryRaw<T[]>(query);
}

/**
 * As readRows, each row an array of its columns in SELECT order: no object per row, for the
 * thousands of rows a caller turns into objects of its own (one event's statements and claims).
 */
export async function readArrays(database: Database, query: Sql): Promise<unknown[][]> {
  if (database.bulk) return database.bulk.arrays(query);
  const rows = await database.db.$queryRaw<Record<string, unknown>[]>(query);
  return rows.map((r) => Object.values(r));
}

/** Raw counts come back as bigint (COUNT, CAST AS INTEGER on SQLite); DTOs want numbers. */
export function toNumber(v: unknown): number {
  return typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0);
}

export function toNullableNumber(v: unknown): number | null {
  return v === null || v === undefined ? null : toNumber(v);
}

/** Raw timestamps: Prisma decodes typed columns to Date; expressions may come back as text. */
export function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function toBool(v: unknown): boolean {
  return v === true || v === 1 || v === 1n || v === "1" || v === "true";
}

/** A raw JSON column: text on SQLite, already decoded by the PostgreSQL driver. */
export function toJson(v: unknown): unknown {
  return typeof v === "string" ? (JSON.parse(v) as unknown) : v;
}

/** `LIKE` pattern for a case-insensitive substring (`\` escapes the wildcards in the text). */
export function containsSql(database: Database, column: Sql, text: string): Sql {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // As Prisma's `contains` did: ILIKE on PostgreSQL; SQLite's LIKE ignores case for ASCII letters.
  return database.provider === "postgresql" ? sql`${column} ILIKE ${pattern} ESCAPE '\\'` : sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** One ORDER BY key. A nullable key sorts its nulls last, in both directions. */
export interface SortKey {
  expr: Sql;
  dir: "asc" | "desc";
  nullable: boolean;
}

type PrismaOrder = Record<string, "asc" | "desc" | { sort: "asc" | "desc"; nulls?: "first" | "last" }>;

/**
 * Sort keys from a Prisma `orderBy` array of scalar fields (`{ field: dir }` or
 * `{ field: { sort, nulls } }`), so one definition (e.g. `eventOrderBy`) drives both Prisma
 * queries and raw SQL. `nulls: "last"` marks the key nullable; `nulls: "first"` is not supported.
 */
export function sortKeysFromPrisma(orderBy: readonly object[], alias: string): SortKey[] {
  return orderBy.map((o) => {
    const entries = Object.entries(o as PrismaOrder);
    if (entries.length !== 1) throw new Error(`sortKeysFromPrisma: expected one field per orderBy entry, got ${JSON.stringify(o)}`);
    const [field, spec] = entries[0]!;
    if (typeof spec === "string") return { expr: ident(alias, field), dir: spec, nullable: false };
    if (spec && typeof spec === "object" && "sort" in spec) {
      if (spec.nulls === "first") throw new Error(`sortKeysFromPrisma: nulls first is not supported (${field})`);
      return { expr: ident(alias, field), dir: spec.sort, nullable: spec.nulls === "last" };
    }
    throw new Error(`sortKeysFromPrisma: unsupported orderBy ${JSON.stringify(o)} (relation sorts need SQL written by hand)`);
  });
}

export function orderBySql(keys: SortKey[], skipNullable = false): Sql {
  return join(
    keys.map((k) => {
      const dir = raw(k.dir === "desc" ? "DESC" : "ASC");
      return k.nullable && !skipNullable ? sql`${k.expr} ${dir} NULLS LAST` : sql`${k.expr} ${dir}`;
    }),
    ", ",
  );
}

/**
 * One page of ids in `keys` order with OFFSET paging. When the first key is nullable, the rows
 * where it is set are read first, on its index, and the rows where it is null after them: a
 * single `ORDER BY x DESC NULLS LAST` cannot use a plain index on PostgreSQL (nor ASC NULLS LAST
 * on SQLite) and would sort every matching row for each page.
 *
 * `from` is the FROM clause (with joins), `where` the conditions, `id` the unique column that
 * the keys end with. Returns the ids in order.
 */
export async function pageIds(
  database: Database,
  q: { select: Sql; from: Sql; where: Sql[]; keys: SortKey[]; offset: number; limit: number },
): Promise<string[]> {
  const run = async (extra: Sql[], order: Sql, limit: number, offset: number) => {
    if (limit <= 0) return [];
    const rows = await readRows<{ id: unknown }>(
      database,
      sql`SELECT ${q.select} AS "id" FROM ${q.from} WHERE ${and([...q.where, ...extra])} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => String(r.id));
  };
  const first = q.keys[0];
  if (!first?.nullable) return run([], orderBySql(q.keys), q.limit, q.offset);
  const rest = q.keys.slice(1);
  const set = await run([sql`${first.expr} IS NOT NULL`], orderBySql(q.keys, true), q.limit, q.offset);
  if (set.length === q.limit) return set;
  let setTotal = q.offset + set.length;
  if (set.length === 0 && q.offset > 0) {
    const rows = await database.db.$queryRaw<{ n: unknown }[]>(
      sql`SELECT COUNT(*) AS n FROM ${q.from} WHERE ${and([...q.where, sql`${first.expr} IS NOT NULL`])}`,
    );
    setTotal = toNumber(rows[0]?.n);
  }
  const nulls = await run(
    [sql`${first.expr} IS NULL`],
    rest.length ? orderBySql(rest) : q.select,
    q.limit - set.length,
    Math.max(0, q.offset - setTotal),
  );
  return [...set, ...nulls];
}

/** `COUNT(*)` of at most `cap + 1` rows: the cost stays bounded on a million-row match. */
export async function cappedCount(database: Database, from: Sql, where: Sql[], cap: number): Promise<number> {
  const rows = await database.db.$queryRaw<{ n: unknown }[]>(
    sql`SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM ${from} WHERE ${and(where)} LIMIT ${cap + 1}) capped`,
  );
  return toNumber(rows[0]?.n);
}

/** Reorder rows fetched by id (`WHERE id IN (...)` returns them in any order) to `ids`' order. */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
