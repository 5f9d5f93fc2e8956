import "server-only";
import type { ProjectStatus } from "@/generated/prisma/enums";
import type { Db, DbOrTx, Prisma } from "./client";

/** Progress updates (docs/domain.md#progress-updates): the project data they are computed from, and the stored updates. */

export const ACTIVE_PROJECT_STATUSES: ProjectStatus[] = ["KICKOFF", "ACTIVE", "AT_RISK"];

export function activeProjectIdsAfter(prisma: Db, tenantId: string, afterId: string | null, take: number) {
  return prisma.project.findMany({
    where: { tenantId, status: { in: ACTIVE_PROJECT_STATUSES }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
}

/** Everything the progress updates of a page of projects read: one query per relation, whatever the page size. */
export function projectsForProgress(prisma: Db, tenantId: string, projectIds: string[]) {
  return prisma.project.findMany({
    where: { tenantId, id: { in: projectIds } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      status: true,
      techLeadId: true,
      customerAccountId: true,
      customerAccount: { select: { csmId: true } },
      guarantee: {
        select: {
          amountCents: true,
          startsAt: true,
          endsAt: true,
          status: true,
          delays: { select: { id: true, days: true, status: true, createdAt: true } },
        },
      },
      milestones: {
        orderBy: { weekNumber: "asc" },
        select: {
          id: true,
          weekNumber: true,
          title: true,
          dueDate: true,
          status: true,
          score: true,
          validatedAt: true,
          criteria: {
            orderBy: { position: "asc" },
            select: {
              name: true,
              deliverable: true,
              requiresSignOff: true,
              signOffs: { orderBy: { seq: "desc" }, take: 1, select: { decision: true, createdAt: true } },
            },
          },
        },
      },
      environments: { orderBy: { kind: "asc" }, select: { kind: true, status: true } },
      qualityValidations: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { score: true, gatesPassed: true, gatesFailed: true, escalated: true, createdAt: true },
      },
      evidence: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: {
          coverage: true,
          testsPassed: true,
          testsFailed: true,
          commitSha: true,
          buildUrl: true,
          createdAt: true,
        },
      },
      alerts: { where: { resolvedAt: null }, select: { severity: true, kind: true } },
      progressUpdates: {
        orderBy: { createdAt: "desc" },
        take: 12,
        select: { periodKey: true, progress: true, createdAt: true },
      },
    },
  });
}

export type ProjectForProgress = Awaited<ReturnType<typeof projectsForProgress>>[number];

export type ProgressUpdateInsert = {
  tenantId: string;
  projectId: string;
  periodKey: string;
  progress: number;
  achievements: Prisma.InputJsonValue;
  analysis: Prisma.InputJsonValue;
  at: Date;
};

/**
 * One update per project and period, a page in one statement: returns the project ids this call
 * wrote — a row that existed (an earlier or a concurrent run) is skipped by the unique key.
 */
export async function insertProgressUpdates(prisma: DbOrTx, rows: ProgressUpdateInsert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const created = await prisma.progressUpdate.createManyAndReturn({
    data: rows.map(({ at, ...data }) => ({ ...data, createdAt: at })),
    skipDuplicates: true,
    select: { projectId: true },
  });
  return new Set(created.map((r) => r.projectId));
}

/**
 * The period's updates of active projects matching any of `anyOf` (null: every one), in
 * project id order, with who the project belongs to so each recipient's share is picked in memory.
 */
export function progressUpdatesWithOwners(
  prisma: Db,
  tenantId: string,
  periodKey: string,
  anyOf: Prisma.ProjectWhereInput[] | null,
  take?: number,
) {
  return prisma.progressUpdate.findMany({
    where: {
      tenantId,
      periodKey,
      project: { tenantId, status: { in: ACTIVE_PROJECT_STATUSES }, ...(anyOf ? { OR: anyOf } : {}) },
    },
    orderBy: { projectId: "asc" },
    ...(take ? { take } : {}),
    select: {
      projectId: true,
      progress: true,
      analysis: true,
      project: {
        select: { name: true, techLeadId: true, customerAccountId: true, customerAccount: { select: { csmId: true } } },
      },
    },
  });
}

/** People who may get digests, in id order: everyone active but admins. */
export function digestPeopleAfter(prisma: Db, tenantId: string, afterId: string | null, take: number) {
  return prisma.user.findMany({
    where: {
      tenantId,
      disabledAt: null,
      role: { in: ["EXECUTIVE", "CSM", "TECH_LEAD", "CUSTOMER"] },
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      tenantId: true,
      email: true,
      name: true,
      role: true,
      stakeholderRole: true,
      customerAccountId: true,
      isApprover: true,
      channelPrefs: true,
    },
  });
}
