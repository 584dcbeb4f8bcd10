import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "accent" | "warning" | "danger" | "success" | "muted";

/** Styles in app/globals.css (`.badge`, `.badge-<tone>`): pages repeat badges hundreds of times. */
const tones: Record<BadgeTone, string> = {
  neutral: "badge-neutral",
  accent: "badge-accent",
  warning: "badge-warning",
  danger: "badge-danger",
  success: "badge-success",
  muted: "badge-muted",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn("badge", tones[tone], className)}
      {...props}
    />
  );
}
