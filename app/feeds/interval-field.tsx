"use client";

import { Input, Label } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

/** Shortest and longest interval the API accepts (lib/feeds/schemas.ts), for the browser's own check. */
const MIN_MINUTES = 5;
const MAX_MINUTES = 7 * 24 * 60;

/** "Every (minutes)": a feed's interval, marked invalid when the API's error names intervalMinutes. */
export function IntervalField({
  id,
  value,
  onChange,
  error,
  className,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <Label htmlFor={id}>Every (minutes)</Label>
      <Input
        id={id}
        type="number"
        min={MIN_MINUTES}
        max={MAX_MINUTES}
        step={1}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error?.startsWith("intervalMinutes") ? true : undefined}
      />
    </div>
  );
}

/** The interval as the API wants it: a number when the field holds one, else the text (so the API names the problem). */
export function intervalValue(text: string): number | string {
  const minutes = Number(text);
  return Number.isFinite(minutes) && text.trim() ? minutes : text;
}
