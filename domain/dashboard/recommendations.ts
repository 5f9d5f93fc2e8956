import type { KpiResult } from "./kpis";
import { KPI_IDS, targetShortfall, type KpiId } from "./targets";

/**
 * Executive recommendations (docs/domain.md#dashboard `_generate_executive_recommendations`), rule-based: one per KPI
 * that misses its target, stating the numbers that triggered it. KPIs without data trigger nothing —
 * an empty tenant gets no advice, not wrong advice.
 */

/**
 * Priority (docs/dashboard.md#recommendations): recommendations are ranked by the KPI's shortfall relative to
 * its target; the top MAX_HIGH_PRIORITY are high priority if they miss by at least HIGH_PRIORITY_SHORTFALL
 * (50 % against ≥ 95 % is a 47 % miss), every other one is medium.
 */
export const HIGH_PRIORITY_SHORTFALL = 0.1;
/** At most this many recommendations are high priority: the label ranks, it does not just flag. */
export const MAX_HIGH_PRIORITY = 3;

export type Recommendation = {
  id: string;
  kpiId: KpiId;
  priority: "high" | "medium";
  title: string;
  /** the numbers that triggered it */
  because: string;
  actions: string[];
  /** where to look first */
  href: string;
};

type Rule = { title: string; actions: string[]; href: string };

const RULES: Record<KpiId, Rule> = {
  lead_to_customer_conversion_rate: {
    title: "Convert more of the pipeline",
    actions: [
      "Review leads stalled at feasibility and proposal with their CSM",
      "Follow up qualified leads within a day of their assessment",
    ],
    href: "/leads",
  },
  qualification_accuracy: {
    title: "Qualify more strictly",
    actions: [
      "Compare the qualification breakdowns of failed projects with successful ones",
      "Raise the fit matrix's minimum score or re-weight criteria in Scoring",
    ],
    href: "/settings/scoring",
  },
  time_to_onboarding: {
    title: "Onboard customers faster",
    actions: [
      "Run feasibility and the tier recommendation the day a lead qualifies",
      "Prepare the kickoff (team, environments) while the proposal is out",
    ],
    href: "/leads",
  },
  project_success_rate: {
    title: "Protect the guarantee on running projects",
    actions: [
      "Review every at-risk project with its technical lead this week",
      "Escalate milestones below their escalation threshold the day they are validated",
    ],
    href: "/projects",
  },
  timeline_adherence: {
    title: "Bring milestones back on schedule",
    actions: [
      "Re-plan the scope of lagging weeks with the customer's product owner",
      "Add capacity to the criteria that keep slipping",
    ],
    href: "/projects",
  },
  quality_gate_pass_rate: {
    title: "Fix failing quality gates at the source",
    actions: [
      "Make the most-failed gates block merges in CI",
      "Schedule the recommended fixes from the latest quality validations",
    ],
    href: "/projects",
  },
  customer_satisfaction_score: {
    title: "Lift customer satisfaction",
    actions: [
      "Call the customers behind the lowest CSAT answers this week",
      "Act on the survey comments with the delivery teams",
    ],
    href: "/dashboard/kpis/customer_satisfaction_score",
  },
  net_promoter_score: {
    title: "Turn detractors around",
    actions: [
      "Hold an executive call with each detractor's sponsor",
      "Ask promoters for referrals while satisfaction is high",
    ],
    href: "/dashboard/kpis/net_promoter_score",
  },
  success_guarantee_claim_rate: {
    title: "Reduce guarantee claims",
    actions: [
      "Run a root-cause review of every claimed guarantee",
      "Start recovery actions from the first at-risk milestone, not the last",
    ],
    href: "/dashboard/kpis/success_guarantee_claim_rate",
  },
  customer_retention_rate: {
    title: "Win back lapsed customers",
    actions: [
      "Start a retention plan for every customer whose last project ended",
      "Offer a follow-on scope at each guarantee success",
    ],
    href: "/dashboard/kpis/customer_retention_rate",
  },
  expansion_revenue_rate: {
    title: "Grow existing accounts",
    actions: [
      "Work the expansion opportunities listed on this dashboard",
      "Propose maintenance or a second phase at project completion",
    ],
    href: "/dashboard#opportunities",
  },
  case_study_generation_rate: {
    title: "Turn successes into case studies",
    actions: [
      "Ask each customer with a met guarantee for a case study within two weeks",
      "Collect testimonials with the final satisfaction survey",
    ],
    href: "/dashboard#opportunities",
  },
};

function because(k: KpiResult): string {
  return `${k.label} is ${k.display} against a target of ${k.targetDisplay}. ${k.explanation}`;
}

export function recommendationsFor(kpis: readonly KpiResult[]): Recommendation[] {
  const order = (id: KpiId) => KPI_IDS.indexOf(id);
  return kpis
    .filter((k) => k.status === "missed")
    .map((k) => ({ k, shortfall: targetShortfall(k.value, k.target) }))
    .sort((a, b) => b.shortfall - a.shortfall || order(a.k.id) - order(b.k.id))
    .map(({ k, shortfall }, rank) => ({
      id: `recommendation:${k.id}`,
      kpiId: k.id,
      priority: rank < MAX_HIGH_PRIORITY && shortfall >= HIGH_PRIORITY_SHORTFALL ? "high" : "medium",
      title: RULES[k.id].title,
      because: because(k),
      actions: RULES[k.id].actions,
      href: RULES[k.id].href,
    }));
}
