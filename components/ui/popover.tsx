"use client";

import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { cn } from "./cn";

export interface PopoverTriggerProps {
  /** Absent while a lazy popover is closed: its content is not in the DOM then. */
  "aria-describedby": string | undefined;
  "aria-expanded": boolean;
  "aria-controls": string | undefined;
  onClick: () => void;
}

/**
 * A non-modal popover that opens on hover AND keyboard focus, stays open while the pointer or
 * focus is inside it (so its links are reachable), and closes on Escape. The content is always
 * in the DOM (visually hidden when closed) so `aria-describedby` gives the trigger its
 * description even before it opens, except for lazy content (children as a function of the open
 * state): that has nothing to describe before it opens, so the region is rendered only while
 * open, and a page of hundreds of figures does not carry hundreds of empty regions. Positioned
 * `fixed` so scrolling table containers do not clip it.
 */
export function Popover({
  trigger,
  children,
  className,
  width = 352,
  label,
}: {
  trigger: (props: PopoverTriggerProps) => ReactNode;
  /** The content, or a function of the open state to render heavy content only while open. */
  children: ReactNode | ((open: boolean) => ReactNode);
  className?: string;
  width?: number;
  /** Accessible label of the popover region. */
  label?: string;
}) {
  const id = useId();
  const contentId = `pop-${id.replace(/:/g, "")}`;
  const [open, setOpen] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({});
  const wrapperRef = useRef<HTMLSpanElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelClose = useCallback(() => {
    if (closeTimer.current) clearTimeout(closeTimer.current);
    closeTimer.current = null;
  }, []);
  const show = useCallback(() => {
    cancelClose();
    setOpen(true);
  }, [cancelClose]);
  const scheduleClose = useCallback(() => {
    cancelClose();
    closeTimer.current = setTimeout(() => setOpen(false), 150);
  }, [cancelClose]);

  // Touches no refs: it is handed to the trigger render prop.
  const toggle = useCallback(() => setOpen((o) => !o), []);
  const mounted = open || typeof children !== "function";

  const place = useCallback(() => {
    const wrapper = wrapperRef.current;
    const trig = wrapper?.firstElementChild as HTMLElement | null;
    if (!trig) return;
    const r = trig.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const w = Math.min(width, vw - 16);
    const left = Math.max(8, Math.min(r.left, vw - w - 8));
    const h = contentRef.current?.offsetHeight ?? 160;
    const below = r.bottom + 6 + h <= vh - 8 || r.top < h + 14;
    setStyle(below ? { top: r.bottom + 6, left, width: w } : { top: r.top - 6 - h, left, width: w });
  }, [width]);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  useEffect(() => {
    if (!open) return;
    const onMove = () => place();
    window.addEventListener("scroll", onMove, true);
    window.addEventListener("resize", onMove);
    return () => {
      window.removeEventListener("scroll", onMove, true);
      window.removeEventListener("resize", onMove);
    };
  }, [open, place]);

  useEffect(() => cancelClose, [cancelClose]);

  const onBlur = (e: FocusEvent) => {
    if (!wrapperRef.current?.contains(e.relatedTarget as Node | null)) scheduleClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
      (wrapperRef.current?.firstElementChild as HTMLElement | null)?.focus();
    }
  };

  return (
    <span
      ref={wrapperRef}
      className="relative inline-block max-w-full"
      onMouseEnter={show}
      onMouseLeave={scheduleClose}
      onFocus={show}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      {trigger({
        "aria-describedby": mounted ? contentId : undefined,
        "aria-expanded": open,
        "aria-controls": mounted ? contentId : undefined,
        onClick: toggle,
      })}
      {mounted ? (
        <div
          ref={contentRef}
          id={contentId}
          role="region"
          aria-label={label}
          style={style}
          data-state={open ? "open" : "closed"}
          className={cn(
            "fixed z-50 rounded-md border border-neutral-200 bg-white p-3 text-left text-sm font-normal whitespace-normal text-neutral-800 shadow-lg",
            open ? "visible opacity-100" : "invisible opacity-0",
            className,
          )}
        >
          {typeof children === "function" ? children(open) : children}
        </div>
      ) : null}
    </span>
  );
}

/** A plain hover/focus tooltip for short help text on an element that is itself focusable. */
export function Tooltip({ content, children }: { content: ReactNode; children: (describedBy: string) => ReactNode }) {
  const id = useId();
  const tipId = `tip-${id.replace(/:/g, "")}`;
  return (
    <span className="group/tip relative inline-flex">
      {children(tipId)}
      <span
        id={tipId}
        role="tooltip"
        className="pointer-events-none invisible absolute bottom-full left-1/2 z-50 mb-1.5 w-max max-w-64 -translate-x-1/2 rounded bg-neutral-900 px-2 py-1 text-xs font-normal whitespace-normal text-white opacity-0 shadow group-focus-within/tip:visible group-focus-within/tip:opacity-100 group-hover/tip:visible group-hover/tip:opacity-100"
      >
        {content}
      </span>
    </span>
  );
}
