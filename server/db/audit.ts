import type { Prisma } from "@/server/db/generated/client";

/** Append-only audit trail; called inside the same transaction as the change it records. */
export function recordAudit(
  tx: Prisma.TransactionClient,
  event: {
    tenantId: string | null;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
    ip?: string | null;
    requestId?: string | null;
    at: Date;
  },
) {
  return tx.auditEvent.create({
    data: {
      tenantId: event.tenantId,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      before: event.before,
      after: event.after,
      ip: event.ip ?? null,
      requestId: event.requestId ?? null,
      createdAt: event.at,
    },
    select: { id: true },
  });
}
