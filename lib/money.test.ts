import { describe, expect, it } from "vitest";
import {
  MAX_MONEY_CENTS,
  formatMoney,
  formatMoneyPlain,
  fractionDigits,
  parseMoney,
  readMoneyField,
  toMajorUnits,
  zMoneyCents,
} from "./money";

describe("formatMoney", () => {
  it("uses the currency's minor units", () => {
    expect(formatMoney(1_234_500)).toBe("$12,345.00");
    expect(formatMoney(1_234_550, "EUR")).toBe("€12,345.50");
    expect(formatMoney(1_234_500, "JPY")).toBe("¥1,234,500");
    expect(fractionDigits("JPY")).toBe(0);
    expect(fractionDigits("KWD")).toBe(3);
    expect(formatMoney(1_234_567, "KWD")).toBe("KWD\u00a01,234.567");
  });

  it("has a short, a whole and a compact style", () => {
    expect(formatMoney(15_000_000, "USD", "short")).toBe("$150,000");
    expect(formatMoney(12_345, "USD", "short")).toBe("$123.45");
    expect(formatMoney(12_350, "USD", "whole")).toBe("$124");
    expect(formatMoney(123_456_789, "USD", "compact")).toBe("$1.2M");
  });

  it("formats the largest storable amount exactly and negatives with a sign", () => {
    expect(formatMoney(MAX_MONEY_CENTS)).toBe("$21,474,836.47");
    expect(formatMoney(-5_000)).toBe("-$50.00");
  });

  it("still reads as an amount for a currency code Intl does not know", () => {
    expect(formatMoney(123_450, "XQQ1")).toBe("1234.50 XQQ1");
  });
});

describe("formatMoneyPlain and toMajorUnits", () => {
  it("writes cents as decimal text without float noise", () => {
    expect(formatMoneyPlain(1_234_550)).toBe("12345.50");
    expect(formatMoneyPlain(7)).toBe("0.07");
    expect(formatMoneyPlain(-7)).toBe("-0.07");
    expect(formatMoneyPlain(MAX_MONEY_CENTS)).toBe("21474836.47");
    expect(formatMoneyPlain(1_234_500, "JPY")).toBe("1234500");
    expect(toMajorUnits(1_234_550)).toBe(12_345.5);
    expect(toMajorUnits(1_234_500, "JPY")).toBe(1_234_500);
  });

  it("round-trips through parseMoney", () => {
    for (const cents of [0, 1, 99, 100, 1_234_550, MAX_MONEY_CENTS]) {
      expect(parseMoney(formatMoneyPlain(cents), "USD")).toEqual({ ok: true, cents });
    }
  });
});

describe("parseMoney and readMoneyField", () => {
  it("reads exponent notation as the number it is: 1e15 is too large, 1e6 is a million", () => {
    expect(parseMoney("1e6", "USD")).toEqual({ ok: true, cents: 100_000_000 });
    expect(parseMoney("1e15", "USD")).toEqual({
      ok: false,
      reason: "The amount is above $21,474,836.47, the largest value Onward stores.",
    });
  });

  it("says in money words when text is not an amount", () => {
    expect(readMoneyField("abc")).toEqual({
      cents: undefined,
      error: "“abc” is not an amount. Write it like 1234.56 or 1.234,56.",
    });
    expect(readMoneyField("  ")).toEqual({ cents: undefined });
    expect(readMoneyField(null)).toEqual({ cents: undefined });
    expect(readMoneyField("$80,000")).toEqual({ cents: 8_000_000 });
  });
});

describe("zMoneyCents", () => {
  const first = (v: unknown, positive = false) => {
    const r = zMoneyCents("budget", { positive }).safeParse(v);
    return r.success ? "ok" : r.error.issues[0]?.message;
  };

  it("accepts the column's maximum and refuses one cent more naming the maximum", () => {
    expect(first(MAX_MONEY_CENTS)).toBe("ok");
    expect(first(MAX_MONEY_CENTS + 1)).toBe("The budget is at most 21,474,836.47, the largest amount Onward stores");
  });

  it("calls a huge amount too large, not a fraction (1e17 is beyond safe integers)", () => {
    const r = zMoneyCents("budget").safeParse(1e17);
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
      "The budget is at most 21,474,836.47, the largest amount Onward stores",
    ]);
  });

  it("refuses text, fractions of a cent, negatives and zero when it must be positive", () => {
    expect(first("abc")).toBe("Enter the budget, like 1234.56");
    expect(first(Number.NaN)).toBe("Enter the budget, like 1234.56");
    expect(first(99.5)).toBe("The budget has a fraction of a cent; use at most two decimals");
    expect(first(-1)).toBe("The budget cannot be negative");
    expect(first(0)).toBe("ok");
    expect(first(0, true)).toBe("The budget must be above zero");
  });
});
