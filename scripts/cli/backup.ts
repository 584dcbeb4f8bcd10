import { Presets, SingleBar } from "cli-progress";
import { backupDatabase, checkBackupFile, restoreDatabase, type BackupSummary } from "../../lib/backup";
import { parseDatabaseUrl } from "../../lib/db/url";
import { getEnv } from "../../lib/env";
import { migrate } from "../db";
import { openCliDatabase } from "./database";

function describe(s: BackupSummary): string {
  const mb = (s.bytes / 1_048_576).toFixed(1);
  return `${s.articles.toLocaleString("en")} articles, ${s.events.toLocaleString("en")} events (${mb} MB, ${s.provider})`;
}

function progressBar(quiet: boolean | undefined, label: string) {
  const show = !quiet && process.stderr.isTTY;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} pages`, stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    onProgress: show
      ? (done: number, total: number) => {
          if (!started) {
            bar.start(total, done);
            started = true;
          } else bar.update(done);
        }
      : undefined,
    stop: () => bar.stop(),
  };
}

/** `parallax backup <file>`: a consistent snapshot of DATABASE_URL. */
export async function runBackup(file: string, opts: { force?: boolean; quiet?: boolean }): Promise<number> {
  const url = getEnv().DATABASE_URL;
  // Migrate first so a backup always carries a complete migration history.
  await (await openCliDatabase(url)).close();
  const bar = progressBar(opts.quiet, "backup");
  try {
    const summary = await backupDatabase(url, file, { overwrite: opts.force, onProgress: bar.onProgress });
    bar.stop();
    if (!opts.quiet) process.stdout.write(`backed up ${describe(summary)} to ${summary.file}\n`);
    return 0;
  } finally {
    bar.stop();
  }
}

/** `parallax restore <file>`: replace DATABASE_URL's contents with a backup. */
export async function runRestore(file: string, opts: { force?: boolean; quiet?: boolean }): Promise<number> {
  const url = getEnv().DATABASE_URL;
  const target = parseDatabaseUrl(url);
  checkBackupFile(url, file); // before touching (or migrating) the database
  const database = await openCliDatabase(url);
  let existing = 0;
  try {
    existing = await database.db.article.count();
  } finally {
    await database.close();
  }
  if (existing > 0 && !opts.force) {
    process.stderr.write(
      `parallax: ${target.provider === "sqlite" ? target.file : "the database"} holds ${existing.toLocaleString("en")} articles; restoring replaces them all. Take a backup first, then run again with --force.\n`,
    );
    return 2;
  }
  const bar = progressBar(opts.quiet, "restore");
  try {
    const summary = await restoreDatabase(url, file, { migrate: (u) => migrate(u, true), onProgress: bar.onProgress });
    bar.stop();
    if (!opts.quiet) process.stdout.write(`restored ${describe(summary)} from ${summary.file}\n`);
    return 0;
  } finally {
    bar.stop();
  }
}
