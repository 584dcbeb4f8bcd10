"use client";

import type { ArticleListItem } from "@/lib/schemas/dto";
import { DataTable } from "@/components/data-table/data-table";
import { eventArticleColumns } from "@/components/tables/articles-columns";

export function EventArticlesTable({ articles }: { articles: ArticleListItem[] }) {
  return (
    <DataTable
      caption="Articles about this event"
      columns={eventArticleColumns}
      data={articles}
      getRowId={(a) => a.id}
      noun="articles"
      rowClassName={(a) => (a.syndicatedFrom ? "bg-amber-50/40" : undefined)}
      empty={{ title: "No articles match these filters" }}
    />
  );
}
