import "server-only";
import type { DelayStatus, GuaranteeStatus, ProjectStatus, Remedy } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";
import { refundFields } from "./refunds";

/**
 * Guarantees, their customer-caused delays and what the final validation reads (docs/domain.md#guarantee). Every query
 * is scoped by tenant; the portal's also by customer account. State changes are conditional updates
 * (`…If…` returns the count) so a concurrent or repeated change applies once.
 */

const person = { select: { id: true, name: true } } as const;

export const guaranteeSelect = {
  id: true,
  amountCents: true,
  successThreshold: true,
  startsAt: true,
  endsAt: true,
  status: true,
  outcome: true,
  remedy: true,
  decidedAt: true,
  createdAt: true,
  tenant: { select: { currency: true } },
  project: {
    select: {
      id: true,
      name: true,
      status: true,
      serviceType: true,
      tierKey: true,
      startDate: true,
      targetEndDate: true,
      completedAt: true,
      contractValueCents: true,
      techLeadId: true,
      customerAccount: { select: { id: true, name: true, csmId: true } },
    },
  },
  delays: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      reason: true,
      evidence: true,
      days: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      recordedBy: person,
      decidedBy: person,
    },
  },
  refunds: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: refundFields,
  },
} satisfies Prisma.GuaranteeSelect;

export type GuaranteeRow = Prisma.GuaranteeGetPayload<{ select: typeof guaranteeSelect }>;

export function findProjectGuarantee(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.guarantee.findFirst({ where: { tenantId, projectId, project: { tenantId } }, select: guaranteeSelect });
}

export function findAccountGuarantee(prisma: DbOrTx, tenantId: string, customerAccountId: string, projectId: string) {
  return prisma.guarantee.findFirst({
    where: { tenantId, projectId, project: { tenantId, customerAccountId } },
    select: guaranteeSelect,
  });
}

export function findGuaranteeById(prisma: DbOrTx, tenantId: string, guaranteeId: string) {
  return prisma.guarantee.findFirst({ where: { tenantId, id: guaranteeId }, select: guaranteeSelect });
}

/** A delay with its guarantee's project account (the portal checks the account). */
export function findDelay(prisma: DbOrTx, tenantId: string, delayId: string) {
  return prisma.guaranteeDelay.findFirst({
    where: { tenantId, id: delayId },
    select: {
      id: true,
      days: true,
      status: true,
      guaranteeId: true,
      guarantee: { select: { projectId: true, project: { select: { customerAccountId: true } } } },
    },
  });
}

export function insertDelay(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    guaranteeId: string;
    reason: string;
    evidence: string | null;
    days: number;
    recordedById: string;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.guaranteeDelay.create({ data: { ...data, status: "PROPOSED", createdAt: at }, select: { id: true } });
}

export async function decideDelayIf(
  prisma: DbOrTx,
  tenantId: string,
  delayId: string,
  status: DelayStatus,
  by: string,
  at: Date,
): Promise<boolean> {
  const r = await prisma.guaranteeDelay.updateMany({
    where: { tenantId, id: delayId, status: "PROPOSED" },
    data: { status, decidedById: by, decidedAt: at },
  });
  return r.count === 1;
}

const OPEN: GuaranteeStatus[] = ["ACTIVE", "PAUSED"];

/** Moves the end of a running guarantee, only if nobody moved it meanwhile. */
export async function moveEndIf(
  prisma: DbOrTx,
  tenantId: string,
  guaranteeId: string,
  expectedEndsAt: Date,
  endsAt: Date,
): Promise<boolean> {
  const r = await prisma.guarantee.updateMany({
    where: { tenantId, id: guaranteeId, status: { in: OPEN }, endsAt: expectedEndsAt },
    data: { endsAt },
  });
  return r.count === 1;
}

/** Records the final validation of a running guarantee; false when it was already decided. */
export async function recordOutcomeIf(
  prisma: DbOrTx,
  tenantId: string,
  guaranteeId: string,
  data: { status: "SUCCEEDED" | "FAILED"; outcome: Prisma.InputJsonValue; decidedAt: Date; endsAt: Date },
): Promise<boolean> {
  const r = await prisma.guarantee.updateMany({ where: { tenantId, id: guaranteeId, status: { in: OPEN } }, data });
  return r.count === 1;
}

/** Sets the remedy of a failed guarantee whose choice is open (no remedy yet). */
export async function chooseRemedyIf(
  prisma: DbOrTx,
  tenantId: string,
  guaranteeId: string,
  remedy: Remedy,
  status: GuaranteeStatus,
): Promise<boolean> {
  const r = await prisma.guarantee.updateMany({
    where: { tenantId, id: guaranteeId, status: "FAILED", remedy: null },
    data: { remedy, status },
  });
  return r.count === 1;
}

export function setGuaranteeState(
  prisma: DbOrTx,
  tenantId: string,
  guaranteeId: string,
  from: GuaranteeStatus[],
  data: { status?: GuaranteeStatus; remedy?: Remedy | null },
) {
  return prisma.guarantee.updateMany({ where: { tenantId, id: guaranteeId, status: { in: from } }, data });
}

/** Running guarantees whose clock has ended, in id order after `afterId` (the enforcement job's batches). */
export function guaranteesDue(prisma: Db, tenantId: string, now: Date, afterId: string | null, take: number) {
  return prisma.guarantee.findMany({
    where: { tenantId, status: { in: OPEN }, endsAt: { lte: now }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
}

/** Everything the final validation reads (validation.ts ValidationFacts), as stored. */
export async function validationInputs(prisma: DbOrTx, tenantId: string, projectId: string) {
  const [weeks, signOffs, coverage, responses] = await Promise.all([
    prisma.milestone.findMany({
      where: { tenantId, projectId },
      orderBy: { weekNumber: "asc" },
      select: { weekNumber: true, title: true, status: true, score: true, validatedAt: true },
    }),
    prisma.signOff.findMany({
      where: { tenantId, projectId },
      orderBy: { seq: "asc" },
      select: { decision: true, createdAt: true, user: { select: { name: true } } },
    }),
    prisma.evidence.findMany({
      where: { tenantId, projectId, coverage: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { coverage: true, createdAt: true, commitSha: true, buildUrl: true },
    }),
    prisma.surveyResponse.findMany({
      where: { tenantId, survey: { tenantId, projectId } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
      select: {
        score: true,
        comment: true,
        createdAt: true,
        user: { select: { name: true } },
        survey: { select: { kind: true } },
      },
    }),
  ]);
  return { weeks, signOffs, coverage, responses };
}

/** The dossier's extra facts: weeks with their deliverables, environments, the latest CI evidence. */
export async function dossierInputs(prisma: DbOrTx, tenantId: string, projectId: string) {
  const [tenant, weeks, environments, evidence] = await Promise.all([
    prisma.tenant.findUnique({ where: { id: tenantId }, select: { name: true, currency: true } }),
    prisma.milestone.findMany({
      where: { tenantId, projectId },
      orderBy: { weekNumber: "asc" },
      select: {
        weekNumber: true,
        title: true,
        status: true,
        score: true,
        criteria: { orderBy: { position: "asc" }, select: { name: true, deliverable: true, score: true } },
      },
    }),
    prisma.environment.findMany({
      where: { tenantId, projectId },
      orderBy: { kind: "asc" },
      select: { kind: true, status: true, url: true },
    }),
    prisma.evidence.findFirst({
      where: { tenantId, projectId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        coverage: true,
        testsPassed: true,
        testsFailed: true,
        commitSha: true,
        buildUrl: true,
        vulnerabilitiesHigh: true,
        vulnerabilitiesCritical: true,
        benchmarkP95Ms: true,
        createdAt: true,
      },
    }),
  ]);
  return { tenant, weeks, environments, evidence };
}

export function setProjectStatusIf(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  from: ProjectStatus[],
  data: { status: ProjectStatus; completedAt?: Date },
) {
  return prisma.project.updateMany({ where: { tenantId, id: projectId, status: { in: from } }, data });
}

// ---------------------------------------------------------------- alerts, tasks, recipients

export function insertFollowUp(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    projectId: string;
    customerAccountId: string;
    title: string;
    detail: string;
    assigneeId: string | null;
    dueAt: Date;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.actionItem.create({ data: { ...data, kind: "FOLLOW_UP", createdAt: at }, select: { id: true } });
}

/** Active staff with one of these roles (executives hear about refunds and failed guarantees). */
export async function activeStaffIds(
  prisma: DbOrTx,
  tenantId: string,
  roles: ("ADMIN" | "EXECUTIVE" | "CSM" | "TECH_LEAD")[],
) {
  const rows = await prisma.user.findMany({
    where: { tenantId, role: { in: roles }, disabledAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The account's active customer stakeholders (approvers only when asked). */
export async function accountStakeholderIds(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  approversOnly = false,
) {
  const rows = await prisma.user.findMany({
    where: {
      tenantId,
      customerAccountId,
      role: "CUSTOMER",
      disabledAt: null,
      ...(approversOnly ? { isApprover: true } : {}),
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Of `ids`, those that are active users of the tenant. */
export async function activeUserIds(prisma: DbOrTx, tenantId: string, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === "string"))];
  if (wanted.length === 0) return [];
  const rows = await prisma.user.findMany({
    where: { tenantId, id: { in: wanted }, disabledAt: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
