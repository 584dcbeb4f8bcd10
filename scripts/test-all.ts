/**
 * `npm test`: every check, in the order that fails fastest. Stops at the first failure.
 *   typecheck -> lint -> unit + integration (Vitest; SQLite and PostgreSQL) -> end-to-end (Playwright)
 * PostgreSQL: PARALLAX_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/test).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

const steps: [string, string, string[]][] = [
  ["generate database clients", bin("tsx"), ["scripts/db.ts", "generate"]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
  ["unit and integration tests", bin("vitest"), ["run"]],
  ["end-to-end tests", bin("playwright"), ["test"]],
];

const only = process.argv.slice(2);
const results: string[] = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? "✔" : "✘"} ${name} (${secs}s)`);
  if (r.status !== 0) {
    process.stdout.write(`\n${results.join("\n")}\n\nnpm test: "${name}" failed\n`);
    process.exit(r.status ?? 1);
  }
}
process.stdout.write(`\n${results.join("\n")}\n\nnpm test: all checks passed\n`);
