/**
 * Counts, percentages, durations, plurals and dates as people read them, in one place (money lives in its
 * own module). Everything is en-US and UTC so the server and the browser print the same text.
 */

const LOCALE = "en-US";

const pluralRules = new Intl.PluralRules(LOCALE);
const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(maxDigits: number): Intl.NumberFormat {
  let fmt = numberFormats.get(maxDigits);
  if (!fmt) {
    fmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDigits });
    numberFormats.set(maxDigits, fmt);
  }
  return fmt;
}

/** A number with grouping and at most `maxDigits` decimals: 1234.56 → "1,234.6". Not finite → "—". */
export function formatNumber(value: number, maxDigits = 1): string {
  if (!Number.isFinite(value)) return "—";
  // -0.04 rounds to "-0": print "0"
  const rounded = Math.round(value * 10 ** maxDigits) / 10 ** maxDigits || 0;
  return numberFormat(maxDigits).format(rounded);
}

/** The noun for `count`: ("day", 1) → "day", ("day", 2) → "days"; irregular plurals via `other`. */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return pluralRules.select(count) === "one" ? one : other;
}

/** A count with its noun: (1, "day") → "1 day", (3, "refund") → "3 refunds", (2, "person", "people"). */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${formatNumber(count, 1)} ${pluralWord(count, one, other)}`;
}

/** A 0–100 number as a percentage: 87.3 → "87%", (87.3, 1) → "87.3%". Not finite → "—". */
export function formatPercent(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "—";
  return new Intl.NumberFormat(LOCALE, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value / 100);
}

const hoursFormat = new Intl.NumberFormat(LOCALE, {
  style: "unit",
  unit: "hour",
  unitDisplay: "long",
  maximumFractionDigits: 1,
});

/** Hours as words: 1 → "1 hour", 550.5 → "550.5 hours". Not finite → "—". */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return "—";
  return hoursFormat.format(Math.round(hours * 10) / 10 || 0);
}

const dateFormatter = new Intl.DateTimeFormat(LOCALE, {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

function toDate(d: Date | string): Date {
  return typeof d === "string" ? new Date(d) : d;
}

/** A date as "Nov 25, 2026" in UTC. Invalid → "—". */
export function formatDate(d: Date | string): string {
  const date = toDate(d);
  if (Number.isNaN(date.getTime())) return "—";
  return dateFormatter.format(date);
}

const dateTimeFormatter = new Intl.DateTimeFormat(LOCALE, {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** A moment as "Nov 25, 14:00 UTC". Invalid → "—". */
export function formatDateTime(d: Date | string): string {
  const date = toDate(d);
  if (Number.isNaN(date.getTime())) return "—";
  return `${dateTimeFormatter.format(date)} UTC`;
}

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/**
 * A moment relative to `now`: "in 3 days", "yesterday", "2 hours ago", "just now" (under a minute).
 * Show it with the absolute `formatDateTime` on hover (see `dateTitle`). Invalid → "—".
 */
export function formatRelative(d: Date | string, now: Date): string {
  const date = toDate(d);
  if (Number.isNaN(date.getTime())) return "—";
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relativeFormat.format(Math.round(diff / ms), unit);
  }
  return "just now";
}

/** A moment as "Mon, Dec 7, 2026, 10:00 (Europe/Berlin)" in the given time zone (a calendar invite's). */
export function formatDateTimeIn(d: Date | string, timeZone: string): string {
  const date = toDate(d);
  if (Number.isNaN(date.getTime())) return "—";
  const f = new Intl.DateTimeFormat(LOCALE, {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  });
  return `${f.format(date)} (${timeZone})`;
}
