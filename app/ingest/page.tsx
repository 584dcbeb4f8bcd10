import Link from "next/link";
import { authConfig } from "@/lib/auth/config";
import { currentAuth } from "@/lib/auth/server";
import { listIngestRuns } from "@/lib/queries";
import { PageHeader } from "@/components/layout/page-header";
import { IngestRunsTable } from "@/components/tables/ingest-runs-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { UploadPanel } from "@/components/upload/upload-panel";
import { titleUnlessPreparing, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";
export const generateMetadata = titleUnlessPreparing("Ingest");

const RUN_LIMIT = 50;

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-neutral-100 px-1 py-0.5 font-mono text-[0.8125rem] text-neutral-900">{children}</code>;
}

export default async function IngestPage() {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const [runs, auth] = await Promise.all([listIngestRuns(RUN_LIMIT), currentAuth()]);
  const canWrite = !auth.writesProtected || auth.session?.role === "admin";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Ingest"
        description={`Upload files, and the last ${RUN_LIMIT} ingest runs. A run keeps the good items of a batch and lists every rejected one with its reason.`}
      />
      <Card>
        <CardHeader title="Upload files" headingLevel={2} />
        <CardBody>
          {canWrite ? (
            <UploadPanel maxBytes={authConfig().uploadMaxBytes} />
          ) : (
            <p className="text-sm text-neutral-700">
              <Link href="/signin?next=/ingest" className="text-blue-800 underline">
                Sign in
              </Link>{" "}
              with the admin token to upload files.
            </p>
          )}
        </CardBody>
      </Card>
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="text-base font-semibold text-neutral-900">
          Ingest runs
        </h2>
        <IngestRunsTable runs={runs} />
      </section>
      <Card>
        <CardHeader title="From the command line or the API" headingLevel={2} />
        <CardBody className="space-y-3 text-sm text-neutral-800">
          <p>Ingest files or whole directories from the command line, in the project directory:</p>
          <pre className="overflow-x-auto rounded-md bg-neutral-900 px-3 py-2 font-mono text-[0.8125rem] text-neutral-100">
            <code>npm run -s parallax -- ingest &lt;files or directories…&gt;</code>
          </pre>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Accepted: saved articles as text or Markdown, HTML pages, and NDJSON, JSON or CSV with one article per line or row (
              <Code>{"{id, title, text, date, outlet, url}"}</Code>). The database is the one in <Code>DATABASE_URL</Code>; add{" "}
              <Code>--batch-size &lt;n&gt;</Code> to change how many articles are written per transaction.
            </li>
            <li>Re-ingesting the same article is harmless: it is recognised by its URL or content and counted as a duplicate.</li>
            <li>
              Each run extracts casualty figures and statements, detects republished copies and groups articles into events. It then appears in the
              table above.
            </li>
          </ul>
          <p>
            Or post files (multipart, field <Code>file</Code>) or records (<Code>application/json</Code>, <Code>application/x-ndjson</Code>,{" "}
            <Code>text/csv</Code>) to <Code>POST /api/ingest</Code>
            {auth.writesProtected ? (
              <>
                {" "}
                with <Code>Authorization: Bearer &lt;PARALLAX_ADMIN_TOKEN&gt;</Code>
              </>
            ) : null}
            ; the answer lists every item as added, duplicate or failed.
          </p>
          <p className="text-neutral-600">
            Run <Code>npm run -s parallax -- --help</Code> for every command and option.
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
