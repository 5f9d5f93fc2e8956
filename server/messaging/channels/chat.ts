import type { DeliveryOutcome } from "../retry";
import { postJson } from "./http";
import { outcomeOf } from "./outcome";

/** Slack and Microsoft Teams incoming webhooks: the message JSON was rendered when it was queued. */
export async function sendChatMessage(url: string, message: unknown, allowPrivate: boolean): Promise<DeliveryOutcome> {
  return outcomeOf(await postJson(url, JSON.stringify(message), { allowPrivate }));
}
