import type { DbOrTx } from "./client";

/** Stored POST responses under their Idempotency-Key (docs/api.md#idempotency), per tenant. */

export function findIdempotencyKey(prisma: DbOrTx, tenantId: string, key: string) {
  return prisma.idempotencyKey.findUnique({
    where: { tenantId_key: { tenantId, key } },
    select: { id: true, requestHash: true, status: true, body: true, createdAt: true },
  });
}

/** Claims the key for a request now running; false when another row holds it (the unique index decides). */
export async function claimIdempotencyKey(
  prisma: DbOrTx,
  row: { tenantId: string; key: string; requestHash: string; at: Date },
): Promise<boolean> {
  const inserted = await prisma.idempotencyKey.createMany({
    data: [{ tenantId: row.tenantId, key: row.key, requestHash: row.requestHash, createdAt: row.at }],
    skipDuplicates: true,
  });
  return inserted.count === 1;
}

export function storeIdempotentResponse(prisma: DbOrTx, tenantId: string, key: string, status: number, body: string) {
  return prisma.idempotencyKey.updateMany({ where: { tenantId, key }, data: { status, body } });
}

/** Frees a key: its request failed on our side, or its 24 hours are over. */
export function releaseIdempotencyKey(prisma: DbOrTx, tenantId: string, key: string, olderThan?: Date) {
  return prisma.idempotencyKey.deleteMany({
    where: { tenantId, key, ...(olderThan ? { createdAt: { lt: olderThan } } : {}) },
  });
}
