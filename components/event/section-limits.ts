import type { SectionLimits } from "@/lib/schemas/dto";

/**
 * How much of the event page's lazily loaded sections is shown (Blindspots, Statements by
 * speaker): the components render these, and /api/events/:id/sections sends no more.
 */
export const SECTION_LIMITS: SectionLimits = {
  /** Rows per blindspot table: the most widely reported facts first. */
  blindspotRows: 25,
  /** Outlets named per blindspot cell before "and N more". */
  blindspotNames: 10,
  speakers: 5,
  /**
   * Outlets shown side by side per speaker; the others are named with a link to their quote. A
   * speaker quoted by hundreds of outlets would otherwise fill megabytes of page.
   */
  speakerOutlets: 6,
  minorOutlets: 2,
  minorPerOutlet: 1,
  namedOutlets: 12,
};

/** Quotes shown per outlet for the first speakers; the rest sit behind "N more from …". */
export const SHOWN_PER_OUTLET = 2;
