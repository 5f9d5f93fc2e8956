/**
 * The three feasibility sub-scores (docs/domain.md#feasibility _assess_technical_feasibility, _assess_timeline_feasibility,
 * _assess_resource_feasibility — undefined in the seed, designed here; the rules are documented at the top
 * of analyze.ts). Each returns a 0–100 score (one decimal) and the sentences that produced it.
 */
import type { FeasibilityConfig } from "./config";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { plural } from "@/lib/format";

export type ProjectRequest = {
  requirements: string[];
  timelineWeeks: number;
  budgetCents: number;
  /** people on the customer's own team who will take part */
  teamSize: number;
  techStack: string[];
  integrations: string[];
  /** regimes such as "HIPAA", "SOC2", "GDPR", "PCI-DSS" */
  compliance: string[];
};

/** The request cleaned up: blanks and duplicates dropped (without case), numbers made finite and ≥ 0. */
export type Scope = {
  requirements: number;
  duplicateRequirements: number;
  integrations: string[];
  compliance: string[];
  techStack: string[];
  timelineWeeks: number;
  budgetCents: number;
  teamSize: number;
};

export type Penalty = { key: string; points: number; reason: string };
export type TechnicalAssessment = { score: number; penalties: Penalty[]; legacyTech: string[]; reasons: string[] };
export type TimelineAssessment = {
  score: number;
  requiredWeeks: number;
  offeredWeeks: number;
  ratio: number;
  reasons: string[];
};
export type ResourceAssessment = {
  score: number;
  estimatedCostCents: number;
  budgetCents: number;
  coverage: number;
  reasons: string[];
};

export const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
/** Keeps absurd input (NaN, Infinity, negatives) from turning into NaN/Infinity scores. */
const finite = (n: number) => (Number.isNaN(n) ? 0 : Math.min(Math.max(n, 0), Number.MAX_SAFE_INTEGER));
const regimeKey = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");

function distinct(items: readonly string[], key: (s: string) => string = (s) => s.toLowerCase()): string[] {
  const seen = new Map<string, string>();
  for (const raw of items) {
    const item = raw.trim();
    if (item.length > 0 && !seen.has(key(item))) seen.set(key(item), item);
  }
  return [...seen.values()];
}

export function normalizeRequest(request: ProjectRequest): Scope {
  const requirements = request.requirements.filter((r) => r.trim().length > 0);
  const unique = distinct(requirements).length;
  return {
    requirements: unique,
    duplicateRequirements: requirements.length - unique,
    integrations: distinct(request.integrations),
    compliance: distinct(request.compliance, regimeKey),
    techStack: distinct(request.techStack),
    timelineWeeks: finite(request.timelineWeeks),
    budgetCents: finite(request.budgetCents),
    teamSize: finite(request.teamSize),
  };
}

/** 100 at or above a full ratio, 0 at or below `zeroAt`, a straight line in between. */
export function shortfallScore(ratio: number, zeroAt: number): number {
  if (ratio >= 1) return 100;
  if (ratio <= zeroAt) return 0;
  return round1((100 * (ratio - zeroAt)) / (1 - zeroAt));
}

export function requiredWeeks(scope: Scope, config: FeasibilityConfig): { weeks: number; reason: string } {
  const t = config.timeline;
  const build = scope.requirements / t.requirementsPerWeek;
  const integration = scope.integrations.length * t.weeksPerIntegration;
  const compliance = scope.compliance.length * t.weeksPerComplianceRegime;
  const weeks = Math.max(1, Math.ceil(t.baseWeeks + build + integration + compliance));
  const reason =
    `Needs ${plural(weeks, "week")}: ${t.baseWeeks} base + ${plural(scope.requirements, "requirement")} ÷ ${t.requirementsPerWeek} per week (${round1(build)})` +
    ` + ${plural(scope.integrations.length, "integration")} × ${t.weeksPerIntegration} + ${plural(scope.compliance.length, "compliance regime")} × ${t.weeksPerComplianceRegime}, rounded up`;
  return { weeks, reason };
}

export function assessTimeline(scope: Scope, config: FeasibilityConfig): TimelineAssessment {
  const { weeks, reason } = requiredWeeks(scope, config);
  // rounded once and used everywhere (score, risks, blockers) so they never disagree at an edge
  const ratio = round3(scope.timelineWeeks / weeks);
  const score = shortfallScore(ratio, config.timeline.zeroScoreRatio);
  const verdict =
    ratio >= 1
      ? `${plural(scope.timelineWeeks, "week")} offered cover the ${weeks} needed → 100`
      : `${plural(scope.timelineWeeks, "week")} offered are ${pct(ratio)} of the ${weeks} needed → ${score} (0 at ≤ ${pct(config.timeline.zeroScoreRatio)}, 100 at 100%)`;
  return { score, requiredWeeks: weeks, offeredWeeks: scope.timelineWeeks, ratio, reasons: [reason, verdict] };
}

export function assessResource(scope: Scope, weeksNeeded: number, config: FeasibilityConfig): ResourceAssessment {
  const r = config.resource;
  const estimatedCostCents = weeksNeeded * r.weeklyDeliveryCostCents;
  const coverage = round3(scope.budgetCents / estimatedCostCents);
  const budgetScore = shortfallScore(coverage, r.zeroScoreCoverage);
  const reasons = [
    `Estimated cost ${formatMoney(estimatedCostCents, DEFAULT_CURRENCY, "whole")}: ${plural(weeksNeeded, "week")} × ${formatMoney(r.weeklyDeliveryCostCents, DEFAULT_CURRENCY, "whole")}`,
    coverage >= 1
      ? `Budget ${formatMoney(scope.budgetCents, DEFAULT_CURRENCY, "whole")} covers it → 100`
      : `Budget ${formatMoney(scope.budgetCents, DEFAULT_CURRENCY, "whole")} covers ${pct(coverage)} of it → ${budgetScore} (0 at ≤ ${pct(r.zeroScoreCoverage)})`,
  ];
  const teamPenalty = scope.teamSize < 1 ? r.noTeamPenalty : scope.teamSize < 2 ? r.soloTeamPenalty : 0;
  if (scope.teamSize < 1)
    reasons.push(`No one on the customer's side to review and sign off the weekly milestones: −${teamPenalty}`);
  else if (scope.teamSize < 2) reasons.push(`A one-person team carries every review and sign-off: −${teamPenalty}`);
  else reasons.push(`A team of ${scope.teamSize} can take part in reviews and sign-offs`);
  const score = round1(Math.max(0, budgetScore - teamPenalty));
  return { score, estimatedCostCents, budgetCents: scope.budgetCents, coverage, reasons };
}

export function assessTechnical(scope: Scope, config: FeasibilityConfig): TechnicalAssessment {
  const t = config.technical;
  const penalties: Penalty[] = [];
  const add = (key: string, points: number, reason: string) => {
    if (points > 0) penalties.push({ key, points: round1(points), reason: `${reason}: −${round1(points)}` });
  };
  const n = scope.integrations.length;
  add(
    "integrations",
    Math.min(t.integrationPenaltyCap, n * t.integrationPenalty),
    `${plural(n, "integration")} × ${t.integrationPenalty} (at most ${t.integrationPenaltyCap})`,
  );
  const regimePoints = new Map(Object.entries(t.compliancePenalties).map(([k, v]) => [regimeKey(k), v]));
  for (const regime of scope.compliance) {
    const known = regimePoints.get(regimeKey(regime));
    add(
      `compliance:${regimeKey(regime)}`,
      known ?? t.otherCompliancePenalty,
      `${regime} compliance${known === undefined ? " (other regime)" : ""}`,
    );
  }
  if (scope.techStack.length === 0) add("stack_undecided", t.emptyStackPenalty, "No technology stack decided yet");
  const extra = scope.techStack.length - t.maxStackSize;
  if (extra > 0)
    add(
      "stack_breadth",
      Math.min(t.extraStackPenaltyCap, extra * t.extraStackPenalty),
      `${scope.techStack.length} technologies, ${extra} beyond ${t.maxStackSize}`,
    );
  const legacyTech = scope.techStack.filter((tech) =>
    t.legacyTech.some((l) => tech.toLowerCase().includes(l.toLowerCase())),
  );
  if (legacyTech.length > 0)
    add(
      "legacy_tech",
      Math.min(t.legacyTechPenaltyCap, legacyTech.length * t.legacyTechPenalty),
      `Legacy technology needing scarce skills (${legacyTech.join(", ")})`,
    );
  const over = scope.requirements - t.largeScopeRequirements;
  if (over > 0)
    add(
      "large_scope",
      Math.min(t.scopePenaltyCap, over * t.extraRequirementPenalty),
      `${scope.requirements} requirements, ${over} beyond ${t.largeScopeRequirements}`,
    );

  const total = penalties.reduce((s, p) => s + p.points, 0);
  const score = round1(Math.max(0, 100 - total));
  const reasons =
    penalties.length === 0
      ? ["No technical risk found in integrations, compliance, stack or scope → 100"]
      : [...penalties.map((p) => p.reason), `100 − ${round1(total)} = ${score}`];
  return { score, penalties, legacyTech, reasons };
}
