"use client";

import { useState } from "react";
import type { ArticleInfo } from "./evidence";
import { StatementQuote, type QuoteStatement } from "./statement-quote";

/**
 * "N more from <outlet>": an outlet's further quotes of a speaker, rendered once the disclosure
 * is opened. Closed (as nearly all are), they are neither in the page's HTML nor rendered by the
 * server; the browser gets only their fields.
 */
export function MoreQuotes({ summary, quotes, showLanguage }: { summary: string; quotes: { s: QuoteStatement; article?: ArticleInfo }[]; showLanguage: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-2 text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-neutral-600 hover:text-neutral-900">{summary}</summary>
      {open ? (
        <ul className="mt-2 space-y-2">
          {quotes.map(({ s, article }) => (
            <li key={s.id}>
              <StatementQuote s={s} article={article} showLanguage={showLanguage} />
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
