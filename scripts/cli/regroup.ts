import { Presets, SingleBar } from "cli-progress";
import { countArticlesWithoutLocation, fillArticleLocations } from "../../lib/mutations/article-places";
import { regroupCorpus, type RegroupReport } from "../../lib/pipeline/regroup";
import { openCliDatabase } from "./database";

export function formatRegroupReport(r: RegroupReport, dryRun: boolean): string {
  return [
    `${dryRun ? "dry run, nothing written: " : ""}${r.articles} articles re-grouped in publication order`,
    `  kept where analysts put them: ${r.keptManual} (manual), ${r.keptLocked} (in locked events)`,
    `  re-assigned: ${r.reassigned} moved to another event, ${r.unchanged} stayed; ${r.copiesChanged} copy-of links changed`,
    `  events: ${r.eventsBefore} before, ${r.eventsAfter} after (${r.eventsCreated} created, ${r.eventsDeleted} deleted)`,
    ...(r.actionId !== null ? [`  recorded as action #${r.actionId}`] : []),
  ].join("\n");
}

/** `parallax regroup`: re-run grouping over the corpus, keeping analysts' work. Exit 0 on success. */
export async function runRegroup(opts: { batchSize?: number; dryRun?: boolean; quiet?: boolean; actor?: string }): Promise<number> {
  const database = await openCliDatabase();
  const showBar = !opts.quiet && process.stderr.isTTY;
  const bar = new SingleBar(
    { format: "regroup [{bar}] {value}/{total} articles {percentage}% | ETA {eta_formatted}", stream: process.stderr },
    Presets.shades_classic,
  );
  try {
    const report = await regroupCorpus(database, {
      batchSize: opts.batchSize,
      dryRun: opts.dryRun,
      actor: opts.actor,
      onProgress: showBar ? (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)) : undefined,
    });
    bar.stop();
    if (!opts.quiet) process.stdout.write(formatRegroupReport(report, Boolean(opts.dryRun)) + "\n");
    // Articles stored before ingest computed places and event days: compute them, refresh their events.
    if (opts.dryRun) {
      const missing = await countArticlesWithoutLocation(database);
      if (missing > 0 && !opts.quiet) process.stdout.write(`  places and days: would compute them for ${missing} articles stored before they were computed\n`);
    } else {
      const filled = await fillArticleLocations(database, {
        onProgress: showBar ? (done, total) => (done === 0 ? bar.start(total, 0, {}) : bar.update(done)) : undefined,
      });
      bar.stop();
      if (filled.articles > 0 && !opts.quiet) {
        process.stdout.write(`  places and days: computed for ${filled.articles} articles stored before they were computed; ${filled.events} events refreshed\n`);
      }
    }
    return 0;
  } finally {
    bar.stop();
    await database.close();
  }
}
