import type { Db } from "@/server/db/client";
import { updateSendBucket } from "@/server/db/send-pacing";
import {
  DEFAULT_EMAIL_RATE_PER_SECOND,
  bucketRate,
  pauseBucket,
  returnToken,
  takeToken,
} from "@/domain/messaging/pacing";
import type { DeliveryConfig } from "./config";

/**
 * Every request to the email provider first takes a token from the provider's bucket, shared by all
 * instances through one database row (docs/messaging.md#pacing); a 429 with Retry-After pauses it for
 * everyone. Waiting is real time (a sleep), bounded by the caller's deadline.
 */
export const EMAIL_PROVIDER = "resend";

const rateOf = (email: NonNullable<DeliveryConfig["email"]>) =>
  bucketRate(email.ratePerSecond ?? DEFAULT_EMAIL_RATE_PER_SECOND);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a token until `deadline` (epoch ms); false when the deadline came first. */
export async function takeSendToken(
  db: Db,
  email: NonNullable<DeliveryConfig["email"]>,
  deadline: number,
): Promise<boolean> {
  const rate = rateOf(email);
  for (;;) {
    const take = await updateSendBucket(db, EMAIL_PROVIDER, rate.burst, (state, nowMs) => {
      const t = takeToken(state, nowMs, rate);
      return { next: t.next, result: t };
    });
    if (take.taken) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await sleep(Math.min(take.waitMs, left));
  }
}

export function giveBackSendToken(db: Db, email: NonNullable<DeliveryConfig["email"]>) {
  const rate = rateOf(email);
  return updateSendBucket(db, EMAIL_PROVIDER, rate.burst, (state) => ({
    next: returnToken(state, rate),
    result: undefined,
  }));
}

/** The provider answered 429 with Retry-After: no instance sends before it has passed. */
export function pauseSending(db: Db, email: NonNullable<DeliveryConfig["email"]>, retryAfterSeconds: number) {
  const rate = rateOf(email);
  return updateSendBucket(db, EMAIL_PROVIDER, rate.burst, (state, nowMs) => ({
    next: pauseBucket(state, nowMs, retryAfterSeconds),
    result: undefined,
  }));
}
