import * as chrono from "chrono-node";

export interface ParseDateOptions {
  /** Language of the surrounding text ("fr", "fr-CA", "en"): tried first, so "09/10/2016" is 9 October in French. */
  lang?: string | null;
  /**
   * Reference instant. Without it a date must state its year ("20 septembre" alone is null),
   * because guessing the year would need the clock and these modules never read it.
   */
  now?: Date;
}

/** A date found inside a longer string: where it starts, what matched, and its ISO value. */
export interface FoundDate {
  index: number;
  text: string;
  iso: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
/** Outside this window a "date" is almost certainly a misparse (a page number, an id). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/**
 * Parses a publication date written in ISO 8601, RFC 2822, English ("September 20, 2016",
 * "20 Sep 2016") or French ("20 septembre 2016", "1er octobre 2016") with chrono-node.
 *
 * Returns "YYYY-MM-DD" when the input has no time of day, a full ISO UTC timestamp
 * ("2016-09-20T12:03:00.000Z") when it has one, and null when no complete date is found.
 * A time without a zone is read as UTC, so results never depend on the machine's time zone.
 * Relative words ("today", "Saturday") are not dates here: they need a clock.
 */
export function parseDate(s: string, opts: ParseDateOptions = {}): string | null {
  const input = s.trim();
  if (!input) return null;
  const iso = parseIso(input);
  if (iso !== undefined) return iso;
  return findDate(input, opts)?.iso ?? null;
}

/**
 * Finds the longest complete date (day, month and year) in `s`, trying the parser for
 * `opts.lang` first and the other language second. Used by the seed parser to split
 * "Mondialisation.ca, 20 septembre 2016" into a name and a date.
 */
export function findDate(s: string, opts: ParseDateOptions = {}): FoundDate | null {
  const french = (opts.lang ?? "").toLowerCase().startsWith("fr");
  // Strict parsers only: the casual ones turn "today" or "Saturday" into clock-relative dates.
  const parsers = french ? [chrono.fr.strict, chrono.en.strict] : [chrono.en.strict, chrono.fr.strict];
  const reference = { instant: opts.now ?? new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
  let best: FoundDate | null = null;
  for (const parser of parsers) {
    for (const result of parser.parse(s, reference)) {
      const found = toFound(result, opts.now !== undefined);
      // The first language wins ties: only a strictly longer match from the second replaces it.
      if (found && (!best || found.text.length > best.text.length)) best = found;
    }
  }
  return best;
}

function toFound(result: chrono.ParsedResult, yearMayBeImplied: boolean): FoundDate | null {
  const start = result.start;
  if (!start.isCertain("day") || !start.isCertain("month")) return null;
  if (!yearMayBeImplied && !start.isCertain("year")) return null;
  const year = start.get("year");
  const month = start.get("month");
  const day = start.get("day");
  if (year === null || month === null || day === null || year < MIN_YEAR || year > MAX_YEAR) return null;
  const iso = start.isCertain("hour") ? start.date().toISOString() : formatDay(year, month, day);
  return { index: result.index, text: result.text, iso };
}

/** undefined: not ISO-shaped, let chrono try; null: ISO-shaped but impossible (2016-02-30). */
function parseIso(input: string): string | null | undefined {
  const d = ISO_DATE.exec(input);
  if (d) {
    const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    return isRealDay(year, month, day) ? formatDay(year, month, day) : null;
  }
  const dt = ISO_DATE_TIME.exec(input);
  if (dt) {
    const [, day, time, zone] = dt;
    const dayMatch = ISO_DATE.exec(day ?? "");
    if (!dayMatch || !isRealDay(Number(dayMatch[1]), Number(dayMatch[2]), Number(dayMatch[3]))) return null;
    const ms = Date.parse(`${day}T${time}${zone ?? "Z"}`);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  return undefined;
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * True for a short line that is only a date, with or without a year ("15 July", "Mardi 20
 * septembre 2016, 14h30"): the dateline a page prints above its text.
 */
export function looksLikeDateLine(s: string): boolean {
  const line = s.trim();
  if (!line || line.length > 60) return false;
  const reference = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
  for (const parser of [chrono.en.strict, chrono.fr.strict]) {
    for (const result of parser.parse(line, reference)) {
      // 70%: room for "Published", "Updated:" or a weekday chrono does not absorb.
      if (result.start.isCertain("day") && result.start.isCertain("month") && result.text.length >= line.length * 0.7) return true;
    }
  }
  return false;
}
