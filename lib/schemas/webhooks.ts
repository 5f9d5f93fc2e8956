import { z } from "zod";
import { ZIdSchema, ZPaginationSchema } from "./common";
import { WEBHOOK_EVENT_CATALOGUE, type CatalogueEvent } from "./webhook-events";

/**
 * The events a tenant's webhook endpoints can subscribe to, from the catalogue (test.ping is sent on
 * demand only). An endpoint that subscribes to none receives every event
 * (docs/webhooks/README.md#events).
 */
export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_CATALOGUE) as [CatalogueEvent, ...CatalogueEvent[]];
export type WebhookEvent = CatalogueEvent | "test.ping";

export const WEBHOOK_EVENT_LABEL = Object.fromEntries(
  WEBHOOK_EVENTS.map((e) => [e, WEBHOOK_EVENT_CATALOGUE[e].label]),
) as Record<CatalogueEvent, string>;

/** An event's name in words (badges, the delivery log); a test event or a retired type says so. */
export function webhookEventTitle(event: string): string {
  if (event === "test.ping") return "Test event";
  return event in WEBHOOK_EVENT_CATALOGUE ? WEBHOOK_EVENT_CATALOGUE[event as CatalogueEvent].title : "Retired event";
}

const ZEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, { error: (issue) => `Unknown event "${String(issue.input)}"` }))
  .max(WEBHOOK_EVENTS.length);

const ZUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the endpoint URL")
  .max(2000, "That URL is too long")
  .refine((v) => URL.canParse(v), "Enter a full URL, e.g. https://example.com/webhooks/onward");

export const ZCreateWebhookSchema = z.object({
  url: ZUrlSchema,
  /** none: every event */
  events: ZEventsSchema.default([]),
  /** empty: Onward generates one (whsec_ + 32 random bytes) */
  secret: z.string().trim().max(200, "That secret is too long").optional(),
});
export type CreateWebhookInput = z.infer<typeof ZCreateWebhookSchema>;

export const ZUpdateWebhookSchema = z.object({
  endpointId: ZIdSchema,
  url: ZUrlSchema.optional(),
  events: ZEventsSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof ZUpdateWebhookSchema>;

export const ZWebhookRefSchema = z.object({ endpointId: ZIdSchema });
export const ZWebhookDeliveriesSchema = ZPaginationSchema.extend({ endpointId: ZIdSchema });
export const ZRedeliverSchema = z.object({ deliveryId: ZIdSchema });
