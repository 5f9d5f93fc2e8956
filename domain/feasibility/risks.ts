/**
 * Risk factors, potential blockers, complexity and the recommended approach (docs/domain.md#feasibility risk_factors,
 * potential_blockers, recommended_approach — named by the seed, designed here) from the sub-scores.
 */
import type { FeasibilityConfig } from "./config";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { type ResourceAssessment, type Scope, type TechnicalAssessment, type TimelineAssessment } from "./rules";
import { plural } from "@/lib/format";

export type Severity = "low" | "medium" | "high" | "critical";
export type Complexity = "low" | "medium" | "high";
export type RiskFactor = { key: string; label: string; severity: Severity; detail: string };
export type BlockerKey =
  "timeline_too_aggressive" | "budget_insufficient" | "no_customer_team" | "technical_complexity";
export type Blocker = { key: BlockerKey; detail: string };

/** Each blocker as people name it (the key stays in stored analyses and the API). */
export const BLOCKER_LABEL: Record<BlockerKey, string> = {
  timeline_too_aggressive: "timeline too aggressive",
  budget_insufficient: "budget insufficient",
  no_customer_team: "no customer team",
  technical_complexity: "technical complexity",
};
export type Decision = "proceed" | "proceed_with_conditions" | "stop";

/** docs/domain.md#journey: a lead below 60 would not have reached feasibility; analysed anyway, it is a high risk. */
export const QUALIFICATION_RISK_BELOW = 60;
/** Offered time or budget under 75% of what is needed is a high risk; under 100% a medium one. */
const HIGH_SHORTFALL_RATIO = 0.75;
/** Scope this many times the large-scope threshold is a high risk. */
const HIGH_SCOPE_MULTIPLE = 2;
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

type Facts = {
  scope: Scope;
  technical: TechnicalAssessment;
  timeline: TimelineAssessment;
  resource: ResourceAssessment;
  qualificationScore: number;
};

export function classifyComplexity(
  scope: Scope,
  weeks: number,
  config: FeasibilityConfig,
): { level: Complexity; reason: string } {
  const c = config.complexity;
  const facts = `${plural(weeks, "week")} of work, ${plural(scope.integrations.length, "integration")}, ${plural(scope.compliance.length, "compliance regime")}`;
  if (
    weeks > c.highAboveWeeks ||
    scope.integrations.length >= c.highMinIntegrations ||
    scope.compliance.length >= c.highMinCompliance
  ) {
    return {
      level: "high",
      reason: `High complexity: ${facts} (high above ${c.highAboveWeeks} weeks, from ${c.highMinIntegrations} integrations or ${c.highMinCompliance} regimes)`,
    };
  }
  if (weeks <= c.lowMaxWeeks && scope.integrations.length <= c.lowMaxIntegrations && scope.compliance.length === 0) {
    return {
      level: "low",
      reason: `Low complexity: ${facts} (low up to ${c.lowMaxWeeks} weeks, ${c.lowMaxIntegrations} integrations, no compliance)`,
    };
  }
  return { level: "medium", reason: `Medium complexity: ${facts}` };
}

function shortfall(ratio: number, zeroAt: number): Severity | null {
  if (ratio >= 1) return null;
  return ratio <= zeroAt ? "critical" : ratio < HIGH_SHORTFALL_RATIO ? "high" : "medium";
}

export function riskFactors(f: Facts, config: FeasibilityConfig): RiskFactor[] {
  const risks: RiskFactor[] = [];
  const risk = (key: string, label: string, severity: Severity, detail: string) =>
    risks.push({ key, label, severity, detail });
  const { scope, timeline, resource } = f;
  const timeRisk = shortfall(timeline.ratio, config.timeline.zeroScoreRatio);
  if (timeRisk)
    risk(
      "timeline_compressed",
      "Compressed timeline",
      timeRisk,
      `${plural(timeline.offeredWeeks, "week")} offered for ${timeline.requiredWeeks} needed`,
    );
  const budgetRisk = shortfall(resource.coverage, config.resource.zeroScoreCoverage);
  if (budgetRisk) {
    risk(
      "budget_shortfall",
      "Budget shortfall",
      budgetRisk,
      `${formatMoney(resource.budgetCents, DEFAULT_CURRENCY, "whole")} for an estimated ${formatMoney(resource.estimatedCostCents, DEFAULT_CURRENCY, "whole")}`,
    );
  }
  if (scope.teamSize < 1)
    risk(
      "no_customer_team",
      "No customer team",
      "high",
      "Nobody on the customer's side to review deliverables and sign off milestones",
    );
  else if (scope.teamSize < 2)
    risk("single_person_team", "One-person customer team", "medium", "Every review and sign-off depends on one person");
  const { lowMaxIntegrations, highMinIntegrations, highMinCompliance } = config.complexity;
  const n = scope.integrations.length;
  if (n > lowMaxIntegrations)
    risk(
      "integrations",
      "Many integrations",
      n >= highMinIntegrations ? "high" : "medium",
      `${n} integrations: ${scope.integrations.join(", ")}`,
    );
  const regimes = scope.compliance.length;
  if (regimes > 0) {
    risk(
      "compliance",
      "Compliance obligations",
      regimes >= highMinCompliance ? "high" : "medium",
      `Audit evidence needed for ${scope.compliance.join(", ")}`,
    );
  }
  if (scope.techStack.length === 0)
    risk(
      "stack_undecided",
      "Technology stack undecided",
      "medium",
      "The stack must be chosen before week 1's architecture milestone",
    );
  const legacy = f.technical.legacyTech;
  if (legacy.length > 0)
    risk(
      "legacy_technology",
      "Legacy technology",
      legacy.length > 1 ? "high" : "medium",
      `Scarce skills needed for ${legacy.join(", ")}`,
    );
  const large = config.technical.largeScopeRequirements;
  if (scope.requirements > large) {
    risk(
      "large_scope",
      "Large scope",
      scope.requirements > large * HIGH_SCOPE_MULTIPLE ? "high" : "medium",
      `${scope.requirements} requirements (more than ${large})`,
    );
  }
  if (scope.duplicateRequirements > 0)
    risk(
      "duplicate_requirements",
      "Duplicate requirements",
      "low",
      `${plural(scope.duplicateRequirements, "repeated requirement")} ignored`,
    );
  if (f.qualificationScore < QUALIFICATION_RISK_BELOW) {
    risk(
      "low_qualification",
      "Weak qualification",
      "high",
      `Qualification score ${f.qualificationScore} is below ${QUALIFICATION_RISK_BELOW}`,
    );
  }
  // stable sort keeps the order above among equal severities
  return risks.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function blockers(f: Facts, config: FeasibilityConfig): Blocker[] {
  const list: Blocker[] = [];
  const { timeline, resource } = f;
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  if (timeline.ratio <= config.timeline.zeroScoreRatio) {
    const detail = `${plural(timeline.offeredWeeks, "week")} is at most ${pct(config.timeline.zeroScoreRatio)} of the ${timeline.requiredWeeks} needed`;
    list.push({ key: "timeline_too_aggressive", detail });
  }
  if (resource.coverage <= config.resource.zeroScoreCoverage) {
    const detail = `${formatMoney(resource.budgetCents, DEFAULT_CURRENCY, "whole")} is at most ${pct(config.resource.zeroScoreCoverage)} of the estimated ${formatMoney(resource.estimatedCostCents, DEFAULT_CURRENCY, "whole")}`;
    list.push({ key: "budget_insufficient", detail });
  }
  if (f.scope.teamSize < 1)
    list.push({ key: "no_customer_team", detail: "Weekly milestones need a customer stakeholder to sign off" });
  if (f.technical.score < config.technical.blockerBelow) {
    list.push({
      key: "technical_complexity",
      detail: `Technical score ${f.technical.score} is below ${config.technical.blockerBelow}`,
    });
  }
  return list;
}

export function decide(score: number, blockerCount: number, config: FeasibilityConfig): Decision {
  if (blockerCount > 0 || score < config.passScore) return "stop";
  return score >= config.proceedScore ? "proceed" : "proceed_with_conditions";
}

/** How many requirements fit in the offered weeks once fixed, integration and compliance weeks are taken. */
export function requirementsThatFit(scope: Scope, config: FeasibilityConfig): number {
  const t = config.timeline;
  const free =
    scope.timelineWeeks -
    t.baseWeeks -
    scope.integrations.length * t.weeksPerIntegration -
    scope.compliance.length * t.weeksPerComplianceRegime;
  return Math.max(0, Math.min(scope.requirements, Math.floor(free * t.requirementsPerWeek)));
}

export function recommendApproach(
  f: Facts,
  decision: Decision,
  complexity: Complexity,
  risks: RiskFactor[],
  blocks: Blocker[],
  config: FeasibilityConfig,
): string {
  const { scope, timeline, resource } = f;
  const plan = `${plural(timeline.requiredWeeks, "week")}, estimated ${formatMoney(resource.estimatedCostCents, DEFAULT_CURRENCY, "whole")}`;
  if (decision === "proceed") {
    const shape =
      complexity === "high"
        ? "deliver in phases with an architecture review in week 1"
        : "run it as one fixed-scope plan of weekly milestones";
    return `Proceed as scoped: ${complexity} complexity, ${plan}; ${shape}.`;
  }
  if (decision === "proceed_with_conditions") {
    const top = risks
      .slice(0, 2)
      .map((r) => r.label.toLowerCase())
      .join(" and ");
    return `Proceed with conditions: ${top ? `mitigate ${top} before kickoff` : "confirm scope and sign-off owners before kickoff"}; plan ${plan}.`;
  }
  const fixes: string[] = [];
  if (timeline.ratio < 1) {
    const fit = requirementsThatFit(scope, config);
    fixes.push(
      `extend the timeline to ${timeline.requiredWeeks} weeks or deliver the first ${fit} of ${scope.requirements} requirements in ${timeline.offeredWeeks} weeks and phase the rest`,
    );
  }
  if (resource.coverage < 1)
    fixes.push(
      `raise the budget to ${formatMoney(resource.estimatedCostCents, DEFAULT_CURRENCY, "whole")} or cut scope to fit ${formatMoney(resource.budgetCents, DEFAULT_CURRENCY, "whole")}`,
    );
  if (scope.teamSize < 1) fixes.push("name at least one customer stakeholder who can sign off milestones");
  if (fixes.length === 0)
    fixes.push(`reduce integrations, compliance scope or stack breadth (technical ${f.technical.score})`);
  const opening =
    blocks.length > 0
      ? `Do not commit to a fixed scope yet (${blocks.map((b) => BLOCKER_LABEL[b.key]).join(", ")})`
      : `Re-scope before committing: feasibility is below the ${config.passScore} bar`;
  return `${opening}: ${fixes.join("; ")}.`;
}
