"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { ClaimItem, StatementItem } from "@/lib/schemas/dto";
import { cn } from "@/components/ui/cn";
import { formatFigure, KIND_LABEL, QUALIFIER_LABEL } from "@/components/format";

interface Span {
  type: "claim" | "statement";
  id: number;
  start: number;
  end: number;
  children: Span[];
}

/**
 * Nest spans into a forest so they render as properly nested <mark>s. A span that crosses the
 * end of an enclosing one is clipped to it (rare: a figure phrase straddling a quote boundary).
 */
function buildForest(claims: ClaimItem[], statements: StatementItem[], length: number): Span[] {
  const spans: Span[] = [
    ...statements.map((s) => ({ type: "statement" as const, id: s.id, start: s.start, end: s.end, children: [] })),
    ...claims.map((c) => ({ type: "claim" as const, id: c.id, start: c.start, end: c.end, children: [] })),
  ]
    .map((s) => ({ ...s, start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.type === "statement" ? -1 : 1));

  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1]!.end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && s.end > parent.end) s.end = parent.end;
    if (s.end <= s.start) continue;
    (parent ? parent.children : roots).push(s);
    stack.push(s);
  }
  return roots;
}

function renderSpans(text: string, nodes: Span[], from: number, to: number): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = from;
  for (const n of nodes) {
    if (n.start > pos) out.push(text.slice(pos, n.start));
    const domId = `${n.type}-${n.id}`;
    out.push(
      <mark
        key={domId}
        id={domId}
        data-span={domId}
        tabIndex={0}
        aria-describedby={`${domId}-details`}
        className={cn(
          "cursor-help rounded-sm text-inherit scroll-mt-24 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 target:ring-2 target:ring-blue-500",
          n.type === "claim"
            ? "bg-amber-200/80 px-0.5 font-semibold hover:bg-amber-300"
            : "bg-sky-100 decoration-sky-500 decoration-2 underline-offset-4 hover:bg-sky-200 [&:not(:has(mark))]:underline",
        )}
      >
        {renderSpans(text, n.children, n.start, n.end)}
      </mark>,
    );
    pos = n.end;
  }
  if (pos < to) out.push(text.slice(pos, to));
  return out;
}

function SpanDetails({ claim, statement }: { claim?: ClaimItem; statement?: StatementItem }) {
  if (claim) {
    return (
      <>
        <p className="font-semibold">
          {KIND_LABEL[claim.kind]}: <span className="tabular-nums">{formatFigure(claim)}</span>
          {claim.victimGroup ? <span className="font-normal"> · {claim.victimGroup}</span> : null}
        </p>
        <p className="text-neutral-300">
          {QUALIFIER_LABEL[claim.qualifier]}
          {claim.authority ? ` · per ${claim.authority}` : " · not attributed"}
          {claim.isHeadline ? " · headline figure" : ""}
          {claim.isContext ? " · context (not this event)" : ""}
        </p>
      </>
    );
  }
  if (statement) {
    return (
      <>
        <p className="font-semibold">{statement.speaker ?? statement.speakerMention ?? "Unknown speaker"}</p>
        <p className="text-neutral-300">
          {statement.direct ? "direct quote" : "reported speech"}
          {statement.cue ? ` · “${statement.cue}”` : ""}
          {statement.channel ? ` · via ${statement.channel}` : ""}
        </p>
      </>
    );
  }
  return null;
}

/**
 * The article's text rendered as text (never HTML), with every extracted span marked. Each mark
 * is focusable; hover or focus shows its details, and its accessible description is the
 * matching entry in the lists below.
 */
export function ArticleText({ text, claims, statements }: { text: string; claims: ClaimItem[]; statements: StatementItem[] }) {
  const forest = buildForest(claims, statements, text.length);
  const [active, setActive] = useState<{ id: string; top: number; left: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback((el: Element | null) => {
    if (timer.current) clearTimeout(timer.current);
    const mark = el?.closest("mark[data-span]") as HTMLElement | null;
    if (!mark) return;
    const rects = mark.getClientRects();
    const r = rects[0] ?? mark.getBoundingClientRect();
    setActive({ id: mark.dataset.span!, top: r.bottom + 6, left: Math.max(8, Math.min(r.left, window.innerWidth - 328)) });
  }, []);
  const hide = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setActive(null), 100);
  }, []);

  useEffect(() => {
    if (!active) return;
    const clear = () => setActive(null);
    window.addEventListener("scroll", clear, { passive: true });
    return () => window.removeEventListener("scroll", clear);
  }, [active]);

  const claimById = new Map(claims.map((c) => [`claim-${c.id}`, c]));
  const statementById = new Map(statements.map((s) => [`statement-${s.id}`, s]));

  return (
    <div
      className="relative"
      onMouseOver={(e) => show(e.target as Element)}
      onMouseOut={hide}
      onFocus={(e) => show(e.target as Element)}
      onBlur={hide}
      onKeyDown={(e) => {
        if (e.key === "Escape") setActive(null);
      }}
    >
      <div className="max-w-prose font-serif text-[1.0625rem] leading-7 whitespace-pre-wrap text-neutral-900">
        {renderSpans(text, forest, 0, text.length)}
      </div>
      {active ? (
        <div
          aria-hidden="true"
          style={{ top: active.top, left: active.left }}
          className="pointer-events-none fixed z-50 w-80 rounded-md bg-neutral-900 px-3 py-2 text-xs leading-relaxed text-white shadow-lg"
        >
          <SpanDetails claim={claimById.get(active.id)} statement={statementById.get(active.id)} />
        </div>
      ) : null}
    </div>
  );
}
