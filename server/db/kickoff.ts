import "server-only";
import type { EnvironmentKind, ServiceType, StakeholderRole } from "@/generated/prisma/enums";
import type { KickoffStep } from "@/domain/journey/phases";
import type { DbOrTx } from "./client";
import { kickoffStepsJson } from "./workflow-state";

/** Writes of the kickoff (docs/domain.md#kickoff): each function is one phase's rows; the service runs them in one transaction. */

export function findLeadProject(prisma: DbOrTx, tenantId: string, leadId: string) {
  return prisma.project.findFirst({
    where: { tenantId, leadId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, customerAccountId: true },
  });
}

export function findTechLead(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.user.findFirst({
    where: { tenantId, id: userId, role: "TECH_LEAD", disabledAt: null },
    select: { id: true, name: true },
  });
}

export function createAccount(prisma: DbOrTx, row: { tenantId: string; name: string; csmId: string | null; at: Date }) {
  return prisma.customerAccount.create({
    data: { tenantId: row.tenantId, name: row.name, csmId: row.csmId, createdAt: row.at },
    select: { id: true },
  });
}

export function createProject(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    customerAccountId: string;
    leadId: string;
    name: string;
    serviceType: ServiceType;
    tierKey: string;
    contractValueCents: number;
    techLeadId: string | null;
    startDate: Date;
    targetEndDate: Date;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.project.create({ data: { ...data, status: "KICKOFF", createdAt: at }, select: { id: true } });
}

export function createTeam(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  team: { role: string; specialization: string; capacity: number; required: boolean }[],
) {
  return prisma.teamAssignment.createMany({
    data: team.map((m) => ({
      tenantId,
      projectId,
      role: m.role,
      specialization: m.specialization,
      capacity: m.capacity,
      required: m.required,
    })),
  });
}

export function createEnvironments(prisma: DbOrTx, tenantId: string, projectId: string, kinds: EnvironmentKind[]) {
  return prisma.environment.createMany({
    data: kinds.map((kind) => ({ tenantId, projectId, kind, status: "PENDING" as const })),
  });
}

export function createStakeholder(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    customerAccountId: string;
    email: string;
    name: string;
    stakeholderRole: StakeholderRole;
    isApprover: boolean;
    invitedById: string;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.user.create({
    data: { ...data, role: "CUSTOMER", createdAt: at },
    select: { id: true, email: true, name: true },
  });
}

export function createGuarantee(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    projectId: string;
    amountCents: number;
    successThreshold: number;
    startsAt: Date;
    endsAt: Date;
  },
) {
  const { tenantId, projectId, amountCents, successThreshold, startsAt, endsAt } = row;
  return prisma.guarantee.create({
    data: { tenantId, projectId, amountCents, successThreshold, startsAt, endsAt, status: "ACTIVE" },
    select: { id: true },
  });
}

export async function createMilestones(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  planned: {
    weekNumber: number;
    title: string;
    dueDate: Date;
    minimumSuccessThreshold: number;
    escalationThreshold: number;
    criteria: {
      position: number;
      name: string;
      weight: number;
      validationMethod: string;
      deliverable: string;
      requiresSignOff: boolean;
    }[];
  }[],
) {
  for (const m of planned) {
    await prisma.milestone.create({
      data: {
        tenantId,
        projectId,
        weekNumber: m.weekNumber,
        title: m.title,
        dueDate: m.dueDate,
        minimumSuccessThreshold: m.minimumSuccessThreshold,
        escalationThreshold: m.escalationThreshold,
        status: m.weekNumber === 1 ? "IN_PROGRESS" : "PENDING",
        criteria: { createMany: { data: m.criteria.map((c) => ({ tenantId, ...c })) } },
      },
    });
  }
}

/**
 * Every kickoff step completed: the project goes live, keeps its steps, and is onboarded now (the
 * moment the time to onboarding counts to, docs/architecture.md#workflow-state).
 */
export function finishKickoff(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  steps: readonly KickoffStep[],
  at: Date,
) {
  return prisma.project.updateMany({
    where: { tenantId, id: projectId },
    data: { status: "ACTIVE", kickoff: kickoffStepsJson(steps), onboardedAt: at },
  });
}

export function linkLeadToAccount(prisma: DbOrTx, tenantId: string, leadId: string, customerAccountId: string) {
  return prisma.lead.updateMany({ where: { tenantId, id: leadId }, data: { customerAccountId } });
}

/** Active technical leads of the tenant, for the kickoff form. */
export function listTechLeads(prisma: DbOrTx, tenantId: string) {
  return prisma.user.findMany({
    where: { tenantId, role: "TECH_LEAD", disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
