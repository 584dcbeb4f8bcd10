/**
 * `parallax feeds add|list|refresh|remove|pause|resume|set` and the URL half of `parallax ingest <url...>`.
 * Thin wrappers over lib/feeds: flags are parsed with the same zod schemas as the API.
 */
import type { z } from "zod";
import type { Database } from "../../lib/db";
import { fetchPolicyFromEnv } from "../../lib/feeds/config";
import { addAndFetchFeed, refreshFeed } from "../../lib/feeds/refresh";
import { addFeedSchema, fetchUrlsSchema, staticUrlRefusal, updateFeedSchema } from "../../lib/feeds/schemas";
import { ingestUrls, type IngestUrlsReport } from "../../lib/feeds/sources";
import { addFeed, findFeed, listFeeds, removeFeed, updateFeed } from "../../lib/feeds/store";
import type { FeedDto } from "../../lib/feeds/types";
import { describePoll } from "../../lib/feeds/watcher";
import { ActionError } from "../../lib/mutations/errors";
import { openCliDatabase } from "./database";

const out = (line: string) => process.stdout.write(line + "\n");
const err = (line: string) => process.stderr.write(line + "\n");

/** "--interval: at least 5 minutes" for the first issue, with the flag a field comes from. */
function flagError(error: z.ZodError, flags: Record<string, string>): string {
  const issue = error.issues.find((i) => i.code === "unrecognized_keys") ?? error.issues[0];
  const field = issue?.path.map(String).join(".") ?? "";
  const flag = flags[field.split(".")[0] ?? ""] ?? (field || "arguments");
  return `${flag}: ${issue?.message ?? "invalid value"}`;
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openCliDatabase();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** An ActionError (unknown feed, duplicate URL, feed being fetched) as a message and exit 1; anything else rethrown. */
function actionFailure(e: unknown, command: string): number {
  if (e instanceof ActionError) {
    err(`parallax feeds ${command}: ${e.message}`);
    return 1;
  }
  throw e;
}

const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "never");

export interface FeedsAddOptions {
  interval?: string;
  title?: string;
  outlet?: string;
  fetch?: boolean;
  disabled?: boolean;
}

/** `parallax feeds add <url>`: subscribe, and fetch once unless --no-fetch. */
export async function runFeedsAdd(url: string, opts: FeedsAddOptions): Promise<number> {
  const interval = opts.interval === undefined ? undefined : Number(opts.interval);
  const parsed = addFeedSchema.safeParse({
    url,
    ...(interval === undefined ? {} : { intervalMinutes: Number.isFinite(interval) ? interval : opts.interval }),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.outlet !== undefined ? { outlet: opts.outlet } : {}),
    fetch: opts.fetch !== false,
    enabled: !opts.disabled,
  });
  if (!parsed.success) {
    err(`parallax feeds add: ${flagError(parsed.error, { url: "<url>", intervalMinutes: "--interval", title: "--title", outlet: "--outlet" })}`);
    return 2;
  }
  const policy = fetchPolicyFromEnv();
  const refusal = staticUrlRefusal(parsed.data.url, policy);
  if (refusal) {
    err(`parallax feeds add: <url>: ${refusal}`);
    return 2;
  }
  return withDatabase(async (database) => {
    try {
      const { fetch, ...input } = parsed.data;
      const added = (feed: FeedDto) => out(`added feed #${feed.id} ${feed.url} (every ${feed.intervalMinutes} min${feed.enabled ? "" : ", paused"})`);
      if (!fetch) {
        added(await addFeed(database, input));
        return 0;
      }
      const { feed, poll } = await addAndFetchFeed(database, input, { policy, trigger: "cli" });
      added(feed);
      out(describePoll(feed, poll));
      for (const e of poll.errors.slice(0, 20)) out(`  failed: ${e.item}: ${e.reason}`);
      return poll.status === "error" ? 1 : 0;
    } catch (e) {
      return actionFailure(e, "add");
    }
  });
}

function feedLine(f: FeedDto): string {
  const status = f.fetching ? "fetching" : f.enabled ? f.status : "paused";
  const counts = `${f.itemsSeen} ${f.itemsSeen === 1 ? "item" : "items"}, +${f.lastAdded}${f.lastRevised ? ` ~${f.lastRevised}` : ""}`;
  const error = f.lastError ? `\n      ${f.status === "error" ? "error" : "note"}: ${f.lastError}` : "";
  return `#${String(f.id).padEnd(4)} ${status.padEnd(12)} last ${when(f.lastFetchedAt).padEnd(16)} next ${when(f.nextFetchAt).padEnd(16)} ${counts.padEnd(18)} ${f.title ? `${f.title} ` : ""}<${f.url}>${error}`;
}

/** `parallax feeds list [--json]`. */
export async function runFeedsList(opts: { json?: boolean }): Promise<number> {
  return withDatabase(async (database) => {
    const feeds = await listFeeds(database);
    if (opts.json) {
      out(JSON.stringify(feeds, null, 2));
      return 0;
    }
    if (feeds.length === 0) {
      out("no feeds yet; add one with: parallax feeds add <url>");
      return 0;
    }
    out("times are UTC; +added ~revised at the last fetch");
    for (const f of feeds) out(feedLine(f));
    return 0;
  });
}

/** A feed named by id ("12", "#12") or URL. */
async function resolveRef(database: Database, ref: string): Promise<FeedDto | null> {
  const id = /^#?(\d+)$/.exec(ref.trim())?.[1];
  return findFeed(id ? Number(id) : ref.trim(), database);
}

/** `parallax feeds refresh <id|url...> | --all`: fetch now, one after the other. Exit 1 if any failed. */
export async function runFeedsRefresh(refs: string[], opts: { all?: boolean }): Promise<number> {
  if (!opts.all && refs.length === 0) {
    err("parallax feeds refresh: name feeds by id or URL, or use --all");
    return 2;
  }
  const policy = fetchPolicyFromEnv();
  return withDatabase(async (database) => {
    const feeds = opts.all ? await listFeeds(database) : [];
    for (const ref of opts.all ? [] : refs) {
      const feed = await resolveRef(database, ref);
      if (!feed) {
        err(`parallax feeds refresh: no feed ${ref}`);
        return 1;
      }
      feeds.push(feed);
    }
    let failed = 0;
    for (const feed of feeds) {
      try {
        const { poll } = await refreshFeed(database, feed.id, { policy, trigger: "cli" });
        out(describePoll(feed, poll));
        for (const e of poll.errors.slice(0, 20)) out(`  failed: ${e.item}: ${e.reason}`);
        if (poll.status === "error") failed++;
      } catch (e) {
        failed += actionFailure(e, "refresh");
      }
    }
    return failed ? 1 : 0;
  });
}

/** `parallax feeds remove <id|url>`. */
export async function runFeedsRemove(ref: string): Promise<number> {
  return withDatabase(async (database) => {
    const feed = await resolveRef(database, ref);
    if (!feed) {
      err(`parallax feeds remove: no feed ${ref}`);
      return 1;
    }
    try {
      await removeFeed(database, feed.id);
      out(`removed feed #${feed.id} ${feed.url} (its articles stay)`);
      return 0;
    } catch (e) {
      return actionFailure(e, "remove");
    }
  });
}

export interface FeedsSetOptions {
  interval?: string;
  title?: string;
  /** `--no-title`: go back to the feed's own title. */
  clearTitle?: boolean;
}

/**
 * `parallax feeds pause <id|url>`, `feeds resume <id|url>`, `feeds set <id|url> --interval <minutes>
 * [--title <name>]`: the same change as `PATCH /api/feeds/:id`, validated by the same schema.
 */
export async function runFeedsUpdate(command: "pause" | "resume" | "set", ref: string, opts: FeedsSetOptions = {}): Promise<number> {
  const interval = opts.interval === undefined ? undefined : Number(opts.interval);
  const parsed = updateFeedSchema.safeParse({
    ...(command === "pause" ? { paused: true } : command === "resume" ? { paused: false } : {}),
    ...(interval === undefined ? {} : { intervalMinutes: Number.isFinite(interval) && opts.interval?.trim() ? interval : opts.interval }),
    ...(opts.clearTitle ? { title: null } : opts.title !== undefined ? { title: opts.title } : {}),
  });
  if (!parsed.success) {
    const message = flagError(parsed.error, { intervalMinutes: "--interval", title: "--title" });
    err(`parallax feeds ${command}: ${command === "set" && message.startsWith("arguments:") ? "give --interval <minutes> or --title <name>" : message}`);
    return 2;
  }
  return withDatabase(async (database) => {
    const feed = await resolveRef(database, ref);
    if (!feed) {
      err(`parallax feeds ${command}: no feed ${ref}`);
      return 1;
    }
    try {
      const updated = await updateFeed(database, feed.id, parsed.data);
      const state = updated.enabled ? `active, every ${updated.intervalMinutes} min, next fetch ${when(updated.nextFetchAt)} UTC` : `paused (every ${updated.intervalMinutes} min when resumed)`;
      out(`feed #${updated.id} ${updated.title ? `${updated.title} ` : ""}<${updated.url}>: ${state}`);
      return 0;
    } catch (e) {
      return actionFailure(e, command);
    }
  });
}

/** True for arguments of `parallax ingest` that are URLs rather than files. */
export function isUrlArgument(arg: string): boolean {
  return /^https?:\/\//i.test(arg.trim());
}

export function formatUrlReport(r: IngestUrlsReport): string {
  const lines = r.sources.map((s) => `  ${s.kind.padEnd(7)} ${s.url}${s.kind === "failed" ? "" : ` (${s.articles} ${s.articles === 1 ? "article" : "articles"})`}`);
  lines.push(`added ${r.added}, duplicates ${r.duplicates}, revised ${r.revised}, failed ${r.failed} (of ${r.total})${r.runId ? `; ingest run #${r.runId}` : ""}`);
  for (const e of r.errors.slice(0, 50)) lines.push(`  failed: ${e.item}: ${e.reason}`);
  if (r.errors.length > 50) lines.push(`  … and ${r.errors.length - 50} more (see the Ingest page)`);
  if (r.sources.some((s) => s.kind === "feed")) lines.push("(feeds were read once; `parallax feeds add <url>` follows one)");
  return lines.join("\n");
}

/** `parallax ingest <url...>`: fetch and ingest URLs (pages, feeds, sitemaps). Exit 1 when some failed. */
export async function runUrlIngest(urls: string[], opts: { quiet?: boolean; sitemapLimit?: number }): Promise<number> {
  const parsed = fetchUrlsSchema.safeParse({ urls, ...(opts.sitemapLimit !== undefined ? { sitemapLimit: opts.sitemapLimit } : {}) });
  if (!parsed.success) {
    err(`parallax ingest: ${flagError(parsed.error, { urls: "<url>", sitemapLimit: "--sitemap-limit" })}`);
    return 2;
  }
  const showProgress = !opts.quiet && process.stderr.isTTY;
  return withDatabase(async (database) => {
    const report = await ingestUrls(database, parsed.data.urls, {
      policy: fetchPolicyFromEnv(),
      trigger: "cli",
      sitemapLimit: parsed.data.sitemapLimit,
      onProgress: showProgress ? (done, total, url) => process.stderr.write(`fetched ${done}/${total}: ${url}\n`) : undefined,
    });
    if (!opts.quiet) out(formatUrlReport(report));
    return report.failed > 0 ? 1 : 0;
  });
}
