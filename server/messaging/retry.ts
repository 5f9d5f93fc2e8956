/**
 * Delivery outcomes and the retry policy of the outbox (pure). A message is tried at most
 * MAX_ATTEMPTS times with exponential backoff; 429, 408/425 and 5xx and network errors are retried,
 * any other 4xx (and a refused or unusable destination) is final at once: retrying cannot fix it.
 * Waits carry jitter and follow the server's Retry-After (docs/messaging.md#pacing).
 */
export const MAX_ATTEMPTS = 6;
export const BASE_DELAY_MS = 30_000;
export const BACKOFF_FACTOR = 4;
export const MAX_DELAY_MS = 6 * 60 * 60_000;

export type DeliveryOutcome =
  | { ok: true; statusCode: number | null; durationMs: number }
  | {
      ok: false;
      retryable: boolean;
      error: string;
      statusCode: number | null;
      durationMs: number;
      retryAfterSeconds?: number | null;
    };

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** A wait is stretched by up to this fraction, at random, so retries of many messages spread out. */
export const JITTER_FRACTION = 0.25;

/**
 * The wait after the n-th failed attempt (n ≥ 1): 30 s, 2 min, 8 min, 32 min, ~2 h, capped at 6 h —
 * or exactly the server's Retry-After when it sent one — plus up to JITTER_FRACTION more, `random`
 * (0 ≤ random < 1) choosing how much.
 */
export function backoffMs(attempt: number, retryAfterSeconds?: number | null, random = 0): number {
  const base =
    retryAfterSeconds !== null && retryAfterSeconds !== undefined
      ? Math.min(Math.max(0, retryAfterSeconds) * 1000, MAX_DELAY_MS)
      : Math.min(BASE_DELAY_MS * BACKOFF_FACTOR ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.round(base + base * JITTER_FRACTION * random);
}

/**
 * A Retry-After header (RFC 9110): delay-seconds or an HTTP-date, as seconds from `now`; null when
 * absent or unreadable, 0 for a date already past.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  // an HTTP-date names its weekday and month ("Wed, 21 Oct 2015 07:28:00 GMT")
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

export type NextStep = { status: "SENT" } | { status: "FAILED"; nextAttemptAt: Date } | { status: "DEAD" };

/** What happens to a message after its `attempt`-th try; `random` picks the jitter (tests pass 0). */
export function nextStep(outcome: DeliveryOutcome, attempt: number, now: Date, random = Math.random()): NextStep {
  if (outcome.ok) return { status: "SENT" };
  if (!outcome.retryable || attempt >= MAX_ATTEMPTS) return { status: "DEAD" };
  return {
    status: "FAILED",
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempt, outcome.retryAfterSeconds, random)),
  };
}

/** One line for the row's lastError and the delivery log: "HTTP 400: {…}" or the transport error. */
export function describeFailure(statusCode: number | null, detail: string): string {
  const text = detail.replace(/\s+/g, " ").trim().slice(0, 500);
  return statusCode === null ? text : `HTTP ${statusCode}${text ? `: ${text}` : ""}`;
}
