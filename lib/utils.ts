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
