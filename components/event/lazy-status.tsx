"use client";

import { Button } from "@/components/ui/button";
import type { LazyState } from "./use-load-when-near";

/**
 * What a lazily loaded part of the page shows until its answer is there (`useLoadWhenNear`): a
 * button that loads it now, a status line while it loads, an alert with Retry when it failed.
 */
export function LazyStatus({ state, load, loading, action }: { state: LazyState<unknown>; load: () => void; loading: string; action: string }) {
  if (state.status === "error") {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-800">
        {state.message}
        <Button variant="outline" size="sm" onClick={load}>
          Retry
        </Button>
      </div>
    );
  }
  if (state.status === "loading") {
    return (
      <p role="status" className="text-sm text-neutral-600">
        {loading}
      </p>
    );
  }
  return (
    <Button variant="outline" size="sm" onClick={load}>
      {action}
    </Button>
  );
}
