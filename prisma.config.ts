// Prisma CLI configuration. Prisma 6.19 with the "js" engine runs the WebAssembly schema
// engine through a driver adapter, so migrations work offline (see ../shared/TOOLCHAIN.md).
// The provider, schema and migration history follow DATABASE_URL.
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, pgConnectionFields } from "./lib/db/url";

const target = parseDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);

export default {
  experimental: { adapter: true },
  engine: "js",
  schema:
    target.provider === "sqlite"
      ? path.join("prisma", "schema.prisma")
      : path.join("prisma", "postgres", "schema.prisma"),
  async adapter() {
    if (target.provider === "sqlite") {
      const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
      return new PrismaBetterSQLite3({ url: target.url });
    }
    // Workarounds for prisma/orm#27403 (CLI process only): report name/char OIDs as text,
    // pass fields separately so `migrate dev` can name its shadow database, and let the
    // pool close at once so the CLI exits.
    const pg = (await import("pg")).default;
    const proto = pg.Result.prototype as unknown as { addFields(fields: { dataTypeID: number }[]): void };
    const original = proto.addFields;
    proto.addFields = function (fields) {
      for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
      return original.call(this, fields);
    };
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ ...pgConnectionFields(target.url), allowExitOnIdle: true, idleTimeoutMillis: 1 });
  },
} satisfies PrismaConfig;
