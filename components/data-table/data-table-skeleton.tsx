import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

export function DataTableSkeleton({ label = "Loading table", rows = 8, columns = 6, toolbar = true }: { label?: string; rows?: number; columns?: number; toolbar?: boolean }) {
  return (
    <LoadingRegion label={label}>
      {toolbar ? (
        <div className="flex gap-2 py-3">
          <Skeleton className="h-9 w-64" />
          <Skeleton className="h-9 w-24" />
          <Skeleton className="h-9 w-28" />
          <Skeleton className="h-9 w-72" />
        </div>
      ) : null}
      <div className="overflow-hidden rounded-lg border border-neutral-200 bg-white">
        <div className="flex gap-4 border-b border-neutral-200 bg-neutral-50 px-3 py-2.5">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className="h-3 flex-1" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-4 border-b border-neutral-100 px-3 py-3 last:border-b-0">
            {Array.from({ length: columns }, (_, i) => (
              <Skeleton key={i} className={i === 0 ? "h-4 flex-[3]" : "h-4 flex-1"} />
            ))}
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}
