/**
 * The Parallax command line: `npm run -s parallax -- <command>`.
 * Each command lives in scripts/cli/ and is loaded on demand, so the stdin commands
 * (`extract`, `cluster`) never load the database client.
 */
import { Command, Option } from "commander";

// Output piped into a reader that stops early (`| head`): stop quietly, as Unix tools do, rather
// than crash on the closed pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const program = new Command()
  .name("parallax")
  .description("Compare how outlets report the same event: ingest, extract, group, regroup, export, follow feeds.")
  .showHelpAfterError();

const format = (choices: string[], fallback: string) =>
  new Option("--format <format>", "output format").choices(choices).default(fallback);

program
  .command("extract")
  .description("read articles as JSON Lines on stdin, write casualty claims and statements as JSON Lines (no database)")
  .addOption(format(["jsonl"], "jsonl"))
  .action(async () => {
    const { runExtract } = await import("./cli/extract");
    process.exitCode = await runExtract();
  });

program
  .command("cluster")
  .description("read articles as JSON Lines on stdin, write {id, event} per article (no database)")
  .addOption(format(["jsonl"], "jsonl"))
  .action(async () => {
    const { runCluster } = await import("./cli/cluster");
    process.exitCode = await runCluster();
  });

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",").filter(Boolean)];

program
  .command("ingest")
  .description(
    "ingest files or directories (seed text/Markdown, HTML, NDJSON, JSON, CSV) and URLs (article pages, RSS/Atom feeds read once, sitemap.xml) into DATABASE_URL",
  )
  .argument("<inputs...>", "files, directories or http(s) URLs")
  .option("--batch-size <n>", "articles per transaction", Number)
  .option("--sitemap-limit <n>", "pages read from a sitemap at most (default 100)", (v) => Number(v))
  .option("--quiet", "print nothing but errors")
  .action(async (inputs: string[], opts: { batchSize?: number; sitemapLimit?: number; quiet?: boolean }) => {
    if (opts.batchSize !== undefined && !(Number.isInteger(opts.batchSize) && opts.batchSize >= 1 && opts.batchSize <= 10_000)) {
      throw new Error("--batch-size must be a whole number from 1 to 10000");
    }
    // URLs are fetched with the SSRF-safe fetcher (scripts/cli/feeds.ts); everything else is a path.
    const isUrl = (s: string) => /^https?:\/\//i.test(s.trim());
    const paths = inputs.filter((i) => !isUrl(i));
    const urls = inputs.filter(isUrl);
    let code = 0;
    if (paths.length) {
      const { runIngest } = await import("./cli/ingest");
      code = await runIngest(paths, { batchSize: opts.batchSize, quiet: opts.quiet });
    }
    if (urls.length) {
      const { runUrlIngest } = await import("./cli/feeds");
      code = Math.max(code, await runUrlIngest(urls, { quiet: opts.quiet, sitemapLimit: opts.sitemapLimit }));
    }
    process.exitCode = code;
  });

const feeds = program.command("feeds").description("RSS and Atom feeds fetched on a schedule (`parallax watch`, or `npm start`)");

feeds
  .command("add")
  .description("subscribe to a feed and fetch it once now")
  .argument("<url>", "the feed's http(s) URL")
  .option("--interval <minutes>", "minutes between fetches (5 to 10080)", "30")
  .option("--title <title>", "a name for the feed (default: the feed's own title)")
  .option("--outlet <key>", "attribute its articles to this existing outlet")
  .option("--no-fetch", "do not fetch it now; the scheduler will")
  .option("--disabled", "add it paused")
  .action(async (url: string, opts: { interval?: string; title?: string; outlet?: string; fetch?: boolean; disabled?: boolean }) => {
    const { runFeedsAdd } = await import("./cli/feeds");
    process.exitCode = await runFeedsAdd(url, opts);
  });

feeds
  .command("list")
  .description("every feed with its status, last and next fetch, last error and counts")
  .option("--json", "print JSON")
  .action(async (opts: { json?: boolean }) => {
    const { runFeedsList } = await import("./cli/feeds");
    process.exitCode = await runFeedsList(opts);
  });

feeds
  .command("refresh")
  .description("fetch feeds now, due or not")
  .argument("[feeds...]", "feed ids or URLs")
  .option("--all", "every feed")
  .action(async (refs: string[], opts: { all?: boolean }) => {
    const { runFeedsRefresh } = await import("./cli/feeds");
    process.exitCode = await runFeedsRefresh(refs, opts);
  });

feeds
  .command("remove")
  .description("unsubscribe from a feed (its articles stay)")
  .argument("<feed>", "feed id or URL")
  .action(async (ref: string) => {
    const { runFeedsRemove } = await import("./cli/feeds");
    process.exitCode = await runFeedsRemove(ref);
  });

for (const [name, description] of [
  ["pause", "stop fetching a feed on its schedule (a refresh still fetches it)"],
  ["resume", "fetch a paused feed on its schedule again (at once if it fell due meanwhile)"],
] as const) {
  feeds
    .command(name)
    .description(description)
    .argument("<feed>", "feed id or URL")
    .action(async (ref: string) => {
      const { runFeedsUpdate } = await import("./cli/feeds");
      process.exitCode = await runFeedsUpdate(name, ref);
    });
}

feeds
  .command("set")
  .description("change a feed's interval (its next fetch is rescheduled from the last one) or its name")
  .argument("<feed>", "feed id or URL")
  .option("--interval <minutes>", "minutes between fetches (5 to 10080)")
  .option("--title <title>", "a name for the feed")
  .option("--no-title", "go back to the feed's own title")
  .action(async (ref: string, opts: { interval?: string; title?: string | boolean }) => {
    const { runFeedsUpdate } = await import("./cli/feeds");
    process.exitCode = await runFeedsUpdate("set", ref, {
      interval: opts.interval,
      title: typeof opts.title === "string" ? opts.title : undefined,
      clearTitle: opts.title === false,
    });
  });

const follows = program.command("follows").description("follow an event, an outlet or a saved search: changes in the notifications page, an Atom feed, a webhook");

follows
  .command("add")
  .description("follow an event (id), an outlet (key) or a saved search (query string, e.g. 'q=strike&outlet=bbc.co.uk')")
  .argument("<kind>", "event | outlet | search")
  .argument("<target>", "event id, outlet key or saved search")
  .option("--label <text>", "a name for it (default: the event title, the outlet name, the search)")
  .option("--threshold <n>", "event follows: record when the divergence crosses this (0.25 = 25%)")
  .option("--webhook <url>", "POST each change there as signed JSON")
  .option("--secret <secret>", "the webhook's HMAC secret (default: generated and printed once)")
  .action(async (kind: string, target: string, opts: { label?: string; threshold?: string; webhook?: string; secret?: string }) => {
    const { runFollowsAdd } = await import("./cli/follows");
    process.exitCode = await runFollowsAdd(kind, target, opts);
  });

follows
  .command("list")
  .description("every follow with its change and unread counts")
  .option("--json", "print JSON")
  .action(async (opts: { json?: boolean }) => {
    const { runFollowsList } = await import("./cli/follows");
    process.exitCode = await runFollowsList(opts);
  });

follows
  .command("remove")
  .description("stop following (the change log goes too)")
  .argument("<id>", "follow id")
  .action(async (id: string) => {
    const { runFollowsRemove } = await import("./cli/follows");
    process.exitCode = await runFollowsRemove(id);
  });

program
  .command("watch")
  .description("run the feed scheduler and the webhook deliveries in the foreground: fetch each feed when it is due, until Ctrl-C")
  .option("--concurrency <n>", "feeds fetched at once (1 to 16)", "2")
  .option("--idle <seconds>", "longest wait before looking for due feeds again", "30")
  .option("--once", "fetch the feeds that are due now, then exit")
  .action(async (opts: { concurrency?: string; idle?: string; once?: boolean }) => {
    const { runWatch } = await import("./cli/watch");
    process.exitCode = await runWatch(opts);
  });

program
  .command("regroup")
  .description("re-run event grouping over the whole corpus in DATABASE_URL, keeping manual memberships, locked events and analyst titles")
  .option("--batch-size <n>", "changed articles per transaction", Number)
  .option("--dry-run", "report what would change, write nothing")
  .option("--actor <name>", "who runs it, for the history", "cli")
  .option("--quiet", "print nothing but errors")
  .action(async (opts: { batchSize?: number; dryRun?: boolean; actor: string; quiet?: boolean }) => {
    if (opts.batchSize !== undefined && !(Number.isInteger(opts.batchSize) && opts.batchSize >= 1 && opts.batchSize <= 10_000)) {
      throw new Error("--batch-size must be a whole number from 1 to 10000");
    }
    const actor = opts.actor.trim();
    if (!actor || actor.length > 100) throw new Error("--actor must be 1 to 100 characters");
    const { runRegroup } = await import("./cli/regroup");
    process.exitCode = await runRegroup({ ...opts, actor });
  });

program
  .command("export")
  .description("export a table from DATABASE_URL, filtered like the dashboard")
  .argument("<table>", "events | articles | claims | statements")
  .addOption(format(["csv", "xlsx", "json"], "csv"))
  .option("--outlet <key>", "outlet key (repeat or comma-separate)", collect)
  .option("--language <code>", "language code (repeat or comma-separate)", collect)
  .option("--from <date>", "published on or after YYYY-MM-DD")
  .option("--to <date>", "published on or before YYYY-MM-DD")
  .option("--event <id>", "only this event")
  .option("--q <text>", "text search in titles and text")
  .option("--out <file>", "write to a file instead of stdout")
  .action(async (table: string, opts) => {
    const { runExport } = await import("./cli/export");
    process.exitCode = await runExport(table, opts);
  });

program
  .command("backup")
  .description("write a consistent snapshot of DATABASE_URL to a file (SQLite online backup; pg_dump custom format for PostgreSQL)")
  .argument("<file>", "backup file to write")
  .option("--force", "replace the file if it exists")
  .option("--quiet", "print nothing but errors")
  .action(async (file: string, opts: { force?: boolean; quiet?: boolean }) => {
    const { runBackup } = await import("./cli/backup");
    process.exitCode = await runBackup(file, opts);
  });

program
  .command("restore")
  .description("replace the contents of DATABASE_URL with a backup made by 'parallax backup' (checked before anything is written)")
  .argument("<file>", "backup file to read")
  .option("--force", "restore even though the database already holds articles")
  .option("--quiet", "print nothing but errors")
  .action(async (file: string, opts: { force?: boolean; quiet?: boolean }) => {
    const { runRestore } = await import("./cli/backup");
    process.exitCode = await runRestore(file, opts);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`parallax: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
