import type { DeliveryOutcome } from "../retry";
import { signWebhook } from "../signing";
import { signingSecrets, WEBHOOK_TIMEOUT_MS } from "../webhook-schedule";
import { postJson } from "./http";
import { outcomeOf } from "./outcome";

/**
 * A signed generic webhook: the body was serialised when the message was queued, so every retry
 * and redelivery sends the same bytes under the same webhook-id (receivers de-duplicate on it); the
 * timestamp is the moment of sending, which is what receivers check for staleness. `now` (the
 * delivery's clock) decides whether a rotated-out secret still signs
 * (docs/webhooks/README.md#secret-rotation).
 */
export async function sendSignedWebhook(
  endpoint: { url: string; secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  msg: { id: string; body: string },
  allowPrivate: boolean,
  now: Date,
): Promise<DeliveryOutcome> {
  const headers = signWebhook(signingSecrets(endpoint, now), `msg_${msg.id}`, Math.floor(Date.now() / 1000), msg.body);
  return outcomeOf(await postJson(endpoint.url, msg.body, { headers, allowPrivate, timeoutMs: WEBHOOK_TIMEOUT_MS }));
}
