import { getDatabase } from "@/lib/db";
import { fetchPolicyFromEnv } from "@/lib/feeds/config";
import { fetchUrlsSchema } from "@/lib/feeds/schemas";
import { ingestUrls } from "@/lib/feeds/sources";
import { parseBody, serverError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";
export const maxDuration = 900;

/**
 * POST /api/fetch {urls: [...], sitemapLimit?} — fetch each URL and ingest what it is: an article
 * page, a feed's current items, or a sitemap's pages (newest `sitemapLimit`, default 100). One
 * IngestRun; answers `{report}` with added / duplicates / revised / failed, every failure with
 * its reason, and what each URL turned out to be.
 */
export async function POST(request: Request) {
  const body = await parseBody(request, fetchUrlsSchema);
  if (!body.ok) return body.response;
  try {
    // A URL the fetcher refuses (a private address ...) is one failed item; the others are stored.
    const report = await ingestUrls(getDatabase(), body.data.urls, {
      policy: fetchPolicyFromEnv(),
      trigger: "api",
      sitemapLimit: body.data.sitemapLimit,
      signal: request.signal,
    });
    return Response.json({ report });
  } catch (err) {
    return serverError(err, "fetching the URLs");
  }
}
