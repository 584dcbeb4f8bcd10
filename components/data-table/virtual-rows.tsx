"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useState, type FocusEvent, type ReactNode, type RefObject } from "react";

/**
 * Pages with more rows than this are virtualised: only the rows in view (plus an overscan) are in
 * the DOM. Pages up to 100 rows (the largest of the usual sizes) render every row, as before; 200
 * (the API's cap) would otherwise mean thousands of cells with badges, links and popovers.
 */
export const VIRTUALIZE_ABOVE = 100;

/** A first guess at a row's height (one line of text plus a second small line); rows are measured once shown. */
export const ESTIMATED_ROW_HEIGHT = 48;

/** Rows rendered beyond each edge of the viewport, so Tab and short scrolls reach rows already there. */
export const OVERSCAN = 8;

/**
 * The scroll viewport's height before it is measured (server render, first client render): the
 * container is capped at 70vh, about 700px on a common laptop screen.
 */
export const INITIAL_VIEWPORT = 720;

/**
 * The body of a virtualised table: the rows in view between two spacer rows that stand for the
 * rows not rendered, so the <table> keeps its real layout and semantics (rows keep
 * aria-rowindex, the table states aria-rowcount). The row holding keyboard focus stays rendered
 * when it scrolls out of view, so focus is never dropped to <body>.
 */
export function VirtualRows({
  count,
  colCount,
  scrollRef,
  renderRow,
}: {
  count: number;
  colCount: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Renders row `index`; spread `rowProps` on its <tr>. */
  renderRow: (index: number, rowProps: VirtualRowProps) => ReactNode;
}) {
  const [focused, setFocused] = useState<number | null>(null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused, count],
  );

  // The virtualiser's getters change on every scroll by design; nothing here is memoised on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    rangeExtractor,
    initialRect: { width: 0, height: INITIAL_VIEWPORT },
    // React 19 warns about flushSync inside a render-phase update; a frame of lag is invisible here.
    useFlushSync: false,
  });

  const onFocus = (e: FocusEvent<HTMLTableSectionElement>) => {
    const index = Number((e.target as HTMLElement).closest("tr[data-index]")?.getAttribute("data-index"));
    if (Number.isInteger(index)) setFocused(index);
  };
  const onBlur = (e: FocusEvent<HTMLTableSectionElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
  };

  const items = virtualizer.getVirtualItems();
  const out: ReactNode[] = [];
  let end = 0;
  for (const item of items) {
    if (item.start > end) out.push(<Spacer key={`gap-${item.index}`} height={item.start - end} colCount={colCount} />);
    out.push(renderRow(item.index, { "data-index": item.index, ref: virtualizer.measureElement }));
    end = item.end;
  }
  const rest = virtualizer.getTotalSize() - end;
  if (rest > 0) out.push(<Spacer key="gap-end" height={rest} colCount={colCount} />);

  return (
    <tbody onFocus={onFocus} onBlur={onBlur}>
      {out}
    </tbody>
  );
}

export interface VirtualRowProps {
  "data-index": number;
  ref: (el: HTMLTableRowElement | null) => void;
}

function Spacer({ height, colCount }: { height: number; colCount: number }) {
  return (
    <tr aria-hidden="true" data-spacer="">
      <td colSpan={colCount} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
