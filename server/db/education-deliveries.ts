import "server-only";
import type { Db, DbOrTx } from "./client";

/** Education deliveries the scheduled job sends (docs/domain.md#education). Tenant-scoped. */

export function dueEducationAfter(prisma: Db, tenantId: string, now: Date, afterId: string | null, take: number) {
  return prisma.educationDelivery.findMany({
    where: { tenantId, status: "SCHEDULED", scheduledAt: { lte: now }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      userId: true,
      user: { select: { id: true, email: true, name: true, disabledAt: true, channelPrefs: true } },
      plan: { select: { customerAccountId: true, lead: { select: { contactEmail: true, contactName: true } } } },
      item: { select: { title: true, kind: true, durationMinutes: true, body: true } },
    },
  });
}

/** Scheduled → sent, only if still scheduled: true when this call changed it. */
export async function markEducationSent(tx: DbOrTx, tenantId: string, id: string, at: Date) {
  const res = await tx.educationDelivery.updateMany({
    where: { tenantId, id, status: "SCHEDULED" },
    data: { status: "SENT", sentAt: at },
  });
  return res.count === 1;
}
