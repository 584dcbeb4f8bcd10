import { currentAuth } from "@/lib/auth/server";
import { countUnreadChanges } from "@/lib/queries/follows";
import { SiteNav } from "@/components/layout/site-nav";

/** The main navigation with the unread notification count (not shown to someone who may not read). */
export async function MainNav() {
  const auth = await currentAuth();
  let unread: number | null = null;
  if (!auth.readsProtected || auth.session) {
    // The count is a courtesy: a database that is not ready must not break every page's header.
    unread = await countUnreadChanges().catch(() => null);
  }
  return <SiteNav unread={unread} />;
}
