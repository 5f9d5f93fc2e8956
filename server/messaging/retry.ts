/**
 * Delivery outcomes and the retry policy of the outbox (pure). A message is tried at most
 * MAX_ATTEMPTS times with exponential backoff; 429, 408/425 and 5xx and network errors are retried,
 * any other 4xx (and a refused or unusable destination) is final at once: retrying cannot fix it.
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

/** The wait after the n-th failed attempt (n ≥ 1): 30 s, 2 min, 8 min, 32 min, ~2 h, capped at 6 h. */
export function backoffMs(attempt: number, retryAfterSeconds?: number | null): number {
  const exponential = Math.min(BASE_DELAY_MS * BACKOFF_FACTOR ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  if (retryAfterSeconds !== null && retryAfterSeconds !== undefined)
    return Math.min(Math.max(retryAfterSeconds * 1000, exponential), MAX_DELAY_MS);
  return exponential;
}

export type NextStep = { status: "SENT" } | { status: "FAILED"; nextAttemptAt: Date } | { status: "DEAD" };

/** What happens to a message after its `attempt`-th try. */
export function nextStep(outcome: DeliveryOutcome, attempt: number, now: Date): NextStep {
  if (outcome.ok) return { status: "SENT" };
  if (!outcome.retryable || attempt >= MAX_ATTEMPTS) return { status: "DEAD" };
  return { status: "FAILED", nextAttemptAt: new Date(now.getTime() + backoffMs(attempt, outcome.retryAfterSeconds)) };
}

/** One line for the row's lastError and the delivery log: "HTTP 400: {…}" or the transport error. */
export function describeFailure(statusCode: number | null, detail: string): string {
  const text = detail.replace(/\s+/g, " ").trim().slice(0, 500);
  return statusCode === null ? text : `HTTP ${statusCode}${text ? `: ${text}` : ""}`;
}
