import { getDatabase, type Database, type Prisma } from "../db";
import type { ArticleFilters } from "../schemas/filters";
import type { ArticleDetail, ArticleListItem, Paged } from "../schemas/dto";
import {
  articleListSelect,
  claimSelect,
  fetchPage,
  statementSelect,
  toArticleListItem,
  toClaimItem,
  toStatementItem,
} from "./select";
import { articleWhere } from "./where";

export function articleOrderBy(sort: ArticleFilters["sort"], dir: "asc" | "desc"): Prisma.ArticleOrderByWithRelationInput[] {
  const primary: Prisma.ArticleOrderByWithRelationInput =
    sort === "outlet"
      ? { outlet: { name: dir } }
      : sort === "publishedAt" || sort === "language"
        ? ({ [sort]: { sort: dir, nulls: "last" } } as Prisma.ArticleOrderByWithRelationInput)
        : { title: dir };
  return [primary, { id: "asc" }];
}

export async function listArticles(f: ArticleFilters, database: Database = getDatabase()): Promise<Paged<ArticleListItem>> {
  const where = articleWhere(database, f);
  return fetchPage(
    f,
    () => database.db.article.count({ where }),
    (skip, take) => database.db.article.findMany({ where, orderBy: articleOrderBy(f.sort, f.dir), skip, take, select: articleListSelect }),
    toArticleListItem,
  );
}

export async function getArticle(id: string, database: Database = getDatabase()): Promise<ArticleDetail | null> {
  const a = await database.db.article.findUnique({
    where: { id },
    select: {
      ...articleListSelect,
      text: true,
      claims: { select: claimSelect, orderBy: { start: "asc" } },
      statements: { select: statementSelect, orderBy: { start: "asc" } },
      copies: { select: { id: true, title: true, outlet: { select: { name: true } } }, orderBy: { publishedAt: "asc" } },
    },
  });
  if (!a) return null;
  return {
    ...toArticleListItem(a),
    text: a.text,
    claims: a.claims.map(toClaimItem),
    statements: a.statements.map(toStatementItem),
    copies: a.copies.map((c) => ({ id: c.id, title: c.title, outletName: c.outlet.name })),
  };
}
