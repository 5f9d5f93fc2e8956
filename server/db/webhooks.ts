import "server-only";
import type { DbOrTx, Prisma } from "./client";

/** The tenant's signed webhook endpoints and their delivery log. Every query is tenant-scoped. */
const endpointSelect = {
  id: true,
  url: true,
  events: true,
  active: true,
  createdAt: true,
  secret: true,
  previousSecret: true,
  previousSecretUntil: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
} satisfies Prisma.WebhookEndpointSelect;

export function listEndpoints(prisma: DbOrTx, tenantId: string) {
  return prisma.webhookEndpoint.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...endpointSelect,
      _count: { select: { deliveries: true } },
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { statusCode: true, error: true, createdAt: true },
      },
    },
  });
}

export function findEndpoint(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.webhookEndpoint.findFirst({ where: { tenantId, id }, select: endpointSelect });
}

export function insertEndpoint(
  prisma: DbOrTx,
  row: { tenantId: string; url: string; secret: string; events: string[]; at: Date },
) {
  const { at, ...data } = row;
  return prisma.webhookEndpoint.create({ data: { ...data, createdAt: at }, select: endpointSelect });
}

export async function updateEndpoint(
  prisma: DbOrTx,
  tenantId: string,
  id: string,
  data: { url?: string; events?: string[]; active?: boolean },
) {
  const res = await prisma.webhookEndpoint.updateMany({ where: { tenantId, id }, data });
  return res.count === 1;
}

/** Records when the endpoint started failing (null: it works). */
export async function setEndpointFailingSince(prisma: DbOrTx, tenantId: string, id: string, failingSince: Date | null) {
  await prisma.webhookEndpoint.updateMany({ where: { tenantId, id }, data: { failingSince } });
}

/** Disables an active endpoint; false when it was already disabled (so the admins are told once). */
export async function disableEndpointIf(prisma: DbOrTx, tenantId: string, id: string, at: Date, reason: string) {
  const res = await prisma.webhookEndpoint.updateMany({
    where: { tenantId, id, active: true },
    data: { active: false, disabledAt: at, disabledReason: reason },
  });
  return res.count === 1;
}

export async function enableEndpoint(prisma: DbOrTx, tenantId: string, id: string) {
  const res = await prisma.webhookEndpoint.updateMany({
    where: { tenantId, id },
    data: { active: true, disabledAt: null, disabledReason: null, failingSince: null },
  });
  return res.count === 1;
}

export async function rotateEndpointSecret(
  prisma: DbOrTx,
  tenantId: string,
  id: string,
  data: { secret: string; previousSecret: string; previousSecretUntil: Date },
) {
  const res = await prisma.webhookEndpoint.updateMany({ where: { tenantId, id }, data });
  return res.count === 1;
}

export async function deleteEndpoint(prisma: DbOrTx, tenantId: string, id: string) {
  const res = await prisma.webhookEndpoint.deleteMany({ where: { tenantId, id } });
  return res.count === 1;
}

/** Active endpoints subscribed to an event, for fan-out: those that chose it and those that chose none (all). */
export function subscribedEndpoints(prisma: DbOrTx, tenantId: string, event: string) {
  return prisma.webhookEndpoint.findMany({
    where: { tenantId, active: true, OR: [{ events: { has: event } }, { events: { isEmpty: true } }] },
    orderBy: { id: "asc" },
    select: { id: true, url: true },
  });
}

export function insertWebhookDelivery(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    endpointId: string;
    outboxMessageId: string;
    event: string;
    statusCode: number | null;
    durationMs: number;
    attempt: number;
    error: string | null;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.webhookDelivery.create({ data: { ...data, createdAt: at }, select: { id: true } });
}

export function listDeliveries(
  prisma: DbOrTx,
  tenantId: string,
  endpointId: string,
  opts: { skip: number; take: number },
) {
  const where = { tenantId, endpointId };
  return Promise.all([
    prisma.webhookDelivery.count({ where }),
    prisma.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: opts.skip,
      take: opts.take,
      select: {
        id: true,
        event: true,
        statusCode: true,
        durationMs: true,
        attempt: true,
        error: true,
        createdAt: true,
        outboxMessage: { select: { id: true, status: true, attempts: true, nextAttemptAt: true } },
      },
    }),
  ]);
}

export function findDelivery(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.webhookDelivery.findFirst({
    where: { tenantId, id },
    select: { id: true, endpointId: true, event: true, outboxMessageId: true },
  });
}

export function latestDeliveryOf(prisma: DbOrTx, tenantId: string, outboxMessageId: string) {
  return prisma.webhookDelivery.findFirst({
    where: { tenantId, outboxMessageId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { statusCode: true, error: true, durationMs: true },
  });
}
