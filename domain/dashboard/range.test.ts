import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  MAX_RANGE_DAYS,
  bucketDaysFor,
  dashboardWindows,
  resolveRange,
  trendBuckets,
  type DashboardRange,
} from "./range";

const NOW = new Date("2026-11-25T10:30:00.000Z");
const daysBefore = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

function ok(input: Parameters<typeof resolveRange>[0]): DashboardRange {
  const r = resolveRange(input, NOW);
  if (!r.ok) throw new Error(r.problem);
  return r.range;
}

function problem(input: Parameters<typeof resolveRange>[0]) {
  const r = resolveRange(input, NOW);
  if (r.ok) throw new Error("expected a refusal");
  return r;
}

describe("resolveRange", () => {
  it.each([30, 90, 365])("the %d-day preset ends now", (days) => {
    expect(ok({ days })).toEqual({ from: daysBefore(days), to: NOW, days, preset: days });
  });

  it("refuses a preset that is not offered", () => {
    expect(problem({ days: 45 })).toEqual({
      ok: false,
      field: "days",
      problem: "Choose a range of 30, 90, 365 days (got 45).",
    });
  });

  it("accepts a sane explicit range", () => {
    expect(ok({ from: daysBefore(60), to: daysBefore(30) })).toEqual({
      from: daysBefore(60),
      to: daysBefore(30),
      days: 30,
      preset: null,
    });
    // exactly one day, exactly the maximum, ending tomorrow: all still fine
    expect(ok({ from: daysBefore(2), to: daysBefore(1) }).days).toBe(1);
    expect(ok({ from: daysBefore(MAX_RANGE_DAYS), to: NOW }).days).toBe(MAX_RANGE_DAYS);
    expect(ok({ from: daysBefore(10), to: new Date(NOW.getTime() + DAY_MS) }).days).toBe(11);
  });

  it("refuses a reversed range, naming both dates", () => {
    const r = problem({ from: daysBefore(1), to: daysBefore(30) });
    expect(r.field).toBe("from");
    expect(r.problem).toBe(
      "The range is reversed: it starts on 2026-11-24 but ends on 2026-10-26. Put the earlier date first.",
    );
    expect(problem({ from: NOW, to: NOW }).problem).toMatch(/reversed/);
  });

  it("refuses absurd ranges: under a day, over two years, in the future, decades ago, invalid dates", () => {
    expect(problem({ from: new Date(NOW.getTime() - DAY_MS + 1), to: NOW }).problem).toBe(
      "A range covers at least one day.",
    );
    expect(problem({ from: daysBefore(MAX_RANGE_DAYS + 1), to: NOW }).problem).toMatch(/at most 731 days/);
    expect(problem({ from: daysBefore(5), to: new Date(NOW.getTime() + DAY_MS + 1) }).problem).toMatch(
      /ends in the future/,
    );
    expect(problem({ from: new Date("1900-01-01T00:00:00Z"), to: new Date("1900-06-01T00:00:00Z") }).problem).toMatch(
      /more than 10 years ago/,
    );
    expect(problem({ from: new Date("nope"), to: NOW }).field).toBe("from");
    expect(problem({ from: daysBefore(5) }).field).toBe("to");
  });
});

describe("dashboardWindows", () => {
  it("derives the previous period, this UTC month and the last 30 days", () => {
    const w = dashboardWindows(ok({ days: 90 }), NOW);
    expect(w.previousFrom).toEqual(daysBefore(180));
    expect(w.monthStart).toEqual(new Date("2026-11-01T00:00:00.000Z"));
    expect(w.successFrom).toEqual(daysBefore(30));
    expect(w.now).toBe(NOW);
  });
});

describe("trend buckets", () => {
  it("picks 3-day buckets for a month, weeks for a quarter, 30 days for a year", () => {
    expect(bucketDaysFor(ok({ days: 30 }))).toBe(3);
    expect(bucketDaysFor(ok({ days: 90 }))).toBe(7);
    expect(bucketDaysFor(ok({ days: 365 }))).toBe(30);
  });

  it("covers the range exactly, the last bucket ending with it", () => {
    const range = ok({ days: 90 });
    const buckets = trendBuckets(range, 7);
    expect(buckets).toHaveLength(13);
    expect(buckets[0]?.from).toEqual(range.from);
    expect(buckets.at(-1)?.to).toEqual(range.to);
    buckets.slice(1).forEach((b, i) => expect(b.from).toEqual(buckets[i]?.to));
    expect(trendBuckets(ok({ days: 30 }), 3)).toHaveLength(10);
    expect(trendBuckets(ok({ days: 365 }), 30)).toHaveLength(13);
  });
});
