import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AuditChainRow } from "@/domain/audit/chain";
import type { Db } from "./client";

/**
 * Append-only audit trail; called inside the same transaction as the change it records. The database links
 * the row into its tenant's hash chain (seq, prevHash, hash) and refuses any later UPDATE or DELETE.
 */
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

/**
 * One audit chain as stored, for the verifier: the rows in seq order with JSON as PostgreSQL's jsonb::text
 * (what the database hashed), and the chain's head. Read in one REPEATABLE READ snapshot so an append
 * between the two reads cannot look like tampering. `tenantId` null is the platform chain.
 */
export async function auditChainSnapshot(db: Db, tenantId: string | null) {
  const scope = tenantId === null ? Prisma.sql`"tenantId" IS NULL` : Prisma.sql`"tenantId" = ${tenantId}`;
  const [rows, heads] = await db.$transaction(
    [
      db.$queryRaw<AuditChainRow[]>`
      SELECT "id", "tenantId", "seq", "prevHash", "hash", "actorId", "action", "entityType", "entityId",
             "before"::text AS "beforeText", "after"::text AS "afterText", "ip", "requestId", "createdAt"
      FROM "AuditEvent" WHERE ${scope} ORDER BY "seq", "id"`,
      db.auditChainHead.findMany({ where: { tenantId }, select: { seq: true, hash: true } }),
    ],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  return { rows, head: heads[0] ?? null };
}
