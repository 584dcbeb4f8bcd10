import { listFeeds } from "@/lib/feeds/store";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { AddFeedForm } from "./add-feed-form";
import { FeedsTable } from "./feeds-table";
import { titleUnlessPreparing, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";
export const generateMetadata = titleUnlessPreparing("Feeds");

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-neutral-100 px-1 py-0.5 font-mono text-[0.8125rem] text-neutral-900">{children}</code>;
}

export default async function FeedsPage() {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const feeds = await listFeeds();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Feeds"
        description="RSS and Atom feeds fetched on their own schedule. New articles are extracted and grouped like any other; an article whose text changes keeps its earlier version as a revision."
      />
      <Card>
        <CardHeader title="Add a feed" headingLevel={2} description="The feed is fetched once right away, so a wrong URL shows at once." />
        <CardBody>
          <AddFeedForm />
        </CardBody>
      </Card>
      <section aria-labelledby="feeds-heading" className="space-y-2">
        <h2 id="feeds-heading" className="text-base font-semibold text-neutral-900">
          Subscribed feeds <span className="font-normal text-neutral-600 tabular-nums">({feeds.length})</span>
        </h2>
        <FeedsTable feeds={feeds} />
        <p className="text-sm text-neutral-600">
          Feeds are fetched by the scheduler that <Code>npm start</Code> runs beside the dashboard (unless <Code>PARALLAX_WATCH=0</Code>), or by{" "}
          <Code>npm run -s parallax -- watch</Code>. A failing feed is retried later and later (doubling, at most daily) and its error is shown here.
          Only public addresses are fetched.
        </p>
      </section>
    </div>
  );
}
