import { getDatabase, type Database, type Db } from "../db";
import { isDomainKey, type OutletRegistryItem, type OutletSearch } from "../schemas/outlets";
import { searchOutlets } from "./overview";

const detailSelect = {
  id: true,
  key: true,
  name: true,
  kind: true,
  domain: true,
  country: true,
  language: true,
  edited: true,
  editedBy: true,
  editedAt: true,
  aliases: { select: { key: true }, orderBy: { key: "asc" } },
} as const;
const registrySelect = { ...detailSelect, _count: { select: { articles: true } } } as const;

type RegistryRow = {
  id: number;
  key: string;
  name: string;
  kind: string;
  domain: string | null;
  country: string | null;
  language: string | null;
  edited: boolean;
  editedBy: string | null;
  editedAt: Date | null;
  aliases: { key: string }[];
  _count: { articles: number };
};

function toItem(row: RegistryRow): OutletRegistryItem {
  const domains: string[] = [];
  const add = (d: string | null) => {
    if (d && isDomainKey(d) && !domains.includes(d)) domains.push(d);
  };
  add(row.domain);
  add(row.key);
  for (const a of row.aliases) add(a.key);
  const otherKeys = [row.key, ...row.aliases.map((a) => a.key)].filter((k) => !isDomainKey(k));
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    kind: row.kind,
    domain: row.domain,
    domains,
    otherKeys,
    country: row.country,
    language: row.language,
    articleCount: row._count.articles,
    edited: row.edited,
    editedBy: row.editedBy,
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** Every outlet with the domains and keys that resolve to it (the registry editor's rows). */
export async function listOutletRegistry(database: Database = getDatabase()): Promise<OutletRegistryItem[]> {
  const rows = await database.db.outlet.findMany({ orderBy: { name: "asc" }, select: registrySelect });
  return rows.map(toItem);
}

/** One outlet by id, or null. Takes a transaction client too. */
export async function getOutletRegistryItem(db: Pick<Db, "outlet">, id: number): Promise<OutletRegistryItem | null> {
  const row = await db.outlet.findUnique({ where: { id }, select: registrySelect });
  return row ? toItem(row) : null;
}

/**
 * The registry rows of the outlets whose name, key or a domain contains `q` (every outlet
 * without it), most articles first, at most `limit`; `more` when other outlets match too. The
 * filter menus of the list pages search here. Article counts come from the per-outlet counts
 * the triggers keep (the same figures as counting each outlet's articles, without the reads).
 */
export async function searchOutletRegistry(
  f: OutletSearch,
  database: Database = getDatabase(),
): Promise<{ rows: OutletRegistryItem[]; more: boolean }> {
  const found = await searchOutlets(f, database);
  const rows = await database.db.outlet.findMany({ where: { id: { in: found.rows.map((o) => o.id) } }, select: detailSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: found.rows.flatMap((o) => {
      const row = byId.get(o.id);
      return row ? [toItem({ ...row, _count: { articles: o.articles } })] : [];
    }),
    more: found.more,
  };
}
