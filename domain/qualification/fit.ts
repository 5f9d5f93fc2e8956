/**
 * Service fit (docs/domain.md#service-fit SERVICE_FIT_MATRIX): for each service type, where the score falls against the
 * minimum and the ideal range, which key factors are present and which disqualifiers apply. A disqualifier
 * rules the service out whatever the score. Pure: facts in, verdicts with reasons out.
 */
import type { ServiceType } from "@/generated/prisma/enums";
import { SERVICE_TYPES, type Answer, type DisqualifierRule, type QualificationConfig } from "./config";
import { categoryLabel, criterionLabel, SERVICE_TYPE_LABELS } from "./labels";
import { plural } from "@/lib/format";

/** Facts the disqualifiers need that are not criteria (asked on the same form). */
export type QualificationContext = {
  /** weeks the customer wants the project delivered in */
  desiredTimelineWeeks?: number;
  /** the system being built or replaced runs the customer's business */
  businessCritical?: boolean;
  /** the customer can fall back to the old system / a manual process if the new one slips */
  hasFallbackPlan?: boolean;
};

export type FitStatus = "ideal" | "fits" | "below_minimum" | "disqualified";
export type Presence = "yes" | "partial" | "no";
export type KeyFactorResult = {
  key: string;
  label: string;
  kind: "criterion" | "category";
  present: Presence;
  reason: string;
};
export type DisqualifierResult = { key: string; label: string; applies: boolean; reason: string };
export type ServiceFit = {
  serviceType: ServiceType;
  label: string;
  status: FitStatus;
  minimumScore: number;
  idealRange: [number, number];
  keyFactors: KeyFactorResult[];
  /** 0–1: present factors count 1, partly present 0.5 (1 when the service names none) */
  keyFactorCoverage: number;
  disqualifiers: DisqualifierResult[];
  reasons: string[];
};

export type FitFacts = {
  score: number;
  answers: ReadonlyMap<string, Answer>;
  categories: ReadonlyMap<string, { points: number; maxPoints: number }>;
  context: QualificationContext;
};

const PRESENCE_VALUE: Record<Presence, number> = { yes: 1, partial: 0.5, no: 0 };
const STATUS_RANK: Record<FitStatus, number> = { ideal: 0, fits: 1, below_minimum: 2, disqualified: 3 };
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function evaluateDisqualifier(
  key: string,
  rule: DisqualifierRule | undefined,
  facts: FitFacts,
): DisqualifierResult {
  if (!rule) return { key, label: key, applies: false, reason: "Not defined in the configuration, so it cannot apply" };
  const base = { key, label: rule.label };
  if (rule.kind === "answer_none") {
    const states = rule.criteria.map((c) => ({ label: criterionLabel(c), answer: facts.answers.get(c) ?? "none" }));
    const absent = states.filter((s) => s.answer === "none");
    if (absent.length > 0)
      return {
        ...base,
        applies: true,
        reason: `${absent.map((s) => s.label).join(" and ")} answered "none" (or left blank)`,
      };
    return { ...base, applies: false, reason: states.map((s) => `${s.label} is ${s.answer}`).join("; ") };
  }
  if (rule.kind === "timeline_under") {
    const weeks = facts.context.desiredTimelineWeeks;
    if (weeks === undefined)
      return { ...base, applies: false, reason: "No desired timeline given, so it cannot be judged unrealistic" };
    if (weeks < rule.minWeeks)
      return {
        ...base,
        applies: true,
        reason: `A desired timeline of ${plural(weeks, "week")} is under the ${rule.minWeeks}-week minimum for a fixed-scope project`,
      };
    return {
      ...base,
      applies: false,
      reason: `A desired timeline of ${weeks} weeks meets the ${rule.minWeeks}-week minimum`,
    };
  }
  if (facts.context.businessCritical !== true)
    return { ...base, applies: false, reason: "The system is not marked business critical" };
  if (facts.context.hasFallbackPlan === true)
    return { ...base, applies: false, reason: "Business critical, but a fallback plan exists" };
  return { ...base, applies: true, reason: "The system is business critical and no fallback plan is recorded" };
}

export function evaluateKeyFactor(key: string, facts: FitFacts, config: QualificationConfig): KeyFactorResult {
  const category = facts.categories.get(key);
  if (category) {
    const share = category.maxPoints > 0 ? category.points / category.maxPoints : 0;
    const { present, partial } = config.categoryFactorShares;
    const level: Presence = share >= present ? "yes" : share >= partial ? "partial" : "no";
    const rule =
      level === "yes"
        ? `present at ≥ ${pct(present)}`
        : level === "partial"
          ? `partly present at ≥ ${pct(partial)}`
          : `below ${pct(partial)}`;
    return {
      key,
      label: categoryLabel(key),
      kind: "category",
      present: level,
      reason: `${categoryLabel(key)}: ${category.points}/${category.maxPoints} points (${pct(share)}, ${rule})`,
    };
  }
  const answer = facts.answers.get(key) ?? "none";
  const level: Presence = answer === "full" ? "yes" : answer === "partial" ? "partial" : "no";
  return {
    key,
    label: criterionLabel(key),
    kind: "criterion",
    present: level,
    reason: `${criterionLabel(key)} answered "${answer}"`,
  };
}

function scoreReason(score: number, minimum: number, [low, high]: [number, number]): string {
  if (score >= low && score <= high) return `Score ${score} is within the ideal range ${low}–${high}`;
  if (score > high) return `Score ${score} meets the minimum ${minimum} and is above the ideal range ${low}–${high}`;
  if (score >= minimum)
    return `Score ${score} meets the minimum ${minimum} but is below the ideal range ${low}–${high} (${(low - score).toFixed(1)} short)`;
  return `Score ${score} is below the minimum ${minimum} (${(minimum - score).toFixed(1)} short)`;
}

export function evaluateFit(serviceType: ServiceType, facts: FitFacts, config: QualificationConfig): ServiceFit {
  const rule = config.fitMatrix[serviceType];
  const [low, high] = rule.idealScoreRange;
  const keyFactors = rule.keyFactors.map((k) => evaluateKeyFactor(k, facts, config));
  const disqualifiers = rule.disqualifiers.map((k) =>
    evaluateDisqualifier(
      k,
      Object.hasOwn(config.disqualifierRules, k) ? config.disqualifierRules[k] : undefined,
      facts,
    ),
  );
  const applying = disqualifiers.filter((d) => d.applies);
  const inIdeal = facts.score >= low && facts.score <= high;
  const status: FitStatus =
    applying.length > 0
      ? "disqualified"
      : inIdeal
        ? "ideal"
        : facts.score >= rule.minimumScore
          ? "fits"
          : "below_minimum";
  const coverage =
    keyFactors.length === 0 ? 1 : keyFactors.reduce((s, f) => s + PRESENCE_VALUE[f.present], 0) / keyFactors.length;

  const reasons = [scoreReason(facts.score, rule.minimumScore, rule.idealScoreRange)];
  const byLevel = (level: Presence) => keyFactors.filter((f) => f.present === level).map((f) => f.label);
  const factorParts = [
    ["present", byLevel("yes")],
    ["partly present", byLevel("partial")],
    ["missing", byLevel("no")],
  ] as const;
  const factorText = factorParts
    .filter(([, labels]) => labels.length > 0)
    .map(([what, labels]) => `${what}: ${labels.join(", ")}`);
  if (factorText.length > 0) reasons.push(`Key factors ${factorText.join("; ")}`);
  if (applying.length > 0) {
    reasons.push(`Ruled out whatever the score by ${applying.map((d) => `${d.label} (${d.reason})`).join("; ")}`);
  }
  return {
    serviceType,
    label: SERVICE_TYPE_LABELS[serviceType],
    status,
    minimumScore: rule.minimumScore,
    idealRange: [low, high],
    keyFactors,
    keyFactorCoverage: Math.round(coverage * 100) / 100,
    disqualifiers,
    reasons,
  };
}

/** Best first: ideal before fits, then more key factors present, then the wider margin over the minimum. */
export function rankFits(fits: readonly ServiceFit[], score: number): ServiceFit[] {
  return [...fits].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      b.keyFactorCoverage - a.keyFactorCoverage ||
      score - b.minimumScore - (score - a.minimumScore) ||
      SERVICE_TYPES.indexOf(a.serviceType) - SERVICE_TYPES.indexOf(b.serviceType),
  );
}
