import type { DbOrTx } from "./client";
import type { OutboxChannel } from "./generated/enums";

export type OutboxInsert = {
  tenantId: string | null;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  idempotencyKey: string;
};

/** Insert once per idempotency key; a repeat returns the existing row untouched. */
export function upsertOutboxMessage(prisma: DbOrTx, row: OutboxInsert) {
  return prisma.outboxMessage.upsert({
    where: { idempotencyKey: row.idempotencyKey },
    create: row,
    update: {},
    select: { id: true, status: true },
  });
}

export function findOutboxMessage(prisma: DbOrTx, id: string) {
  return prisma.outboxMessage.findUnique({
    where: { id },
    select: { id: true, status: true, recipient: true, subject: true, bodyText: true, bodyHtml: true, idempotencyKey: true },
  });
}

export function recordDeliveryAttempt(prisma: DbOrTx, id: string, outcome: { ok: true; at: Date } | { ok: false; at: Date; error: string; retryAt: Date }) {
  return prisma.outboxMessage.update({
    where: { id },
    data: outcome.ok
      ? { status: "SENT", attempts: { increment: 1 }, sentAt: outcome.at, lastError: null }
      : { status: "FAILED", attempts: { increment: 1 }, lastError: outcome.error.slice(0, 2000), nextAttemptAt: outcome.retryAt },
    select: { id: true },
  });
}

const mailSelect = { id: true, recipient: true, subject: true, bodyText: true, status: true, createdAt: true, sentAt: true } as const;

export function listTenantEmails(prisma: DbOrTx, tenantId: string, take: number) {
  return prisma.outboxMessage.findMany({ where: { tenantId, channel: "EMAIL" }, orderBy: { createdAt: "desc" }, take, select: mailSelect });
}

export function listEmailsTo(prisma: DbOrTx, recipient: string, take: number) {
  return prisma.outboxMessage.findMany({ where: { recipient, channel: "EMAIL" }, orderBy: { createdAt: "desc" }, take, select: mailSelect });
}
