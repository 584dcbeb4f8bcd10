import type { OutletRef } from "@/lib/schemas/dto";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const KIND: Record<string, { label: string; tone: BadgeTone; title: string }> = {
  wire: { label: "wire", tone: "accent", title: "News agency (wire service)" },
  state: { label: "state", tone: "danger", title: "State-controlled media" },
  public: { label: "public", tone: "success", title: "Public-service broadcaster" },
  independent: { label: "indep.", tone: "neutral", title: "Independent outlet" },
  unknown: { label: "unknown", tone: "muted", title: "Ownership not classified" },
};

export function OutletKindBadge({ kind }: { kind: string }) {
  const k = KIND[kind] ?? { label: kind, tone: "muted" as BadgeTone, title: kind };
  return (
    <Badge tone={k.tone} title={k.title}>
      <span className="sr-only">{k.title}: </span>
      <span aria-hidden="true">{k.label}</span>
    </Badge>
  );
}

/** Outlet name with its kind badge. */
export function OutletBadge({ outlet, className, hideKind }: { outlet: OutletRef; className?: string; hideKind?: boolean }) {
  return (
    <span className={cn("inline-flex max-w-full items-center gap-1.5", className)}>
      <span className="truncate font-medium text-neutral-900">{outlet.name}</span>
      {hideKind ? null : <OutletKindBadge kind={outlet.kind} />}
    </span>
  );
}
