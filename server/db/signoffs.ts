import "server-only";
import type { SignOffDecision } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "./client";

/**
 * Sign-offs: append-only (there is no update or delete here), hash-chained per project. Every query is
 * tenant-scoped; a portal caller passes its customer account, and another account's rows read as absent.
 */
const accountScope = (customerAccountId: string | null) => (customerAccountId ? { customerAccountId } : {});

export const SIGN_OFF_AUDIT_ACTION = "signoff.recorded";

const entrySelect = {
  id: true,
  seq: true,
  projectId: true,
  milestoneId: true,
  criterionId: true,
  userId: true,
  decision: true,
  comment: true,
  ip: true,
  userAgent: true,
  contentHash: true,
  prevHash: true,
  hash: true,
  createdAt: true,
} satisfies Prisma.SignOffSelect;

/** A criterion with what an approver needs to see and decide, and its recent decisions. */
export function findCriterionForSignOff(
  prisma: DbOrTx,
  tenantId: string,
  criterionId: string,
  customerAccountId: string | null,
) {
  return prisma.milestoneCriterion.findFirst({
    where: {
      tenantId,
      id: criterionId,
      milestone: { tenantId, project: { tenantId, ...accountScope(customerAccountId) } },
    },
    select: {
      id: true,
      name: true,
      deliverable: true,
      validationMethod: true,
      weight: true,
      requiresSignOff: true,
      score: true,
      evidence: true,
      milestone: {
        select: {
          id: true,
          weekNumber: true,
          title: true,
          dueDate: true,
          score: true,
          status: true,
          validatedAt: true,
          project: {
            select: {
              id: true,
              name: true,
              status: true,
              techLeadId: true,
              customerAccount: { select: { id: true, csmId: true } },
            },
          },
        },
      },
      signOffs: {
        orderBy: { seq: "desc" },
        take: 20,
        select: {
          id: true,
          seq: true,
          userId: true,
          decision: true,
          comment: true,
          createdAt: true,
          hash: true,
          user: { select: { name: true } },
        },
      },
    },
  });
}

export function latestCriterionSignOff(prisma: DbOrTx, tenantId: string, criterionId: string) {
  return prisma.signOff.findFirst({ where: { tenantId, criterionId }, orderBy: { seq: "desc" }, select: entrySelect });
}

/**
 * Serialises sign-offs per project: the project row stays locked until the transaction ends, so two
 * approvers of one project queue here and the second sees the first one's entry as the chain's head.
 * NO KEY UPDATE conflicts with itself but not with the key-share locks of inserts that reference the
 * project (evidence, alerts…), which therefore never wait for a sign-off.
 * Returns false when the project does not exist (in this tenant).
 */
export async function lockProjectChain(
  tx: Prisma.TransactionClient,
  tenantId: string,
  projectId: string,
): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Project" WHERE "id" = ${projectId} AND "tenantId" = ${tenantId} FOR NO KEY UPDATE`;
  return rows.length === 1;
}

export function chainHead(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.signOff.findFirst({
    where: { tenantId, projectId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
}

export function insertSignOff(
  tx: Prisma.TransactionClient,
  row: {
    tenantId: string;
    projectId: string;
    milestoneId: string;
    criterionId: string;
    userId: string;
    seq: number;
    decision: SignOffDecision;
    comment: string | null;
    ip: string | null;
    userAgent: string | null;
    contentHash: string;
    prevHash: string | null;
    hash: string;
    createdAt: Date;
  },
) {
  return tx.signOff.create({ data: row, select: entrySelect });
}

/** The milestone's criteria with each one's latest decision (what re-validation will read). */
export function milestoneSignOffCriteria(prisma: DbOrTx, tenantId: string, milestoneId: string) {
  return prisma.milestone.findFirst({
    where: { tenantId, id: milestoneId },
    select: {
      id: true,
      projectId: true,
      weekNumber: true,
      validatedAt: true,
      status: true,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          requiresSignOff: true,
          signOffs: { orderBy: { seq: "desc" }, take: 1, select: { decision: true, createdAt: true } },
        },
      },
    },
  });
}

/** Every entry of a project's chain in seq order, with who signed what. */
export function projectChain(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.signOff.findMany({
    where: { tenantId, projectId },
    orderBy: { seq: "asc" },
    select: {
      ...entrySelect,
      user: { select: { name: true, email: true, stakeholderRole: true } },
      criterion: { select: { name: true, deliverable: true } },
      milestone: { select: { weekNumber: true, title: true } },
    },
  });
}

/** The audit entries written with each sign-off: the signed content and the (seq, hash) recorded then. */
export function signOffAuditTrail(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.auditEvent.findMany({
    where: {
      tenantId,
      entityType: "SignOff",
      action: SIGN_OFF_AUDIT_ACTION,
      after: { path: ["projectId"], equals: projectId },
    },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, after: true },
  });
}

export function findProjectRef(prisma: DbOrTx, tenantId: string, projectId: string, customerAccountId: string | null) {
  return prisma.project.findFirst({
    where: { tenantId, id: projectId, ...accountScope(customerAccountId) },
    select: { id: true, name: true },
  });
}

/** Sign-off criteria of every week of a project, with each one's latest decision. */
export function projectSignOffCriteria(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.milestone.findMany({
    where: { tenantId, projectId },
    orderBy: { weekNumber: "asc" },
    select: {
      id: true,
      weekNumber: true,
      title: true,
      status: true,
      dueDate: true,
      criteria: {
        where: { requiresSignOff: true },
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          deliverable: true,
          signOffs: {
            orderBy: { seq: "desc" },
            take: 1,
            select: { decision: true, createdAt: true, user: { select: { name: true } } },
          },
        },
      },
    },
  });
}

/** A milestone for its sign-off certificate: the project, the provider, and every signature of the week. */
export function milestoneForCertificate(
  prisma: DbOrTx,
  tenantId: string,
  milestoneId: string,
  customerAccountId: string | null,
) {
  return prisma.milestone.findFirst({
    where: { tenantId, id: milestoneId, project: { tenantId, ...accountScope(customerAccountId) } },
    select: {
      id: true,
      weekNumber: true,
      title: true,
      dueDate: true,
      status: true,
      score: true,
      projectId: true,
      project: {
        select: {
          id: true,
          name: true,
          customerAccount: { select: { name: true } },
          tenant: { select: { name: true } },
        },
      },
      signOffs: {
        orderBy: { seq: "asc" },
        select: {
          ...entrySelect,
          user: { select: { name: true, email: true, stakeholderRole: true } },
          criterion: { select: { name: true, deliverable: true } },
        },
      },
    },
  });
}
