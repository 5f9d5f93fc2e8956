import "server-only";
import type { SurveyKind, SurveyTrigger } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Db, DbOrTx } from "./client";

/**
 * CSAT / NPS surveys and their answers. Tenant-scoped everywhere, except the two entry points that
 * cannot know the tenant yet: a one-time link's token (unique, hashed) and the cross-tenant trigger job,
 * whose rows each carry their tenant id into every later query.
 */

export const surveyViewSelect = {
  id: true,
  tenantId: true,
  projectId: true,
  milestoneId: true,
  recipientId: true,
  kind: true,
  trigger: true,
  key: true,
  expiresAt: true,
  sentAt: true,
  answeredAt: true,
  createdAt: true,
  project: { select: { name: true, customerAccountId: true } },
  milestone: { select: { weekNumber: true, title: true } },
  tenant: { select: { name: true } },
  response: { select: { score: true, comment: true, createdAt: true } },
} satisfies Prisma.SurveySelect;

export type SurveyRow = Prisma.SurveyGetPayload<{ select: typeof surveyViewSelect }>;

export function findSurveyByTokenHash(prisma: DbOrTx, tokenHash: string) {
  return prisma.survey.findUnique({ where: { tokenHash }, select: surveyViewSelect });
}

/** A survey addressed to this customer, on a project of their account. */
export function findPortalSurvey(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  userId: string,
  surveyId: string,
) {
  return prisma.survey.findFirst({
    where: { tenantId, id: surveyId, recipientId: userId, project: { tenantId, customerAccountId } },
    select: surveyViewSelect,
  });
}

type PortalSurveyRow = Omit<SurveyRow, "project" | "milestone" | "tenant" | "response"> & {
  project_name: string;
  project_account_id: string;
  tenant_name: string;
  m_week: number | null;
  m_title: string;
  r_score: number | null;
  r_comment: string | null;
  r_created_at: Date;
};

/**
 * The surveys addressed to this customer on projects of their account (of one project when given), newest
 * first, with what surveyView shows, in ONE statement (Prisma's nested select sent five: survey, project,
 * milestone, tenant, response — bench/README.md, P2). r_created_at and m_title are read only when r_score / m_week
 * are not null (the outer joins leave them null together).
 */
/**
 * A customer's surveys, newest first; with `projectId`, that project's only — and `null` when the
 * project is not one of the customer's account (unknown or another account's: "not found" to the
 * caller). Either way one statement: the project check rides along with the list.
 */
export async function listPortalSurveys(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  userId: string,
  take: number,
): Promise<SurveyRow[]>;
export async function listPortalSurveys(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  userId: string,
  take: number,
  projectId: string,
): Promise<SurveyRow[] | null>;
export async function listPortalSurveys(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  userId: string,
  take: number,
  projectId?: string,
): Promise<SurveyRow[] | null> {
  const list = Prisma.sql`
    SELECT s.id, s."tenantId", s."projectId", s."milestoneId", s."recipientId", s.kind::text AS kind, s.trigger::text AS trigger, s.key,
           s."expiresAt", s."sentAt", s."answeredAt", s."createdAt",
           p.name AS project_name, p."customerAccountId" AS project_account_id, t.name AS tenant_name,
           m."weekNumber" AS m_week, m.title AS m_title, r.score AS r_score, r.comment AS r_comment, r."createdAt" AS r_created_at
    FROM "Survey" s
    JOIN "Project" p ON p.id = s."projectId" AND p."tenantId" = ${tenantId} AND p."customerAccountId" = ${customerAccountId}
    JOIN "Tenant" t ON t.id = s."tenantId"
    LEFT JOIN "Milestone" m ON m.id = s."milestoneId" AND m."tenantId" = ${tenantId}
    LEFT JOIN "SurveyResponse" r ON r."surveyId" = s.id AND r."tenantId" = ${tenantId}
    WHERE s."tenantId" = ${tenantId} AND s."recipientId" = ${userId} ${projectId === undefined ? Prisma.empty : Prisma.sql`AND s."projectId" = ${projectId}`}
    ORDER BY s."createdAt" DESC, s.id ASC
    LIMIT ${take}`;
  let rows: PortalSurveyRow[];
  if (projectId === undefined) {
    rows = await prisma.$queryRaw<PortalSurveyRow[]>(list);
  } else {
    // one row with null survey columns when the project is the account's but has no survey for this person
    const scoped = await prisma.$queryRaw<
      (Omit<PortalSurveyRow, "id"> & { id: string | null; project_found: boolean })[]
    >`
      SELECT EXISTS (SELECT 1 FROM "Project" WHERE id = ${projectId} AND "tenantId" = ${tenantId} AND "customerAccountId" = ${customerAccountId}) AS project_found, x.*
      FROM (SELECT 1) AS one LEFT JOIN LATERAL (${list}) AS x ON true`;
    if (!scoped[0]?.project_found) return null;
    rows = scoped
      .filter((r): r is typeof r & { id: string } => r.id !== null)
      .map(({ project_found: _found, ...row }) => row);
  }
  return rows.map(
    ({
      project_name,
      project_account_id,
      tenant_name,
      m_week,
      m_title,
      r_score,
      r_comment,
      r_created_at,
      ...survey
    }) => ({
      ...survey,
      project: { name: project_name, customerAccountId: project_account_id },
      milestone: m_week === null ? null : { weekNumber: m_week, title: m_title },
      tenant: { name: tenant_name },
      response: r_score === null ? null : { score: r_score, comment: r_comment, createdAt: r_created_at },
    }),
  );
}

/** Closes the survey for good; 0 when it was already answered or has expired (nothing else is written then). */
export async function markSurveyAnswered(
  tx: Prisma.TransactionClient,
  tenantId: string,
  surveyId: string,
  now: Date,
): Promise<number> {
  const res = await tx.survey.updateMany({
    where: { tenantId, id: surveyId, answeredAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { answeredAt: now },
  });
  return res.count;
}

export function insertSurveyResponse(
  tx: Prisma.TransactionClient,
  row: {
    tenantId: string;
    surveyId: string;
    userId: string | null;
    score: number;
    comment: string | null;
    createdAt: Date;
  },
) {
  return tx.surveyResponse.create({ data: row, select: { id: true } });
}

export async function projectScores(
  prisma: DbOrTx,
  tenantId: string,
  projectId: string,
  kind: SurveyKind,
): Promise<number[]> {
  const rows = await prisma.surveyResponse.findMany({
    where: { tenantId, survey: { tenantId, projectId, kind } },
    select: { score: true },
  });
  return rows.map((r) => r.score);
}

export function projectSurveys(prisma: DbOrTx, tenantId: string, projectId: string, take: number) {
  return prisma.survey.findMany({
    where: { tenantId, projectId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { ...surveyViewSelect, recipient: { select: { name: true } } },
  });
}

/** The project's "Customer Satisfaction Survey" criteria (docs/domain.md#surveys week 4), with their week's validation state. */
export function satisfactionCriteria(prisma: DbOrTx, tenantId: string, projectId: string) {
  return prisma.milestoneCriterion.findMany({
    where: { tenantId, validationMethod: "satisfaction_survey", milestone: { tenantId, projectId } },
    orderBy: { milestone: { weekNumber: "asc" } },
    select: {
      id: true,
      name: true,
      score: true,
      milestone: { select: { id: true, weekNumber: true, title: true, validatedAt: true } },
    },
  });
}

// ------------------------------------------------------------------ creating surveys

export type NewSurvey = {
  tenantId: string;
  projectId: string;
  milestoneId: string | null;
  recipientId: string;
  kind: SurveyKind;
  trigger: SurveyTrigger;
  key: string;
  tokenHash: string;
  expiresAt: Date;
  sentAt: Date;
  createdAt: Date;
};

export async function existingSurveyKeys(prisma: DbOrTx, tenantId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await prisma.survey.findMany({ where: { tenantId, key: { in: keys } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/** Inserts what does not exist yet (the unique (tenantId, key) decides under concurrency) and returns the rows this call created. */
export async function insertSurveys(tx: Prisma.TransactionClient, rows: NewSurvey[]) {
  if (rows.length === 0) return [];
  await tx.survey.createMany({ data: rows, skipDuplicates: true });
  return tx.survey.findMany({
    where: { tokenHash: { in: rows.map((r) => r.tokenHash) } },
    select: {
      ...surveyViewSelect,
      tokenHash: true,
      recipient: { select: { name: true, email: true, disabledAt: true } },
    },
  });
}

/** Active customer stakeholders of the given accounts (ids are unique across tenants): who is asked. */
export async function stakeholdersByAccount(
  prisma: DbOrTx,
  customerAccountIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (customerAccountIds.length === 0) return out;
  const rows = await prisma.user.findMany({
    where: { customerAccountId: { in: [...new Set(customerAccountIds)] }, role: "CUSTOMER", disabledAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, customerAccountId: true },
  });
  for (const r of rows) {
    if (!r.customerAccountId) continue;
    out.set(r.customerAccountId, [...(out.get(r.customerAccountId) ?? []), r.id]);
  }
  return out;
}

/** A milestone with its sign-off criteria's latest decisions and its project's account. */
export function milestoneForCsat(prisma: DbOrTx, tenantId: string, milestoneId: string) {
  return prisma.milestone.findFirst({
    where: { tenantId, id: milestoneId },
    select: {
      id: true,
      projectId: true,
      project: { select: { customerAccountId: true, status: true } },
      criteria: {
        where: { requiresSignOff: true },
        select: {
          id: true,
          requiresSignOff: true,
          signOffs: { orderBy: { seq: "desc" }, take: 1, select: { decision: true, createdAt: true } },
        },
      },
    },
  });
}

/** Milestones (all tenants) with an approval since `since`: candidates for the sign-off CSAT. */
export async function recentlyApprovedMilestones(
  prisma: Db,
  since: Date,
): Promise<{ tenantId: string; milestoneId: string }[]> {
  const rows = await prisma.signOff.findMany({
    where: { decision: "APPROVED", createdAt: { gte: since } },
    distinct: ["milestoneId"],
    orderBy: { milestoneId: "asc" },
    select: { tenantId: true, milestoneId: true },
  });
  return rows;
}

/** Projects (all tenants) that may have ended since `since` (completion, target date, or an ended status). */
export function projectsEndedSince(prisma: Db, since: Date, now: Date) {
  return prisma.project.findMany({
    where: {
      status: { not: "CANCELLED" },
      OR: [
        { targetEndDate: { gte: since, lte: now } },
        { completedAt: { gte: since, lte: now } },
        { status: { in: ["COMPLETED", "FAILED", "REFUNDED"] }, updatedAt: { gte: since } },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true, tenantId: true, customerAccountId: true, status: true, targetEndDate: true, completedAt: true },
  });
}

/** Accounts (all tenants) with a project started by `startedBy`: the quarterly NPS audience. */
export function accountsWithProjects(prisma: Db, startedBy: Date) {
  return prisma.customerAccount.findMany({
    where: { projects: { some: { startDate: { lte: startedBy } } } },
    orderBy: { id: "asc" },
    select: { id: true, tenantId: true, projects: { select: { id: true, status: true, startDate: true } } },
  });
}
