import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function ArticleNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <p className="text-xs font-medium tracking-wide text-neutral-600 uppercase">404</p>
      <h1 className="text-2xl font-semibold text-neutral-950">Article not found</h1>
      <p className="text-sm text-neutral-600">No article has this id. It may have been removed, or the link is incomplete.</p>
      <Link href="/articles" className={buttonClasses("primary", "md")}>
        Browse all articles
      </Link>
    </div>
  );
}
