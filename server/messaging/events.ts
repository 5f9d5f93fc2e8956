import type { WebhookEvent } from "@/lib/schemas/webhooks";
import type { CatalogueEvent, WebhookEventData } from "@/lib/schemas/webhook-events";
import type { DbOrTx, Prisma } from "@/server/db/client";
import { insertOutboxMessages, upsertOutboxMessage } from "@/server/db/outbox";
import { subscribedEndpoints } from "@/server/db/webhooks";

/**
 * Webhook events: one outbox row per subscribed endpoint, keyed `webhook/<endpointId>/<eventKey>`, so
 * the same event raised twice is queued once. The body is serialised here, once: retries and
 * redeliveries send the same bytes (Standard Webhooks payload: type, timestamp, data). `timestamp` is
 * when the thing happened, not when it is sent (docs/webhooks/README.md#payloads); the data's shape
 * is the event's schema in the catalogue (lib/schemas/webhook-events.ts).
 */
export function webhookBody(event: WebhookEvent, data: object, at: Date): string {
  return JSON.stringify({ type: event, timestamp: at.toISOString(), data });
}

function webhookRow(
  tenantId: string,
  endpoint: { id: string; url: string },
  event: WebhookEvent,
  key: string,
  body: string,
  queuedAt: Date,
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
    createdAt: queuedAt,
    nextAttemptAt: queuedAt,
  };
}

export async function emitWebhookEvent<E extends CatalogueEvent>(
  tx: DbOrTx,
  input: {
    tenantId: string;
    event: E;
    key: string;
    data: WebhookEventData<E>;
    /** when it happened: the payload's timestamp */
    at: Date;
    /** when it is queued, if later than it happened */
    queuedAt?: Date;
  },
): Promise<number> {
  const endpoints = await subscribedEndpoints(tx, input.tenantId, input.event);
  if (endpoints.length === 0) return 0;
  const body = webhookBody(input.event, input.data, input.at);
  const queuedAt = input.queuedAt ?? input.at;
  return insertOutboxMessages(
    tx,
    endpoints.map((e) => webhookRow(input.tenantId, e, input.event, input.key, body, queuedAt)),
  );
}

/** Many events of one type in one statement (a job's page): the endpoints are read once. */
export async function emitWebhookEvents<E extends CatalogueEvent>(
  tx: DbOrTx,
  tenantId: string,
  event: E,
  at: Date,
  events: { key: string; data: WebhookEventData<E> }[],
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
