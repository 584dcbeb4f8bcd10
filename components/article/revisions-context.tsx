"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ArticleRevisionItem, RevisionFigure } from "@/lib/revisions/types";

type RevisionsByArticle = Record<string, ArticleRevisionItem[]>;

const RevisionsContext = createContext<RevisionsByArticle>({});

/** The earlier versions of a page's articles (newest first, by article id), sent once for every "revised" mark. */
export function RevisionsProvider({ revisions, children }: { revisions: RevisionsByArticle; children: ReactNode }) {
  return <RevisionsContext.Provider value={revisions}>{children}</RevisionsContext.Provider>;
}

const NONE: ArticleRevisionItem[] = [];

/** An article's earlier versions, newest first; empty outside a provider or when it was never revised. */
export function useArticleRevisions(articleId: string): ArticleRevisionItem[] {
  return useContext(RevisionsContext)[articleId] ?? NONE;
}

export function useRevisionsByArticle(): RevisionsByArticle {
  return useContext(RevisionsContext);
}

export interface FigureRevision {
  /** The figures this one replaced, oldest first (null: the article gave none for this kind). */
  was: (RevisionFigure | null)[];
  /** When the latest of those changes was fetched (the replacing version's time). */
  at: string;
}

/**
 * How an article's headline figure of `kind` changed across its revisions, oldest first, or null
 * when its revisions never changed it. Revisions record headline figures only.
 */
export function figureRevision(revisions: ArticleRevisionItem[], kind: string): FigureRevision | null {
  const was: (RevisionFigure | null)[] = [];
  let at: string | null = null;
  for (const r of [...revisions].sort((a, b) => a.revision - b.revision)) {
    const change = r.changes.figures.find((f) => f.kind === kind);
    if (!change) continue;
    was.push(change.from);
    at = r.replacedAt;
  }
  return at ? { was, at } : null;
}
