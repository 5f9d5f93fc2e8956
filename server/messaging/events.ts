import type { WebhookEvent } from "@/lib/schemas/webhooks";
import type { DbOrTx, Prisma } from "@/server/db/client";
import { insertOutboxMessages, upsertOutboxMessage } from "@/server/db/outbox";
import { subscribedEndpoints } from "@/server/db/webhooks";

/**
 * Webhook events: one outbox row per subscribed endpoint, keyed `webhook/<endpointId>/<eventKey>`, so
 * the same event raised twice is queued once. The body is serialised here, once: retries and
 * redeliveries send the same bytes (Standard Webhooks payload: type, timestamp, data).
 */
export function webhookBody(event: WebhookEvent, data: Record<string, unknown>, at: Date): string {
  return JSON.stringify({ type: event, timestamp: at.toISOString(), data });
}

function webhookRow(
  tenantId: string,
  endpoint: { id: string; url: string },
  event: WebhookEvent,
  key: string,
  body: string,
  at: Date,
) {
  return {
    tenantId,
    channel: "WEBHOOK" as const,
    recipient: endpoint.url,
    subject: event,
    bodyText: body,
    bodyHtml: null,
    idempotencyKey: `webhook/${endpoint.id}/${key}`,
    payload: { endpointId: endpoint.id, event } satisfies Prisma.InputJsonValue,
    createdAt: at,
    nextAttemptAt: at,
  };
}

export async function emitWebhookEvent(
  tx: DbOrTx,
  input: {
    tenantId: string;
    event: Exclude<WebhookEvent, "test.ping">;
    key: string;
    data: Record<string, unknown>;
    at: Date;
  },
): Promise<number> {
  const endpoints = await subscribedEndpoints(tx, input.tenantId, input.event);
  const body = webhookBody(input.event, input.data, input.at);
  return insertOutboxMessages(
    tx,
    endpoints.map((e) => webhookRow(input.tenantId, e, input.event, input.key, body, input.at)),
  );
}

/** Many events of one type in one statement (a job's page): the endpoints are read once. */
export async function emitWebhookEvents(
  tx: DbOrTx,
  tenantId: string,
  event: Exclude<WebhookEvent, "test.ping">,
  at: Date,
  events: { key: string; data: Record<string, unknown> }[],
): Promise<number> {
  if (events.length === 0) return 0;
  const endpoints = await subscribedEndpoints(tx, tenantId, event);
  if (endpoints.length === 0) return 0;
  const bodies = events.map((e) => ({ key: e.key, body: webhookBody(event, e.data, at) }));
  return insertOutboxMessages(
    tx,
    endpoints.flatMap((ep) => bodies.map((b) => webhookRow(tenantId, ep, event, b.key, b.body, at))),
  );
}

/** A test event for one endpoint, whatever it subscribes to (the admin's "send test event"). */
export function queueTestEvent(
  tx: DbOrTx,
  tenantId: string,
  endpoint: { id: string; url: string },
  key: string,
  at: Date,
) {
  const body = webhookBody(
    "test.ping",
    { endpointId: endpoint.id, message: "Test event from Onward: your endpoint receives signed webhooks." },
    at,
  );
  return upsertOutboxMessage(tx, webhookRow(tenantId, endpoint, "test.ping", key, body, at));
}
