import { describe, expect, it } from "vitest";
import {
  BASE_DELAY_MS,
  MAX_ATTEMPTS,
  MAX_DELAY_MS,
  JITTER_FRACTION,
  backoffMs,
  describeFailure,
  isRetryableStatus,
  nextStep,
  parseRetryAfter,
} from "./retry";

const NOW = new Date("2030-01-01T00:00:00Z");
const fail = (retryable: boolean, retryAfterSeconds: number | null = null) => ({
  ok: false as const,
  retryable,
  error: "x",
  statusCode: null,
  durationMs: 1,
  retryAfterSeconds,
});

describe("retry policy", () => {
  it("retries 408, 425, 429 and 5xx; other 4xx are final", () => {
    for (const s of [408, 425, 429, 500, 502, 503]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 410, 422]) expect(isRetryableStatus(s)).toBe(false);
  });

  it("backs off exponentially, capped, honouring Retry-After", () => {
    expect(backoffMs(1)).toBe(BASE_DELAY_MS);
    expect(backoffMs(2)).toBe(BASE_DELAY_MS * 4);
    expect(backoffMs(20)).toBe(MAX_DELAY_MS);
    expect(backoffMs(1, 600)).toBe(600_000);
    expect(backoffMs(1, 1)).toBe(1000);
    expect(backoffMs(3, 0)).toBe(0);
    expect(backoffMs(1, 10 ** 9)).toBe(MAX_DELAY_MS);
  });

  it("adds up to JITTER_FRACTION of the wait, at random", () => {
    expect(backoffMs(1, null, 0)).toBe(BASE_DELAY_MS);
    expect(backoffMs(1, null, 0.5)).toBe(BASE_DELAY_MS * (1 + JITTER_FRACTION / 2));
    expect(backoffMs(1, 2, 0.999)).toBeLessThanOrEqual(2000 * (1 + JITTER_FRACTION));
    const next = nextStep(fail(true), 1, NOW);
    const wait = next.status === "FAILED" ? next.nextAttemptAt.getTime() - NOW.getTime() : -1;
    expect(wait).toBeGreaterThanOrEqual(BASE_DELAY_MS);
    expect(wait).toBeLessThan(BASE_DELAY_MS * (1 + JITTER_FRACTION));
  });

  it("reads Retry-After as seconds or as an HTTP-date", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:30 GMT", NOW)).toBe(30);
    expect(parseRetryAfter("Mon, 31 Dec 2029 23:00:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeNull();
    expect(parseRetryAfter("-5", NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
  });

  it("sent, retried until the last attempt, then dead; a final failure is dead at once", () => {
    expect(nextStep({ ok: true, statusCode: 200, durationMs: 1 }, 1, NOW)).toEqual({ status: "SENT" });
    expect(nextStep(fail(true), 1, NOW, 0)).toEqual({
      status: "FAILED",
      nextAttemptAt: new Date(NOW.getTime() + BASE_DELAY_MS),
    });
    expect(nextStep(fail(true), MAX_ATTEMPTS - 1, NOW).status).toBe("FAILED");
    expect(nextStep(fail(true), MAX_ATTEMPTS, NOW)).toEqual({ status: "DEAD" });
    expect(nextStep(fail(false), 1, NOW)).toEqual({ status: "DEAD" });
  });

  it("describes failures on one line", () => {
    expect(describeFailure(400, '{"error":\n "bad"}')).toBe('HTTP 400: {"error": "bad"}');
    expect(describeFailure(null, "connect ECONNREFUSED")).toBe("connect ECONNREFUSED");
  });
});
