import { describe, expect, it } from "vitest";
import { DAY_MS, checkNewDelay, endAfterAcknowledging, guaranteeClock, mergeIntervals, type ClockDelay } from "./clock";

const START = new Date("2026-03-01T09:00:00.000Z");
const day = (n: number) => new Date(START.getTime() + n * DAY_MS);
const END = day(30);
const delay = (id: string, at: number, days: number, status: ClockDelay["status"] = "ACKNOWLEDGED"): ClockDelay => ({
  id,
  days,
  status,
  recordedAt: day(at),
});
const LIMITS = { maxDaysPerDelay: 30, maxTotalDays: 60 };

/** Acknowledges each delay in turn the way the service does: the stored end moves after each. */
function acknowledgeAll(delays: ClockDelay[]): Date {
  let endsAt = END;
  let stored = delays.map((d) => ({ ...d, status: "PROPOSED" as const })) as ClockDelay[];
  for (const d of delays) {
    if (d.status !== "ACKNOWLEDGED") continue;
    endsAt = endAfterAcknowledging({ startsAt: START, endsAt, delays: stored }, d.id);
    stored = stored.map((x) => (x.id === d.id ? { ...x, status: "ACKNOWLEDGED" } : x));
  }
  return endsAt;
}

describe("guarantee clock with pauses", () => {
  it("runs 30 days without delays", () => {
    const c = guaranteeClock({ startsAt: START, endsAt: END, delays: [] }, day(10));
    expect(c).toMatchObject({
      activeDays: 30,
      pausedDays: 0,
      state: "running",
      daysLeft: 20,
      endsAt: END,
      baseEndsAt: END,
    });
    expect(c.explanation).toBe("30 day guarantee from 2026-03-01; ends 2026-03-31; 20 days left.");
  });

  it("an acknowledged 5-day delay recorded on day 10 moves the end by 5 days and pauses the clock meanwhile", () => {
    const endsAt = acknowledgeAll([delay("a", 10, 5)]);
    expect(endsAt).toEqual(day(35));
    const c = guaranteeClock({ startsAt: START, endsAt, delays: [delay("a", 10, 5)] }, day(12));
    expect(c).toMatchObject({ activeDays: 30, pausedDays: 5, state: "paused", daysLeft: 20, baseEndsAt: END });
    expect(guaranteeClock({ startsAt: START, endsAt, delays: [delay("a", 10, 5)] }, day(16)).daysLeft).toBe(19);
  });

  it("overlapping delays count once: days 10–15 and 12–17 pause 7 days, not 10", () => {
    const delays = [delay("a", 10, 5), delay("b", 12, 5)];
    const endsAt = acknowledgeAll(delays);
    expect(endsAt).toEqual(day(37));
    expect(guaranteeClock({ startsAt: START, endsAt, delays }, day(20))).toMatchObject({
      pausedDays: 7,
      activeDays: 30,
    });
    // the same whichever was acknowledged first
    expect(acknowledgeAll([delay("b", 12, 5), delay("a", 10, 5)])).toEqual(day(37));
    expect(
      mergeIntervals([
        { from: 5, to: 10 },
        { from: 0, to: 3 },
        { from: 3, to: 4 },
        { from: 8, to: 12 },
      ]),
    ).toEqual([
      { from: 0, to: 4 },
      { from: 5, to: 12 },
    ]);
  });

  it("a delay recorded near the end still moves the end by its full length", () => {
    expect(acknowledgeAll([delay("a", 28, 5)])).toEqual(day(35));
  });

  it("disputed and undecided delays pause nothing; an undecided one shows where it would move the end", () => {
    const delays = [delay("a", 10, 5, "DISPUTED"), delay("b", 12, 4, "PROPOSED")];
    const c = guaranteeClock({ startsAt: START, endsAt: END, delays }, day(13));
    expect(c).toMatchObject({ pausedDays: 0, state: "running", endsAt: END });
    expect(c.pending).toEqual([{ id: "b", days: 4, wouldEndAt: day(34) }]);
  });

  it("ignores the part of a pause before the start", () => {
    expect(acknowledgeAll([delay("a", -2, 5)])).toEqual(day(33));
  });

  it("has ended once the (moved) end has passed", () => {
    expect(guaranteeClock({ startsAt: START, endsAt: END, delays: [] }, END)).toMatchObject({
      state: "ended",
      daysLeft: 0,
    });
  });
});

describe("checkNewDelay", () => {
  const active = { status: "ACTIVE", endsAt: END, delays: [] as ClockDelay[] };
  it.each([
    [0, "A delay is at least 1 whole day."],
    [-3, "A delay is at least 1 whole day."],
    [1.5, "A delay is at least 1 whole day."],
    [31, "A single delay is at most 30 days."],
    [10_000, "A single delay is at most 30 days."],
  ])("refuses %s days", (days, message) => {
    expect(checkNewDelay(active, days, LIMITS, day(5))).toEqual({ ok: false, field: "days", message });
  });

  it("accepts 1 and 30 days", () => {
    expect(checkNewDelay(active, 1, LIMITS, day(5))).toEqual({ ok: true });
    expect(checkNewDelay(active, 30, LIMITS, day(5))).toEqual({ ok: true });
  });

  it("caps the total of acknowledged and undecided delays; disputed ones do not count", () => {
    const delays = [delay("a", 1, 30), delay("b", 2, 25, "PROPOSED"), delay("c", 3, 30, "DISPUTED")];
    expect(checkNewDelay({ ...active, endsAt: day(60), delays }, 5, LIMITS, day(5))).toEqual({ ok: true });
    expect(checkNewDelay({ ...active, endsAt: day(60), delays }, 6, LIMITS, day(5))).toMatchObject({
      ok: false,
      field: "days",
    });
  });

  it("refuses once the clock has ended or the guarantee is decided", () => {
    expect(checkNewDelay(active, 3, LIMITS, END)).toMatchObject({
      ok: false,
      field: "guarantee",
      message: "The guarantee's clock has already ended.",
    });
    expect(checkNewDelay({ ...active, status: "FAILED" }, 3, LIMITS, day(5))).toMatchObject({
      ok: false,
      field: "guarantee",
    });
  });
});
