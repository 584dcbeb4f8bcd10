/**
 * A separate process that claims feeds until none is left (claim.integration.test.ts runs two at
 * once against one database). Prints "ready", waits for "go" on stdin, then prints the claimed
 * ids as one JSON line.
 *
 *   tsx lib/feeds/testing/claim-worker.ts <database-url> <owner> <batch>
 */
import { openDatabase } from "../../db";
import { claimDueFeeds, finishFeed } from "../claim";

const [url, owner, batch] = process.argv.slice(2);
if (!url || !owner) throw new Error("usage: claim-worker <database-url> <owner> <batch>");
const database = openDatabase(url);
await database.db.feed.count(); // connect before the race starts
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const claimed: number[] = [];
const later = new Date(Date.now() + 3_600_000);
for (;;) {
  const feeds = await claimDueFeeds(database, { owner, limit: Number(batch ?? 1), leaseMs: 60_000 });
  if (feeds.length === 0) break;
  for (const f of feeds) {
    claimed.push(f.id);
    if (!(await finishFeed(database, f.id, owner, { nextFetchAt: later, status: "ok" }))) throw new Error(`lost the lease on feed ${f.id}`);
  }
}
process.stdout.write(JSON.stringify(claimed) + "\n");
await database.close();
