/**
 * Project feasibility (docs/domain.md#feasibility ProjectFeasibilityAnalyzer.analyze_project_feasibility). Pure and
 * deterministic: the project request and the lead's qualification score in, three explained sub-scores,
 * the weighted feasibility score, a success probability, complexity, risks, blockers and an approach out.
 *
 * The seed fixes the weighting — feasibility = technical × 0.4 + timeline × 0.3 + resource × 0.3 — and,
 * in its journey (docs/domain.md#journey), that a score below 70 stops. Its _assess_* methods and
 * _calculate_success_probability are undefined; ours (parameters in config.ts, defaults in brackets):
 *
 * Timeline (docs/domain.md#feasibility _assess_timeline_feasibility(timeline_weeks, requirements)):
 *   required weeks = ceil(base [2] + requirements ÷ per-week [5] + integrations × [0.5] + regimes × [1]);
 *   ratio = offered ÷ required; score 100 at ratio ≥ 1, 0 at ratio ≤ [0.5], linear in between.
 * Resource (docs/domain.md#feasibility _assess_resource_feasibility(budget, team_size)):
 *   estimated cost = required weeks × weekly delivery cost [$18,750]; coverage = budget ÷ cost, scored like
 *   the timeline ratio (0 at ≤ [0.5]); minus [30] with no customer team, [10] with a one-person team.
 * Technical (docs/domain.md#feasibility _assess_technical_feasibility(project_request)): 100 minus penalties —
 *   integrations × [5] (≤ 40); per compliance regime (HIPAA / PCI-DSS 12, SOC2 / ISO27001 8, GDPR 6,
 *   other 8); no stack decided [10]; each technology beyond [8] × 2 (≤ 10); legacy technology × [8]
 *   (≤ 16); each requirement beyond [40] × 0.25 (≤ 20); floored at 0.
 * Sub-scores are rounded to one decimal and the weighted sum is taken of the rounded values, so the
 * explanation's arithmetic adds up exactly.
 * Success probability: ceiling [0.97] × (feasibility × [0.6] + qualification × [0.4]) ÷ 100, at most
 *   [0.5] when there is a blocker; two decimals.
 * Blockers: timeline ratio ≤ [0.5], budget coverage ≤ [0.5], no customer team, technical < [30].
 * Decision: stop with a blocker or below the pass score [70]; proceed at ≥ [85]; else proceed with conditions.
 */
import { DEFAULT_FEASIBILITY_CONFIG, type FeasibilityConfig, type FeasibilityWeights } from "./config";
import {
  BLOCKER_LABEL,
  classifyComplexity,
  blockers,
  decide,
  recommendApproach,
  riskFactors,
  type Blocker,
  type Complexity,
  type Decision,
  type RiskFactor,
} from "./risks";
import {
  assessResource,
  assessTechnical,
  assessTimeline,
  normalizeRequest,
  round1,
  type ProjectRequest,
  type ResourceAssessment,
  type TechnicalAssessment,
  type TimelineAssessment,
} from "./rules";
import { plural } from "@/lib/format";

export type { ProjectRequest, Penalty, ResourceAssessment, TechnicalAssessment, TimelineAssessment } from "./rules";
export type { Blocker, Complexity, Decision, RiskFactor, Severity } from "./risks";

export type FeasibilityResult = {
  technical: TechnicalAssessment;
  timeline: TimelineAssessment;
  resource: ResourceAssessment;
  weights: FeasibilityWeights;
  /** 0–100, one decimal */
  feasibilityScore: number;
  passScore: number;
  passed: boolean;
  decision: Decision;
  /** 0–1, two decimals */
  successProbability: number;
  successProbabilityReasons: string[];
  complexity: Complexity;
  complexityReason: string;
  riskFactors: RiskFactor[];
  blockers: Blocker[];
  recommendedApproach: string;
  explanation: string;
};

/** docs/domain.md#feasibility: the weighted sum of the three sub-scores, one decimal. */
export function weightedFeasibility(
  scores: { technical: number; timeline: number; resource: number },
  weights: FeasibilityWeights,
): number {
  return round1(
    scores.technical * weights.technical + scores.timeline * weights.timeline + scores.resource * weights.resource,
  );
}

function successProbability(feasibility: number, qualification: number, blocked: boolean, config: FeasibilityConfig) {
  const p = config.successProbability;
  const blend = p.feasibilityWeight * feasibility + p.qualificationWeight * qualification;
  const raw = (p.ceiling * blend) / 100;
  const capped = blocked ? Math.min(raw, p.blockerCap) : raw;
  const value = Math.round(Math.min(1, Math.max(0, capped)) * 100) / 100;
  const reasons = [
    `${p.feasibilityWeight} × feasibility ${feasibility} + ${p.qualificationWeight} × qualification ${qualification} = ${round1(blend)}`,
    `× ${p.ceiling} (no project is certain) = ${Math.round(raw * 100) / 100}`,
  ];
  if (blocked && raw > p.blockerCap) reasons.push(`capped at ${p.blockerCap} while a blocker stands`);
  return { value, reasons };
}

export function analyzeFeasibility(
  request: ProjectRequest,
  qualificationScore: number,
  config: FeasibilityConfig = DEFAULT_FEASIBILITY_CONFIG,
): FeasibilityResult {
  const scope = normalizeRequest(request);
  const qualification = Number.isFinite(qualificationScore) ? Math.min(100, Math.max(0, qualificationScore)) : 0;
  const technical = assessTechnical(scope, config);
  const timeline = assessTimeline(scope, config);
  const resource = assessResource(scope, timeline.requiredWeeks, config);
  const { weights } = config;
  const feasibilityScore = weightedFeasibility(
    { technical: technical.score, timeline: timeline.score, resource: resource.score },
    weights,
  );
  const facts = { scope, technical, timeline, resource, qualificationScore: qualification };

  const blocks = blockers(facts, config);
  const risks = riskFactors(facts, config);
  const complexity = classifyComplexity(scope, timeline.requiredWeeks, config);
  const decision = decide(feasibilityScore, blocks.length, config);
  const probability = successProbability(feasibilityScore, qualification, blocks.length > 0, config);
  const passed = feasibilityScore >= config.passScore;

  const explanation =
    [
      `Feasibility ${feasibilityScore} = technical ${technical.score} × ${weights.technical} + timeline ${timeline.score} × ${weights.timeline} + resource ${resource.score} × ${weights.resource}`,
      `${passed ? "at or above" : "below"} the ${config.passScore} bar`,
      `success probability ${probability.value}`,
      `${complexity.level} complexity`,
      blocks.length > 0
        ? `${plural(blocks.length, "blocker")}: ${blocks.map((b) => BLOCKER_LABEL[b.key]).join(", ")}`
        : "no blockers",
    ].join("; ") + ".";

  return {
    technical,
    timeline,
    resource,
    weights,
    feasibilityScore,
    passScore: config.passScore,
    passed,
    decision,
    successProbability: probability.value,
    successProbabilityReasons: probability.reasons,
    complexity: complexity.level,
    complexityReason: complexity.reason,
    riskFactors: risks,
    blockers: blocks,
    recommendedApproach: recommendApproach(facts, decision, complexity.level, risks, blocks, config),
    explanation,
  };
}
