import { describeFailure, isRetryableStatus, type DeliveryOutcome } from "../retry";
import type { HttpResult } from "./http";

/** An HTTP result as a delivery outcome: 2xx sent; retryable statuses and transport errors retried. */
export function outcomeOf(result: HttpResult): DeliveryOutcome {
  if (result.kind === "error") {
    return {
      ok: false,
      retryable: !result.unsafe,
      statusCode: null,
      durationMs: result.durationMs,
      error: describeFailure(null, result.error),
    };
  }
  if (result.status >= 200 && result.status < 300)
    return { ok: true, statusCode: result.status, durationMs: result.durationMs };
  const redirect = result.status >= 300 && result.status < 400;
  return {
    ok: false,
    retryable: isRetryableStatus(result.status),
    statusCode: result.status,
    durationMs: result.durationMs,
    retryAfterSeconds: result.retryAfterSeconds,
    error: describeFailure(result.status, redirect ? "redirects are not followed; use the final URL" : result.body),
  };
}

/** A message that cannot be sent as it stands (no contact, endpoint gone): final, with the reason. */
export function undeliverable(reason: string): DeliveryOutcome {
  return { ok: false, retryable: false, statusCode: null, durationMs: 0, error: reason };
}
