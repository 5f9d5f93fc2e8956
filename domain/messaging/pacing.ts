/**
 * Pacing of requests to an email provider (docs/messaging.md#pacing): a token bucket that refills at
 * `ratePerSecond` up to `burst` tokens (one), one token per request (a batch of up to 100 emails is one
 * request), and a pause that empties it until the provider's Retry-After has passed. The state lives
 * in one database row shared by every instance; this is the arithmetic on it. Pure: the clock is
 * passed in (the database's, so instances with skewed clocks agree).
 */
export type BucketState = { tokens: number; refilledAtMs: number; pausedUntilMs: number | null };
export type BucketRate = { ratePerSecond: number; burst: number };
export type Take = { taken: boolean; waitMs: number; next: BucketState };

export const DEFAULT_EMAIL_RATE_PER_SECOND = 2;

/**
 * The bucket holds one token: requests are evenly spaced at 1/rate, never bunched, because providers
 * count over a sliding second and a burst at a second's edge would be answered 429.
 */
export function bucketRate(ratePerSecond: number): BucketRate {
  return { ratePerSecond, burst: 1 };
}

export function refill(state: BucketState, nowMs: number, rate: BucketRate): BucketState {
  const elapsed = Math.max(0, nowMs - state.refilledAtMs);
  return {
    tokens: Math.min(rate.burst, state.tokens + (elapsed / 1000) * rate.ratePerSecond),
    refilledAtMs: Math.max(nowMs, state.refilledAtMs),
    pausedUntilMs: state.pausedUntilMs !== null && state.pausedUntilMs > nowMs ? state.pausedUntilMs : null,
  };
}

/** Takes one token if there is one; else says how long until there will be (the state still refills). */
export function takeToken(state: BucketState, nowMs: number, rate: BucketRate): Take {
  const paused = state.pausedUntilMs !== null && state.pausedUntilMs > nowMs;
  if (paused) {
    // while paused nothing accrues: the pause ends with an empty bucket
    const next = { tokens: 0, refilledAtMs: state.pausedUntilMs ?? nowMs, pausedUntilMs: state.pausedUntilMs };
    return { taken: false, waitMs: (state.pausedUntilMs ?? nowMs) - nowMs + 1000 / rate.ratePerSecond, next };
  }
  const filled = refill(state, nowMs, rate);
  // a hair below one is one: refills of fractions of a millisecond add up with rounding error
  if (filled.tokens >= 1 - 1e-9)
    return { taken: true, waitMs: 0, next: { ...filled, tokens: Math.max(0, filled.tokens - 1) } };
  return { taken: false, waitMs: Math.ceil(((1 - filled.tokens) / rate.ratePerSecond) * 1000), next: filled };
}

/** The provider said "slow down, retry after N seconds": nobody sends before then. */
export function pauseBucket(state: BucketState, nowMs: number, retryAfterSeconds: number): BucketState {
  const until = nowMs + Math.max(0, retryAfterSeconds) * 1000;
  return {
    tokens: 0,
    refilledAtMs: Math.max(until, state.refilledAtMs),
    pausedUntilMs: Math.max(until, state.pausedUntilMs ?? 0),
  };
}

/** A token taken but not used (nothing was due after all) goes back. */
export function returnToken(state: BucketState, rate: BucketRate): BucketState {
  return { ...state, tokens: Math.min(rate.burst, state.tokens + 1) };
}
