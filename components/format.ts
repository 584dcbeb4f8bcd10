import type { Range } from "@/lib/schemas/dto";
import type { CasualtyKind, Qualifier } from "@/lib/extract/types";

const num = new Intl.NumberFormat("en-US");
// Fixed locale and UTC so server and client render identical strings (no hydration mismatch).
const dateFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const dayFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const timeFmt = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hour12: false });

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "—" : num.format(n);
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "20 Sep 2016" (UTC). */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? dateFmt.format(d) : "—";
}

/** "20 Sep" (UTC), for chart ticks. */
export function formatDay(iso: string | number | null | undefined): string {
  const d = typeof iso === "number" ? new Date(iso) : parse(iso);
  return d ? dayFmt.format(d) : "—";
}

/** "20 Sep 2016, 14:05 UTC"; date only when the time is exactly midnight UTC (day precision). */
export function formatDateTime(iso: string | number | null | undefined): string {
  const d = typeof iso === "number" ? new Date(iso) : parse(iso);
  if (!d) return "—";
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return dateFmt.format(d);
  return `${dateFmt.format(d)}, ${timeFmt.format(d)} UTC`;
}

/** An aggregate range: "62", "62–90", "≥ 62", "≤ 90", or "—". */
export function formatRange(r: Range | null | undefined): string {
  if (!r || (r.min === null && r.max === null)) return "—";
  if (r.min !== null && r.max !== null) return r.min === r.max ? num.format(r.min) : `${num.format(r.min)}–${num.format(r.max)}`;
  if (r.min !== null) return `≥ ${num.format(r.min)}`;
  return `≤ ${num.format(r.max as number)}`;
}

const VAGUE_WORD = /\b(dozens|scores|hundreds|thousands|several|many|numerous|a few|few|some|more than a dozen|a dozen|tens)\b/i;

/**
 * A figure as its qualifier bounds it: "62", "≥ 62", "≤ 10", "~40", "83–90", "24+ (dozens)".
 * `phrase` is only used to name a vague quantity.
 */
export function formatFigure(f: { min: number | null; max: number | null; qualifier: Qualifier; phrase?: string }): string {
  const { min, max, qualifier } = f;
  if (min === null && max === null) return f.phrase ? `? (${f.phrase})` : "?";
  switch (qualifier) {
    case "at_least":
      return `≥ ${num.format((min ?? max) as number)}`;
    case "at_most":
      return `≤ ${num.format((max ?? min) as number)}`;
    case "about":
      return min !== null && max !== null && min !== max
        ? `~${num.format(min)}–${num.format(max)}`
        : `~${num.format((min ?? max) as number)}`;
    case "vague": {
      const word = f.phrase?.match(VAGUE_WORD)?.[0]?.toLowerCase() ?? f.phrase?.toLowerCase();
      const base =
        min !== null && max !== null && min !== max
          ? `${num.format(min)}–${num.format(max)}`
          : min !== null
            ? `${num.format(min)}+`
            : `≤ ${num.format(max as number)}`;
      return word ? `${base} (${word})` : base;
    }
    case "range":
    case "exact":
    default:
      if (min !== null && max !== null) return min === max ? num.format(min) : `${num.format(min)}–${num.format(max)}`;
      return min !== null ? `≥ ${num.format(min)}` : `≤ ${num.format(max as number)}`;
  }
}

export const QUALIFIER_LABEL: Record<Qualifier, string> = {
  exact: "exact figure",
  at_least: "at least (lower bound)",
  at_most: "at most (upper bound)",
  about: "approximate",
  range: "range",
  vague: "vague quantity",
};

export const KIND_LABEL: Record<CasualtyKind, string> = {
  killed: "Killed",
  wounded: "Wounded",
  missing: "Missing",
  captured: "Captured",
  displaced: "Displaced",
};

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export const LANGUAGE_NAMES: Record<string, string> = {
  en: "English", fr: "French", de: "German", es: "Spanish", it: "Italian", pt: "Portuguese", ru: "Russian",
  ar: "Arabic", tr: "Turkish", nl: "Dutch", pl: "Polish", uk: "Ukrainian", zh: "Chinese", ja: "Japanese",
  fa: "Persian", he: "Hebrew", sv: "Swedish", da: "Danish", no: "Norwegian", fi: "Finnish", el: "Greek",
};

export function languageName(code: string | null | undefined): string {
  if (!code) return "—";
  return LANGUAGE_NAMES[code] ?? code;
}

/** How the article search reads a query (lib/db/search.ts), for the search boxes' hint. */
export const TEXT_SEARCH_HINT = 'Every word must occur. "exact phrase", kill* for killed/killing, airstrike OR bombing for either, -word or NOT word to exclude.';
