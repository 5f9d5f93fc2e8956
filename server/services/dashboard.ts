import "server-only";
import type { DashboardInput, DashboardKpiInput, DashboardRangeInput } from "@/lib/schemas/dashboard";
import { loadDashboard } from "@/server/db/dashboard";
import { loadKpiDetail, type KpiRow } from "@/server/db/dashboard-rows";
import { loadTrendFacts } from "@/server/db/dashboard-trends";
import { CASE_STUDY_MIN_SUCCESS_SCORE, KPI_DEFINITIONS, KPI_ROW_RULES } from "@/domain/dashboard/definitions";
import { computeKpi, computeKpis } from "@/domain/dashboard/kpis";
import {
  EXPANSION_SCORE_MIN,
  EXPANSION_STRATEGY,
  MAX_OPPORTUNITIES,
  caseStudyOpportunities,
  expansionOpportunities,
} from "@/domain/dashboard/opportunities";
import {
  bucketDaysFor,
  dashboardWindows,
  resolveRange,
  trendBuckets,
  type DashboardRange,
} from "@/domain/dashboard/range";
import { recommendationsFor } from "@/domain/dashboard/recommendations";
import { dashboardSummary } from "@/domain/dashboard/summary";
import { KPI_IDS, isKpiId, type KpiId } from "@/domain/dashboard/targets";
import { assembleTrends } from "@/domain/dashboard/trends";
import { npsClass } from "@/domain/surveys/scores";
import { AppError } from "@/server/errors";
import { onReplica, type ServiceContext } from "./context";
import { alertHref } from "./alerts";

/**
 * The executive dashboard (docs/domain.md#dashboard): load the aggregates (a fixed batch of statements), then let the
 * pure engine compute KPIs, statuses, recommendations and opportunities. Read-only, so read from the
 * replica when there is a fresh one (docs/architecture.md#read-replica).
 */

function requireRange(input: DashboardRangeInput, now: Date): DashboardRange {
  const result = resolveRange(input, now);
  if (!result.ok)
    throw new AppError("BAD_REQUEST", result.problem, { fieldErrors: { [`range.${result.field}`]: result.problem } });
  return result.range;
}

export async function executiveDashboard(ctx: ServiceContext, input: DashboardInput) {
  const range = requireRange(input.range, ctx.now);
  const data = await onReplica(ctx, (db) =>
    loadDashboard(db, ctx.tenantId, dashboardWindows(range, ctx.now), KPI_ROW_RULES, {
      expansionStrategy: EXPANSION_STRATEGY,
      expansionScoreMin: EXPANSION_SCORE_MIN,
      limit: MAX_OPPORTUNITIES,
    }),
  );
  const kpis = computeKpis(data.kpis, data.tenant.currency);
  return {
    tenant: data.tenant,
    range,
    generatedAt: ctx.now,
    summary: dashboardSummary(data.summary, data.kpis),
    kpis,
    alerts: {
      total: data.alertsBySeverity.reduce((sum, r) => sum + r.count, 0),
      bySeverity: data.alertsBySeverity,
      items: data.alerts.map(({ link, projectId, ...a }) => ({ ...a, href: alertHref({ link, projectId }) })),
    },
    opportunities: {
      expansion: expansionOpportunities(data.expansion),
      caseStudies: caseStudyOpportunities(data.caseStudies),
    },
    recommendations: recommendationsFor(kpis),
  };
}

const NPS_DETAIL = { promoter: "Promoter (+1)", passive: "Passive (0)", detractor: "Detractor (−1)" } as const;
/** Codes the rows carry, in words (other codes are enum values the page humanizes). */
const DETAIL_LABELS: Partial<Record<KpiId, Record<string, string>>> = {
  customer_retention_rate: {
    ACTIVE: "A project is running",
    ENDED_IN_RANGE: "Last project ended in the range",
    LAPSED: "No project in the range",
  },
  case_study_generation_rate: {
    flag: "Stored case-study flag",
    derived: `Success score ≥ ${CASE_STUDY_MIN_SUCCESS_SCORE}`,
  },
};

function rowDetail(id: KpiId, row: KpiRow): string | null {
  if (id === "net_promoter_score") return row.value === null ? null : NPS_DETAIL[npsClass(row.value)];
  return (row.detail && DETAIL_LABELS[id]?.[row.detail]) ?? row.detail;
}

export async function kpiDetail(ctx: ServiceContext, input: DashboardKpiInput) {
  const id = input.id;
  if (!isKpiId(id)) {
    const message = `Unknown KPI "${id}". Known KPIs: ${KPI_IDS.join(", ")}.`;
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { id: message } });
  }
  const range = requireRange(input.range, ctx.now);
  const page = { page: input.page, pageSize: input.pageSize };
  const w = dashboardWindows(range, ctx.now);
  const data = await onReplica(ctx, (db) => loadKpiDetail(db, ctx.tenantId, id, w, KPI_ROW_RULES, page));
  const rows = data.rows.map((r) => ({ ...r, detail: rowDetail(id, r) }));
  return {
    tenant: data.tenant,
    range,
    kpi: computeKpi(id, data.kpis, data.tenant.currency),
    columns: KPI_DEFINITIONS[id].columns,
    rows,
    total: data.total,
    ...page,
    pages: Math.max(1, Math.ceil(data.total / page.pageSize)),
  };
}

export async function dashboardTrends(ctx: ServiceContext, input: DashboardInput) {
  const range = requireRange(input.range, ctx.now);
  const bucketDays = bucketDaysFor(range);
  const facts = await onReplica(ctx, (db) => loadTrendFacts(db, ctx.tenantId, range, bucketDays, KPI_ROW_RULES));
  return { range, bucketDays, points: assembleTrends(trendBuckets(range, bucketDays), facts) };
}
