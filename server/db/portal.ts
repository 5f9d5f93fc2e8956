import type { Prisma } from "./generated/client";
import type { Db } from "./client";

/** Portal reads are always scoped by tenant AND customer account: another account's id reads as absent. */
export const portalProjectSelect = {
  id: true,
  name: true,
  status: true,
  serviceType: true,
  startDate: true,
  targetEndDate: true,
  guarantee: { select: { status: true, startsAt: true, endsAt: true } },
  milestones: {
    orderBy: { weekNumber: "asc" },
    select: {
      id: true,
      weekNumber: true,
      title: true,
      dueDate: true,
      status: true,
      score: true,
      minimumSuccessThreshold: true,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          id: true, name: true, weight: true, deliverable: true, requiresSignOff: true, score: true,
          // issue 5: the latest customer decision on a sign-off criterion
          signOffs: { orderBy: { seq: "desc" }, take: 1, select: { decision: true, createdAt: true, user: { select: { name: true } } } },
        },
      },
    },
  },
} satisfies Prisma.ProjectSelect;

export function listPortalProjects(prisma: Db, tenantId: string, customerAccountId: string) {
  return prisma.project.findMany({
    where: { tenantId, customerAccountId },
    orderBy: [{ startDate: "desc" }],
    select: {
      id: true,
      name: true,
      status: true,
      serviceType: true,
      startDate: true,
      targetEndDate: true,
      milestones: { orderBy: { weekNumber: "asc" }, select: { weekNumber: true, status: true, dueDate: true } },
    },
  });
}

export function findPortalProject(prisma: Db, tenantId: string, customerAccountId: string, projectId: string) {
  return prisma.project.findFirst({ where: { id: projectId, tenantId, customerAccountId }, select: portalProjectSelect });
}

/** The guarantee amount of the account's most recent project, or null when it has none yet. */
export async function latestAccountGuaranteeCents(prisma: Db, tenantId: string, customerAccountId: string): Promise<number | null> {
  const row = await prisma.guarantee.findFirst({
    where: { tenantId, project: { customerAccountId } },
    orderBy: { startsAt: "desc" },
    select: { amountCents: true },
  });
  return row?.amountCents ?? null;
}
