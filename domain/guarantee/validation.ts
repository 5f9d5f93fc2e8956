/**
 * Final success validation of a guarantee (docs/domain.md#success-validation validate_project_success). Pure and deterministic:
 * the stored facts and the tenant's "guarantee" configuration in; per criterion target vs actual,
 * achievement score, weight, weighted score, evidence and stakeholder confirmation; the success score
 * against the guarantee's threshold; the case-study flag with its reasons. The facts are stored with the
 * outcome, so running this again on them reproduces the outcome exactly.
 *
 * Seed: success score = Σ achievement × weight; success when ≥ the guarantee's minimum threshold.
 * Ours (the seed leaves _validate_success_criterion undefined):
 * - achievement = actual ÷ target × 100, capped at 100 (exceeding a target cannot buy back another
 *   criterion), 2 decimals; a criterion without data scores 0 and says so.
 * - delivery: weekly milestones validated as met no later than the clock's end (acknowledged delays
 *   included), as a share of all weekly milestones; the customer's approved sign-offs confirm it.
 * - coverage: the latest CI evidence with a coverage figure received by the clock's end.
 * - csat: the mean of the project's CSAT answers given by the clock's end; their authors confirm it and
 *   their comments (score ≥ 8) are the testimonials.
 * - the weighted scores are summed and rounded to 2 decimals before the comparison, so float noise never
 *   moves a guarantee across its threshold.
 */
import { csatSummary } from "@/domain/surveys/scores";
import { METRIC_UNIT, type GuaranteeConfig, type GuaranteeCriterion, type GuaranteeMetric } from "./config";
import { plural } from "@/lib/format";

/** What the validation reads; JSON-safe (ISO dates) because it is stored with the outcome. */
export type ValidationFacts = {
  /** the clock's end: nothing after it counts */
  endsAt: string;
  weeks: { weekNumber: number; title: string; status: string; score: number | null; validatedAt: string | null }[];
  signOffs: { decision: "APPROVED" | "CHANGES_REQUESTED"; by: string; at: string }[];
  coverage: { value: number; at: string; commitSha: string | null; buildUrl: string | null }[];
  responses: { kind: "CSAT" | "NPS"; score: number; comment: string | null; by: string | null; at: string }[];
};

export type StakeholderConfirmation = { confirmed: boolean; by: string[]; testimonials: string[]; text: string };

export type CriterionResult = {
  key: string;
  name: string;
  metric: GuaranteeMetric;
  unit: string;
  target: number;
  actual: number | null;
  achievementScore: number;
  weight: number;
  weightedScore: number;
  evidence: string[];
  stakeholderConfirmation: StakeholderConfirmation;
  reason: string;
};

export type FinalValidation = {
  successScore: number;
  threshold: number;
  overallSuccess: boolean;
  /** success score − threshold */
  margin: number;
  criteria: CriterionResult[];
  caseStudyPotential: boolean;
  caseStudyReasons: string[];
  explanation: string;
};

export const TESTIMONIAL_MIN_SCORE = 8;
const EPSILON = 1e-9;
export const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? EPSILON : -EPSILON)) / 100;
const within = (at: string | null, endsAt: string) => at !== null && Date.parse(at) <= Date.parse(endsAt);
const unique = (xs: string[]) => [...new Set(xs)];
const fmt = (n: number) => String(round2(n));

type Measured = { actual: number | null; evidence: string[]; confirmation: StakeholderConfirmation; note: string };

function measureDelivery(f: ValidationFacts): Measured {
  const weeks = [...f.weeks].sort((a, b) => a.weekNumber - b.weekNumber);
  const approvals = f.signOffs.filter((s) => s.decision === "APPROVED" && within(s.at, f.endsAt));
  const by = unique(approvals.map((s) => s.by));
  const confirmation: StakeholderConfirmation = {
    confirmed: approvals.length > 0,
    by,
    testimonials: [],
    text:
      approvals.length > 0
        ? `${plural(approvals.length, "deliverable sign-off")} approved by ${by.join(", ")}`
        : "No customer sign-off recorded by the clock's end",
  };
  if (weeks.length === 0)
    return {
      actual: null,
      evidence: ["The project has no weekly milestones"],
      confirmation,
      note: "no weekly milestones",
    };
  const met = weeks.filter((w) => w.status === "SUCCESS" && within(w.validatedAt, f.endsAt));
  const evidence = weeks.map((w) => {
    const onTime = w.status === "SUCCESS" && within(w.validatedAt, f.endsAt);
    const state = onTime
      ? "met"
      : w.status === "SUCCESS"
        ? "met after the clock's end"
        : w.status.toLowerCase().replace("_", " ");
    return `Week ${w.weekNumber} (${w.title}): ${state}${w.score === null ? "" : `, score ${w.score}`}`;
  });
  return {
    actual: round2((met.length / weeks.length) * 100),
    evidence,
    confirmation,
    note: `${met.length} of ${weeks.length} weekly milestones met in time`,
  };
}

function measureCoverage(f: ValidationFacts): Measured {
  const inTime = f.coverage.filter((c) => within(c.at, f.endsAt)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const latest = inTime[0];
  const confirmation: StakeholderConfirmation = {
    confirmed: false,
    by: [],
    testimonials: [],
    text: "Measured by CI; no stakeholder confirmation needed",
  };
  if (!latest)
    return {
      actual: null,
      evidence: ["No CI coverage evidence received by the clock's end"],
      confirmation,
      note: "no coverage evidence",
    };
  const source = [latest.commitSha ? `commit ${latest.commitSha.slice(0, 12)}` : null, latest.buildUrl]
    .filter(Boolean)
    .join(", ");
  return {
    actual: round2(latest.value),
    evidence: [
      `Latest CI evidence before the clock's end (${latest.at.slice(0, 10)}): ${fmt(latest.value)}% coverage${source ? ` (${source})` : ""}`,
    ],
    confirmation,
    note: `${fmt(latest.value)}% coverage`,
  };
}

function measureCsat(f: ValidationFacts): Measured {
  const answers = f.responses.filter((r) => r.kind === "CSAT" && within(r.at, f.endsAt));
  const summary = csatSummary(answers.map((r) => r.score));
  const by = unique(answers.map((r) => r.by).filter((x): x is string => x !== null));
  const testimonials = testimonialsOf(f);
  const confirmation: StakeholderConfirmation = {
    confirmed: answers.length > 0,
    by,
    testimonials,
    text:
      answers.length > 0
        ? `${plural(answers.length, "CSAT answer")}${by.length ? ` from ${by.join(", ")}` : ""}`
        : "No CSAT answer by the clock's end",
  };
  return {
    actual: summary.mean,
    evidence: [summary.explanation],
    confirmation,
    note: summary.mean === null ? "no CSAT answer" : `mean CSAT ${summary.mean}/10`,
  };
}

/** Positive survey comments (CSAT or NPS, score ≥ 8) given by the clock's end, newest first. */
export function testimonialsOf(f: Pick<ValidationFacts, "responses" | "endsAt">): string[] {
  return f.responses
    .filter((r) => r.comment && r.comment.trim() && r.score >= TESTIMONIAL_MIN_SCORE && within(r.at, f.endsAt))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((r) => `“${r.comment?.trim()}”${r.by ? ` — ${r.by}` : ""}`);
}

const MEASURE: Record<GuaranteeMetric, (f: ValidationFacts) => Measured> = {
  delivery: measureDelivery,
  coverage: measureCoverage,
  csat: measureCsat,
};

function scoreCriterion(c: GuaranteeCriterion, f: ValidationFacts): CriterionResult {
  const m = MEASURE[c.metric](f);
  const achievementScore = m.actual === null ? 0 : Math.min(100, round2((m.actual / c.target) * 100));
  const weightedScore = round2(achievementScore * c.weight);
  const reason =
    m.actual === null
      ? `No data (${m.note}): achievement 0 × weight ${c.weight} = 0`
      : `${m.note} against a target of ${c.target}: achievement ${achievementScore} × weight ${c.weight} = ${weightedScore}`;
  return {
    key: c.key,
    name: c.name,
    metric: c.metric,
    unit: METRIC_UNIT[c.metric],
    target: c.target,
    actual: m.actual,
    achievementScore,
    weight: c.weight,
    weightedScore,
    evidence: m.evidence,
    stakeholderConfirmation: m.confirmation,
    reason,
  };
}

export function finalValidation(facts: ValidationFacts, threshold: number, config: GuaranteeConfig): FinalValidation {
  const criteria = config.criteria.map((c) => scoreCriterion(c, facts));
  const successScore = round2(criteria.reduce((s, c) => s + c.weightedScore, 0));
  const overallSuccess = successScore >= threshold;
  const margin = round2(successScore - threshold);
  const { minSuccessScore, minCriterionAchievement } = config.caseStudy;
  const weak = criteria.filter((c) => c.achievementScore < minCriterionAchievement);
  const caseStudyPotential = overallSuccess && successScore >= minSuccessScore && weak.length === 0;
  const caseStudyReasons = !overallSuccess
    ? ["The guarantee was not met"]
    : [
        successScore >= minSuccessScore
          ? `Success score ${successScore} ≥ ${minSuccessScore}`
          : `Success score ${successScore} is below ${minSuccessScore}`,
        weak.length === 0
          ? `Every criterion achieved ≥ ${minCriterionAchievement}`
          : `${weak.map((c) => `${c.name} achieved ${c.achievementScore}`).join("; ")} (below ${minCriterionAchievement})`,
      ];
  const sum = criteria.map((c) => `${c.weightedScore} (${c.name})`).join(" + ");
  const explanation = `${sum} = ${successScore}, ${overallSuccess ? "at or above" : "below"} the guarantee's threshold of ${threshold}: ${overallSuccess ? "met" : "not met"}.`;
  return {
    successScore,
    threshold,
    overallSuccess,
    margin,
    criteria,
    caseStudyPotential,
    caseStudyReasons,
    explanation,
  };
}

/** A final validation run before the clock's end, with what it assumes about what has not happened yet. */
export type Projection = FinalValidation & { assumptions: string[] };

/**
 * The final validation as if the clock ended at `facts.endsAt` (before the real end), saying what it assumes
 * (docs/guarantee-clock.md#projection): weeks not validated yet count as not delivered, a criterion without
 * data counts 0.
 */
export function projectValidation(facts: ValidationFacts, threshold: number, config: GuaranteeConfig): Projection {
  const result = finalValidation(facts, threshold, config);
  const assumptions: string[] = [];
  const open = facts.weeks.filter((w) => !within(w.validatedAt, facts.endsAt)).length;
  if (open > 0) {
    assumptions.push(
      `${open} of ${facts.weeks.length} weekly milestone${facts.weeks.length === 1 ? "" : "s"} ${open === 1 ? "is" : "are"} not validated yet and count${open === 1 ? "s" : ""} as not delivered until ${open === 1 ? "it is" : "they are"}.`,
    );
  }
  for (const c of result.criteria)
    if (c.actual === null) assumptions.push(`${c.name}: no data yet, so it counts 0 until there is.`);
  return { ...result, assumptions };
}
