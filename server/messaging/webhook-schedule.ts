import type { DeliveryOutcome, NextStep } from "./retry";

/**
 * The retry schedule and health rules of signed webhooks (docs/webhooks/README.md#retries-and-disabling),
 * pure: the clock and the random draw for jitter are passed in. The waits are the Standard Webhooks
 * schedule extended by two daily retries, so one message is tried 10 times over about three days; an
 * endpoint that has failed for five days is disabled, and 410 Gone disables it at once.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const WEBHOOK_RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
  DAY,
  DAY,
] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
/** each wait varies by up to ± this fraction, so retries of many messages spread out */
export const WEBHOOK_JITTER = 0.2;
export const WEBHOOK_TIMEOUT_MS = 15 * SECOND;
export const DISABLE_AFTER_FAILING_MS = 5 * DAY;
/** how long the secret replaced by a rotation still signs */
export const PREVIOUS_SECRET_TTL_MS = DAY;

/**
 * The wait after the n-th failed attempt (n ≥ 1); `random` in [0, 1) draws the jitter. A Retry-After
 * longer than the wait is respected.
 */
export function webhookRetryDelayMs(attempt: number, random: number, retryAfterSeconds?: number | null): number {
  const index = Math.min(Math.max(attempt, 1), WEBHOOK_RETRY_DELAYS_MS.length) - 1;
  const base = WEBHOOK_RETRY_DELAYS_MS[index] ?? DAY;
  const jittered = Math.round(base * (1 + WEBHOOK_JITTER * (2 * random - 1)));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * SECOND);
}

/** What happens to a webhook message after its `attempt`-th try. */
export function webhookNextStep(outcome: DeliveryOutcome, attempt: number, now: Date, random: number): NextStep {
  if (outcome.ok) return { status: "SENT" };
  if (!outcome.retryable || attempt >= WEBHOOK_MAX_ATTEMPTS) return { status: "DEAD" };
  return {
    status: "FAILED",
    nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempt, random, outcome.retryAfterSeconds)),
  };
}

/** An endpoint's health after one attempt: when it started failing, and why it must be disabled (or null). */
export function endpointHealthAfter(
  failingSince: Date | null,
  outcome: DeliveryOutcome,
  now: Date,
): { failingSince: Date | null; disable: string | null } {
  if (outcome.ok) return { failingSince: null, disable: null };
  if (outcome.statusCode === 410)
    return { failingSince: failingSince ?? now, disable: "The endpoint answered 410 Gone: it no longer exists." };
  const since = failingSince ?? now;
  if (now.getTime() - since.getTime() >= DISABLE_AFTER_FAILING_MS)
    return {
      failingSince: since,
      disable: `Every delivery has failed since ${since.toISOString().slice(0, 10)} (5 days or more).`,
    };
  return { failingSince: since, disable: null };
}

/** The secrets that sign a request sent at `now`: the current one, and the previous one for 24 h after a rotation. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  now: Date,
): string[] {
  const previousValid =
    endpoint.previousSecret !== null &&
    endpoint.previousSecretUntil !== null &&
    endpoint.previousSecretUntil.getTime() > now.getTime();
  return previousValid && endpoint.previousSecret ? [endpoint.secret, endpoint.previousSecret] : [endpoint.secret];
}
