import type { ReactNode } from "react";
import { cn } from "./cn";

export function EmptyState({
  title,
  description,
  action,
  className,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-1 rounded-md border border-dashed border-neutral-300 px-6 py-10 text-center",
        className,
      )}
    >
      <p className="text-sm font-medium text-neutral-900">{title}</p>
      {description ? <div className="max-w-prose text-sm text-neutral-600">{description}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
