"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useTransition, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type ParamValue = string | number | string[] | null | undefined;

export interface UrlState {
  searchParams: URLSearchParams;
  /** Replace the given params (null/""/[] removes them). Resets `page` unless it is among the updates. */
  setParams: (updates: Record<string, ParamValue>) => void;
  isPending: boolean;
}

/** Filter keys the toolbar manages; `resetFilters` removes them all. */
export const FILTER_KEYS = ["q", "outlet", "language", "from", "to"] as const;

function useOwnUrlState(): UrlState {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const searchParams = useMemo(() => new URLSearchParams(params?.toString() ?? ""), [params]);

  const setParams = useCallback(
    (updates: Record<string, ParamValue>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(updates)) {
        next.delete(key);
        if (value === null || value === undefined || value === "") continue;
        if (Array.isArray(value)) for (const v of value) next.append(key, v);
        else next.set(key, String(value));
      }
      if (!("page" in updates)) next.delete("page");
      const qs = next.toString();
      if (qs === searchParams.toString()) return;
      startTransition(() => {
        router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
      });
    },
    [pathname, router, searchParams],
  );

  return { searchParams, setParams, isPending };
}

const UrlStateContext = createContext<UrlState | null>(null);

/** Shares one URL-state instance (and so one pending flag) with everything inside it. */
export function UrlStateProvider({ children, className }: { children: ReactNode; className?: string }) {
  const state = useOwnUrlState();
  return (
    <UrlStateContext.Provider value={state}>
      <div
        aria-busy={state.isPending}
        data-pending={state.isPending ? "true" : undefined}
        className={cn("transition-opacity", state.isPending && "opacity-60", className)}
      >
        {children}
      </div>
    </UrlStateContext.Provider>
  );
}

/** URL state from the nearest provider, or a private instance when there is none. */
export function useUrlState(): UrlState {
  const own = useOwnUrlState();
  return useContext(UrlStateContext) ?? own;
}
