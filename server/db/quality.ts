import "server-only";
import type { QualityValidationType } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";

/** Quality validations and the project data their process and delivery gates read. Scoped by tenant. */

export function findQualityProject(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.project.findFirst({
    where: { tenantId, id: projectId },
    select: {
      id: true,
      name: true,
      customerAccountId: true,
      techLead: { select: { id: true, name: true, disabledAt: true } },
    },
  });
}

export function findUserName(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.user.findFirst({ where: { tenantId, id: userId }, select: { id: true, name: true } });
}

/** The latest decision per criterion (sign-offs are append-only; a later one supersedes). */
export function latestSignOffDecisions(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.signOff.findMany({
    where: { tenantId, projectId },
    orderBy: [{ criterionId: "asc" }, { seq: "desc" }],
    distinct: ["criterionId"],
    select: { criterionId: true, decision: true, createdAt: true },
  });
}

export function projectMilestoneStates(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.milestone.findMany({
    where: { tenantId, projectId },
    orderBy: { weekNumber: "asc" },
    select: { weekNumber: true, dueDate: true, status: true, validatedAt: true },
  });
}

export function projectAlertTimes(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.alert.findMany({
    where: { tenantId, projectId },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { createdAt: true, resolvedAt: true },
  });
}

export async function projectCsat(prisma: DbOrTx, tenantId: string, projectId: string) {
  const res = await prisma.surveyResponse.aggregate({
    where: { tenantId, survey: { tenantId, projectId, kind: "CSAT" } },
    _avg: { score: true },
    _count: { _all: true },
  });
  return { mean: res._avg.score, responses: res._count._all };
}

const validationSelect = {
  id: true,
  type: true,
  score: true,
  gatesPassed: true,
  gatesFailed: true,
  escalated: true,
  results: true,
  recommendations: true,
  createdAt: true,
} satisfies Prisma.QualityValidationSelect;

export function insertQualityValidation(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    projectId: string;
    type: QualityValidationType;
    score: number;
    gatesPassed: number;
    gatesFailed: number;
    escalated: boolean;
    results: Prisma.InputJsonValue;
    recommendations: Prisma.InputJsonValue;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.qualityValidation.create({ data: { ...data, createdAt: at }, select: { id: true } });
}

/** Points for the chart: the newest `take`, returned oldest first. */
export async function validationPoints(prisma: DbOrTx, tenantId: string, projectId: string, take: number) {
  const rows = await prisma.qualityValidation.findMany({
    where: { tenantId, projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      type: true,
      score: true,
      gatesPassed: true,
      gatesFailed: true,
      escalated: true,
      createdAt: true,
    },
  });
  return rows.reverse();
}

export function latestValidation(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.qualityValidation.findFirst({
    where: { tenantId, projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: validationSelect,
  });
}

/** Recent results, newest first: where the last manual entries are found. */
export function recentValidationResults(prisma: DbOrTx, tenantId: string, projectId: string, take: number) {
  return prisma.qualityValidation.findMany({
    where: { tenantId, projectId, type: { not: "CODE" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { results: true },
  });
}

export function insertQualityAction(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    projectId: string;
    customerAccountId: string;
    assigneeId: string | null;
    title: string;
    detail: string;
    dueAt: Date;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.actionItem.create({
    data: { ...data, kind: "QUALITY", status: "OPEN", createdAt: at },
    select: { id: true },
  });
}
