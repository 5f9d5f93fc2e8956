import "server-only";
import { readKickoffSteps } from "./workflow-state";
import type { ActionKind, MilestoneStatus, ProjectStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";
import { containsText } from "./search";

/** Projects and their weekly milestones, for the technical-lead view. Every query is tenant-scoped. */
const json = (v: unknown) => v as Prisma.InputJsonValue;

export function listProjects(
  prisma: Db,
  tenantId: string,
  opts: { status?: ProjectStatus; techLeadId?: string; search?: string; skip: number; take: number },
) {
  const where: Prisma.ProjectWhereInput = {
    tenantId,
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.techLeadId ? { techLeadId: opts.techLeadId } : {}),
    ...(opts.search
      ? { OR: [{ name: containsText(opts.search) }, { customerAccount: { name: containsText(opts.search) } }] }
      : {}),
  };
  return prisma.$transaction([
    prisma.project.count({ where }),
    prisma.project.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      skip: opts.skip,
      take: opts.take,
      select: {
        id: true,
        name: true,
        status: true,
        serviceType: true,
        tierKey: true,
        startDate: true,
        targetEndDate: true,
        contractValueCents: true,
        customerAccount: { select: { id: true, name: true } },
        techLead: { select: { id: true, name: true } },
        guarantee: { select: { status: true, endsAt: true } },
        milestones: {
          orderBy: { weekNumber: "asc" },
          select: { weekNumber: true, status: true, score: true, dueDate: true },
        },
      },
    }),
  ]);
}

export async function findProjectDetail(prisma: Db, tenantId: string, projectId: string) {
  const project = await prisma.project.findFirst({
    where: { tenantId, id: projectId },
    select: {
      id: true,
      name: true,
      status: true,
      serviceType: true,
      tierKey: true,
      startDate: true,
      targetEndDate: true,
      contractValueCents: true,
      kickoff: true,
      leadId: true,
      customerAccount: { select: { id: true, name: true, csm: { select: { id: true, name: true } } } },
      techLead: { select: { id: true, name: true } },
      guarantee: { select: { amountCents: true, successThreshold: true, startsAt: true, endsAt: true, status: true } },
      team: {
        orderBy: [{ required: "desc" }, { createdAt: "asc" }],
        select: { id: true, role: true, specialization: true, capacity: true, required: true, memberName: true },
      },
      environments: {
        orderBy: { kind: "asc" },
        select: { id: true, kind: true, status: true, url: true, updatedAt: true },
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
          minimumSuccessThreshold: true,
          escalationThreshold: true,
          criteria: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              position: true,
              name: true,
              weight: true,
              validationMethod: true,
              deliverable: true,
              requiresSignOff: true,
              score: true,
              evidence: true,
              signOffs: {
                orderBy: { seq: "desc" },
                take: 1,
                select: { decision: true, comment: true, createdAt: true, user: { select: { name: true } } },
              },
            },
          },
          validations: {
            orderBy: { createdAt: "desc" },
            take: 10,
            select: {
              id: true,
              score: true,
              status: true,
              criteriaScores: true,
              actions: true,
              createdAt: true,
              validatedById: true,
            },
          },
        },
      },
      actionItems: {
        where: { status: { in: ["OPEN", "SNOOZED"] } },
        orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
        take: 50,
        select: {
          id: true,
          kind: true,
          title: true,
          detail: true,
          dueAt: true,
          status: true,
          assignee: { select: { id: true, name: true } },
          createdAt: true,
        },
      },
    },
  });
  return project && { ...project, kickoff: readKickoffSteps(project.kickoff) };
}

/** What validating a milestone needs: thresholds, criteria with their latest sign-off, and the project's people. */
export function findMilestoneForValidation(prisma: DbOrTx, tenantId: string, milestoneId: string) {
  return prisma.milestone.findFirst({
    where: { tenantId, id: milestoneId },
    select: {
      id: true,
      weekNumber: true,
      title: true,
      status: true,
      score: true,
      minimumSuccessThreshold: true,
      escalationThreshold: true,
      projectId: true,
      project: {
        select: {
          id: true,
          name: true,
          status: true,
          techLeadId: true,
          customerAccount: { select: { id: true, csmId: true } },
        },
      },
      criteria: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          name: true,
          weight: true,
          validationMethod: true,
          deliverable: true,
          requiresSignOff: true,
          score: true,
          evidence: true,
          signOffs: { orderBy: { seq: "desc" }, take: 1, select: { decision: true } },
        },
      },
    },
  });
}

export async function recordMilestoneValidation(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    milestoneId: string;
    projectId: string;
    score: number;
    status: MilestoneStatus;
    criteriaScores: unknown;
    actions: unknown;
    validatedById: string | null;
    at: Date;
    criteria: { id: string; score: number | null; evidence: unknown }[];
  },
) {
  const validation = await prisma.milestoneValidation.create({
    data: {
      tenantId: row.tenantId,
      milestoneId: row.milestoneId,
      score: row.score,
      status: row.status,
      criteriaScores: json(row.criteriaScores),
      actions: json(row.actions),
      validatedById: row.validatedById,
      createdAt: row.at,
    },
    select: { id: true },
  });
  await prisma.milestone.updateMany({
    where: { tenantId: row.tenantId, id: row.milestoneId },
    data: { score: row.score, status: row.status, validatedAt: row.at },
  });
  for (const c of row.criteria) {
    await prisma.milestoneCriterion.updateMany({
      where: { tenantId: row.tenantId, id: c.id },
      data: { score: c.score, evidence: json(c.evidence) },
    });
  }
  return validation;
}

/** Titles of the project's actions still open or snoozed (re-validating a week must not duplicate them). */
export async function openActionTitles(prisma: DbOrTx, tenantId: string, projectId: string): Promise<Set<string>> {
  const rows = await prisma.actionItem.findMany({
    where: { tenantId, projectId, status: { in: ["OPEN", "SNOOZED"] } },
    select: { title: true },
  });
  return new Set(rows.map((r) => r.title));
}

export function createActionItems(
  prisma: DbOrTx,
  rows: {
    tenantId: string;
    projectId: string;
    customerAccountId: string | null;
    kind: ActionKind;
    title: string;
    detail: string;
    assigneeId: string | null;
    dueAt: Date;
    at: Date;
  }[],
) {
  return prisma.actionItem.createMany({
    data: rows.map(({ at, ...r }) => ({ ...r, createdAt: at })),
  });
}

export function setProjectStatus(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  from: ProjectStatus[],
  to: ProjectStatus,
) {
  return prisma.project.updateMany({ where: { tenantId, id: projectId, status: { in: from } }, data: { status: to } });
}

/** Latest validated status of every milestone of the project, to decide the project's status. */
export function milestoneStatuses(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.milestone.findMany({ where: { tenantId, projectId }, select: { id: true, status: true } });
}

export function findActionItem(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.actionItem.findFirst({
    where: { tenantId, id, projectId: { not: null } },
    select: { id: true, status: true, title: true, projectId: true },
  });
}

export function updateActionItem(
  prisma: DbOrTx,
  tenantId: string,
  id: string,
  data: { status: "OPEN" | "DONE" | "SNOOZED" | "CANCELLED"; completedAt: Date | null },
) {
  return prisma.actionItem.updateMany({ where: { tenantId, id }, data });
}

export function findEnvironment(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.environment.findFirst({
    where: { tenantId, id },
    select: { id: true, kind: true, status: true, url: true, projectId: true },
  });
}

export function updateEnvironment(
  prisma: DbOrTx,
  tenantId: string,
  id: string,
  data: { status: "PENDING" | "PROVISIONING" | "READY" | "FAILED"; url: string | null },
) {
  return prisma.environment.updateMany({ where: { tenantId, id }, data });
}
