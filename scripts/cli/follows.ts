/**
 * `parallax follows add|list|remove`: the same operations as /api/follows, validated by the same
 * schema (lib/schemas/follows.ts).
 */
import type { Database } from "../../lib/db";
import { ActionError } from "../../lib/mutations/errors";
import { createFollow, deleteFollow } from "../../lib/mutations/follows";
import { listFollows } from "../../lib/queries/follows";
import { createFollowSchema, followIdSchema, type FollowItem } from "../../lib/schemas/follows";
import { openCliDatabase } from "./database";

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

export interface FollowsAddOptions {
  label?: string;
  threshold?: string;
  webhook?: string;
  secret?: string;
  actor?: string;
}

/** Run a command against DATABASE_URL; a refused action (unknown event or outlet, unknown follow) exits 1 with its message. */
async function withDatabase(command: string, run: (database: Database) => Promise<number>): Promise<number> {
  const database = await openCliDatabase();
  try {
    return await run(database);
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    err(`parallax follows ${command}: ${e.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

const FLAGS: Record<string, string> = { divergenceThreshold: "--threshold", webhookUrl: "--webhook", webhookSecret: "--secret", label: "--label", target: "<target>", kind: "<kind>" };

/** `parallax follows add <event|outlet|search> <target>`. */
export async function runFollowsAdd(kind: string, target: string, opts: FollowsAddOptions): Promise<number> {
  const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
  const parsed = createFollowSchema.safeParse({
    kind,
    target,
    ...(opts.label !== undefined ? { label: opts.label } : {}),
    ...(threshold !== undefined ? { divergenceThreshold: Number.isNaN(threshold) ? opts.threshold : threshold } : {}),
    ...(opts.webhook !== undefined ? { webhookUrl: opts.webhook } : {}),
    ...(opts.secret !== undefined ? { webhookSecret: opts.secret } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    err(`parallax follows add: ${FLAGS[field] ?? field}: ${issue?.message ?? "invalid value"}`);
    return 2;
  }
  return withDatabase("add", async (database) => {
    const { follow, webhookSecret } = await createFollow(parsed.data, { actor: opts.actor ?? "cli" }, database);
    out(`following #${follow.id} ${follow.kind} ${follow.target} ("${follow.label}")`);
    if (webhookSecret) out(`webhook secret (shown once; receivers verify X-Parallax-Signature with it): ${webhookSecret}`);
    return 0;
  });
}

function line(f: FollowItem): string {
  const extras = [
    `${f.changeCount} changes, ${f.unreadCount} unread`,
    f.divergenceThreshold !== null ? `threshold ${f.divergenceThreshold}` : null,
    f.webhookUrl ? `webhook ${f.webhookUrl}` : null,
  ].filter(Boolean);
  return `#${f.id}\t${f.kind}\t${f.target}\t${f.label}\t${extras.join("; ")}`;
}

/** `parallax follows list [--json]`. */
export async function runFollowsList(opts: { json?: boolean }): Promise<number> {
  return withDatabase("list", async (database) => {
    const follows = await listFollows(database);
    if (opts.json) out(JSON.stringify(follows, null, 2));
    else if (!follows.length) out("nothing followed yet: parallax follows add <event|outlet|search> <target>");
    else for (const f of follows) out(line(f));
    return 0;
  });
}

/** `parallax follows remove <id>`. */
export async function runFollowsRemove(ref: string): Promise<number> {
  const id = followIdSchema.safeParse(ref.replace(/^#/, ""));
  if (!id.success) {
    err(`parallax follows remove: <id>: expected a follow id (see parallax follows list), not "${ref}"`);
    return 2;
  }
  return withDatabase("remove", async (database) => {
    await deleteFollow(id.data, database);
    out(`removed follow #${id.data} (its change log and deliveries too)`);
    return 0;
  });
}
