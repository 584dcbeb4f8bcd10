import { languageName } from "@/components/format";
import { cn } from "@/components/ui/cn";

/** "FR": the language a sentence or an outlet's report is in; screen readers hear "in French". */
export function LanguageBadge({ code, className }: { code: string | null | undefined; className?: string }) {
  if (!code) return null;
  const name = languageName(code);
  return (
    <span
      title={`In ${name}`}
      className={cn("lang-badge", className)}
    >
      <span aria-hidden="true">{code}</span>
      <span className="sr-only">in {name}</span>
    </span>
  );
}

/** The languages of a set of articles, sorted, without unknowns. */
export function languagesOf(articles: Iterable<{ language?: string | null }>): string[] {
  const out = new Set<string>();
  for (const a of articles) if (a.language) out.add(a.language);
  return [...out].sort();
}
