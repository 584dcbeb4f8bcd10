/**
 * Analysts' edits to the outlet registry: name, domains, country, language, kind, and merging
 * outlets that are one publisher. ONE transaction per edit; any error rolls all of it back.
 *
 * Identity: an outlet keeps its key (its first domain, or a slug of its name). Other domains an
 * analyst gives it, and the keys of outlets merged into it, become OutletAlias rows, which
 * ingest resolves before creating an outlet (lib/mutations/articles.ts ensureOutlets), so later
 * articles from those domains land on the edited outlet. `edited` marks analyst-owned outlets:
 * nothing automatic may overwrite their fields.
 */
import { getDatabase, type Database, type Prisma } from "../db";
import { MAX_ROW_ID } from "../db/ids";
import { INTERACTIVE_RETRY_MS, withStoreRetry } from "../db/store-retry";
import { getOutletRegistryItem } from "../queries/outlets";
import { isDomainKey, type EditOutletInput, type OutletRegistryItem } from "../schemas/outlets";
import { ActionError, notFoundError } from "./errors";
import { refreshEvents } from "./events";

type Tx = Prisma.TransactionClient;

export interface OutletRefSummary {
  id: number;
  key: string;
  name: string;
  articleCount: number;
}

/** A domain or merge that names an outlet the request did not agree to merge. */
export class OutletConflictError extends ActionError {
  constructor(
    field: string,
    message: string,
    readonly outlet: OutletRefSummary | null,
  ) {
    super("conflict", field, message);
    this.name = "OutletConflictError";
  }
}

export interface EditOutletResult {
  outlet: OutletRegistryItem;
  /** Outlets merged into this one (now deleted), as they were. */
  merged: OutletRefSummary[];
  /** Articles that moved to this outlet. */
  articlesMoved: number;
}

const TX_OPTIONS = { timeout: 60_000, maxWait: 15_000 };

/** Who edits (the session's name, "admin", or the X-Parallax-Actor header when auth is off). */
export interface OutletEditContext {
  actor: string;
}

async function summary(tx: Tx, id: number): Promise<OutletRefSummary | null> {
  const o = await tx.outlet.findUnique({ where: { id }, select: { id: true, key: true, name: true, _count: { select: { articles: true } } } });
  return o ? { id: o.id, key: o.key, name: o.name, articleCount: o._count.articles } : null;
}

/** The outlet a key resolves to: its own key, else an alias. */
async function resolveKey(tx: Tx, key: string): Promise<number | null> {
  const own = await tx.outlet.findUnique({ where: { key }, select: { id: true } });
  if (own) return own.id;
  const alias = await tx.outletAlias.findUnique({ where: { key }, select: { outletId: true } });
  return alias?.outletId ?? null;
}

/** An outlet by numeric id or by key ("reuters.com"). */
export async function findOutletId(tx: Pick<Tx, "outlet">, ref: string): Promise<number | null> {
  // A number beyond the ids' range can only be a key.
  if (/^\d+$/.test(ref) && Number(ref) <= MAX_ROW_ID) {
    const byId = await tx.outlet.findUnique({ where: { id: Number(ref) }, select: { id: true } });
    if (byId) return byId.id;
  }
  const byKey = await tx.outlet.findUnique({ where: { key: ref }, select: { id: true } });
  return byKey?.id ?? null;
}

function quote(s: string): string {
  return `"${s.length > 60 ? s.slice(0, 57) + "…" : s}"`;
}

/**
 * Apply an analyst's edit to outlet `ref` (id or key). Merging moves every article of the merged
 * outlets here, re-points their aliases, keeps their keys as aliases, deletes them, and refreshes
 * the aggregates (outlet counts) of the events those articles belong to.
 */
export async function editOutlet(
  ref: string,
  input: EditOutletInput,
  ctx: OutletEditContext,
  database: Database = getDatabase(),
): Promise<EditOutletResult> {
  // Run again if the database was busy (a deadlock with an ingest writing this outlet's articles):
  // the first try was rolled back whole. Conflicts and unknown outlets are never retried, nor a
  // try after INTERACTIVE_RETRY_MS (SQLite's lock held past its busy timeout: answer at once).
  return withStoreRetry(() => database.db.$transaction(async (tx) => {
    const id = await findOutletId(tx, ref);
    if (id === null) throw notFoundError("id", `outlet ${quote(ref)} not found`);
    const outlet = await tx.outlet.findUniqueOrThrow({ where: { id }, select: { id: true, key: true, domain: true } });

    // 1. The outlets to merge in.
    const mergeIds = new Map<number, string>();
    for (const key of input.merge ?? []) {
      const other = await resolveKey(tx, key);
      if (other === null) throw notFoundError("merge", `outlet ${quote(key)} not found`);
      if (other === id) throw new OutletConflictError("merge", `${quote(key)} is this outlet already: nothing to merge`, null);
      mergeIds.set(other, key);
    }

    // 2. Domains: each must be free, this outlet's, or a merged outlet's.
    if (input.domains) {
      if (isDomainKey(outlet.key) && !input.domains.includes(outlet.key)) {
        throw new OutletConflictError(
          "domains",
          `${quote(outlet.key)} is this outlet's own key and stays one of its domains; to fold this outlet into another, merge it from that outlet`,
          null,
        );
      }
      for (const domain of input.domains) {
        const owner = await resolveKey(tx, domain);
        if (owner !== null && owner !== id && !mergeIds.has(owner)) {
          const other = await summary(tx, owner);
          throw new OutletConflictError(
            "domains",
            `domain ${quote(domain)} belongs to outlet ${quote(other?.name ?? domain)} (${other?.articleCount ?? 0} articles): merge it into this outlet, or remove the domain`,
            other,
          );
        }
      }
    }

    // 3. Merge: articles, aliases and keys move here; the merged outlets are deleted.
    const merged: OutletRefSummary[] = [];
    let articlesMoved = 0;
    const touchedEvents = new Set<string>();
    for (const otherId of mergeIds.keys()) {
      const other = await tx.outlet.findUniqueOrThrow({
        where: { id: otherId },
        select: { id: true, key: true, name: true, domain: true, _count: { select: { articles: true } } },
      });
      merged.push({ id: other.id, key: other.key, name: other.name, articleCount: other._count.articles });
      const members = await tx.eventArticle.findMany({ where: { article: { outletId: other.id } }, select: { eventId: true }, distinct: ["eventId"] });
      for (const m of members) touchedEvents.add(m.eventId);
      const moved = await tx.article.updateMany({ where: { outletId: other.id }, data: { outletId: id } });
      articlesMoved += moved.count;
      await tx.outletAlias.updateMany({ where: { outletId: other.id }, data: { outletId: id } });
      await tx.outlet.delete({ where: { id: other.id } });
      for (const key of new Set([other.key, other.domain].filter((k): k is string => !!k && k !== outlet.key))) {
        await tx.outletAlias.upsert({ where: { key }, create: { key, outletId: id }, update: { outletId: id } });
      }
    }

    // 4. The domain list: the first is the main domain; each other one is an alias; domain
    //    aliases left off the list are dropped (name keys of merged outlets are kept).
    const data: Prisma.OutletUpdateInput = { edited: true, editedBy: ctx.actor, editedAt: new Date() };
    if (input.domains) {
      data.domain = input.domains[0] ?? (isDomainKey(outlet.key) ? outlet.key : null);
      const wanted = new Set(input.domains.filter((d) => d !== outlet.key));
      const aliases = await tx.outletAlias.findMany({ where: { outletId: id }, select: { key: true } });
      const drop = aliases.map((a) => a.key).filter((k) => isDomainKey(k) && !wanted.has(k));
      if (drop.length) await tx.outletAlias.deleteMany({ where: { key: { in: drop } } });
      for (const key of wanted) await tx.outletAlias.upsert({ where: { key }, create: { key, outletId: id }, update: { outletId: id } });
    }
    if (input.name !== undefined) data.name = input.name;
    if (input.kind !== undefined) data.kind = input.kind;
    if (input.country !== undefined) data.country = input.country;
    if (input.language !== undefined) data.language = input.language;
    await tx.outlet.update({ where: { id }, data });

    // Events holding both outlets' articles now count one outlet fewer.
    if (touchedEvents.size) await refreshEvents(tx, touchedEvents, database);

    const item = await getOutletRegistryItem(tx, id);
    return { outlet: item!, merged, articlesMoved };
  }, TX_OPTIONS), { giveUpAfterMs: INTERACTIVE_RETRY_MS });
}
