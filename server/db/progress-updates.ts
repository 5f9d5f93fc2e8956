import type { ProjectStatus } from "./generated/enums";
import type { Db, DbOrTx, Prisma } from "./client";

/** Progress updates (seed §3.2): the project data they are computed from, and the stored updates. */

export const ACTIVE_PROJECT_STATUSES: ProjectStatus[] = ["KICKOFF", "ACTIVE", "AT_RISK"];

export function activeProjectIdsAfter(prisma: Db, tenantId: string, afterId: string | null, take: number) {
  return prisma.project.findMany({
    where: { tenantId, status: { in: ACTIVE_PROJECT_STATUSES }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
}

/** Everything one progress update reads, in one query. */
export function projectForProgress(prisma: Db, tenantId: string, projectId: string) {
  return prisma.project.findFirst({
    where: { tenantId, id: projectId },
    select: {
      id: true, name: true, status: true, techLeadId: true, customerAccountId: true,
      customerAccount: { select: { csmId: true } },
      guarantee: { select: { amountCents: true, endsAt: true, status: true } },
      milestones: {
        orderBy: { weekNumber: "asc" },
        select: {
          id: true, weekNumber: true, title: true, dueDate: true, status: true, score: true, validatedAt: true,
          criteria: {
            orderBy: { position: "asc" },
            select: { name: true, deliverable: true, requiresSignOff: true, signOffs: { orderBy: { seq: "desc" }, take: 1, select: { decision: true, createdAt: true } } },
          },
        },
      },
      environments: { orderBy: { kind: "asc" }, select: { kind: true, status: true } },
      qualityValidations: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { score: true, gatesPassed: true, gatesFailed: true, escalated: true, createdAt: true } },
      evidence: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1,
        select: { coverage: true, testsPassed: true, testsFailed: true, commitSha: true, buildUrl: true, createdAt: true },
      },
      alerts: { where: { resolvedAt: null }, select: { severity: true, kind: true } },
      progressUpdates: { orderBy: { createdAt: "desc" }, take: 12, select: { periodKey: true, progress: true, createdAt: true } },
    },
  });
}

/** One update per project and period: true when this call wrote it, false when it existed. */
export async function insertProgressUpdate(
  prisma: DbOrTx,
  row: { tenantId: string; projectId: string; periodKey: string; progress: number; achievements: Prisma.InputJsonValue; analysis: Prisma.InputJsonValue; at: Date },
) {
  const { at, ...data } = row;
  const res = await prisma.progressUpdate.createMany({ data: [{ ...data, createdAt: at }], skipDuplicates: true });
  return res.count === 1;
}

/** The period's updates of the given projects (or of every project when `projectIds` is null). */
export function progressUpdatesFor(prisma: Db, tenantId: string, periodKey: string, where: Prisma.ProjectWhereInput, take: number) {
  return prisma.progressUpdate.findMany({
    where: { tenantId, periodKey, project: { ...where, tenantId } },
    orderBy: { projectId: "asc" },
    take,
    select: { projectId: true, progress: true, analysis: true, project: { select: { name: true } } },
  });
}

/** People who may get digests, in id order: everyone active but admins. */
export function digestPeopleAfter(prisma: Db, tenantId: string, afterId: string | null, take: number) {
  return prisma.user.findMany({
    where: { tenantId, disabledAt: null, role: { in: ["EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"] }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, tenantId: true, email: true, name: true, role: true, stakeholderRole: true, customerAccountId: true, isApprover: true, channelPrefs: true },
  });
}
