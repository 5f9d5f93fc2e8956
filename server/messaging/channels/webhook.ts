import type { DeliveryOutcome } from "../retry";
import { signWebhook } from "../signing";
import { postJson } from "./http";
import { outcomeOf } from "./outcome";

/**
 * A signed generic webhook: the body was serialised when the message was queued, so every retry
 * and redelivery sends the same bytes under the same webhook-id (receivers de-duplicate on it); the
 * timestamp is the moment of sending, which is what receivers check for staleness.
 */
export async function sendSignedWebhook(
  endpoint: { url: string; secret: string },
  msg: { id: string; body: string },
  allowPrivate: boolean,
): Promise<DeliveryOutcome> {
  const headers = signWebhook(endpoint.secret, `msg_${msg.id}`, Math.floor(Date.now() / 1000), msg.body);
  return outcomeOf(await postJson(endpoint.url, msg.body, { headers, allowPrivate }));
}
