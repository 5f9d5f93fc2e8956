import { describe, expect, it } from "vitest";
import type { DeliveryOutcome } from "./retry";
import {
  DISABLE_AFTER_FAILING_MS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
  endpointHealthAfter,
  signingSecrets,
  webhookNextStep,
  webhookRetryDelayMs,
} from "./webhook-schedule";

const NOW = new Date("2026-03-02T09:00:00.000Z");
const failed = (
  statusCode: number | null,
  retryable = true,
  retryAfterSeconds: number | null = null,
): DeliveryOutcome => ({
  ok: false,
  retryable,
  statusCode,
  durationMs: 1,
  error: `HTTP ${statusCode}`,
  retryAfterSeconds,
});
const sent: DeliveryOutcome = { ok: true, statusCode: 200, durationMs: 1 };

describe("webhook retry schedule", () => {
  it("follows the Standard Webhooks waits, then daily, over about three days in 10 attempts", () => {
    expect(WEBHOOK_RETRY_DELAYS_MS.map((ms) => ms / 1000)).toEqual([
      5, 300, 1800, 7200, 18_000, 36_000, 36_000, 86_400, 86_400,
    ]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(10);
    const span = WEBHOOK_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) / 86_400_000;
    expect(span).toBeGreaterThan(3);
    expect(span).toBeLessThan(3.5);
  });

  it("jitter stays within ±20 % and is exact at the middle draw", () => {
    expect(webhookRetryDelayMs(1, 0.5)).toBe(5000);
    expect(webhookRetryDelayMs(1, 0)).toBe(4000);
    expect(webhookRetryDelayMs(1, 0.999_999)).toBeLessThanOrEqual(6000);
    expect(webhookRetryDelayMs(4, 0)).toBe(0.8 * 7_200_000);
    // past the schedule the last wait repeats
    expect(webhookRetryDelayMs(42, 0.5)).toBe(86_400_000);
  });

  it("a longer Retry-After wins, a shorter one does not shorten the wait", () => {
    expect(webhookRetryDelayMs(1, 0.5, 60)).toBe(60_000);
    expect(webhookRetryDelayMs(3, 0.5, 60)).toBe(1_800_000);
  });

  it("retries retryable failures until the 10th attempt, then gives up; final failures stop at once", () => {
    expect(webhookNextStep(sent, 1, NOW, 0.5)).toEqual({ status: "SENT" });
    expect(webhookNextStep(failed(500), 1, NOW, 0.5)).toEqual({
      status: "FAILED",
      nextAttemptAt: new Date(NOW.getTime() + 5000),
    });
    expect(webhookNextStep(failed(500), 9, NOW, 0.5).status).toBe("FAILED");
    expect(webhookNextStep(failed(500), 10, NOW, 0.5).status).toBe("DEAD");
    expect(webhookNextStep(failed(400, false), 1, NOW, 0.5).status).toBe("DEAD");
  });
});

describe("endpoint health", () => {
  it("a success clears the failing mark; a first failure sets it", () => {
    expect(endpointHealthAfter(NOW, sent, NOW)).toEqual({ failingSince: null, disable: null });
    expect(endpointHealthAfter(null, failed(500), NOW)).toEqual({ failingSince: NOW, disable: null });
  });

  it("410 disables at once", () => {
    expect(endpointHealthAfter(null, failed(410, false), NOW).disable).toMatch(/410 Gone/);
  });

  it("disables exactly at 5 days of failing, not a millisecond before", () => {
    const since = new Date(NOW.getTime() - DISABLE_AFTER_FAILING_MS);
    expect(endpointHealthAfter(since, failed(500), NOW).disable).toMatch(/5 days/);
    expect(endpointHealthAfter(new Date(since.getTime() + 1), failed(500), NOW).disable).toBeNull();
    expect(endpointHealthAfter(new Date(since.getTime() + 1), failed(null), NOW).failingSince).toEqual(
      new Date(since.getTime() + 1),
    );
  });
});

describe("signing secrets during a rotation", () => {
  const endpoint = { secret: "whsec_new", previousSecret: "whsec_old", previousSecretUntil: NOW };
  it("both until the previous one expires, then only the new one", () => {
    expect(signingSecrets(endpoint, new Date(NOW.getTime() - 1))).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(endpoint, NOW)).toEqual(["whsec_new"]);
    expect(signingSecrets({ secret: "whsec_new", previousSecret: null, previousSecretUntil: null }, NOW)).toEqual([
      "whsec_new",
    ]);
  });
});
