/**
 * The day an article says its event happened: "were killed on Saturday", "in Saturday's strike",
 * "on 17 September", "yesterday", "samedi", resolved against the publication time with
 * chrono-node. Reporting days are skipped ("the Observatory said on Sunday"): they date the
 * report, not the event.
 *
 * Pure: the publication time is the only reference (no clock).
 */
import * as chrono from "chrono-node";
import { findDate } from "../ingest/dates";
import { cleanTitle } from "../cluster/title";

export interface DayInput {
  title: string;
  text: string;
  /** ISO time or YYYY-MM-DD; without it only dates that state their year are read. */
  publishedAt: string | null;
  language?: string | null;
}

/** Characters of the body read: the lead, where news dates its event. */
const LEAD_CHARS = 700;
/** Days back from publication a date may point to and still be this event's (older is background). */
const MAX_DAYS_BACK = 60;
const DAY_MS = 86_400_000;

// Words a date expression needs; chrono only runs on sentences that have one (it is the costly part).
const DATE_WORD =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/i;
const DATE_WORDS = new RegExp(DATE_WORD.source, "gi");
const WINDOW_BEFORE = 30;
const WINDOW_AFTER = 30;
// "X said on Sunday", "a annoncé samedi": the day of the report.
const REPORTING = /\b(?:said|says|told|reported|announced|added|confirmed|stated|statement|published|released|updated|posted|a déclaré|a annoncé|ont annoncé|a indiqué|selon)\s+(?:on\s+|late\s+|early\s+|le\s+)?$/i;
// A sentence ends before a capital, not after an abbreviation ("Dec. 28", "St. Louis").
const SENTENCE_BREAK = /(?<=[.!?])(?<!\b[A-Z][a-z]{0,3}\.)\s+(?=[A-Z"“‘(])|\n+/;
const RELATIVE_WORD = /\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|hier|aujourd'hui|ce matin|cette nuit)\b/i;

// chrono's casual parsers, less those this never needs (times, ISO and slash dates, "in 5
// minutes"): the parse costs about a third as much. Chosen by class name (chrono-node is pinned);
// the day tests fail if a needed one goes missing.
const EVENT_PARSERS = new Set([
  "ENMonthNameLittleEndianParser", "ENMonthNameMiddleEndianParser", "ENWeekdayParser", "ENCasualDateParser", "ENCasualTimeParser",
  "FRMonthNameLittleEndianParser", "FRWeekdayParser", "FRCasualDateParser", "FRCasualTimeParser",
]);
let trimmed: { en: chrono.Chrono; fr: chrono.Chrono } | null = null;

function parsers(): { en: chrono.Chrono; fr: chrono.Chrono } {
  if (!trimmed) {
    const trim = (c: chrono.Chrono) => {
      const copy = c.clone();
      copy.parsers = copy.parsers.filter((p) => EVENT_PARSERS.has(p.constructor.name));
      return copy;
    };
    trimmed = { en: trim(chrono.en.casual), fr: trim(chrono.fr.casual) };
  }
  return trimmed;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function publication(publishedAt: string | null): Date | null {
  if (!publishedAt) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? `${publishedAt}T12:00:00Z` : publishedAt);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** One accepted date from a chrono result, or null (a time alone, "the weekend", too far back, in the future). */
function dayOf(r: chrono.ParsedResult, pub: Date): string | null {
  const s = r.start;
  const weekday = s.isCertain("weekday") && !s.isCertain("day");
  const dated = s.isCertain("day") && s.isCertain("month");
  if (/weekend|week-end/i.test(r.text)) return null;
  if (!weekday && !dated && !RELATIVE_WORD.test(r.text)) return null;
  let t = Date.UTC(s.get("year") ?? pub.getUTCFullYear(), (s.get("month") ?? 1) - 1, s.get("day") ?? 1);
  const pubDay = Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth(), pub.getUTCDate());
  // News reports what happened: a weekday or a month-day ahead of publication is last week's or last year's.
  if (t > pubDay) {
    if (weekday) t -= 7 * DAY_MS;
    else if (!s.isCertain("year")) {
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate());
    } else return null;
  }
  if (t > pubDay || pubDay - t > MAX_DAYS_BACK * DAY_MS) return null;
  const d = new Date(t);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The first date in the headline and lead that dates the event, as YYYY-MM-DD, or null when the
 * article gives none. Weekdays and dates without a year resolve to the most recent one on or
 * before the publication day; dates more than 60 days back, and reporting days, are skipped.
 */
export function findEventDay(input: DayInput): string | null {
  const french = (input.language ?? "").toLowerCase().startsWith("fr");
  const text = input.text ?? "";
  const lead = text.length > LEAD_CHARS ? text.slice(0, LEAD_CHARS) : text;
  const pub = publication(input.publishedAt);
  const dayIn = (piece: string): string | null => {
    if (!DATE_WORD.test(piece)) return null;
    if (!pub) {
      // No reference: only a complete date can be read.
      const found = findDate(piece, { lang: input.language });
      return found ? found.iso.slice(0, 10) : null;
    }
    const parser = french ? parsers().fr : parsers().en;
    // chrono's cost grows with the text it scans: parse a window around each date word only.
    for (const w of piece.matchAll(DATE_WORDS)) {
      const from = Math.max(0, w.index - WINDOW_BEFORE);
      const window = piece.slice(from, w.index + w[0].length + WINDOW_AFTER);
      for (const r of parser.parse(window, { instant: pub, timezone: 0 }, { forwardDate: false })) {
        const at = from + r.index;
        // Only the expression built on this date word (others get their own window).
        if (at > w.index || at + r.text.length < w.index + w[0].length) continue;
        if (REPORTING.test(piece.slice(Math.max(0, at - 40), at))) continue;
        const day = dayOf(r, pub);
        if (day) return day;
      }
    }
    return null;
  };
  const fromTitle = dayIn(cleanTitle(input.title ?? ""));
  if (fromTitle) return fromTitle;
  // The lead is split at whitespace only, and no date word holds a break: a lead without a date
  // word has no sentence with one, and need not be split.
  if (!DATE_WORD.test(lead)) return null;
  for (const piece of lead.split(SENTENCE_BREAK)) {
    const day = dayIn(piece);
    if (day) return day;
  }
  return null;
}
