import "server-only";
import { randomUUID } from "node:crypto";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/schemas/webhooks";
import { recordAudit } from "@/server/db/audit";
import { requeueMessage } from "@/server/db/outbox";
import {
  deleteEndpoint,
  enableEndpoint,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  latestDeliveryOf,
  listDeliveries,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
} from "@/server/db/webhooks";
import { AppError, notFound } from "@/server/errors";
import { deliveryConfig } from "@/server/messaging/config";
import { queueTestEvent } from "@/server/messaging/events";
import { generateWebhookSecret, maskSecret, secretProblem } from "@/server/messaging/signing";
import { UnsafeUrlError, assertSafeOutgoingUrl } from "@/server/messaging/ssrf";
import { PREVIOUS_SECRET_TTL_MS } from "@/server/messaging/webhook-schedule";
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

/** An endpoint as admins see it: never a secret, only its hint and until when a rotated-out one still signs. */
function publicEndpoint<E extends { secret: string; previousSecret: string | null; previousSecretUntil: Date | null }>(
  e: E,
  now: Date,
) {
  const { secret, previousSecret, previousSecretUntil, ...rest } = e;
  const rotating = previousSecret !== null && previousSecretUntil !== null && previousSecretUntil > now;
  return { ...rest, secretHint: maskSecret(secret), previousSecretValidUntil: rotating ? previousSecretUntil : null };
}

export async function webhookEndpoints(ctx: ServiceContext) {
  const rows = await listEndpoints(ctx.db, ctx.tenantId);
  return rows.map(({ _count, deliveries, ...e }) => ({
    ...publicEndpoint(e, ctx.now),
    deliveries: _count.deliveries,
    lastDelivery: deliveries[0] ?? null,
  }));
}

export async function webhookEndpoint(ctx: ServiceContext, endpointId: string) {
  return publicEndpoint(await requireEndpoint(ctx, endpointId), ctx.now);
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
  return { endpoint: publicEndpoint(created, ctx.now), secret };
}

export async function updateWebhookEndpoint(ctx: ServiceContext, input: UpdateWebhookInput) {
  const before = await requireEndpoint(ctx, input.endpointId);
  const url = input.url !== undefined ? await checkedUrl(input.url) : undefined;
  const toggled = input.active !== undefined && input.active !== before.active;
  const data = {
    ...(url !== undefined ? { url } : {}),
    ...(input.events ? { events: [...new Set(input.events)] } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
    // an admin's own switch: disabling records when, enabling clears what Onward recorded
    ...(toggled && input.active === false ? { disabledAt: ctx.now, disabledReason: "Disabled by an admin." } : {}),
    ...(toggled && input.active === true ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
  };
  await ctx.db.$transaction(async (tx) => {
    if (!(await updateEndpoint(tx, ctx.tenantId, before.id, data))) throw notFound("Webhook endpoint");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: toggled ? (input.active ? "webhook.enabled" : "webhook.disabled") : "webhook.updated",
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

/**
 * A new signing secret, shown once; the old one keeps signing for 24 hours beside it
 * (docs/webhooks/README.md#secret-rotation). A second rotation within the 24 hours drops the oldest.
 */
export async function rotateWebhookSecret(ctx: ServiceContext, endpointId: string) {
  const endpoint = await requireEndpoint(ctx, endpointId);
  const secret = generateWebhookSecret();
  const previousSecretUntil = new Date(ctx.now.getTime() + PREVIOUS_SECRET_TTL_MS);
  await ctx.db.$transaction(async (tx) => {
    const data = { secret, previousSecret: endpoint.secret, previousSecretUntil };
    if (!(await rotateEndpointSecret(tx, ctx.tenantId, endpoint.id, data))) throw notFound("Webhook endpoint");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "webhook.secret_rotated",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      before: { secretHint: maskSecret(endpoint.secret) },
      after: { secretHint: maskSecret(secret), previousSecretValidUntil: previousSecretUntil.toISOString() },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { endpoint: await webhookEndpoint(ctx, endpoint.id), secret, previousSecretValidUntil: previousSecretUntil };
}

/**
 * Re-enables a disabled endpoint by a test event (docs/webhooks/README.md#retries-and-disabling): it is
 * enabled, and audited, only if the test is delivered; otherwise it stays disabled with the answer shown.
 */
export async function reenableWebhookEndpoint(ctx: ServiceContext, endpointId: string) {
  const endpoint = await requireEndpoint(ctx, endpointId);
  if (endpoint.active) throw new AppError("BAD_REQUEST", "This endpoint is already enabled.");
  const message = await queueTestEvent(ctx.db, ctx.tenantId, endpoint, `test/${randomUUID()}`, ctx.now);
  const attempt = await attemptNow(ctx, message.id);
  const enabled = attempt.result === "sent";
  if (enabled)
    await ctx.db.$transaction(async (tx) => {
      if (!(await enableEndpoint(tx, ctx.tenantId, endpoint.id))) throw notFound("Webhook endpoint");
      await recordAudit(tx, {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        action: "webhook.enabled",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        before: { active: false, disabledReason: endpoint.disabledReason },
        after: { active: true, testMessageId: message.id },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
    });
  return { messageId: message.id, enabled, ...attempt };
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
