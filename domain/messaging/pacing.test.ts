import { describe, expect, it } from "vitest";
import { bucketRate, pauseBucket, returnToken, takeToken, type BucketState } from "./pacing";

const rate = bucketRate(2);
const full = (at: number): BucketState => ({ tokens: rate.burst, refilledAtMs: at, pausedUntilMs: null });

describe("token bucket", () => {
  it("spaces requests 1/rate apart: never more than the rate in any second", () => {
    let state = full(0);
    const times: number[] = [];
    for (let now = 0; now <= 3000; now += 50) {
      const t = takeToken(state, now, rate);
      state = t.next;
      if (t.taken) times.push(now);
    }
    expect(times).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    for (const start of times)
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(2);
  });

  it("says how long to wait when empty", () => {
    const empty = { tokens: 0, refilledAtMs: 0, pausedUntilMs: null };
    expect(takeToken(empty, 0, rate)).toMatchObject({ taken: false, waitMs: 500 });
    expect(takeToken(empty, 250, rate)).toMatchObject({ taken: false, waitMs: 250 });
    expect(takeToken(empty, 500, rate).taken).toBe(true);
  });

  it("a pause (Retry-After) stops every taker until it ends, then starts empty", () => {
    const paused = pauseBucket(full(0), 1000, 3);
    expect(paused).toMatchObject({ tokens: 0, pausedUntilMs: 4000 });
    const during = takeToken(paused, 2000, rate);
    expect(during.taken).toBe(false);
    expect(during.waitMs).toBe(2500);
    expect(takeToken(during.next, 4000, rate).taken).toBe(false);
    expect(takeToken(during.next, 4500, rate).taken).toBe(true);
  });

  it("a returned token can be taken again, up to the burst", () => {
    const t = takeToken({ tokens: 1, refilledAtMs: 0, pausedUntilMs: null }, 0, rate);
    expect(t.taken).toBe(true);
    expect(returnToken(t.next, rate).tokens).toBe(1);
    expect(returnToken(full(0), rate).tokens).toBe(rate.burst);
  });

  it("the bucket holds one token at any rate", () => {
    expect(bucketRate(0.5)).toEqual({ ratePerSecond: 0.5, burst: 1 });
    expect(bucketRate(10)).toEqual({ ratePerSecond: 10, burst: 1 });
  });
});
