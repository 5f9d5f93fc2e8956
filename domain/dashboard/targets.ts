/**
 * The executive KPIs of docs/domain.md#kpis, their targets and how a value is judged against its target. Pure.
 * Ids are the seed's own keys, so a KPI can be traced back to the specification by name.
 */
import { formatHours, formatNumber } from "@/lib/format";

export const KPI_IDS = [
  "lead_to_customer_conversion_rate",
  "qualification_accuracy",
  "time_to_onboarding",
  "project_success_rate",
  "timeline_adherence",
  "quality_gate_pass_rate",
  "customer_satisfaction_score",
  "net_promoter_score",
  "success_guarantee_claim_rate",
  "customer_retention_rate",
  "expansion_revenue_rate",
  "case_study_generation_rate",
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export function isKpiId(value: string): value is KpiId {
  return (KPI_IDS as readonly string[]).includes(value);
}

export const KPI_GROUPS = ["acquisition", "delivery", "satisfaction", "retention"] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

export const KPI_GROUP_LABELS: Record<KpiGroup, string> = {
  acquisition: "Acquisition",
  delivery: "Delivery",
  satisfaction: "Satisfaction",
  retention: "Retention & expansion",
};

/** percent: 0–100 · hours · score10: 0–10 · nps: −100…100 */
export type KpiUnit = "percent" | "hours" | "score10" | "nps";

export type KpiTarget = { direction: "atLeast" | "atMost"; value: number };
export type KpiStatus = "met" | "missed" | "no_data";

/** docs/domain.md#kpis `customer_success_kpis`: target and measurement cadence of each KPI. */
export const KPI_TARGETS: Record<KpiId, KpiTarget & { unit: KpiUnit; group: KpiGroup; measurement: string }> = {
  lead_to_customer_conversion_rate: {
    direction: "atLeast",
    value: 25,
    unit: "percent",
    group: "acquisition",
    measurement: "monthly",
  },
  qualification_accuracy: {
    direction: "atLeast",
    value: 90,
    unit: "percent",
    group: "acquisition",
    measurement: "weekly",
  },
  time_to_onboarding: {
    direction: "atMost",
    value: 48,
    unit: "hours",
    group: "acquisition",
    measurement: "per customer",
  },
  project_success_rate: { direction: "atLeast", value: 95, unit: "percent", group: "delivery", measurement: "monthly" },
  timeline_adherence: {
    direction: "atLeast",
    value: 90,
    unit: "percent",
    group: "delivery",
    measurement: "per project",
  },
  quality_gate_pass_rate: {
    direction: "atLeast",
    value: 98,
    unit: "percent",
    group: "delivery",
    measurement: "weekly",
  },
  customer_satisfaction_score: {
    direction: "atLeast",
    value: 8.5,
    unit: "score10",
    group: "satisfaction",
    measurement: "per project",
  },
  net_promoter_score: { direction: "atLeast", value: 70, unit: "nps", group: "satisfaction", measurement: "quarterly" },
  success_guarantee_claim_rate: {
    direction: "atMost",
    value: 2,
    unit: "percent",
    group: "satisfaction",
    measurement: "monthly",
  },
  customer_retention_rate: {
    direction: "atLeast",
    value: 90,
    unit: "percent",
    group: "retention",
    measurement: "annually",
  },
  expansion_revenue_rate: {
    direction: "atLeast",
    value: 40,
    unit: "percent",
    group: "retention",
    measurement: "quarterly",
  },
  case_study_generation_rate: {
    direction: "atLeast",
    value: 30,
    unit: "percent",
    group: "retention",
    measurement: "quarterly",
  },
};

/** Absorbs floating-point noise (e.g. 100 × 19 / 20) so a value exactly on its target counts as met. */
const EPSILON = 1e-9;

export function kpiStatus(value: number | null, target: KpiTarget): KpiStatus {
  if (value === null || !Number.isFinite(value)) return "no_data";
  const met = target.direction === "atLeast" ? value >= target.value - EPSILON : value <= target.value + EPSILON;
  return met ? "met" : "missed";
}

/**
 * How far a missed KPI is from its target, relative to the target (0 when met or without data):
 * 50 % against ≥ 95 % → 0.47; 10 % against ≤ 2 % → 4. Ranks recommendations.
 */
export function targetShortfall(value: number | null, target: KpiTarget): number {
  if (kpiStatus(value, target) !== "missed" || value === null) return 0;
  const gap = target.direction === "atLeast" ? target.value - value : value - target.value;
  return gap / Math.max(Math.abs(target.value), 1);
}

export function formatTarget(target: KpiTarget & { unit: KpiUnit }): string {
  return `${target.direction === "atLeast" ? "≥" : "≤"} ${formatKpiValue(target.value, target.unit)}`;
}

/** A KPI value as people read it: "87.5%", "36 hours", "8.7/10", "+40", or "no data". */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null || !Number.isFinite(value)) return "no data";
  const rounded = Math.round(value * 10) / 10 || 0;
  const one = formatNumber(rounded);
  switch (unit) {
    case "percent":
      return `${one}%`;
    case "hours":
      return formatHours(rounded);
    case "score10":
      return `${one}/10`;
    case "nps":
      return `${rounded > 0 ? "+" : ""}${one}`;
  }
}
