"use client";

import type { ReactNode } from "react";
import { Tabs } from "@/components/ui/tabs";
import { useUrlState } from "@/components/data-table/url-state";

export type ComparisonBy = "outlet" | "authority";

/**
 * Switches the comparison between rows by outlet and rows by original authority. The choice
 * lives in the URL (`?by=authority`) so a view can be shared; the server renders the panel.
 */
export function ComparisonView({ by, children }: { by: ComparisonBy; children: ReactNode }) {
  const { setParams } = useUrlState();
  return (
    <Tabs<ComparisonBy>
      label="Group the comparison"
      items={[
        { key: "outlet", label: "By outlet" },
        { key: "authority", label: "By authority" },
      ]}
      value={by}
      onChange={(key) => setParams({ by: key === "outlet" ? null : key })}
    >
      {children}
    </Tabs>
  );
}
