import { Presets, SingleBar } from "cli-progress";
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
    return 0;
  } finally {
    bar.stop();
    await database.close();
  }
}
