import type { Db } from "../db";

type Tx = Pick<Db, "$executeRawUnsafe">;
export type BulkValue = string | number | boolean | Date | null;

/**
 * Bound parameters per statement. SQLite allows 32,766 and PostgreSQL 65,535; staying well
 * below both keeps statements small enough to plan quickly.
 */
const MAX_PARAMS = 8000;

/**
 * Multi-row INSERT for the ingest hot path. Prisma's `createMany` compiles and binds row by
 * row through the query compiler, which measured ~5 ms per article's claims and statements;
 * one parameterised statement per few hundred rows is an order of magnitude faster and runs
 * in the caller's transaction all the same. Values are converted to each provider's storage
 * format exactly as Prisma writes them (SQLite: ISO text dates and 0/1 booleans).
 */
export async function bulkInsert(
  tx: Tx,
  provider: "sqlite" | "postgresql",
  table: string,
  columns: string[],
  rows: BulkValue[][],
  opts: { onConflictDoNothing?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tail = opts.onConflictDoNothing ? ` ON CONFLICT ("${opts.onConflictDoNothing}") DO NOTHING` : "";
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: (string | number | boolean | null)[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`bulkInsert ${table}: row has ${row.length} values for ${columns.length} columns`);
      const marks = row.map((v) => {
        params.push(toParam(provider, v));
        return provider === "sqlite" ? "?" : `$${params.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(head + tuples.join(", ") + tail, ...params);
  }
}

function toParam(provider: "sqlite" | "postgresql", v: BulkValue): string | number | boolean | null {
  if (v instanceof Date) {
    // SQLite: the text format Prisma's SQLite adapter writes. PostgreSQL: a UTC timestamp literal.
    return provider === "sqlite" ? v.toISOString().replace("Z", "+00:00") : v.toISOString().replace("Z", "");
  }
  if (typeof v === "boolean" && provider === "sqlite") return v ? 1 : 0;
  return v;
}
