/**
 * The six compatibility factors (docs/domain.md#tiers _calculate_tier_compatibility, ours to design). Each scores a
 * customer profile against one tier's ideal criteria from 0 to 1 and says why in a sentence.
 */
import type { ServiceType } from "@/generated/prisma/enums";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { SERVICE_TYPE_LABELS } from "../qualification/labels";
import {
  COMPATIBILITY_FACTORS,
  COMPLEXITY_LEVELS,
  type CompanySize,
  type CompatibilityFactor,
  type Complexity,
  type Range,
  type TierDefinition,
} from "./config";

/**
 * What we know about the customer and the project. teamSize, budget and timeline come from the lead /
 * qualification form; complexity from the feasibility engine (docs/domain.md#feasibility); requirements and integrations
 * counts size the scope (they drive price and timeline, not compatibility). companySize only tailors the
 * value proposition — teamSize and budget already measure size, counting it again would skew the score.
 */
export type TierProfile = {
  serviceType: ServiceType;
  /** people on the customer's own team */
  teamSize: number;
  budgetCents: number;
  /** weeks the customer wants the project delivered in */
  timelineWeeks: number;
  complexity: Complexity;
  complianceRequired: boolean;
  requirementsCount: number;
  integrationsCount: number;
  companySize?: CompanySize;
};

export type FactorScore = {
  factor: CompatibilityFactor;
  label: string;
  weight: number;
  /** 0–1, 3 decimals */
  score: number;
  /** weight × score, 3 decimals: what this factor adds to the compatibility */
  contribution: number;
  reason: string;
  /** what the customer would need for a full score on this factor */
  ideal: string;
};

export const FACTOR_LABELS: Record<CompatibilityFactor, string> = {
  serviceType: "service type",
  budget: "budget fit",
  teamSize: "team size fit",
  timeline: "timeline fit",
  complexity: "complexity match",
  compliance: "compliance match",
};

/** Service names inside a sentence: "MVP development", "legacy modernization". */
export const SERVICE_LABELS = Object.fromEntries(
  Object.entries(SERVICE_TYPE_LABELS).map(([k, v]) => [k, v.startsWith("MVP") ? v : v.toLowerCase()]),
) as Record<ServiceType, string>;

/** Below the ideal range a fit reaches 0 at half the lower bound, above it at double the upper bound. */
const LOWER_ZERO_RATIO = 0.5;
const UPPER_ZERO_RATIO = 2;
/** Complexity one level outside what a tier is built for still half-fits; two levels off do not. */
const ADJACENT_COMPLEXITY_SCORE = 0.5;
/** A compliance-ready tier for a customer without compliance needs is over-provisioned, not wrong. */
const OVERPROVISIONED_COMPLIANCE_SCORE = 0.5;

export const round3 = (n: number): number => Math.round(n * 1000) / 1000;
export const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** 1 inside [low, high]; decays linearly to 0 at low × 0.5 below and at high × 2 above. */
export function rangeFit(value: number, [low, high]: Range): number {
  if (value >= low && value <= high) return 1;
  if (value < low) {
    const zeroAt = low * LOWER_ZERO_RATIO;
    return low - zeroAt <= 0 ? 0 : clamp01((value - zeroAt) / (low - zeroAt));
  }
  const zeroAt = high * UPPER_ZERO_RATIO;
  return zeroAt - high <= 0 ? 0 : clamp01((zeroAt - value) / (zeroAt - high));
}

function rangeReason(what: string, value: number, range: Range, show: (n: number) => string, score: number): string {
  const [low, high] = range;
  const span = `${show(low)}–${show(high)}`;
  if (score === 1) return `${what} ${show(value)} is inside the ideal ${span}`;
  if (value < low)
    return `${what} ${show(value)} is below the ideal ${span} (no fit at ${show(low * LOWER_ZERO_RATIO)} or less)`;
  return `${what} ${show(value)} is above the ideal ${span} (no fit at ${show(high * UPPER_ZERO_RATIO)} or more)`;
}

const people = (n: number) => `${n}`;
const weeks = (n: number) => `${n} weeks`;
const dollars = (cents: number) => formatMoney(Math.round(cents), DEFAULT_CURRENCY, "short");

type Scored = { score: number; reason: string; ideal: string };

function serviceType(p: TierProfile, tier: TierDefinition): Scored {
  const served = tier.idealCriteria.serviceTypes;
  const list = served.map((s) => SERVICE_LABELS[s]).join(" or ");
  // "an MVP …" (em-vee-pee), "an …" before a vowel
  const ideal = `${/^[aeiouM]/.test(list) ? "an" : "a"} ${list} project`;
  return served.includes(p.serviceType)
    ? { score: 1, reason: `the tier serves ${SERVICE_LABELS[p.serviceType]}`, ideal }
    : { score: 0, reason: `the tier serves ${list}, not ${SERVICE_LABELS[p.serviceType]}`, ideal };
}

function budget(p: TierProfile, tier: TierDefinition): Scored {
  const range = tier.idealCriteria.budgetRangeCents;
  const score = rangeFit(p.budgetCents, range);
  return {
    score,
    reason: rangeReason("budget", p.budgetCents, range, dollars, score),
    ideal: `a budget of ${dollars(range[0])}–${dollars(range[1])}`,
  };
}

function teamSize(p: TierProfile, tier: TierDefinition): Scored {
  const range = tier.idealCriteria.teamSize;
  const score = rangeFit(p.teamSize, range);
  return {
    score,
    reason: rangeReason("a team of", p.teamSize, range, people, score),
    ideal: `a team of ${range[0]}–${range[1]} people`,
  };
}

function timeline(p: TierProfile, tier: TierDefinition): Scored {
  const [low, high] = tier.timelineWeeks;
  const score = rangeFit(p.timelineWeeks, [low, high]);
  const span = `the tier's ${low}–${high} weeks`;
  const reason =
    score === 1
      ? `the wanted ${weeks(p.timelineWeeks)} fit ${span}`
      : p.timelineWeeks < low
        ? `the wanted ${weeks(p.timelineWeeks)} are shorter than ${span} (no fit at ${weeks(low * LOWER_ZERO_RATIO)} or less)`
        : `the wanted ${weeks(p.timelineWeeks)} are longer than ${span} (no fit at ${weeks(high * UPPER_ZERO_RATIO)} or more)`;
  return { score, reason, ideal: `a timeline of ${low}–${high} weeks` };
}

function complexity(p: TierProfile, tier: TierDefinition): Scored {
  const accepted = tier.idealCriteria.complexity;
  const index = (c: Complexity) => COMPLEXITY_LEVELS.indexOf(c);
  const distance = Math.min(...accepted.map((c) => Math.abs(index(c) - index(p.complexity))));
  const list = accepted.join(" or ");
  const ideal = `${list} complexity`;
  if (distance === 0)
    return { score: 1, reason: `${p.complexity} complexity is what the tier is built for (${list})`, ideal };
  if (distance === 1)
    return {
      score: ADJACENT_COMPLEXITY_SCORE,
      reason: `${p.complexity} complexity is one level off the tier's ${list}`,
      ideal,
    };
  return { score: 0, reason: `${p.complexity} complexity is two levels off the tier's ${list}`, ideal };
}

function compliance(p: TierProfile, tier: TierDefinition): Scored {
  const ready = tier.idealCriteria.complianceRequirements === true;
  if (p.complianceRequired && ready)
    return {
      score: 1,
      reason: "compliance is required and the tier is built for it",
      ideal: "compliance needs it covers",
    };
  if (p.complianceRequired)
    return {
      score: 0,
      reason: "compliance is required but the tier is not built for it",
      ideal: "no compliance requirements",
    };
  if (ready) {
    return {
      score: OVERPROVISIONED_COMPLIANCE_SCORE,
      reason: "no compliance needs: the tier's compliance set-up is more than needed",
      ideal: "compliance requirements",
    };
  }
  return { score: 1, reason: "no compliance needs and the tier adds none", ideal: "no compliance requirements" };
}

const SCORERS: Record<CompatibilityFactor, (p: TierProfile, tier: TierDefinition) => Scored> = {
  serviceType,
  budget,
  teamSize,
  timeline,
  complexity,
  compliance,
};

/** Every factor for one tier, in COMPATIBILITY_FACTORS order. */
export function scoreFactors(
  profile: TierProfile,
  tier: TierDefinition,
  weights: Record<CompatibilityFactor, number>,
): FactorScore[] {
  return COMPATIBILITY_FACTORS.map((factor) => {
    const { score, reason, ideal } = SCORERS[factor](profile, tier);
    const weight = weights[factor];
    return {
      factor,
      label: FACTOR_LABELS[factor],
      weight,
      score: round3(score),
      contribution: round3(weight * score),
      reason,
      ideal,
    };
  });
}

/**
 * Σ weight × score, rounded to 3 decimals. Compared with the threshold after rounding, so float noise
 * in the sum (0.6000000000000001) never flips a boundary.
 */
export function compatibilityOf(factors: readonly FactorScore[]): number {
  return round3(factors.reduce((sum, f) => sum + f.weight * f.score, 0));
}
