import { z } from "zod";
import { ZIdSchema, ZPaginationSchema } from "./common";

/** The events a tenant's webhook endpoints can subscribe to (test.ping is sent on demand only). */
export const WEBHOOK_EVENTS = ["alert.created", "milestone.overdue", "progress_update.created"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | "test.ping";

export const WEBHOOK_EVENT_LABEL: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  "alert.created": "An alert is raised (failed or overdue milestone, quality escalation, high risk)",
  "milestone.overdue": "A weekly milestone passes its due date without validation",
  "progress_update.created": "A project's daily progress update is written",
};

const ZEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, { error: (issue) => `Unknown event "${String(issue.input)}"` }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENTS.length);

const ZUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the endpoint URL")
  .max(2000, "That URL is too long")
  .refine((v) => URL.canParse(v), "Enter a full URL, e.g. https://example.com/webhooks/onward");

export const ZCreateWebhookSchema = z.object({
  url: ZUrlSchema,
  events: ZEventsSchema,
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
