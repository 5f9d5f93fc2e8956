import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { LeadStage, ServiceType } from "@/generated/prisma/enums";
import type { DbOrTx } from "./client";

/**
 * Queries of the public self-service assessment. There is no signed-in user: the tenant comes from
 * the page's slug and every query below still filters on it.
 */

/** Stages in which a lead is still being worked on (counted to share new leads between CSMs). */
export const OPEN_LEAD_STAGES: LeadStage[] = ["NEW", "QUALIFYING", "QUALIFIED", "FEASIBILITY", "PROPOSAL"];

export function findTenantBySlug(prisma: DbOrTx, slug: string) {
  return prisma.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, currency: true } });
}

/**
 * Serialises submissions for one email address within a tenant until the transaction ends, so two
 * at once cannot both create a lead (there is no unique constraint on a lead's email).
 */
export async function lockProspectEmail(tx: Prisma.TransactionClient, tenantId: string, email: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`intake:${tenantId}:${email}`}, 0))`;
}

const prospectLeadSelect = {
  id: true,
  stage: true,
  company: true,
  contactName: true,
  serviceType: true,
  latestScore: true,
  owner: { select: { id: true, disabledAt: true } },
} satisfies Prisma.LeadSelect;

/** The tenant's lead for this email, without case; with duplicates, the most recently touched. */
export function findLeadByContactEmail(prisma: DbOrTx, tenantId: string, email: string) {
  return prisma.lead.findFirst({
    where: { tenantId, contactEmail: { equals: email, mode: "insensitive" } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: prospectLeadSelect,
  });
}

export function insertSelfServiceLead(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    company: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string | null;
    stage: LeadStage;
    serviceType: ServiceType | null;
    ownerId: string | null;
    latestScore: number;
    qualifiedAt: Date | null;
    estimatedValueCents: number | null;
    notes: string;
    at: Date;
  },
) {
  const { at, ...data } = row;
  return prisma.lead.create({
    data: { ...data, source: "SELF_SERVICE", createdAt: at, updatedAt: at },
    select: { id: true },
  });
}

/** Compare-and-set on the stage, like setLeadStage, plus the owner a returning prospect may need. */
export function updateLeadForSelfService(
  prisma: DbOrTx,
  tenantId: string,
  leadId: string,
  from: LeadStage,
  data: {
    stage?: LeadStage;
    latestScore?: number;
    qualifiedAt?: Date;
    serviceType?: ServiceType;
    ownerId?: string;
    updatedAt: Date;
  },
) {
  return prisma.lead.updateMany({ where: { id: leadId, tenantId, stage: from }, data });
}

export function findIntakeAssessment(prisma: DbOrTx, tenantId: string, assessmentId: string) {
  return prisma.qualificationAssessment.findFirst({
    where: { tenantId, id: assessmentId },
    select: {
      id: true,
      answers: true,
      score: true,
      points: true,
      configVersion: true,
      createdAt: true,
      lead: { select: { id: true, company: true, contactName: true, contactEmail: true, ownerId: true } },
    },
  });
}

/** Active CSMs with how many open leads each owns. */
export function csmWorkloads(prisma: DbOrTx, tenantId: string) {
  return prisma.user.findMany({
    where: { tenantId, role: "CSM", disabledAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, _count: { select: { ownedLeads: { where: { stage: { in: OPEN_LEAD_STAGES } } } } } },
  });
}

/** Call requests are follow-up actions whose title starts with this, one open at a time per lead. */
export const CALL_REQUEST_TITLE = "Call requested from the self-service result";

export function findOpenCallRequest(prisma: DbOrTx, tenantId: string, leadId: string) {
  return prisma.actionItem.findFirst({
    where: { tenantId, leadId, kind: "FOLLOW_UP", status: "OPEN", title: { startsWith: CALL_REQUEST_TITLE } },
    select: { id: true, createdAt: true },
  });
}

export function insertCallRequest(
  prisma: DbOrTx,
  row: {
    tenantId: string;
    leadId: string;
    assigneeId: string | null;
    title: string;
    detail: string;
    dueAt: Date;
    at: Date;
  },
) {
  return prisma.actionItem.create({
    data: {
      tenantId: row.tenantId,
      leadId: row.leadId,
      kind: "FOLLOW_UP",
      title: row.title,
      detail: row.detail,
      assigneeId: row.assigneeId,
      dueAt: row.dueAt,
      status: "OPEN",
      createdAt: row.at,
    },
    select: { id: true },
  });
}
