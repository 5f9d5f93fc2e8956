import "server-only";
import type { KpiId } from "@/domain/dashboard/targets";
import type { Db } from "./client";
import { factsQuery, toFacts, type FactWindows } from "./dashboard";
import {
  accountActivity,
  bookedProjects,
  decidedGuarantees,
  leadsCreated,
  onboardings,
  qualityValidations,
  surveyAnswers,
  validatedMilestones,
  within,
  type RowRules,
} from "./dashboard-sources";
import { Prisma } from "@/generated/prisma/client";

/**
 * The rows behind one KPI, paged, in one generic shape (the engine names each KPI's columns). They are
 * selected from the same fragments as the KPI's aggregate, so `counted` rows add up to its numerator.
 */
export type KpiRow = {
  key: string;
  label: string;
  sub: string | null;
  href: string | null;
  at: Date | null;
  value: number | null;
  detail: string | null;
  /**
   * A share's row: true in the numerator, false in the denominator only. A mean's row contributes its
   * value, and `counted` answers the KPI's target question (time to onboarding: within 48 h) or is null.
   */
  counted: boolean | null;
};

const sql = Prisma.sql;

/**
 * The display name of what a fragment row refers to (the fragments hand on ids only): a lookup by
 * primary key in the same tenant, null when missing, so naming never changes which rows there are.
 */
const nameOf = (table: "Project" | "CustomerAccount" | "User", id: Prisma.Sql, t: string) =>
  sql`(SELECT n.name FROM ${Prisma.raw(`"${table}"`)} n WHERE n.id = ${id} AND n."tenantId" = ${t})`;

function rowsSql(id: KpiId, t: string, w: FactWindows, rules: RowRules): Prisma.Sql {
  const range = { from: w.from, to: w.to };
  switch (id) {
    case "lead_to_customer_conversion_rate":
      return sql`SELECT id AS key, company AS label, contact AS sub, '/leads/' || id AS href, at, value_cents::float8 AS value,
                        stage AS detail, converted AS counted
                 FROM (${leadsCreated(t, range)}) x`;
    case "qualification_accuracy":
      return sql`SELECT id AS key, lead_company AS label, project_name AS sub, '/projects/' || project_id AS href, decided_at AS at,
                        lead_score AS value, status AS detail, (status = 'SUCCEEDED') AS counted
                 FROM (${decidedGuarantees(t, rules, range)}) x WHERE qualified_at IS NOT NULL AND ${within(sql`decided_at`, range)}`;
    case "time_to_onboarding":
      return sql`SELECT project_id AS key, project_name AS label, ${nameOf("CustomerAccount", sql`account_id`, t)} AS sub, '/projects/' || project_id AS href, onboarded_at AS at,
                        hours AS value, to_char(converted_hours, 'FM999999990.0') || ' h' AS detail, within_target AS counted
                 FROM (${onboardings(t, rules, range)}) x`;
    case "project_success_rate":
      return sql`SELECT id AS key, project_name AS label, ${nameOf("CustomerAccount", sql`account_id`, t)} AS sub, '/projects/' || project_id AS href, decided_at AS at,
                        success_score AS value, status AS detail, (status = 'SUCCEEDED') AS counted
                 FROM (${decidedGuarantees(t, rules, range)}) x WHERE ${within(sql`decided_at`, range)}`;
    case "timeline_adherence":
      return sql`SELECT id AS key, ${nameOf("Project", sql`project_id`, t)} AS label, 'Week ' || week || ': ' || title AS sub, '/projects/' || project_id || '#week-' || week AS href,
                        at, score AS value, status AS detail, on_time AS counted
                 FROM (${validatedMilestones(t, range, rules)}) x`;
    case "quality_gate_pass_rate":
      return sql`SELECT id AS key, ${nameOf("Project", sql`project_id`, t)} AS label, type AS sub, '/projects/' || project_id AS href, at,
                        CASE WHEN passed + failed > 0 THEN 100.0 * passed / (passed + failed) END::float8 AS value,
                        passed || ' of ' || (passed + failed) || ' passed' AS detail, NULL::boolean AS counted
                 FROM (${qualityValidations(t, range)}) x`;
    case "customer_satisfaction_score":
    case "net_promoter_score":
      return sql`SELECT id AS key, ${nameOf("Project", sql`project_id`, t)} AS label, ${nameOf("User", sql`user_id`, t)} AS sub, '/projects/' || project_id AS href, at,
                        score::float8 AS value, comment AS detail, NULL::boolean AS counted
                 FROM (${surveyAnswers(t, range)}) x WHERE kind = ${id === "net_promoter_score" ? "NPS" : "CSAT"}`;
    case "success_guarantee_claim_rate":
      return sql`SELECT id AS key, project_name AS label, ${nameOf("CustomerAccount", sql`account_id`, t)} AS sub, '/projects/' || project_id AS href, decided_at AS at,
                        refund_cents::float8 AS value, COALESCE(refund_status, status) AS detail, claimed AS counted
                 FROM (${decidedGuarantees(t, rules, range)}) x WHERE ${within(sql`decided_at`, range)}`;
    case "customer_retention_rate":
      return sql`SELECT id AS key, ${nameOf("CustomerAccount", sql`id`, t)} AS label,
                        (SELECT p.name FROM "Project" p WHERE p."customerAccountId" = x.id AND p."tenantId" = ${t} ORDER BY p."createdAt" DESC, p.id DESC LIMIT 1) AS sub,
                        NULL::text AS href, at, NULL::float8 AS value,
                        CASE WHEN running THEN 'ACTIVE' WHEN current THEN 'ENDED_IN_RANGE' ELSE 'LAPSED' END AS detail, current AS counted
                 FROM (${accountActivity(t, { ...range, previousFrom: w.previousFrom })}) x WHERE previous`;
    case "expansion_revenue_rate":
      return sql`SELECT id AS key, project_name AS label, ${nameOf("CustomerAccount", sql`account_id`, t)} AS sub, '/projects/' || id AS href, at, cents::float8 AS value,
                        '#' || nth AS detail, (nth > 1) AS counted
                 FROM (${bookedProjects(t, range)}) x`;
    case "case_study_generation_rate":
      return sql`SELECT id AS key, project_name AS label, ${nameOf("CustomerAccount", sql`account_id`, t)} AS sub, '/projects/' || project_id AS href, decided_at AS at,
                        success_score AS value, case_study_source AS detail, case_study AS counted
                 FROM (${decidedGuarantees(t, rules, range)}) x WHERE status = 'SUCCEEDED' AND ${within(sql`decided_at`, range)}`;
  }
}

export type KpiPage = { page: number; pageSize: number };

/**
 * One KPI's page in three statements run side by side: the facts (the aggregate the rows must agree
 * with, and the tenant), the number of rows, and the requested page of rows.
 */
export async function loadKpiDetail(
  db: Db,
  tenantId: string,
  id: KpiId,
  w: FactWindows,
  rules: RowRules,
  page: KpiPage,
) {
  const base = rowsSql(id, tenantId, w, rules);
  const [facts, count, rows] = await Promise.all([
    factsQuery(db, tenantId, w, rules),
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${base}) r`,
    db.$queryRaw<KpiRow[]>`SELECT * FROM (${base}) r ORDER BY at DESC NULLS LAST, key
                            LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
  ]);
  return { ...toFacts(facts[0]), total: count[0]?.total ?? 0, rows };
}
