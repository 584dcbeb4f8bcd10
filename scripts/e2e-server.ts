/** The server Playwright tests against: `npm start` on a fresh SQLite file with the demo corpus. */
import fs from "node:fs";
import { parseDatabaseUrl } from "../lib/db/url";

const target = parseDatabaseUrl(process.env.DATABASE_URL || "file:./data/e2e.db");
if (target.provider !== "sqlite") throw new Error("e2e-server: DATABASE_URL must be a file: URL");
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(target.file + suffix, { force: true });
await import("./start");
