import { formatMoney } from "@/lib/money";
import { npsClass } from "@/domain/surveys/scores";
import { KPI_DEFINITIONS } from "./definitions";
import {
  KPI_IDS,
  KPI_TARGETS,
  formatKpiValue,
  formatTarget,
  kpiStatus,
  type KpiGroup,
  type KpiId,
  type KpiStatus,
  type KpiTarget,
  type KpiUnit,
} from "./targets";
import { formatHours, formatNumber, plural } from "@/lib/format";

/** How many answers gave each score (0–10): what the data layer counts for CSAT and NPS. */
export type ScoreCount = { score: number; count: number };

/** Everything the KPIs are computed from: counts and sums the data layer aggregates in SQL. */
export type KpiFacts = {
  leads: { created: number; converted: number };
  qualification: { decided: number; succeeded: number };
  onboarding: { customers: number; totalHours: number; withinTarget: number };
  guarantees: { decided: number; succeeded: number; claimed: number; caseStudies: number };
  milestones: { validated: number; onTime: number };
  gates: { passed: number; failed: number };
  csat: ScoreCount[];
  nps: ScoreCount[];
  retention: { previous: number; retained: number };
  expansion: { bookedCents: number; expansionCents: number };
};

export const EMPTY_FACTS: KpiFacts = {
  leads: { created: 0, converted: 0 },
  qualification: { decided: 0, succeeded: 0 },
  onboarding: { customers: 0, totalHours: 0, withinTarget: 0 },
  guarantees: { decided: 0, succeeded: 0, claimed: 0, caseStudies: 0 },
  milestones: { validated: 0, onTime: 0 },
  gates: { passed: 0, failed: 0 },
  csat: [],
  nps: [],
  retention: { previous: 0, retained: 0 },
  expansion: { bookedCents: 0, expansionCents: 0 },
};

export type KpiResult = {
  id: KpiId;
  label: string;
  group: KpiGroup;
  unit: KpiUnit;
  measurement: string;
  definition: string;
  ours: boolean;
  /** exact value; null without data */
  value: number | null;
  display: string;
  target: KpiTarget;
  targetDisplay: string;
  status: KpiStatus;
  numerator: { label: string; value: number };
  denominator: { label: string; value: number };
  /** one sentence with the numbers: "2 of 4 guarantees decided in the range were met" */
  explanation: string;
};

/** scale × numerator / denominator, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number, scale: 100 | 1): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return (scale * numerator) / denominator;
}

export function csatTotals(histogram: readonly ScoreCount[]): { sum: number; responses: number } {
  return histogram.reduce((t, h) => ({ sum: t.sum + h.score * h.count, responses: t.responses + h.count }), {
    sum: 0,
    responses: 0,
  });
}

export function npsTotals(histogram: readonly ScoreCount[]) {
  const t = { promoters: 0, passives: 0, detractors: 0, responses: 0 };
  for (const h of histogram) {
    const k = npsClass(h.score);
    if (k === "promoter") t.promoters += h.count;
    else if (k === "detractor") t.detractors += h.count;
    else t.passives += h.count;
    t.responses += h.count;
  }
  return t;
}

type Parts = { numerator: number; denominator: number; scale: 100 | 1 };

function parts(id: KpiId, f: KpiFacts): Parts {
  switch (id) {
    case "lead_to_customer_conversion_rate":
      return { numerator: f.leads.converted, denominator: f.leads.created, scale: 100 };
    case "qualification_accuracy":
      return { numerator: f.qualification.succeeded, denominator: f.qualification.decided, scale: 100 };
    case "time_to_onboarding":
      return { numerator: f.onboarding.totalHours, denominator: f.onboarding.customers, scale: 1 };
    case "project_success_rate":
      return { numerator: f.guarantees.succeeded, denominator: f.guarantees.decided, scale: 100 };
    case "timeline_adherence":
      return { numerator: f.milestones.onTime, denominator: f.milestones.validated, scale: 100 };
    case "quality_gate_pass_rate":
      return { numerator: f.gates.passed, denominator: f.gates.passed + f.gates.failed, scale: 100 };
    case "customer_satisfaction_score": {
      const { sum, responses } = csatTotals(f.csat);
      return { numerator: sum, denominator: responses, scale: 1 };
    }
    case "net_promoter_score": {
      const t = npsTotals(f.nps);
      return { numerator: t.promoters - t.detractors, denominator: t.responses, scale: 100 };
    }
    case "success_guarantee_claim_rate":
      return { numerator: f.guarantees.claimed, denominator: f.guarantees.decided, scale: 100 };
    case "customer_retention_rate":
      return { numerator: f.retention.retained, denominator: f.retention.previous, scale: 100 };
    case "expansion_revenue_rate":
      return { numerator: f.expansion.expansionCents, denominator: f.expansion.bookedCents, scale: 100 };
    case "case_study_generation_rate":
      return { numerator: f.guarantees.caseStudies, denominator: f.guarantees.succeeded, scale: 100 };
  }
}

const num = (x: number) => formatNumber(x);

function explain(id: KpiId, p: Parts, display: string, facts: KpiFacts, currency: string): string {
  const def = KPI_DEFINITIONS[id];
  if (p.denominator <= 0) return `No ${def.denominator} yet, so there is nothing to measure.`;
  switch (id) {
    case "expansion_revenue_rate":
      return `${formatMoney(p.numerator, currency, "whole")} of ${formatMoney(p.denominator, currency, "whole")} booked in the range came from returning customers: ${display}.`;
    case "net_promoter_score": {
      const t = npsTotals(facts.nps);
      return `${plural(t.promoters, "promoter")} − ${plural(t.detractors, "detractor")} among ${plural(t.responses, "answer")} (${plural(t.passives, "passive")}): ${display}.`;
    }
    case "time_to_onboarding":
      return `${formatHours(p.numerator)} over ${plural(p.denominator, "customer")}: ${display} on average; ${facts.onboarding.withinTarget} of ${p.denominator} within ${formatHours(KPI_TARGETS[id].value)}.`;
    case "customer_satisfaction_score":
      return `${num(p.numerator)} points over ${p.denominator} answers: ${display} on average.`;
    default:
      return `${num(p.numerator)} ${def.numerator} of ${num(p.denominator)} ${def.denominator}: ${display}.`;
  }
}

export function computeKpi(id: KpiId, facts: KpiFacts, currency = "USD"): KpiResult {
  const def = KPI_DEFINITIONS[id];
  const target = KPI_TARGETS[id];
  const p = parts(id, facts);
  const value = ratio(p.numerator, p.denominator, p.scale);
  const display = formatKpiValue(value, target.unit);
  return {
    id,
    label: def.label,
    group: target.group,
    unit: target.unit,
    measurement: target.measurement,
    definition: def.definition,
    ours: def.ours,
    value,
    display,
    target: { direction: target.direction, value: target.value },
    targetDisplay: formatTarget(target),
    status: kpiStatus(value, target),
    numerator: { label: def.numerator, value: p.numerator },
    denominator: { label: def.denominator, value: p.denominator },
    explanation: explain(id, p, display, facts, currency),
  };
}

export function computeKpis(facts: KpiFacts, currency = "USD"): KpiResult[] {
  return KPI_IDS.map((id) => computeKpi(id, facts, currency));
}
