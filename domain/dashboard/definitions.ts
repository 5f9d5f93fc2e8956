import { DETRACTOR_MAX, PROMOTER_MIN } from "@/domain/surveys/scores";
import { KPI_TARGETS, type KpiId } from "./targets";
import { formatHours } from "@/lib/format";

/**
 * What each KPI means, in words an executive can check against the rows behind it. Where docs/domain.md#kpis
 * only names a KPI, the definition below is ours (and says so in `ours`).
 *
 * Every KPI is `scale × numerator / denominator` over the selected range [from, to):
 * a percentage (scale 100) or a mean (scale 1). No denominator → "no data", never 0 or NaN.
 */

/** A milestone validated SUCCESS up to this long after its due date still counts as on time. */
export const TIMELINE_GRACE_HOURS = 24;
/** Without a stored case-study flag, a met guarantee scoring at least this is a case-study candidate. */
export const CASE_STUDY_MIN_SUCCESS_SCORE = 95;
/** The thresholds the data layer applies row by row, passed to it as parameters. */
export const KPI_ROW_RULES = {
  timelineGraceHours: TIMELINE_GRACE_HOURS,
  caseStudyMinSuccessScore: CASE_STUDY_MIN_SUCCESS_SCORE,
  onboardingTargetHours: KPI_TARGETS.time_to_onboarding.value,
} as const;

export type ValueKind = "cents" | "hours" | "score" | "score10" | "percent" | "count";

/** Column headings of a KPI's rows (the data layer fills one generic row shape). */
export type KpiColumns = {
  label: string;
  sub: string;
  at: string;
  value: { label: string; kind: ValueKind } | null;
  detail: string | null;
  counted: string | null;
};

export type KpiDefinition = {
  label: string;
  definition: string;
  numerator: string;
  denominator: string;
  /** true when the seed names the KPI only and the definition is ours */
  ours: boolean;
  columns: KpiColumns;
};

export const KPI_DEFINITIONS: Record<KpiId, KpiDefinition> = {
  lead_to_customer_conversion_rate: {
    label: "Lead → customer conversion",
    definition:
      "Of the leads created in the range, the share that has converted into a customer (a project was kicked off from the lead), whenever that happened.",
    numerator: "leads converted",
    denominator: "leads created in the range",
    ours: true,
    columns: {
      label: "Lead",
      sub: "Contact",
      at: "Created",
      value: { label: "Estimated value", kind: "cents" },
      detail: "Stage",
      counted: "Converted",
    },
  },
  qualification_accuracy: {
    label: "Qualification accuracy",
    definition:
      "Of the projects of qualified leads (score ≥ 60) whose guarantee was decided in the range, the share that met the guarantee: how often a qualification predicted success. Unqualified leads are not counted: their projects never happen.",
    numerator: "projects of qualified leads that met their guarantee",
    denominator: "projects of qualified leads whose guarantee was decided",
    ours: true,
    columns: {
      label: "Lead",
      sub: "Project",
      at: "Guarantee decided",
      value: { label: "Qualification score", kind: "score" },
      detail: "Guarantee",
      counted: "Succeeded",
    },
  },
  time_to_onboarding: {
    label: "Time to onboarding",
    definition:
      "Mean hours from a lead's qualification to the end of its project's kickoff (the launch phase finished; the project's creation when it has no kickoff record), for kickoffs completed in the range. Kickoffs still running are not counted.",
    numerator: "hours from qualification to kickoff complete, summed",
    denominator: "customers onboarded in the range",
    ours: true,
    columns: {
      label: "Project",
      sub: "Customer",
      at: "Kickoff complete",
      value: { label: "Hours", kind: "hours" },
      detail: "Converted → kickoff",
      counted: `Within ${formatHours(KPI_TARGETS.time_to_onboarding.value)}`,
    },
  },
  project_success_rate: {
    label: "Project success rate",
    definition:
      "Of the 30-day guarantees decided in the range, the share met (success score at or above the guarantee's threshold). A guarantee remedied by continued development counts as not met.",
    numerator: "guarantees met",
    denominator: "guarantees decided in the range",
    ours: false,
    columns: {
      label: "Project",
      sub: "Customer",
      at: "Decided",
      value: { label: "Success score", kind: "score" },
      detail: "Guarantee",
      counted: "Met",
    },
  },
  timeline_adherence: {
    label: "Timeline adherence",
    definition: `Of the weekly milestones validated in the range, the share validated as met by their due date (with ${formatHours(TIMELINE_GRACE_HOURS)} of grace for the validation itself).`,
    numerator: "milestones met on time",
    denominator: "milestones validated in the range",
    ours: true,
    columns: {
      label: "Project",
      sub: "Milestone",
      at: "Validated",
      value: { label: "Score", kind: "score" },
      detail: "Status",
      counted: "On time",
    },
  },
  quality_gate_pass_rate: {
    label: "Quality gate pass rate",
    definition: "Of the quality gates evaluated by the quality validations run in the range, the share passed.",
    numerator: "gates passed",
    denominator: "gates evaluated",
    ours: true,
    columns: {
      label: "Project",
      sub: "Validation",
      at: "Run",
      value: { label: "Gates passed", kind: "percent" },
      detail: "Gates",
      counted: null,
    },
  },
  customer_satisfaction_score: {
    label: "Customer satisfaction (CSAT)",
    definition: "Mean of the CSAT answers (0–10) received in the range.",
    numerator: "sum of CSAT scores",
    denominator: "CSAT answers",
    ours: false,
    columns: {
      label: "Project",
      sub: "Respondent",
      at: "Answered",
      value: { label: "Score", kind: "score10" },
      detail: "Comment",
      counted: null,
    },
  },
  net_promoter_score: {
    label: "Net promoter score",
    definition: `% promoters (${PROMOTER_MIN}–10) − % detractors (0–${DETRACTOR_MAX}) among the NPS answers received in the range; passives (${DETRACTOR_MAX + 1}–${PROMOTER_MIN - 1}) count only in the denominator.`,
    numerator: "promoters − detractors",
    denominator: "NPS answers",
    ours: false,
    columns: {
      label: "Project",
      sub: "Respondent",
      at: "Answered",
      value: { label: "Score", kind: "score10" },
      detail: "Counts as",
      counted: null,
    },
  },
  success_guarantee_claim_rate: {
    label: "Guarantee claim rate",
    definition:
      "Of the guarantees decided in the range, the share on which the customer claimed a refund (whatever the claim's outcome).",
    numerator: "guarantees with a refund claim",
    denominator: "guarantees decided in the range",
    ours: true,
    columns: {
      label: "Project",
      sub: "Customer",
      at: "Decided",
      value: { label: "Refund claimed", kind: "cents" },
      detail: "Refund",
      counted: "Claimed",
    },
  },
  customer_retention_rate: {
    label: "Customer retention",
    definition:
      "Of the customers active in the period before the range (same length), the share still active in the range. A customer is active while one of its projects runs: from kickoff until it completes, its guarantee is decided, or it is cancelled.",
    numerator: "customers still active",
    denominator: "customers active in the previous period",
    ours: true,
    columns: {
      label: "Customer",
      sub: "Latest project",
      at: "Last active",
      value: null,
      detail: "Now",
      counted: "Retained",
    },
  },
  expansion_revenue_rate: {
    label: "Expansion revenue",
    definition:
      "Of the contract value booked in the range (cancelled projects excluded), the share from a customer's second or later project.",
    numerator: "contract value of second and later projects",
    denominator: "contract value booked in the range",
    ours: true,
    columns: {
      label: "Project",
      sub: "Customer",
      at: "Booked",
      value: { label: "Contract value", kind: "cents" },
      detail: "Customer's project no.",
      counted: "Expansion",
    },
  },
  case_study_generation_rate: {
    label: "Case-study rate",
    definition: `Of the guarantees met in the range, the share that is a case-study candidate: the success validation's case-study flag when it records one, otherwise a success score of ${CASE_STUDY_MIN_SUCCESS_SCORE} or more.`,
    numerator: "met guarantees that are case-study candidates",
    denominator: "guarantees met in the range",
    ours: true,
    columns: {
      label: "Project",
      sub: "Customer",
      at: "Decided",
      value: { label: "Success score", kind: "score" },
      detail: "Source",
      counted: "Candidate",
    },
  },
};
