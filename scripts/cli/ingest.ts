import fs from "node:fs/promises";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { parseFile } from "../../lib/ingest";
import type { ItemError, NormalizedArticle } from "../../lib/ingest/types";
import { getEnv } from "../../lib/env";
import { ingestArticles, type IngestReport } from "../../lib/pipeline/ingest";
import { openCliDatabase } from "./database";

const SUPPORTED = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".ndjson", ".jsonl", ".json", ".csv"]);

/**
 * Files named on the command line, directories walked recursively (hidden entries skipped). A
 * directory is read once, however many links lead to it: a link back up the tree is reported,
 * not followed round until the path is too long.
 */
export async function collectFiles(inputs: string[]): Promise<{ files: string[]; errors: ItemError[] }> {
  const files: string[] = [];
  const errors: ItemError[] = [];
  const readDirs = new Map<string, string>();
  async function walk(p: string, explicit: boolean): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push({ item: p, reason: code === "ENOENT" ? "no such file or directory" : `could not read: ${(err as Error).message}` });
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[];
      let real: string;
      try {
        real = await fs.realpath(p);
        entries = (await fs.readdir(p)).filter((e) => !e.startsWith(".")).sort();
      } catch (err) {
        errors.push({ item: p, reason: `could not read the directory: ${(err as Error).message}` });
        return;
      }
      const first = readDirs.get(real);
      if (first !== undefined) {
        errors.push({ item: p, reason: `skipped: the same directory as ${first} (a link), already read` });
        return;
      }
      readDirs.set(real, p);
      for (const e of entries) await walk(path.join(p, e), false);
    } else if (explicit || SUPPORTED.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  }
  for (const input of inputs) await walk(input, true);
  return { files, errors };
}

/** Parse files into normalised articles; unreadable files and bad records become item errors. */
export async function readArticles(files: string[]): Promise<{ articles: NormalizedArticle[]; errors: ItemError[] }> {
  const articles: NormalizedArticle[] = [];
  const errors: ItemError[] = [];
  for (const file of files) {
    try {
      const result = parseFile(file, await fs.readFile(file));
      articles.push(...result.articles);
      errors.push(...result.errors.map((e) => ({ ...e, item: e.item.startsWith(file) ? e.item : `${file}: ${e.item}` })));
    } catch (err) {
      errors.push({ item: file, reason: `could not read: ${(err as Error).message}` });
    }
  }
  return { articles, errors };
}

export function formatReport(r: IngestReport): string {
  const lines = [`added ${r.added}, duplicates ${r.duplicates}, failed ${r.failed} (of ${r.total}); ingest run #${r.runId}`];
  for (const e of r.errors.slice(0, 50)) lines.push(`  failed: ${e.item}: ${e.reason}`);
  if (r.errors.length > 50) lines.push(`  … and ${r.errors.length - 50} more (see the Ingest page)`);
  return lines.join("\n");
}

/** `parallax ingest <files|dirs...>`: exit 0 when everything was stored or already there, 1 otherwise. */
export async function runIngest(inputs: string[], opts: { batchSize?: number; quiet?: boolean }): Promise<number> {
  const { files, errors: walkErrors } = await collectFiles(inputs);
  const { articles, errors: parseErrors } = await readArticles(files);
  const database = await openCliDatabase();
  const showBar = !opts.quiet && process.stderr.isTTY;
  const bar = new SingleBar({ format: "ingest [{bar}] {value}/{total} articles {percentage}% | ETA {eta_formatted}", stream: process.stderr }, Presets.shades_classic);
  try {
    const report = await ingestArticles(database, articles, {
      source: inputs.join(", "),
      trigger: "cli",
      batchSize: opts.batchSize ?? getEnv().PARALLAX_BATCH_SIZE,
      parseErrors: [...walkErrors, ...parseErrors],
      onProgress: showBar
        ? (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done))
        : undefined,
    });
    if (showBar) bar.stop();
    if (!opts.quiet) process.stdout.write(formatReport(report) + "\n");
    return report.failed > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
