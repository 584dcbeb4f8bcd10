"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  disabled?: boolean;
}

/**
 * Accessible tabs (WAI-ARIA tabs pattern, automatic activation, roving tabindex).
 * Controlled: the parent owns `value`. Render the panel with `panelProps(value)`.
 */
export function Tabs<K extends string>({
  label,
  items,
  value,
  onChange,
  children,
  className,
}: {
  label: string;
  items: TabItem<K>[];
  value: K;
  onChange: (key: K) => void;
  children: ReactNode;
  className?: string;
}) {
  const base = useId().replace(/:/g, "");
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const enabled = items.filter((i) => !i.disabled);

  const onKeyDown = (e: KeyboardEvent) => {
    const idx = enabled.findIndex((i) => i.key === value);
    let next = -1;
    if (e.key === "ArrowRight") next = (idx + 1) % enabled.length;
    else if (e.key === "ArrowLeft") next = (idx - 1 + enabled.length) % enabled.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = enabled.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const item = enabled[next];
    if (!item) return;
    onChange(item.key);
    refs.current[items.indexOf(item)]?.focus();
  };

  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="inline-flex rounded-md border border-neutral-300 bg-neutral-100 p-0.5" onKeyDown={onKeyDown}>
        {items.map((item, i) => {
          const selected = item.key === value;
          return (
            <button
              key={item.key}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${item.key}`}
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              tabIndex={selected ? 0 : -1}
              disabled={item.disabled}
              onClick={() => onChange(item.key)}
              className={cn(
                "rounded px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-40",
                selected ? "bg-white text-neutral-900 shadow-xs" : "text-neutral-600 hover:text-neutral-900",
              )}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${value}`} className="mt-3">
        {children}
      </div>
    </div>
  );
}
