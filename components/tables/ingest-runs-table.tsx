"use client";

import type { IngestRunItem } from "@/lib/schemas/dto";
import { DataTable } from "@/components/data-table/data-table";
import { ingestRunColumns } from "./ingest-runs-columns";

export function IngestRunsTable({ runs }: { runs: IngestRunItem[] }) {
  return (
    <DataTable
      caption="Ingest runs"
      columns={ingestRunColumns}
      data={runs}
      getRowId={(r) => String(r.id)}
      noun="ingest runs"
      empty={{
        title: "No ingest runs yet",
        description: "Run the CLI (see below) to add articles; each run is recorded here with its per-item errors.",
      }}
    />
  );
}
