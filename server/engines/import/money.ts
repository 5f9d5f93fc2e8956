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
 * - Negative amounts are refused; so is anything above what the database holds (a 32-bit integer of cents).
 */
export const MAX_CENTS = 2_147_483_647;

export type MoneyResult = { ok: true; cents: number } | { ok: false; reason: string };

const SYMBOLS: Record<string, readonly string[]> = {
  "€": ["EUR"],
  "$": ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
  "£": ["GBP"],
  "¥": ["JPY", "CNY"],
  "₹": ["INR"],
};

export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMinor(cents: number, currency: string): string {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 10 ** digits);
}

export function parseMoney(input: string, currency: string): MoneyResult {
  let s = input.trim();
  if (s === "") return { ok: false, reason: "The amount is empty." };
  const notAmount: MoneyResult = { ok: false, reason: `“${input.trim().slice(0, 40)}” is not an amount. Write it like 1234.56 or 1.234,56.` };
  if (/\d/.test(s) && (/^\(.*\)$/.test(s) || /[-\u2212]/.test(s))) {
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
      return { ok: false, reason: `The amount is in ${named}, but this workspace counts in ${currency}. Convert it to ${currency} first.` };
    }
  }
  s = s.trim();
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
      return { ok: false, reason: `“${input.trim().slice(0, 40)}” has its thousands grouped oddly. Write it without separators, like 1234.56.` };
    }
  }
  const digits = fractionDigits(currency);
  if (fracText.length > digits) {
    return { ok: false, reason: digits === 0 ? `${currency} amounts have no decimals.` : `The amount has more than ${digits} decimals.` };
  }
  const whole = groups.join("");
  if (whole.length > 12) return tooLarge(currency);
  const cents = Number(whole) * 10 ** digits + Number(fracText.padEnd(digits, "0") || "0");
  if (cents > MAX_CENTS) return tooLarge(currency);
  return { ok: true, cents };
}

function tooLarge(currency: string): MoneyResult {
  return { ok: false, reason: `The amount is above ${formatMinor(MAX_CENTS, currency)}, the largest value Onward stores.` };
}
