import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatHours,
  formatNumber,
  formatPercent,
  formatRelative,
  plural,
  pluralWord,
} from "./format";

describe("plural", () => {
  it("says one and many without (s)", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(0, "day")).toBe("0 days");
    expect(plural(2, "refund")).toBe("2 refunds");
    expect(plural(1, "passive")).toBe("1 passive");
    expect(plural(3, "person", "people")).toBe("3 people");
    expect(plural(1200, "lead")).toBe("1,200 leads");
    expect(pluralWord(1, "task")).toBe("task");
    expect(pluralWord(5, "task")).toBe("tasks");
  });
});

describe("numbers and units", () => {
  it("rounds, groups and never prints -0", () => {
    expect(formatNumber(1234.56)).toBe("1,234.6");
    expect(formatNumber(-0.04)).toBe("0");
    expect(formatNumber(Number.NaN)).toBe("—");
  });
  it("writes percentages without a space", () => {
    expect(formatPercent(95)).toBe("95%");
    expect(formatPercent(87.34, 1)).toBe("87.3%");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("—");
  });
  it("writes hours as words", () => {
    expect(formatHours(1)).toBe("1 hour");
    expect(formatHours(550.54)).toBe("550.5 hours");
    expect(formatHours(Number.NaN)).toBe("—");
  });
});

describe("dates", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  it("formats absolute dates in UTC", () => {
    expect(formatDate("2026-11-25T23:30:00Z")).toBe("Nov 25, 2026");
    expect(formatDateTime(new Date("2026-11-25T14:00:00Z"))).toBe("Nov 25, 14:00 UTC");
    expect(formatDate("not a date")).toBe("—");
  });
  it("formats relative moments", () => {
    expect(formatRelative(new Date("2026-12-09T12:00:00Z"), now)).toBe("in 3 days");
    expect(formatRelative(new Date("2026-12-05T12:00:00Z"), now)).toBe("yesterday");
    expect(formatRelative(new Date("2026-12-06T10:00:00Z"), now)).toBe("2 hours ago");
    expect(formatRelative(new Date("2026-12-06T11:59:30Z"), now)).toBe("just now");
    expect(formatRelative("nope", now)).toBe("—");
  });
});
