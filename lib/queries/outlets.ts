import { getDatabase, type Database, type Db } from "../db";
import { isDomainKey, type OutletRegistryItem } from "../schemas/outlets";

const registrySelect = {
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
  _count: { select: { articles: true } },
} as const;

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
