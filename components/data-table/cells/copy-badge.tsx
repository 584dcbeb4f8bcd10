import { Badge } from "@/components/ui/badge";

/** Marks a republished copy so it is not read as independent confirmation. */
export function CopyBadge({ of }: { of?: string | null }) {
  return (
    <Badge tone="warning" title={of ? `Republished copy of ${of}` : "Republished copy"}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3">
        <rect x="5" y="5" width="8" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M3 11V3a1 1 0 0 1 1-1h6" fill="none" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      {of ? `copy of ${of}` : "republished"}
    </Badge>
  );
}
