import { sparseCoverage } from "@/components/charts/sparse-coverage";
import Link from "next/link";
import { getCoverage, getOverview, listEvents } from "@/lib/queries";
import { eventFiltersSchema, parseFilters } from "@/lib/schemas/filters";
import { CoverageChart } from "@/components/charts/coverage-chart";
import { PageHeader } from "@/components/layout/page-header";
import { KpiCards } from "@/components/overview/kpi-cards";
import { EventsTable } from "@/components/tables/events-table";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";

const latestFilters = parseFilters(eventFiltersSchema, { sort: "lastSeen", dir: "desc", pageSize: "10" });

export default async function OverviewPage() {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  if (!latestFilters.ok) throw new Error(latestFilters.error);
  const [stats, coverage, latest] = await Promise.all([getOverview(), getCoverage({ top: 8 }), listEvents(latestFilters.data)]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description="How many outlets reported what, and how much of it is original reporting rather than republished copies."
      />
      {stats.articles === 0 ? (
        <EmptyState
          title="No articles yet"
          description={
            <>
              Ingest some articles with <code className="rounded bg-neutral-100 px-1 font-mono">npm run -s parallax -- ingest &lt;files&gt;</code>; see{" "}
              <Link href="/ingest" className="underline">Ingest</Link>.
            </>
          }
        />
      ) : null}
      <KpiCards stats={stats} />
      <Card>
        <CardBody>
          <CoverageChart data={sparseCoverage(coverage)} id="overview-coverage" />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Latest events"
          description="Most recently updated events. Open one to compare its outlets."
          actions={
            <Link href="/events" className={buttonClasses("outline", "sm")}>
              All events
            </Link>
          }
        />
        <CardBody className="pt-3">
          <EventsTable page={latest} filters={latestFilters.data} toolbar={false} />
        </CardBody>
      </Card>
    </div>
  );
}
