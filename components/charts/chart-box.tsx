"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/** Draw a chart once it comes this close to the viewport. */
const NEAR_MARGIN = "600px 0px";

/**
 * The chart's box: an image of `height` pixels named by `label` (title and text summary), drawn
 * only once it nears the viewport. The server sends the empty box, so the page does not render
 * and hydrate an SVG nobody has scrolled to, and nothing moves when it is drawn: measured on a
 * 200-article event's page, the two charts were most of the browser's script time at load.
 */
export function ChartBox({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: NEAR_MARGIN });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={ref} role="img" aria-label={label} aria-busy={!near} style={{ height }} className="w-full">
      {near ? children : null}
    </div>
  );
}
