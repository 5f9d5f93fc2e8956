import "server-only";
import type { Db, DbOrTx } from "./client";
import { ACTIVE_PROJECT_STATUSES } from "./progress-updates";

/** What the weekly milestone check reads and changes. Every query is tenant-scoped. */

/** Open, at-risk or failed weeks of active projects due before `horizon`, in id order. */
export function milestonesToCheck(prisma: Db, tenantId: string, horizon: Date, afterId: string | null, take: number) {
  return prisma.milestone.findMany({
    where: {
      tenantId,
      dueDate: { lte: horizon },
      status: { in: ["PENDING", "IN_PROGRESS", "AT_RISK", "FAILED"] },
      project: { tenantId, status: { in: ACTIVE_PROJECT_STATUSES } },
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      weekNumber: true,
      title: true,
      dueDate: true,
      status: true,
      projectId: true,
      project: {
        select: { name: true, techLeadId: true, customerAccountId: true, customerAccount: { select: { csmId: true } } },
      },
    },
  });
}

/** Serialises concurrent checks of one milestone until the transaction ends. */
export async function lockMilestone(tx: DbOrTx, tenantId: string, milestoneId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Milestone" WHERE id = ${milestoneId} AND "tenantId" = ${tenantId} FOR UPDATE`;
  return rows.length === 1;
}

/** Open → at risk, only if still open: true when this call changed it. */
export async function markOverdueAtRisk(tx: DbOrTx, tenantId: string, milestoneId: string) {
  const res = await tx.milestone.updateMany({
    where: { tenantId, id: milestoneId, status: { in: ["PENDING", "IN_PROGRESS"] } },
    data: { status: "AT_RISK" },
  });
  return res.count === 1;
}
