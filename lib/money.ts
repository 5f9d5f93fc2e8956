import { z } from "zod";

/**
 * Money in Onward: integer minor units ("cents") of the workspace's currency (`Tenant.currency`),
 * parsed, checked and formatted only here (docs/money.md).
 */

/**
 * The largest amount a money column holds: PostgreSQL INTEGER of cents, $21,474,836.47 in a
 * two-decimal currency. Every money schema uses it, so a larger amount is bad input, never a failed write.
 */
export const MAX_MONEY_CENTS = 2_147_483_647;

export const DEFAULT_CURRENCY = "USD";

/**
 * - exact: every minor digit ("$12,345.00")
 * - short: minor digits only when there are cents ("$12,345", "$12,345.50")
 * - whole: rounded to whole units ("$12,346")
 * - compact: for tiles ("$12.3K")
 */
export type MoneyStyle = "exact" | "short" | "whole" | "compact";

const STYLES: Record<MoneyStyle, Intl.NumberFormatOptions> = {
  exact: {},
  short: { trailingZeroDisplay: "stripIfInteger" },
  whole: { maximumFractionDigits: 0 },
  compact: { notation: "compact", maximumFractionDigits: 1 },
};

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, style: MoneyStyle): Intl.NumberFormat {
  const key = `${currency}|${style}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat("en-US", { style: "currency", currency, ...STYLES[style] });
    formatters.set(key, fmt);
  }
  return fmt;
}

/** How many minor digits the currency has (USD, EUR: 2; JPY: 0); 2 for a code Intl does not know. */
export function fractionDigits(currency: string): number {
  try {
    return formatter(currency, "exact").resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Cents → major units as a number, for chart values and number inputs: (1234550, "USD") → 12345.5. */
export function toMajorUnits(cents: number, currency: string = DEFAULT_CURRENCY): number {
  return cents / 10 ** fractionDigits(currency);
}

/** Cents → an amount as people read it: (1234500, "USD") → "$12,345.00"; (1234500, "JPY") → "¥1,234,500". */
export function formatMoney(cents: number, currency: string = DEFAULT_CURRENCY, style: MoneyStyle = "exact"): string {
  try {
    return formatter(currency, style).format(toMajorUnits(cents, currency));
  } catch {
    // a code Intl does not know still reads as an amount: "1234.50 XYZ"
    return `${formatMoneyPlain(cents, currency)} ${currency}`;
  }
}

/**
 * Cents → plain decimal text without symbol or grouping, for CSV cells, input fields and messages
 * that are read back: (1234550, "USD") → "12345.50". Integer arithmetic, so no float noise.
 */
export function formatMoneyPlain(cents: number, currency: string = DEFAULT_CURRENCY): string {
  const digits = fractionDigits(currency);
  const abs = Math.abs(Math.round(cents));
  const sign = cents < 0 && abs > 0 ? "-" : "";
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** The largest amount in words for messages that do not know the currency (two minor digits). */
export const LARGEST_AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 }).format(
  toMajorUnits(MAX_MONEY_CENTS),
);

/**
 * A zod schema for an amount in cents: a number, whole cents, not negative (or above zero), at most
 * MAX_MONEY_CENTS. Too large is checked first so 1e17 reads "too large", not "not whole".
 */
export function zMoneyCents(what: string, { positive = false }: { positive?: boolean } = {}) {
  const base = z
    .number({ message: `Enter the ${what}, like 1234.56` })
    .max(MAX_MONEY_CENTS, {
      message: `The ${what} is at most ${LARGEST_AMOUNT}, the largest amount Onward stores`,
      abort: true,
    })
    .int(`The ${what} has a fraction of a cent; use at most two decimals`);
  return positive ? base.positive(`The ${what} must be above zero`) : base.min(0, `The ${what} cannot be negative`);
}

/**
 * A money field's text → cents for the schema, or the field's own error in the currency's words.
 * Blank is `undefined`, so the schema decides whether the field is required.
 */
export function readMoneyField(
  value: unknown,
  currency: string = DEFAULT_CURRENCY,
): { cents: number | undefined; error?: string } {
  const text = typeof value === "string" ? value : "";
  if (text.trim() === "") return { cents: undefined };
  const parsed = parseMoney(text, currency);
  return parsed.ok ? { cents: parsed.cents } : { cents: undefined, error: parsed.reason };
}

export type MoneyResult = { ok: true; cents: number } | { ok: false; reason: string };

const SYMBOLS: Record<string, readonly string[]> = {
  "€": ["EUR"],
  $: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
  "£": ["GBP"],
  "¥": ["JPY", "CNY"],
  "₹": ["INR"],
};

/**
 * Amounts typed by people and CRMs → integer minor units (cents) of the workspace's currency
 * (docs/import.md#money). Accepted: "1234.5", "$1,234.56", "1.234,56 €", "1 234,56", "1'234.56", "EUR 99".
 *
 * - When both "." and "," appear, the last one is the decimal separator and the other groups thousands.
 * - A single separator followed by exactly three digits groups thousands ("1,234" and "1.234" are both
 *   1234); followed by one or two digits it is the decimal separator ("1234,5" is 1234.50).
 * - Thousands groups must have three digits ("12,34,567" is refused) and a grouped number cannot start
 *   with 0 ("0.125" is refused: three decimals is not a price).
 * - A currency symbol or code that is not the workspace's currency is refused, never converted.
 * - Negative amounts are refused; so is anything above MAX_MONEY_CENTS.
 * - Exponent notation ("1e6") is read as the number it is, so "1e15" is too large, not a typo.
 */
export function parseMoney(input: string, currency: string): MoneyResult {
  let s = input.trim();
  if (s === "") return { ok: false, reason: "The amount is empty." };
  const notAmount: MoneyResult = {
    ok: false,
    reason: `“${input.trim().slice(0, 40)}” is not an amount. Write it like 1234.56 or 1.234,56.`,
  };
  if (!/\d/.test(s)) return notAmount;
  if (/^\(.*\)$/.test(s) || /[-\u2212]/.test(s)) {
    return { ok: false, reason: "The amount cannot be negative." };
  }

  // currency symbols and three-letter codes, at either end
  const found: string[] = [];
  s = s.replace(/[€$£¥₹]/g, (m) => {
    found.push(m);
    return " ";
  });
  s = s.replace(/\b[A-Za-z]{3}\b/g, (m) => {
    found.push(m.toUpperCase());
    return " ";
  });
  for (const mark of found) {
    const codes = SYMBOLS[mark] ?? [mark];
    if (!codes.includes(currency)) {
      const named = SYMBOLS[mark] ? (codes.length === 1 ? codes[0] : `“${mark}”`) : mark;
      return {
        ok: false,
        reason: `The amount is in ${named}, but this workspace counts in ${currency}. Convert it to ${currency} first.`,
      };
    }
  }
  s = s.trim();
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(s)) return fromExponent(Number(s), currency);
  if (!/^\d[\d.,\s'’\u00a0\u202f\u2009]*$/.test(s) || !/\d$/.test(s)) return notAmount;

  // the decimal separator: the last of "." / ","; or none (see the rules above)
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let decimal: "." | "," | null = null;
  if (dots > 0 && commas > 0) decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
  else if (dots + commas === 1) {
    const sep = dots === 1 ? "." : ",";
    const after = s.slice(s.indexOf(sep) + 1);
    decimal = /^\d{3}$/.test(after) ? null : sep;
  }
  if (decimal !== null && s.split(decimal).length - 1 > 1) return notAmount;

  const [intText = "", fracText = ""] = decimal === null ? [s, ""] : s.split(decimal);
  if (decimal !== null && !/^\d+$/.test(fracText)) return notAmount;
  const groups = intText.split(/[.,\s'’\u00a0\u202f\u2009]+/);
  if (groups.length > 1) {
    const [first = "", ...rest] = groups;
    if (!/^[1-9]\d{0,2}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) {
      return {
        ok: false,
        reason: `“${input.trim().slice(0, 40)}” has its thousands grouped oddly. Write it without separators, like 1234.56.`,
      };
    }
  }
  const digits = fractionDigits(currency);
  if (fracText.length > digits) {
    return {
      ok: false,
      reason: digits === 0 ? `${currency} amounts have no decimals.` : `The amount has more than ${digits} decimals.`,
    };
  }
  const whole = groups.join("");
  if (whole.length > 12) return tooLarge(currency);
  const cents = Number(whole) * 10 ** digits + Number(fracText.padEnd(digits, "0") || "0");
  if (cents > MAX_MONEY_CENTS) return tooLarge(currency);
  return { ok: true, cents };
}

/** "1e6" as people type into a number field: an amount when it is one, too large when it is. */
function fromExponent(value: number, currency: string): MoneyResult {
  const cents = value * 10 ** fractionDigits(currency);
  if (cents > MAX_MONEY_CENTS) return tooLarge(currency);
  if (!Number.isInteger(cents)) return { ok: false, reason: "Write the amount out in digits, like 1234.56." };
  return { ok: true, cents };
}

function tooLarge(currency: string): MoneyResult {
  return {
    ok: false,
    reason: `The amount is above ${formatMoney(MAX_MONEY_CENTS, currency)}, the largest value Onward stores.`,
  };
}
