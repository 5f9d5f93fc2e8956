import "server-only";
import { randomUUID } from "node:crypto";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/schemas/webhooks";
import { recordAudit } from "@/server/db/audit";
import { requeueMessage } from "@/server/db/outbox";
import {
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  latestDeliveryOf,
  listDeliveries,
  listEndpoints,
  updateEndpoint,
} from "@/server/db/webhooks";
import { AppError, notFound } from "@/server/errors";
import { deliveryConfig } from "@/server/messaging/config";
import { queueTestEvent } from "@/server/messaging/events";
import { generateWebhookSecret, maskSecret, secretProblem } from "@/server/messaging/signing";
import { UnsafeUrlError, assertSafeOutgoingUrl } from "@/server/messaging/ssrf";
import { deliverMessageNow } from "@/server/messaging/worker";
import type { ServiceContext } from "./context";

/**
 * The tenant's generic webhook endpoints (docs/architecture.md#messaging): each has a URL (https and public in production —
 * SSRF), a signing secret (Standard Webhooks, shown once at creation) and the events it receives; a
 * delivery log per endpoint, a test event, and redelivery of any logged message. Changes are audited
 * without the secret.
 */
async function checkedUrl(raw: string): Promise<string> {
  try {
    return (await assertSafeOutgoingUrl(raw, deliveryConfig().allowPrivateNetworks)).toString();
  } catch (error) {
    if (error instanceof UnsafeUrlError)
      throw new AppError("BAD_REQUEST", `This URL cannot receive webhooks: ${error.message}.`, {
        fieldErrors: { url: error.message },
      });
    throw error;
  }
}

async function requireEndpoint(ctx: ServiceContext, endpointId: string) {
  const endpoint = await findEndpoint(ctx.db, ctx.tenantId, endpointId);
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

export async function webhookEndpoints(ctx: ServiceContext) {
  const rows = await listEndpoints(ctx.db, ctx.tenantId);
  return rows.map(({ secret, _count, deliveries, ...e }) => ({
    ...e,
    secretHint: maskSecret(secret),
    deliveries: _count.deliveries,
    lastDelivery: deliveries[0] ?? null,
  }));
}

export async function webhookEndpoint(ctx: ServiceContext, endpointId: string) {
  const { secret, ...endpoint } = await requireEndpoint(ctx, endpointId);
  return { ...endpoint, secretHint: maskSecret(secret) };
}

export async function createWebhookEndpoint(ctx: ServiceContext, input: CreateWebhookInput) {
  const url = await checkedUrl(input.url);
  const secret = input.secret ? input.secret : generateWebhookSecret();
  const problem = secretProblem(secret);
  if (problem)
    throw new AppError("BAD_REQUEST", `This secret cannot sign webhooks: ${problem}.`, {
      fieldErrors: { secret: problem },
    });
  const events = [...new Set(input.events)];
  const created = await ctx.db.$transaction(async (tx) => {
    const row = await insertEndpoint(tx, { tenantId: ctx.tenantId, url, secret, events, at: ctx.now });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "webhook.created",
      entityType: "WebhookEndpoint",
      entityId: row.id,
      after: { url, events, secretProvided: Boolean(input.secret) },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return row;
  });
  const { secret: _secret, ...endpoint } = created;
  return { endpoint: { ...endpoint, secretHint: maskSecret(secret) }, secret };
}

export async function updateWebhookEndpoint(ctx: ServiceContext, input: UpdateWebhookInput) {
  const before = await requireEndpoint(ctx, input.endpointId);
  const url = input.url !== undefined ? await checkedUrl(input.url) : undefined;
  const data = {
    ...(url !== undefined ? { url } : {}),
    ...(input.events ? { events: [...new Set(input.events)] } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  await ctx.db.$transaction(async (tx) => {
    if (!(await updateEndpoint(tx, ctx.tenantId, before.id, data))) throw notFound("Webhook endpoint");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "webhook.updated",
      entityType: "WebhookEndpoint",
      entityId: before.id,
      before: { url: before.url, events: before.events, active: before.active },
      after: data,
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return webhookEndpoint(ctx, before.id);
}

export async function removeWebhookEndpoint(ctx: ServiceContext, endpointId: string) {
  const before = await requireEndpoint(ctx, endpointId);
  await ctx.db.$transaction(async (tx) => {
    if (!(await deleteEndpoint(tx, ctx.tenantId, before.id))) throw notFound("Webhook endpoint");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "webhook.deleted",
      entityType: "WebhookEndpoint",
      entityId: before.id,
      before: { url: before.url, events: before.events, active: before.active },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { endpointId: before.id, deleted: true as const };
}

/** What the admin sees after a test or a redelivery: the outcome of the attempt just made. */
async function attemptNow(ctx: ServiceContext, messageId: string) {
  const result = await deliverMessageNow(ctx.db, messageId, ctx.now);
  const latest = await latestDeliveryOf(ctx.db, ctx.tenantId, messageId);
  return {
    result,
    statusCode: latest?.statusCode ?? null,
    error: latest?.error ?? null,
    durationMs: latest?.durationMs ?? null,
  };
}

export async function sendTestEvent(ctx: ServiceContext, endpointId: string) {
  const endpoint = await requireEndpoint(ctx, endpointId);
  if (!endpoint.active) throw new AppError("BAD_REQUEST", "This endpoint is disabled: enable it to send a test event.");
  const message = await queueTestEvent(ctx.db, ctx.tenantId, endpoint, `test/${randomUUID()}`, ctx.now);
  return { messageId: message.id, ...(await attemptNow(ctx, message.id)) };
}

export async function webhookDeliveries(
  ctx: ServiceContext,
  input: { endpointId: string; page: number; pageSize: number },
) {
  const endpoint = await requireEndpoint(ctx, input.endpointId);
  const [total, rows] = await listDeliveries(ctx.db, ctx.tenantId, endpoint.id, {
    skip: (input.page - 1) * input.pageSize,
    take: input.pageSize,
  });
  return { total, page: input.page, pageSize: input.pageSize, rows };
}

export async function redeliverWebhook(ctx: ServiceContext, deliveryId: string) {
  const delivery = await findDelivery(ctx.db, ctx.tenantId, deliveryId);
  if (!delivery) throw notFound("Webhook delivery");
  if (!delivery.outboxMessageId)
    throw new AppError("BAD_REQUEST", "The message of this delivery no longer exists, so it cannot be sent again.");
  const messageId = delivery.outboxMessageId;
  await ctx.db.$transaction(async (tx) => {
    if (!(await requeueMessage(tx, ctx.tenantId, messageId, ctx.now)))
      throw new AppError("CONFLICT", "This message is being sent right now. Try again in a moment.");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "webhook.redelivered",
      entityType: "WebhookDelivery",
      entityId: delivery.id,
      after: { outboxMessageId: messageId, event: delivery.event },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { messageId, ...(await attemptNow(ctx, messageId)) };
}
