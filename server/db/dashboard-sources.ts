import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * The row sets behind the executive KPIs, as SQL fragments over one tenant. The aggregates
 * (dashboard.ts) and the rows an executive opens (dashboard-rows.ts) select from the same fragments,
 * so a KPI's numbers and its rows always agree. Every fragment filters every table on the tenant id.
 * Thresholds come from the dashboard engine as parameters. Where a KPI has a per-day rollup
 * (dashboard-rollups.ts, docs/dashboard.md#rollups), its aggregate reads the rollup for the range's whole
 * days and these fragments for the partial days at its ends; the rows always come from the fragments.
 *
 * A fragment reads only what decides whether and how a row counts, and hands on the ids of what it
 * refers to (project_id, account_id…): display names are looked up by the rows (dashboard-rows.ts,
 * `nameOf`: a lookup by primary key, so naming never changes the count). The aggregates, which every dashboard request runs, then
 * touch one or two tables per KPI instead of four (bench/README.md, P1: the range's rows grow with the tenant).
 */
export type SqlWindow = { from: Date; to: Date };
export type RowRules = { timelineGraceHours: number; caseStudyMinSuccessScore: number; onboardingTargetHours: number };

/** Timestamps are stored as UTC in `timestamp(3)`; a "…Z" literal cast to timestamp keeps the UTC wall time. */
export const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;
export const within = (column: Prisma.Sql, w: SqlWindow) =>
  Prisma.sql`${column} >= ${ts(w.from)} AND ${column} < ${ts(w.to)}`;

/** Leads created in the window; `converted` once a project was kicked off from them. */
export function leadsCreated(tenantId: string, w: SqlWindow) {
  return Prisma.sql`
    SELECT l.id, l.company, l."contactName" AS contact, l.stage::text AS stage, l."createdAt" AS at,
           l."estimatedValueCents" AS value_cents, (l."convertedAt" IS NOT NULL) AS converted
    FROM "Lead" l
    WHERE l."tenantId" = ${tenantId} AND ${within(Prisma.sql`l."createdAt"`, w)}`;
}

/**
 * The guarantees decided (met, failed, remedied) within `w` with when it was decided, whether a refund
 * was claimed, its success score and whether it is a case-study candidate (the stored flag, else a
 * score at or above the rule's minimum). The window is applied to the guarantee before its project and
 * lead are joined, so that work follows the range; each guarantee's latest refund comes from one pass
 * over the tenant's refunds (few: failed guarantees only), hash-joined, not a lookup per guarantee
 * (bench/README.md, P1).
 */
export function decidedGuarantees(tenantId: string, rules: RowRules, w: SqlWindow) {
  return Prisma.sql`
    SELECT g.*,
           (g.status = 'SUCCEEDED' AND CASE WHEN g.case_study_source = 'flag' THEN g.case_study_flag
                                            ELSE COALESCE(g.success_score >= ${rules.caseStudyMinSuccessScore}::float8, false) END) AS case_study
    FROM (
      SELECT g.id, g.status::text AS status, COALESCE(g."decidedAt", g."endsAt") AS decided_at,
             p.id AS project_id, p.name AS project_name, p."customerAccountId" AS account_id,
             l.id AS lead_id, l.company AS lead_company, l."qualifiedAt" AS qualified_at, l."latestScore" AS lead_score,
             CASE WHEN jsonb_typeof(g.outcome -> 'successScore') = 'number' THEN (g.outcome ->> 'successScore')::float8 END AS success_score,
             CASE WHEN jsonb_typeof(g.outcome -> 'caseStudyPotential') = 'boolean' THEN 'flag' ELSE 'derived' END AS case_study_source,
             CASE WHEN jsonb_typeof(g.outcome -> 'caseStudyPotential') = 'boolean' THEN (g.outcome ->> 'caseStudyPotential')::boolean END AS case_study_flag,
             r.refund_status, r.refund_cents, (r.refund_status IS NOT NULL) AS claimed
      FROM "Guarantee" g
      JOIN "Project" p ON p.id = g."projectId" AND p."tenantId" = ${tenantId}
      LEFT JOIN "Lead" l ON l.id = p."leadId" AND l."tenantId" = ${tenantId}
      LEFT JOIN (
        SELECT DISTINCT ON (rf."guaranteeId") rf."guaranteeId" AS guarantee_id, rf.status::text AS refund_status, rf."amountCents" AS refund_cents
        FROM "Refund" rf WHERE rf."tenantId" = ${tenantId}
        ORDER BY rf."guaranteeId", rf."createdAt" DESC
      ) r ON r.guarantee_id = g.id
      WHERE g."tenantId" = ${tenantId} AND g.status IN ('SUCCEEDED', 'FAILED', 'REMEDIED')
        AND ${within(Prisma.sql`COALESCE(g."decidedAt", g."endsAt")`, w)}
    ) g`;
}

/**
 * Projects of qualified leads onboarded in the window: the moment their kickoff completed (the `launch`
 * step's finishedAt) is the column
 * Project.onboardedAt, written by the kickoff service (docs/architecture.md#workflow-state), so only the
 * window's projects are read through Project(tenantId, onboardedAt) (bench/README.md, P1).
 */
export function onboardings(tenantId: string, rules: RowRules, w: SqlWindow) {
  return Prisma.sql`
    SELECT o.*, GREATEST(0, EXTRACT(EPOCH FROM (o.onboarded_at - o.qualified_at))::float8 / 3600) AS hours,
           CASE WHEN o.converted_at IS NOT NULL THEN GREATEST(0, EXTRACT(EPOCH FROM (o.onboarded_at - o.converted_at))::float8 / 3600) END AS converted_hours,
           (GREATEST(0, EXTRACT(EPOCH FROM (o.onboarded_at - o.qualified_at))::float8 / 3600) <= ${rules.onboardingTargetHours}::float8) AS within_target
    FROM (
      SELECT p.id AS project_id, p.name AS project_name, p."customerAccountId" AS account_id, l."qualifiedAt" AS qualified_at, l."convertedAt" AS converted_at,
             p."onboardedAt" AS onboarded_at
      FROM "Project" p
      JOIN "Lead" l ON l.id = p."leadId" AND l."tenantId" = ${tenantId}
      WHERE p."tenantId" = ${tenantId} AND l."qualifiedAt" IS NOT NULL AND ${within(Prisma.sql`p."onboardedAt"`, w)}
    ) o`;
}

/** Milestones validated in the window; on time = SUCCESS no later than the due date plus the grace. */
export function validatedMilestones(tenantId: string, w: SqlWindow, rules: RowRules) {
  return Prisma.sql`
    SELECT m.id, m."projectId" AS project_id, m."weekNumber" AS week, m.title, m.status::text AS status,
           m.score, m."validatedAt" AS at,
           (m.status = 'SUCCESS' AND m."validatedAt" <= m."dueDate" + make_interval(hours => ${rules.timelineGraceHours}::int)) AS on_time
    FROM "Milestone" m
    WHERE m."tenantId" = ${tenantId} AND m.status IN ('SUCCESS', 'AT_RISK', 'FAILED') AND ${within(Prisma.sql`m."validatedAt"`, w)}`;
}

export function qualityValidations(tenantId: string, w: SqlWindow) {
  return Prisma.sql`
    SELECT q.id, q."projectId" AS project_id, q.type::text AS type, q."gatesPassed" AS passed, q."gatesFailed" AS failed,
           q."createdAt" AS at
    FROM "QualityValidation" q
    WHERE q."tenantId" = ${tenantId} AND ${within(Prisma.sql`q."createdAt"`, w)}`;
}

/** Survey answers (CSAT and NPS) received in the window. */
export function surveyAnswers(tenantId: string, w: SqlWindow) {
  return Prisma.sql`
    SELECT r.id, s.kind::text AS kind, r.score, r.comment, r."createdAt" AS at, s."projectId" AS project_id, r."userId" AS user_id
    FROM "SurveyResponse" r
    JOIN "Survey" s ON s.id = r."surveyId" AND s."tenantId" = ${tenantId}
    WHERE r."tenantId" = ${tenantId} AND ${within(Prisma.sql`r."createdAt"`, w)}`;
}

/**
 * Per customer account: active in the previous period and in the window. A project keeps its account
 * active from its kickoff (createdAt) until it completes, its guarantee is decided, or it is cancelled;
 * a project still in kickoff, on track or at risk keeps it active now. Every project of the tenant is
 * read (an account's history decides "previous"), but only its dates: names are the rows' business.
 */
export function accountActivity(tenantId: string, w: SqlWindow & { previousFrom: Date }) {
  return Prisma.sql`
    SELECT s.account_id AS id,
           bool_or(s.started < ${ts(w.from)} AND (s.ended IS NULL OR s.ended >= ${ts(w.previousFrom)})) AS previous,
           bool_or(s.started < ${ts(w.to)} AND (s.ended IS NULL OR s.ended >= ${ts(w.from)})) AS current,
           bool_or(s.ended IS NULL) AS running,
           max(COALESCE(s.ended, ${ts(w.to)})) AS at
    FROM (
      SELECT p."customerAccountId" AS account_id, p."createdAt" AS started,
             CASE WHEN p.status IN ('KICKOFF', 'ACTIVE', 'AT_RISK') THEN NULL
                  ELSE COALESCE(p."completedAt", g."decidedAt", p."updatedAt") END AS ended
      FROM "Project" p
      LEFT JOIN "Guarantee" g ON g."projectId" = p.id AND g."tenantId" = ${tenantId}
      WHERE p."tenantId" = ${tenantId}
    ) s
    GROUP BY s.account_id`;
}

/**
 * Projects booked (kicked off) in the window, cancelled ones excluded; nth = the account's nth project
 * ever (by createdAt, then id), numbered by one window over the tenant's projects booked before the
 * window's end (one pass and a sort, where a count of earlier projects per row cost an index probe per
 * booking; bench/README.md, P1).
 */
export function bookedProjects(tenantId: string, w: SqlWindow) {
  return Prisma.sql`
    SELECT b.* FROM (
      SELECT p.id, p.name AS project_name, p."customerAccountId" AS account_id, p."contractValueCents" AS cents, p."createdAt" AS at,
             (row_number() OVER (PARTITION BY p."customerAccountId" ORDER BY p."createdAt", p.id))::int AS nth
      FROM "Project" p
      WHERE p."tenantId" = ${tenantId} AND p.status <> 'CANCELLED' AND p."createdAt" < ${ts(w.to)}
    ) b
    WHERE b.at >= ${ts(w.from)}`;
}
