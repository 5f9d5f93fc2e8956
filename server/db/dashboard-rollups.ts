import "server-only";
import {
  decidedGuarantees,
  qualityValidations,
  surveyAnswers,
  validatedMilestones,
  within,
  type RowRules,
  type SqlWindow,
} from "./dashboard-sources";
import type { Db } from "./client";
import { Prisma } from "@/generated/prisma/client";

/**
 * The dashboard's aggregates over survey answers, quality validations, validated milestones, bookings and
 * decided guarantees, read from their per-day rollups (docs/dashboard.md#rollups):
 * the window's whole UTC days from one row a day (and histogram key), the partial days at its two ends
 * from the facts' own rows through the same fragments the KPI rows use. Each equals the same aggregate
 * over the window's rows (tests/integration/dashboard-rollups.int.test.ts).
 */
const sql = Prisma.sql;
const DAY_MS = 86_400_000;

/** TenantMilestoneDay.lateHours is clamped to 0…721, so it answers "on time" for a grace of 0…720 whole hours. */
export const MAX_TIMELINE_GRACE_HOURS = 720;

export type DaySplit = { days: SqlWindow; edges: [SqlWindow, SqlWindow] };

/** The whole UTC days inside `w` ([days.from, days.to), midnights) and the two partial ends around them. */
export function splitByDay(w: SqlWindow): DaySplit {
  const first = new Date(Math.ceil(w.from.getTime() / DAY_MS) * DAY_MS);
  const last = new Date(Math.floor(w.to.getTime() / DAY_MS) * DAY_MS);
  if (first >= last) return { days: { from: w.to, to: w.to }, edges: [w, { from: w.to, to: w.to }] };
  return {
    days: { from: first, to: last },
    edges: [
      { from: w.from, to: first },
      { from: last, to: w.to },
    ],
  };
}

const date = (d: Date) => sql`${d.toISOString().slice(0, 10)}::date`;
const onDays = (t: string, s: DaySplit) =>
  sql`"tenantId" = ${t} AND day >= ${date(s.days.from)} AND day < ${date(s.days.to)}`;
const onEdges = (column: Prisma.Sql, s: DaySplit) =>
  sql`((${within(column, s.edges[0])}) OR (${within(column, s.edges[1])}))`;

/** Survey answers received in the window, counted by kind and score: kind, score, n. */
export function surveyHistogram(t: string, w: SqlWindow) {
  const s = splitByDay(w);
  return sql`
    SELECT kind, score, sum(n)::int AS n FROM (
      SELECT kind::text AS kind, score, answers AS n FROM "TenantSurveyDay" WHERE ${onDays(t, s)}
      UNION ALL SELECT kind, score, 1 FROM (${surveyAnswers(t, s.edges[0])}) a
      UNION ALL SELECT kind, score, 1 FROM (${surveyAnswers(t, s.edges[1])}) b
    ) x GROUP BY kind, score`;
}

/** Gates passed and failed by the quality validations run in the window: gates_passed, gates_failed. */
export function qualityTotals(t: string, w: SqlWindow) {
  const s = splitByDay(w);
  return sql`
    SELECT COALESCE(sum(passed), 0)::int AS gates_passed, COALESCE(sum(failed), 0)::int AS gates_failed FROM (
      SELECT "gatesPassed" AS passed, "gatesFailed" AS failed FROM "TenantQualityDay" WHERE ${onDays(t, s)}
      UNION ALL SELECT passed, failed FROM (${qualityValidations(t, s.edges[0])}) a
      UNION ALL SELECT passed, failed FROM (${qualityValidations(t, s.edges[1])}) b
    ) x`;
}

/**
 * Milestones validated in the window and those on time (met within the grace): milestones_validated,
 * milestones_on_time. The grace is read here, not stored: a day row keeps its milestones' lateness.
 */
export function milestoneTotals(t: string, w: SqlWindow, rules: RowRules) {
  const grace = rules.timelineGraceHours;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_TIMELINE_GRACE_HOURS)
    throw new Error(
      `timeline grace must be a whole number of hours from 0 to ${MAX_TIMELINE_GRACE_HOURS} (got ${grace})`,
    );
  const s = splitByDay(w);
  return sql`
    SELECT COALESCE(sum(n), 0)::int AS milestones_validated, COALESCE(sum(n) FILTER (WHERE on_time), 0)::int AS milestones_on_time FROM (
      SELECT milestones AS n, (succeeded AND "lateHours" <= ${grace}::int) AS on_time FROM "TenantMilestoneDay" WHERE ${onDays(t, s)}
      UNION ALL SELECT 1, on_time FROM (${validatedMilestones(t, s.edges[0], rules)}) a
      UNION ALL SELECT 1, on_time FROM (${validatedMilestones(t, s.edges[1], rules)}) b
    ) x`;
}

/**
 * Contract value booked in the window (projects not cancelled) and its expansion share: every booking
 * that is not its account's first (CustomerAccount.firstBooking*), the same as `nth > 1` in
 * bookedProjects: booked_cents, expansion_cents.
 */
export function bookingTotals(t: string, w: SqlWindow) {
  const s = splitByDay(w);
  return sql`
    SELECT COALESCE(sum(booked), 0)::float8 AS booked_cents, (COALESCE(sum(booked), 0) - COALESCE(sum(first), 0))::float8 AS expansion_cents FROM (
      SELECT "bookedCents" AS booked, "firstCents" AS first FROM "TenantBookingDay" WHERE ${onDays(t, s)}
      UNION ALL SELECT "contractValueCents", 0 FROM "Project"
      WHERE "tenantId" = ${t} AND status <> 'CANCELLED' AND ${onEdges(sql`"createdAt"`, s)}
      UNION ALL SELECT 0, "firstBookingCents" FROM "CustomerAccount"
      WHERE "tenantId" = ${t} AND ${onEdges(sql`"firstBookingAt"`, s)}
    ) x`;
}

/** TenantGuaranteeDay.caseScore is the score rounded down, clamped to -1…101: it answers "score ≥ minimum" for a whole minimum of 0…100. */
export const MAX_CASE_STUDY_MIN_SUCCESS_SCORE = 100;

/**
 * The guarantees decided in the window (met, failed, remedied): decided, succeeded, claimed (a refund
 * exists), case_studies (met and a case-study candidate: the validation's flag, else a success score at or
 * above the rule's minimum, read here), and the same two counts for projects of qualified leads:
 * qualified_decided, qualified_succeeded.
 */
export function guaranteeTotals(t: string, w: SqlWindow, rules: RowRules) {
  const min = rules.caseStudyMinSuccessScore;
  if (!Number.isInteger(min) || min < 0 || min > MAX_CASE_STUDY_MIN_SUCCESS_SCORE)
    throw new Error(
      `case-study minimum score must be a whole number from 0 to ${MAX_CASE_STUDY_MIN_SUCCESS_SCORE} (got ${min})`,
    );
  const s = splitByDay(w);
  const edge = (e: SqlWindow) =>
    sql`SELECT 1, status, claimed, qualified_at IS NOT NULL, case_study FROM (${decidedGuarantees(t, rules, e)}) e`;
  return sql`
    SELECT COALESCE(sum(n), 0)::int AS decided, COALESCE(sum(n) FILTER (WHERE status = 'SUCCEEDED'), 0)::int AS succeeded,
           COALESCE(sum(n) FILTER (WHERE claimed), 0)::int AS claimed, COALESCE(sum(n) FILTER (WHERE case_study), 0)::int AS case_studies,
           COALESCE(sum(n) FILTER (WHERE qualified), 0)::int AS qualified_decided,
           COALESCE(sum(n) FILTER (WHERE qualified AND status = 'SUCCEEDED'), 0)::int AS qualified_succeeded FROM (
      SELECT guarantees AS n, status::text AS status, claimed, qualified,
             (status = 'SUCCEEDED' AND ("caseFlag" = 1 OR ("caseFlag" = -1 AND "caseScore" >= ${min}::int))) AS case_study
      FROM "TenantGuaranteeDay" WHERE ${onDays(t, s)}
      UNION ALL ${edge(s.edges[0])}
      UNION ALL ${edge(s.edges[1])}
    ) x`;
}

/**
 * Rebuilds every trigger-kept copy the dashboard reads, for one tenant or all, from the rows: the per-day
 * rollups above, the daily health sums and each account's newest snapshot. One transaction per tenant,
 * so a dashboard never reads a half-rebuilt tenant. Returns the tenants rebuilt.
 */
export async function rebuildDashboardRollups(db: Db, tenantId?: string): Promise<number> {
  const tenants = await db.tenant.findMany({ where: tenantId ? { id: tenantId } : {}, select: { id: true } });
  for (const t of tenants)
    await db.$transaction([
      db.$executeRaw`SELECT onward_dashboard_rollups_refresh(${t.id})`,
      db.$executeRaw`SELECT onward_guarantee_rollups_refresh(${t.id})`,
      db.$executeRaw`SELECT onward_tenant_health_days_refresh(${t.id})`,
      db.$executeRaw`SELECT onward_account_refresh_latest_health(id) FROM "CustomerAccount" WHERE "tenantId" = ${t.id}`,
    ]);
  return tenants.length;
}
