import "server-only";
import type { RetentionStrategy } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";
import { ESCALATION_KINDS } from "@/domain/alerts/registry";

/**
 * Customer health, expansion and retention plans (docs/domain.md#retention). Every query is scoped by tenant
 * and names the customer account; the facts are read over windows ending at `now`.
 */

const DAY_MS = 86_400_000;
const ISSUE_KINDS = ["RECOVERY", "ESCALATION", "QUALITY"] as const;

export function findAccount(prisma: DbOrTx, tenantId: string, accountId: string) {
  return prisma.customerAccount.findFirst({
    where: { tenantId, id: accountId },
    select: {
      id: true,
      name: true,
      industry: true,
      website: true,
      createdAt: true,
      csm: { select: { id: true, name: true } },
    },
  });
}

/** Accounts in id order after `afterId` (the daily job's batches). */
export function accountsAfter(prisma: Db, tenantId: string, afterId: string | null, take: number) {
  return prisma.customerAccount.findMany({
    where: { tenantId, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, name: true, csmId: true },
  });
}

/** What the health score reads (health.ts HealthFacts) and the trigger facts, as raw rows and counts. */
export async function healthInputs(
  prisma: DbOrTx,
  tenantId: string,
  accountId: string,
  now: Date,
  windowDays: number,
  engagementDays: number,
) {
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  const engagedSince = new Date(now.getTime() - engagementDays * DAY_MS);
  const inAccount = { tenantId, customerAccountId: accountId };
  const [
    milestones,
    responses,
    signOffs,
    escalations,
    gates,
    education,
    sessions,
    openIssues,
    lastCompleted,
    firstCustomer,
  ] = await Promise.all([
    prisma.milestone.groupBy({
      by: ["status"],
      where: {
        tenantId,
        project: inAccount,
        status: { in: ["SUCCESS", "AT_RISK", "FAILED"] },
        validatedAt: { gte: since, lte: now },
      },
      _count: { _all: true },
    }),
    prisma.surveyResponse.findMany({
      where: { tenantId, createdAt: { gte: since, lte: now }, survey: { tenantId, project: inAccount } },
      take: 1000,
      select: { score: true, survey: { select: { kind: true } } },
    }),
    prisma.signOff.findMany({
      where: { tenantId, createdAt: { gte: since, lte: now }, project: inAccount },
      take: 1000,
      select: { createdAt: true, milestone: { select: { dueDate: true } } },
    }),
    prisma.alert.count({
      where: {
        tenantId,
        createdAt: { gte: since, lte: now },
        OR: [{ customerAccountId: accountId }, { project: inAccount }],
        AND: [{ OR: [{ kind: { in: [...ESCALATION_KINDS] } }, { severity: { in: ["HIGH", "CRITICAL"] } }] }],
      },
    }),
    prisma.qualityValidation.aggregate({
      where: { tenantId, createdAt: { gte: since, lte: now }, project: inAccount },
      _sum: { gatesPassed: true, gatesFailed: true },
    }),
    prisma.educationDelivery.groupBy({
      by: ["status"],
      where: { tenantId, plan: { tenantId, customerAccountId: accountId }, status: { in: ["SENT", "COMPLETED"] } },
      _count: { _all: true },
    }),
    prisma.userSession.findMany({
      where: {
        tenantId,
        lastSeenAt: { gte: engagedSince },
        createdAt: { lte: now },
        user: { tenantId, customerAccountId: accountId, role: "CUSTOMER" },
      },
      take: 2000,
      select: { createdAt: true, lastSeenAt: true },
    }),
    prisma.actionItem.count({
      where: {
        tenantId,
        status: { in: ["OPEN", "SNOOZED"] },
        kind: { in: [...ISSUE_KINDS] },
        OR: [{ customerAccountId: accountId }, { project: inAccount }],
      },
    }),
    prisma.project.findFirst({
      where: { ...inAccount, status: "COMPLETED", completedAt: { not: null, lte: now } },
      orderBy: { completedAt: "desc" },
      select: { completedAt: true, targetEndDate: true },
    }),
    // the portal is open to the account from its first customer user on
    prisma.user.findFirst({
      where: { tenantId, customerAccountId: accountId, role: "CUSTOMER", createdAt: { lte: now } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const portalOpenedAt = firstCustomer?.createdAt ?? null;
  return {
    milestones,
    responses,
    signOffs,
    escalations,
    gates,
    education,
    sessions,
    openIssues,
    lastCompleted,
    engagedSince,
    portalOpenedAt,
  };
}

/** The account's projects and guarantees, for the expansion potential and its offerings. */
export async function accountExpansionFacts(prisma: DbOrTx, tenantId: string, accountId: string) {
  const projects = await prisma.project.findMany({
    where: { tenantId, customerAccountId: accountId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      serviceType: true,
      contractValueCents: true,
      guarantee: { select: { status: true, outcome: true, decidedAt: true } },
    },
  });
  const decided = projects
    .filter(
      (p) => p.guarantee && p.guarantee.decidedAt && ["SUCCEEDED", "FAILED", "REMEDIED"].includes(p.guarantee.status),
    )
    .sort((a, b) => (b.guarantee?.decidedAt?.getTime() ?? 0) - (a.guarantee?.decidedAt?.getTime() ?? 0));
  const latest = decided[0]?.guarantee ?? null;
  const score = (latest?.outcome as { successScore?: unknown } | null)?.successScore;
  return {
    latestGuarantee: latest ? { status: latest.status, successScore: typeof score === "number" ? score : null } : null,
    completedProjects: projects.filter((p) => p.status === "COMPLETED").length,
    activeProjects: projects.filter((p) => p.status === "KICKOFF" || p.status === "ACTIVE" || p.status === "AT_RISK")
      .length,
    endedProjects: projects.filter((p) => p.status === "FAILED" || p.status === "REFUNDED" || p.status === "CANCELLED")
      .length,
    succeededServiceTypes: [
      ...new Set(projects.filter((p) => p.guarantee?.status === "SUCCEEDED").map((p) => p.serviceType)),
    ],
    largestContractCents: projects.reduce((m, p) => Math.max(m, p.contractValueCents), 0),
  };
}

// ---------------------------------------------------------------- snapshots and plans

export type SnapshotRow = {
  tenantId: string;
  customerAccountId: string;
  day: Date;
  score: number;
  expansionScore: number;
  components: Prisma.InputJsonValue;
  at: Date;
};

/**
 * Writes the day's snapshot: inserted when the day has none, replaced when the scores changed since the
 * day's earlier computation (the list must not lag behind the facts), left alone when they did not.
 */
export async function refreshSnapshot(prisma: DbOrTx, row: SnapshotRow): Promise<"inserted" | "updated" | "unchanged"> {
  const { at, ...data } = row;
  const r = await prisma.healthSnapshot.createMany({ data: [{ ...data, createdAt: at }], skipDuplicates: true });
  if (r.count === 1) return "inserted";
  const u = await prisma.healthSnapshot.updateMany({
    where: {
      tenantId: row.tenantId,
      customerAccountId: row.customerAccountId,
      day: row.day,
      OR: [{ score: { not: row.score } }, { expansionScore: { not: row.expansionScore } }, { expansionScore: null }],
    },
    data: { score: data.score, expansionScore: data.expansionScore, components: data.components, createdAt: at },
  });
  return u.count === 1 ? "updated" : "unchanged";
}

/** A recompute on request replaces the day's snapshot. */
export function upsertSnapshot(prisma: DbOrTx, row: SnapshotRow) {
  const { at, ...data } = row;
  return prisma.healthSnapshot.upsert({
    where: { customerAccountId_day: { customerAccountId: row.customerAccountId, day: row.day } },
    create: { ...data, createdAt: at },
    update: { score: data.score, expansionScore: data.expansionScore, components: data.components, createdAt: at },
    select: { id: true },
  });
}

/** Serialises plan changes of one account (concurrent job runs and a CSM's click plan once). */
export async function lockAccount(tx: DbOrTx, accountId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`retention:${accountId}`}, 0))`;
}

export function latestPlan(prisma: DbOrTx, tenantId: string, accountId: string) {
  return prisma.retentionPlan.findFirst({
    where: { tenantId, customerAccountId: accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, strategy: true, createdAt: true },
  });
}

export async function insertPlan(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    customerAccountId: string;
    strategy: RetentionStrategy;
    healthScore: number;
    expansionScore: number;
    triggers: Prisma.InputJsonValue;
    successMetrics: Prisma.InputJsonValue;
    expectedOutcome: string;
    nextTouchpointAt: Date;
    at: Date;
    actions: { title: string; detail: string; dueAt: Date }[];
    assigneeId: string | null;
  },
) {
  const { at, actions, assigneeId, ...data } = row;
  const plan = await prisma.retentionPlan.create({ data: { ...data, createdAt: at }, select: { id: true } });
  await prisma.actionItem.createMany({
    data: actions.map((a) => ({
      tenantId: row.tenantId,
      customerAccountId: row.customerAccountId,
      retentionPlanId: plan.id,
      kind: "RETENTION" as const,
      title: a.title,
      detail: a.detail,
      assigneeId,
      dueAt: a.dueAt,
      createdAt: at,
    })),
  });
  return plan;
}

/** A superseded plan's unfinished tasks are cancelled. */
export function cancelPlanTasks(prisma: DbOrTx, tenantId: string, planId: string) {
  return prisma.actionItem.updateMany({
    where: { tenantId, retentionPlanId: planId, status: { in: ["OPEN", "SNOOZED"] } },
    data: { status: "CANCELLED" },
  });
}

// ---------------------------------------------------------------- CSM screens

/**
 * One page of the tenant's accounts, sorted, filtered and paged in SQL on the account's newest snapshot
 * (CustomerAccount.latestHealthScore, kept by a trigger): accounts not scored yet sort last. `health` is
 * a range [gte, lt) on that score, or null for the accounts without one.
 */
export async function accountsPage(
  prisma: Db,
  tenantId: string,
  q: {
    sort: "health_asc" | "health_desc" | "name";
    health?: { gte?: number; lt?: number } | null;
    skip: number;
    take: number;
    since: Date;
  },
) {
  const where: Prisma.CustomerAccountWhereInput = {
    tenantId,
    ...(q.health === null
      ? { latestHealthScore: null }
      : q.health
        ? { latestHealthScore: { not: null, ...q.health } }
        : {}),
  };
  const orderBy: Prisma.CustomerAccountOrderByWithRelationInput[] =
    q.sort === "name"
      ? [{ name: "asc" }, { id: "asc" }]
      : [
          { latestHealthScore: { sort: q.sort === "health_desc" ? "desc" : "asc", nulls: "last" } },
          { name: "asc" },
          { id: "asc" },
        ];
  const [total, accounts] = await Promise.all([
    prisma.customerAccount.count({ where }),
    prisma.customerAccount.findMany({
      where,
      orderBy,
      skip: q.skip,
      take: q.take,
      select: {
        id: true,
        name: true,
        industry: true,
        latestHealthDay: true,
        latestHealthScore: true,
        latestExpansionScore: true,
        csm: { select: { id: true, name: true } },
      },
    }),
  ]);
  const ids = accounts.map((a) => a.id);
  const [snapshots, plans, tasks] = await Promise.all([
    prisma.healthSnapshot.findMany({
      where: { tenantId, customerAccountId: { in: ids }, day: { gte: q.since } },
      orderBy: [{ customerAccountId: "asc" }, { day: "asc" }],
      select: { customerAccountId: true, day: true, score: true },
    }),
    prisma.retentionPlan.findMany({
      where: { tenantId, customerAccountId: { in: ids } },
      orderBy: [{ customerAccountId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
      distinct: ["customerAccountId"],
      select: { customerAccountId: true, strategy: true, nextTouchpointAt: true, createdAt: true },
    }),
    prisma.actionItem.groupBy({
      by: ["customerAccountId"],
      where: { tenantId, customerAccountId: { in: ids }, kind: "RETENTION", status: { in: ["OPEN", "SNOOZED"] } },
      _count: { _all: true },
    }),
  ]);
  return { total, accounts, snapshots, plans, tasks };
}

const planSelect = {
  id: true,
  strategy: true,
  healthScore: true,
  expansionScore: true,
  triggers: true,
  successMetrics: true,
  expectedOutcome: true,
  nextTouchpointAt: true,
  createdAt: true,
  actions: {
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      detail: true,
      status: true,
      dueAt: true,
      completedAt: true,
      assignee: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.RetentionPlanSelect;

export async function accountRetention(prisma: Db, tenantId: string, accountId: string, since: Date) {
  const [latest, snapshots, plans, projects, assignees] = await Promise.all([
    prisma.healthSnapshot.findFirst({
      where: { tenantId, customerAccountId: accountId },
      orderBy: { day: "desc" },
      select: { day: true, score: true, expansionScore: true, components: true, createdAt: true },
    }),
    prisma.healthSnapshot.findMany({
      where: { tenantId, customerAccountId: accountId, day: { gte: since } },
      orderBy: { day: "asc" },
      select: { day: true, score: true, expansionScore: true, components: true },
    }),
    prisma.retentionPlan.findMany({
      where: { tenantId, customerAccountId: accountId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: planSelect,
    }),
    prisma.project.findMany({
      where: { tenantId, customerAccountId: accountId },
      orderBy: { startDate: "desc" },
      select: {
        id: true,
        name: true,
        status: true,
        serviceType: true,
        startDate: true,
        guarantee: { select: { status: true, remedy: true } },
      },
    }),
    prisma.user.findMany({
      where: { tenantId, role: { in: ["ADMIN", "EXECUTIVE", "CSM"] }, disabledAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
  ]);
  return { latest, snapshots, plans, projects, assignees };
}

export function findRetentionTask(prisma: DbOrTx, tenantId: string, actionId: string) {
  return prisma.actionItem.findFirst({
    where: { tenantId, id: actionId, kind: "RETENTION" },
    select: { id: true, status: true, dueAt: true, assigneeId: true, customerAccountId: true, title: true },
  });
}

export function updateRetentionTask(
  prisma: DbOrTx,
  tenantId: string,
  actionId: string,
  data: Prisma.ActionItemUpdateManyMutationInput & { assigneeId?: string },
) {
  return prisma.actionItem.updateMany({ where: { tenantId, id: actionId, kind: "RETENTION" }, data });
}

export function findAssignableStaff(prisma: DbOrTx, tenantId: string, userId: string) {
  return prisma.user.findFirst({
    where: { tenantId, id: userId, role: { in: ["ADMIN", "EXECUTIVE", "CSM"] }, disabledAt: null },
    select: { id: true, name: true },
  });
}
