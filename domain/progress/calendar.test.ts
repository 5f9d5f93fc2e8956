import { describe, expect, it } from "vitest";
import { WEEKLY_DIGEST_WEEKDAY, digestPeriod, isoWeekKey, localDay } from "./calendar";

describe("isoWeekKey", () => {
  it("follows ISO 8601 at year boundaries", () => {
    expect(isoWeekKey(new Date("2026-11-25T10:00:00Z"))).toBe("2026-W48");
    expect(isoWeekKey(new Date("2021-01-03T00:00:00Z"))).toBe("2020-W53");
    expect(isoWeekKey(new Date("2021-01-04T00:00:00Z"))).toBe("2021-W01");
    expect(isoWeekKey(new Date("2024-12-30T00:00:00Z"))).toBe("2025-W01");
  });
});

describe("localDay", () => {
  it("gives the tenant's calendar day, not UTC's", () => {
    const now = new Date("2026-11-25T03:00:00Z");
    expect(localDay(now, "UTC").date).toBe("2026-11-25");
    expect(localDay(now, "America/Los_Angeles").date).toBe("2026-11-24");
    expect(localDay(now, "Asia/Tokyo").date).toBe("2026-11-25");
    expect(localDay(now, "Not/AZone").date).toBe("2026-11-25");
    expect(localDay(now, "UTC").weekday).toBe(3);
  });
});

describe("digestPeriod", () => {
  const monday = localDay(new Date("2026-11-23T09:00:00Z"), "UTC");
  const tuesday = localDay(new Date("2026-11-24T09:00:00Z"), "UTC");
  it("daily every day, weekly on Mondays only, off never", () => {
    expect(monday.weekday).toBe(WEEKLY_DIGEST_WEEKDAY);
    expect(digestPeriod("daily", tuesday)).toEqual({ cadence: "daily", periodKey: "2026-11-24", label: "2026-11-24" });
    expect(digestPeriod("weekly", monday)).toEqual({
      cadence: "weekly",
      periodKey: "2026-W48",
      label: "week 48 of 2026",
    });
    expect(digestPeriod("weekly", tuesday)).toBeNull();
    expect(digestPeriod("off", monday)).toBeNull();
  });
});
