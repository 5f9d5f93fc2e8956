import { describe, expect, it } from "vitest";
import { DAY_MS, trendBuckets } from "./range";
import { assembleTrends } from "./trends";

const NOW = new Date("2026-11-25T00:00:00.000Z");
const range = { from: new Date(NOW.getTime() - 21 * DAY_MS), to: NOW, days: 21, preset: null };
const buckets = trendBuckets(range, 7);

describe("trends", () => {
  it("build one point per bucket from per-bucket aggregates", () => {
    const points = assembleTrends(buckets, {
      success: [{ bucket: 0, decided: 2, succeeded: 1 }],
      satisfaction: [
        { bucket: 1, kind: "CSAT", score: 9, count: 2 },
        { bucket: 1, kind: "CSAT", score: 6, count: 1 },
        { bucket: 1, kind: "NPS", score: 10, count: 1 },
        { bucket: 1, kind: "NPS", score: 2, count: 3 },
      ],
      booked: [{ bucket: 2, bookedCents: 500_000, expansionCents: 125_000 }],
      refunds: [{ bucket: 2, refundedCents: 100_000 }],
      health: [{ bucket: 0, expansionScoreSum: 150, snapshots: 2 }],
    });
    expect(points).toHaveLength(3);
    expect(points[0]).toMatchObject({
      successRate: 50,
      decided: 2,
      csat: null,
      nps: null,
      expansionScore: 75,
      expansionShare: null,
      bookedCents: 0,
    });
    expect(points[1]).toMatchObject({ successRate: null, csat: 8, csatResponses: 3, nps: -50, npsResponses: 4 });
    expect(points[2]).toMatchObject({
      bookedCents: 500_000,
      refundedCents: 100_000,
      netRevenueCents: 400_000,
      expansionCents: 125_000,
      expansionShare: 25,
    });
  });

  it("of an empty tenant are gaps and zeros, never NaN", () => {
    const points = assembleTrends(buckets, { success: [], satisfaction: [], booked: [], refunds: [], health: [] });
    expect(points).toHaveLength(3);
    expect(JSON.stringify(points)).not.toMatch(/NaN|Infinity/);
    expect(points.every((p) => p.successRate === null && p.csat === null && p.netRevenueCents === 0)).toBe(true);
  });
});
