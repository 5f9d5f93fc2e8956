import "server-only";
import type { Db } from "./client";
import type {
  DelayStatus,
  GuaranteeStatus,
  MilestoneStatus,
  ProjectStatus,
  ServiceType,
  SignOffDecision,
} from "@/generated/prisma/enums";

/** Portal reads are always scoped by tenant AND customer account: another account's id reads as absent. */
export type PortalCriterion = {
  id: string;
  name: string;
  weight: number;
  deliverable: string;
  requiresSignOff: boolean;
  score: number | null;
  /** the latest customer decision on a sign-off criterion (docs/domain.md#sign-offs): none or one */
  signOffs: { decision: SignOffDecision; createdAt: Date; user: { name: string } }[];
};
export type PortalMilestone = {
  id: string;
  weekNumber: number;
  title: string;
  dueDate: Date;
  status: MilestoneStatus;
  score: number | null;
  minimumSuccessThreshold: number;
  criteria: PortalCriterion[];
};
/** A delay on the guarantee's clock, as the clock reads it (clock.ts clockDelays). */
export type PortalDelay = { id: string; days: number; status: DelayStatus; createdAt: Date };
export type PortalProject = {
  id: string;
  name: string;
  status: ProjectStatus;
  serviceType: ServiceType;
  startDate: Date;
  targetEndDate: Date;
  guarantee: { status: GuaranteeStatus; startsAt: Date; endsAt: Date; delays: PortalDelay[] } | null;
  milestones: PortalMilestone[];
};

/**
 * One row of findPortalProject. The outer joins leave a group's other columns null exactly when its id
 * (or the decision, for the sign-off) is null, and the columns are only read after that check: so they are
 * typed as they are whenever they are read.
 */
type PortalProjectRow = {
  id: string;
  name: string;
  status: ProjectStatus;
  serviceType: ServiceType;
  startDate: Date;
  targetEndDate: Date;
  g_status: GuaranteeStatus | null;
  g_starts_at: Date;
  g_ends_at: Date;
  g_delays: { id: string; days: number; status: DelayStatus; createdAt: string }[] | null;
  m_id: string | null;
  m_week: number;
  m_title: string;
  m_due: Date;
  m_status: MilestoneStatus;
  m_score: number | null;
  m_threshold: number;
  c_id: string | null;
  c_name: string;
  c_weight: number;
  c_deliverable: string;
  c_requires_sign_off: boolean;
  c_score: number | null;
  s_decision: SignOffDecision | null;
  s_created_at: Date;
  s_user_name: string;
};

export function listPortalProjects(prisma: Db, tenantId: string, customerAccountId: string) {
  return prisma.project.findMany({
    where: { tenantId, customerAccountId },
    orderBy: [{ startDate: "desc" }],
    select: {
      id: true,
      name: true,
      status: true,
      serviceType: true,
      startDate: true,
      targetEndDate: true,
      milestones: { orderBy: { weekNumber: "asc" }, select: { weekNumber: true, status: true, dueDate: true } },
    },
  });
}

/**
 * The customer's project page in ONE statement (bench/README.md, P2: Prisma's nested select sent six — project,
 * guarantee, milestones, criteria, sign-offs, their users): one row per criterion (a week without
 * criteria still gives one row, a project without weeks one), the latest sign-off of each criterion
 * by a lateral lookup, grouped here. The project is matched on id, tenant AND customer account, and
 * every joined table on the tenant too.
 */
export async function findPortalProject(
  prisma: Db,
  tenantId: string,
  customerAccountId: string,
  projectId: string,
): Promise<PortalProject | null> {
  const rows = await prisma.$queryRaw<PortalProjectRow[]>`
    SELECT p.id, p.name, p.status::text AS status, p."serviceType"::text AS "serviceType", p."startDate", p."targetEndDate",
           g.status::text AS g_status, g."startsAt" AS g_starts_at, g."endsAt" AS g_ends_at, gd.delays AS g_delays,
           m.id AS m_id, m."weekNumber" AS m_week, m.title AS m_title, m."dueDate" AS m_due, m.status::text AS m_status,
           m.score AS m_score, m."minimumSuccessThreshold" AS m_threshold,
           c.id AS c_id, c.name AS c_name, c.weight AS c_weight, c.deliverable AS c_deliverable,
           c."requiresSignOff" AS c_requires_sign_off, c.score AS c_score,
           s.decision AS s_decision, s."createdAt" AS s_created_at, s.user_name AS s_user_name
    FROM "Project" p
    LEFT JOIN "Guarantee" g ON g."projectId" = p.id AND g."tenantId" = ${tenantId}
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', d.id, 'days', d.days, 'status', d.status::text, 'createdAt', d."createdAt") ORDER BY d."createdAt") AS delays
      FROM "GuaranteeDelay" d WHERE d."guaranteeId" = g.id AND d."tenantId" = ${tenantId}
    ) gd ON true
    LEFT JOIN "Milestone" m ON m."projectId" = p.id AND m."tenantId" = ${tenantId}
    LEFT JOIN "MilestoneCriterion" c ON c."milestoneId" = m.id AND c."tenantId" = ${tenantId}
    LEFT JOIN LATERAL (
      SELECT so.decision::text AS decision, so."createdAt", u.name AS user_name
      FROM "SignOff" so JOIN "User" u ON u.id = so."userId"
      WHERE so."criterionId" = c.id AND so."tenantId" = ${tenantId}
      ORDER BY so.seq DESC
      LIMIT 1
    ) s ON true
    WHERE p.id = ${projectId} AND p."tenantId" = ${tenantId} AND p."customerAccountId" = ${customerAccountId}
    ORDER BY m."weekNumber", c.position`;
  const [first] = rows;
  if (!first) return null;
  const milestones: PortalMilestone[] = [];
  for (const r of rows) {
    if (r.m_id === null) continue;
    let m = milestones.at(-1);
    if (m?.id !== r.m_id) {
      m = {
        id: r.m_id,
        weekNumber: r.m_week,
        title: r.m_title,
        dueDate: r.m_due,
        status: r.m_status,
        score: r.m_score,
        minimumSuccessThreshold: r.m_threshold,
        criteria: [],
      };
      milestones.push(m);
    }
    if (r.c_id === null) continue;
    m.criteria.push({
      id: r.c_id,
      name: r.c_name,
      weight: r.c_weight,
      deliverable: r.c_deliverable,
      requiresSignOff: r.c_requires_sign_off,
      score: r.c_score,
      signOffs:
        r.s_decision === null
          ? []
          : [{ decision: r.s_decision, createdAt: r.s_created_at, user: { name: r.s_user_name } }],
    });
  }
  return {
    id: first.id,
    name: first.name,
    status: first.status,
    serviceType: first.serviceType,
    startDate: first.startDate,
    targetEndDate: first.targetEndDate,
    guarantee:
      first.g_status === null
        ? null
        : {
            status: first.g_status,
            startsAt: first.g_starts_at,
            endsAt: first.g_ends_at,
            // json timestamps come back as text without a zone: they are UTC
            delays: (first.g_delays ?? []).map((d) => ({
              ...d,
              createdAt: new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(d.createdAt) ? d.createdAt : `${d.createdAt}Z`),
            })),
          },
    milestones,
  };
}

/** The guarantee amount of the account's most recent project, or null when it has none yet. */
export async function latestAccountGuaranteeCents(
  prisma: Db,
  tenantId: string,
  customerAccountId: string,
): Promise<number | null> {
  const row = await prisma.guarantee.findFirst({
    where: { tenantId, project: { customerAccountId } },
    orderBy: { startsAt: "desc" },
    select: { amountCents: true },
  });
  return row?.amountCents ?? null;
}
