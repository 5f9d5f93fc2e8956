import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Merge class names, resolving Tailwind conflicts (last one wins). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

const currencyFormatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let fmt = currencyFormatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency });
    currencyFormatters.set(key, fmt);
  }
  return fmt;
}

/**
 * Format an integer amount in minor units ("cents") as currency: 1234500 → "$12,345.00".
 * Uses the currency's own minor-unit count (USD/EUR: 2, JPY: 0).
 */
export function formatCents(cents: number, currency = "USD", locale = "en-US"): string {
  const fmt = currencyFormatter(currency, locale);
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(cents / 10 ** digits);
}

const dateFormatter = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** Format a date as "Nov 25, 2026" in UTC (same output on server and client). Invalid → "—". */
export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return "—";
  return dateFormatter.format(date);
}

const dateTimeFormatter = new Intl.DateTimeFormat("en-US", {
  month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC",
});

/** Format a moment as "Nov 25, 14:00 UTC" (same output on server and client). Invalid → "—". */
export function formatDateTime(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return "—";
  return `${dateTimeFormatter.format(date)} UTC`;
}

/** Format a 0–100 number as a percentage: 87.3 → "87%", (87.3, 1) → "87.3%". */
export function formatPercent(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "—";
  return new Intl.NumberFormat("en-US", {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value / 100);
}
