import "server-only";
import type { CaseStudyCandidate, ExpansionCandidate } from "@/domain/dashboard/opportunities";
import type { KpiFacts } from "@/domain/dashboard/kpis";
import type { SummaryFacts } from "@/domain/dashboard/summary";
import type { Db, DbOrTx } from "./client";
import type { AlertKind, AlertSeverity } from "@/generated/prisma/enums";
import {
  accountActivity,
  decidedGuarantees,
  leadsCreated,
  onboardings,
  ts,
  within,
  type RowRules,
} from "./dashboard-sources";
import { bookingTotals, guaranteeTotals, milestoneTotals, qualityTotals, surveyHistogram } from "./dashboard-rollups";
import { Prisma } from "@/generated/prisma/client";

/**
 * The executive dashboard's reads. Each function issues a fixed number of statements whatever the
 * tenant's size — aggregates are computed in SQL, never by looping over rows — and every statement
 * filters every table on the tenant id.
 */
export type FactWindows = { from: Date; to: Date; previousFrom: Date; monthStart: Date; successFrom: Date; now: Date };

type FactsRow = {
  tenant_name: string;
  tenant_currency: string;
  alert_counts: { severity: AlertSeverity; count: number }[] | null;
  leads_created: number;
  leads_converted: number;
  qualified_decided: number;
  qualified_succeeded: number;
  onboarded: number;
  onboarding_hours: number;
  onboarded_within: number;
  decided: number;
  succeeded: number;
  claimed: number;
  case_studies: number;
  decided30: number;
  succeeded30: number;
  milestones_validated: number;
  milestones_on_time: number;
  gates_passed: number;
  gates_failed: number;
  retention_previous: number;
  retention_retained: number;
  booked_cents: number;
  expansion_cents: number;
  projects_in_progress: number;
  active_customers: number;
  booked_month_cents: number;
  refunded_month_cents: number;
  refunds_awaiting: number;
  satisfaction: { kind: string; score: number; count: number }[] | null;
};

/**
 * One statement: every KPI's numerator and denominator plus the summary's counts, as one row. Survey
 * answers, quality validations, validated milestones, bookings and decided guarantees come from their
 * per-day rollups (docs/dashboard.md#rollups); leads, onboardings and retention from their rows.
 */
export function factsQuery(prisma: DbOrTx, tenantId: string, w: FactWindows, rules: RowRules) {
  const range = { from: w.from, to: w.to };
  return prisma.$queryRaw<FactsRow[]>`
    SELECT t.name AS tenant_name, t.currency AS tenant_currency,
           l.*, o.*, g.*, g30.*, m.*, qv.*, r.*, e.*, s.*, bm.*, rm.*, ra.*,
           (SELECT json_agg(json_build_object('kind', h.kind, 'score', h.score, 'count', h.n))
              FROM (${surveyHistogram(tenantId, range)}) h) AS satisfaction,
           (SELECT json_agg(json_build_object('severity', a.severity, 'count', a.n) ORDER BY a.severity DESC)
              FROM (SELECT severity, count(*)::int AS n FROM "Alert" WHERE "tenantId" = ${tenantId} AND "resolvedAt" IS NULL GROUP BY severity) a) AS alert_counts
    FROM "Tenant" t,
      (SELECT count(*)::int AS leads_created, (count(*) FILTER (WHERE converted))::int AS leads_converted
         FROM (${leadsCreated(tenantId, range)}) x) l,
      (SELECT count(*)::int AS onboarded, COALESCE(sum(hours), 0)::float8 AS onboarding_hours, (count(*) FILTER (WHERE within_target))::int AS onboarded_within
         FROM (${onboardings(tenantId, rules, range)}) x) o,
      (${guaranteeTotals(tenantId, range, rules)}) g,
      (SELECT decided AS decided30, succeeded AS succeeded30 FROM (${guaranteeTotals(tenantId, { from: w.successFrom, to: w.now }, rules)}) x) g30,
      (${milestoneTotals(tenantId, range, rules)}) m,
      (${qualityTotals(tenantId, range)}) qv,
      (SELECT (count(*) FILTER (WHERE previous))::int AS retention_previous, (count(*) FILTER (WHERE previous AND current))::int AS retention_retained
         FROM (${accountActivity(tenantId, { ...range, previousFrom: w.previousFrom })}) x) r,
      (${bookingTotals(tenantId, range)}) e,
      (SELECT count(*)::int AS projects_in_progress, count(DISTINCT "customerAccountId")::int AS active_customers
         FROM "Project" WHERE "tenantId" = ${tenantId} AND status IN ('KICKOFF', 'ACTIVE', 'AT_RISK')) s,
      (SELECT COALESCE(sum("contractValueCents"), 0)::float8 AS booked_month_cents
         FROM "Project" WHERE "tenantId" = ${tenantId} AND status <> 'CANCELLED' AND ${within(Prisma.sql`"createdAt"`, { from: w.monthStart, to: w.now })}) bm,
      (SELECT COALESCE(sum("amountCents"), 0)::float8 AS refunded_month_cents
         FROM "Refund" WHERE "tenantId" = ${tenantId} AND status = 'PAID' AND ${within(Prisma.sql`"paidAt"`, { from: w.monthStart, to: w.now })}) rm,
      (SELECT count(*)::int AS refunds_awaiting FROM "Refund" WHERE "tenantId" = ${tenantId} AND status IN ('CLAIMED', 'UNDER_REVIEW')) ra
    WHERE t.id = ${tenantId}`;
}

export function toFacts(row: FactsRow | undefined) {
  if (!row) throw new Error("dashboard facts: the aggregate query returned no row");
  const histogram = (kind: string) =>
    (row.satisfaction ?? []).filter((h) => h.kind === kind).map((h) => ({ score: h.score, count: h.count }));
  const kpis: KpiFacts = {
    leads: { created: row.leads_created, converted: row.leads_converted },
    qualification: { decided: row.qualified_decided, succeeded: row.qualified_succeeded },
    onboarding: { customers: row.onboarded, totalHours: row.onboarding_hours, withinTarget: row.onboarded_within },
    guarantees: { decided: row.decided, succeeded: row.succeeded, claimed: row.claimed, caseStudies: row.case_studies },
    milestones: { validated: row.milestones_validated, onTime: row.milestones_on_time },
    gates: { passed: row.gates_passed, failed: row.gates_failed },
    csat: histogram("CSAT"),
    nps: histogram("NPS"),
    retention: { previous: row.retention_previous, retained: row.retention_retained },
    expansion: { bookedCents: row.booked_cents, expansionCents: row.expansion_cents },
  };
  const summary: SummaryFacts = {
    activeCustomers: row.active_customers,
    projectsInProgress: row.projects_in_progress,
    success30: { decided: row.decided30, succeeded: row.succeeded30 },
    bookedMonthCents: row.booked_month_cents,
    refundedMonthCents: row.refunded_month_cents,
    refundsAwaiting: row.refunds_awaiting,
  };
  const alertsBySeverity = (row.alert_counts ?? []).map((a) => ({ severity: a.severity, count: a.count }));
  return { tenant: { name: row.tenant_name, currency: row.tenant_currency }, kpis, summary, alertsBySeverity };
}

export const ALERT_LIST_SIZE = 8;

export type OpportunityQuery = { expansionStrategy: string; expansionScoreMin: number; limit: number };

export type AlertItem = {
  id: string;
  severity: AlertSeverity;
  kind: AlertKind;
  message: string;
  link: string | null;
  createdAt: Date;
  projectId: string | null;
  projectName: string | null;
  accountName: string | null;
};

type ListsRow = {
  alerts: (Omit<AlertItem, "createdAt"> & { createdAt: string })[] | null;
  expansion: (Omit<ExpansionCandidate, "nextTouchpointAt"> & { nextTouchpointAt: string | null })[] | null;
  case_studies: (Omit<CaseStudyCandidate, "decidedAt"> & { decidedAt: string })[] | null;
};

/**
 * One statement, three short lists as JSON: the most severe active alerts, the accounts worth an
 * expansion proposal (latest retention plan and health snapshot) and the case-study candidates of the
 * range. Timestamps are rendered with their UTC offset so they parse back to the same instant.
 */
export function listsQuery(db: DbOrTx, tenantId: string, w: FactWindows, rules: RowRules, o: OpportunityQuery) {
  return db.$queryRaw<ListsRow[]>`
    SELECT
      (SELECT json_agg(x ORDER BY x.severity DESC, x."createdAt" DESC, x.id) FROM (
         SELECT al.id, al.severity, al.kind, al.message, al.link, (al."createdAt" AT TIME ZONE 'UTC') AS "createdAt",
                p.id AS "projectId", p.name AS "projectName", a.name AS "accountName"
         FROM (SELECT * FROM "Alert"
               WHERE "tenantId" = ${tenantId} AND "resolvedAt" IS NULL ORDER BY severity DESC, "createdAt" DESC, id LIMIT ${ALERT_LIST_SIZE}) al
         LEFT JOIN "Project" p ON p.id = al."projectId" AND p."tenantId" = ${tenantId}
         LEFT JOIN "CustomerAccount" a ON a.id = al."customerAccountId" AND a."tenantId" = ${tenantId}) x) AS alerts,
      (SELECT json_agg(x ORDER BY x."expansionScore" DESC NULLS LAST, x."accountName") FROM (
         -- the top candidates first (latest snapshot and plan decide who qualifies), then the latest
         -- project of those few only, not of every account (issue 9, P1)
         SELECT c.*, lp.id AS "latestProjectId" FROM (
           SELECT a.id AS "accountId", a.name AS "accountName", h.score AS "healthScore", h."expansionScore", rp.strategy,
                  (rp."nextTouchpointAt" AT TIME ZONE 'UTC') AS "nextTouchpointAt"
           FROM "CustomerAccount" a
           -- the newest snapshot before the range's end: the account's own copy of its newest one (kept by a
           -- trigger) when that is before the end, as it is for a range ending now; else a lookup
           LEFT JOIN LATERAL (SELECT a."latestHealthScore" AS score, a."latestExpansionScore" AS "expansionScore"
                              WHERE a."latestHealthDay" < ${ts(w.to)}
                              UNION ALL
                              (SELECT score, "expansionScore" FROM "HealthSnapshot"
                               WHERE a."latestHealthDay" >= ${ts(w.to)} AND "customerAccountId" = a.id AND "tenantId" = ${tenantId} AND day < ${ts(w.to)}
                               ORDER BY day DESC LIMIT 1)) h ON true
           LEFT JOIN LATERAL (SELECT strategy::text AS strategy, "nextTouchpointAt" FROM "RetentionPlan"
                              WHERE "customerAccountId" = a.id AND "tenantId" = ${tenantId} AND "createdAt" < ${ts(w.to)}
                              ORDER BY "createdAt" DESC LIMIT 1) rp ON true
           WHERE a."tenantId" = ${tenantId} AND (rp.strategy = ${o.expansionStrategy} OR h."expansionScore" >= ${o.expansionScoreMin}::float8)
           ORDER BY h."expansionScore" DESC NULLS LAST, a.name LIMIT ${o.limit}) c
         LEFT JOIN LATERAL (SELECT id FROM "Project" WHERE "customerAccountId" = c."accountId" AND "tenantId" = ${tenantId}
                            ORDER BY "createdAt" DESC LIMIT 1) lp ON true) x) AS expansion,
      (SELECT json_agg(x ORDER BY x."decidedAt" DESC, x."projectName") FROM (
         SELECT g.project_id AS "projectId", g.project_name AS "projectName", a.name AS "accountName", g.success_score AS "successScore",
                (g.decided_at AT TIME ZONE 'UTC') AS "decidedAt", g.case_study_source AS source
         FROM (SELECT * FROM (${decidedGuarantees(tenantId, rules, w)}) d
               WHERE case_study AND ${within(Prisma.sql`decided_at`, w)}
               ORDER BY decided_at DESC, project_name LIMIT ${o.limit}) g
         LEFT JOIN "CustomerAccount" a ON a.id = g.account_id AND a."tenantId" = ${tenantId}) x) AS case_studies`;
}

/**
 * Everything the dashboard's first screen shows, in two statements run side by side: the facts (every
 * KPI's numerator and denominator, the summary counts, the tenant, active alerts by severity) and the
 * lists (top alerts, expansion and case-study candidates).
 */
export async function loadDashboard(db: Db, tenantId: string, w: FactWindows, rules: RowRules, o: OpportunityQuery) {
  const [facts, lists] = await Promise.all([factsQuery(db, tenantId, w, rules), listsQuery(db, tenantId, w, rules, o)]);
  const l = lists[0];
  return {
    ...toFacts(facts[0]),
    alerts: (l?.alerts ?? []).map((a): AlertItem => ({ ...a, createdAt: new Date(a.createdAt) })),
    expansion: (l?.expansion ?? []).map((e): ExpansionCandidate => ({
      ...e,
      nextTouchpointAt: e.nextTouchpointAt ? new Date(e.nextTouchpointAt) : null,
    })),
    caseStudies: (l?.case_studies ?? []).map((c): CaseStudyCandidate => ({
      ...c,
      source: c.source === "flag" ? "flag" : "derived",
      decidedAt: new Date(c.decidedAt),
    })),
  };
}
