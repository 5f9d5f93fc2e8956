/**
 * Dynamic price and timeline estimate inside one tier (docs/domain.md#tiers _calculate_dynamic_pricing and
 * _estimate_timeline, both undefined in the seed — ours, documented here).
 *
 * price = low + (high − low) × clamp01(Σ pricing weight × factor), rounded to the nearest $100, where
 *   complexity        = 0.6 × level (low 0, medium 0.5, high 1) + 0.2 × requirements/40 + 0.2 × integrations/10 (each capped at 1)
 *   timelinePressure  = how much shorter than the tier's max the customer wants it: (max − wanted) / (max − min), clamped
 *   teamSize          = where the customer's team sits in the tier's ideal team range (bigger teams → more coordination)
 * weeks = ceil((2 + 0.25 × requirements + 0.5 × integrations) × complexity multiplier (1 / 1.25 / 1.5)), clamped to the tier's range.
 */
import { PRICING_FACTORS, type Complexity, type PricingFactor, type Range, type TierDefinition } from "./config";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { clamp01, round3, type TierProfile } from "./factors";
import { plural } from "@/lib/format";

const COMPLEXITY_LEVEL_SCORE: Record<Complexity, number> = { low: 0, medium: 0.5, high: 1 };
const LEVEL_SHARE = 0.6;
const REQUIREMENTS_SHARE = 0.2;
const INTEGRATIONS_SHARE = 0.2;
/** Scope at which the requirement / integration parts of the complexity factor are maxed out. */
const REQUIREMENTS_AT_FULL_SCOPE = 40;
const INTEGRATIONS_AT_FULL_SCOPE = 10;
/** Prices are quoted in whole hundreds of dollars. */
export const PRICE_ROUNDING_CENTS = 10_000;

const BASE_WEEKS = 2;
const WEEKS_PER_REQUIREMENT = 0.25;
const WEEKS_PER_INTEGRATION = 0.5;
const COMPLEXITY_TIME_MULTIPLIER: Record<Complexity, number> = { low: 1, medium: 1.25, high: 1.5 };

export type PricingFactorScore = { factor: PricingFactor; weight: number; score: number; reason: string };
export type PriceEstimate = {
  cents: number;
  rangeCents: Range;
  /** 0–1: where in the tier's range the price lands */
  position: number;
  factors: PricingFactorScore[];
  explanation: string;
};
export type TimelineEstimate = { weeks: number; rawWeeks: number; explanation: string };

function complexityFactor(p: TierProfile): { score: number; reason: string } {
  const level = COMPLEXITY_LEVEL_SCORE[p.complexity];
  const requirements = clamp01(p.requirementsCount / REQUIREMENTS_AT_FULL_SCOPE);
  const integrations = clamp01(p.integrationsCount / INTEGRATIONS_AT_FULL_SCOPE);
  const score = LEVEL_SHARE * level + REQUIREMENTS_SHARE * requirements + INTEGRATIONS_SHARE * integrations;
  return {
    score,
    reason: `${p.complexity} complexity, ${plural(p.requirementsCount, "requirement")} and ${plural(p.integrationsCount, "integration")}`,
  };
}

function timelinePressure(p: TierProfile, [min, max]: Range): { score: number; reason: string } {
  const score = max === min ? (p.timelineWeeks < max ? 1 : 0) : clamp01((max - p.timelineWeeks) / (max - min));
  return { score, reason: `${p.timelineWeeks} weeks wanted against the tier's ${min}–${max}` };
}

function teamSizeFactor(p: TierProfile, [low, high]: Range): { score: number; reason: string } {
  const score = high === low ? (p.teamSize > low ? 1 : 0) : clamp01((p.teamSize - low) / (high - low));
  return { score, reason: `a team of ${p.teamSize} in the tier's ideal ${low}–${high}` };
}

/** Nearest $100 that still lies inside [low, high]; low itself when the range holds no whole $100. */
export function roundPriceInRange(rawCents: number, [low, high]: Range): number {
  const step = PRICE_ROUNDING_CENTS;
  const rounded = Math.round(rawCents / step) * step;
  if (rounded > high) return Math.floor(high / step) * step >= low ? Math.floor(high / step) * step : low;
  if (rounded < low) return Math.ceil(low / step) * step <= high ? Math.ceil(low / step) * step : low;
  return rounded;
}

export function estimatePrice(
  profile: TierProfile,
  tier: TierDefinition,
  weights: Record<PricingFactor, number>,
): PriceEstimate {
  const range = tier.priceRangeCents;
  const raw: Record<PricingFactor, { score: number; reason: string }> = {
    complexity: complexityFactor(profile),
    timelinePressure: timelinePressure(profile, tier.timelineWeeks),
    teamSize: teamSizeFactor(profile, tier.idealCriteria.teamSize),
  };
  const factors = PRICING_FACTORS.map((factor) => ({
    factor,
    weight: weights[factor],
    score: round3(raw[factor].score),
    reason: raw[factor].reason,
  }));
  const position = round3(clamp01(factors.reduce((sum, f) => sum + f.weight * f.score, 0)));
  const [low, high] = range;
  const cents = roundPriceInRange(low + (high - low) * position, range);
  const parts = factors.map((f) => `${f.factor} ${f.score.toFixed(2)} × ${f.weight} (${f.reason})`);
  return {
    cents,
    rangeCents: range,
    position,
    factors,
    explanation: `${formatMoney(cents, DEFAULT_CURRENCY, "short")}: ${Math.round(position * 100)}% of the way from ${formatMoney(low, DEFAULT_CURRENCY, "short")} to ${formatMoney(high, DEFAULT_CURRENCY, "short")} — ${parts.join("; ")}.`,
  };
}

export function estimateTimeline(profile: TierProfile, tier: TierDefinition): TimelineEstimate {
  const [min, max] = tier.timelineWeeks;
  const scope =
    BASE_WEEKS + WEEKS_PER_REQUIREMENT * profile.requirementsCount + WEEKS_PER_INTEGRATION * profile.integrationsCount;
  const multiplier = COMPLEXITY_TIME_MULTIPLIER[profile.complexity];
  const rawWeeks = Math.ceil(round3(scope * multiplier));
  const weeks = Math.min(max, Math.max(min, rawWeeks));
  const clampNote = weeks === rawWeeks ? "" : `, held to the tier's ${min}–${max} weeks`;
  return {
    weeks,
    rawWeeks,
    explanation:
      `${BASE_WEEKS} base + ${plural(profile.requirementsCount, "requirement")} × ${WEEKS_PER_REQUIREMENT} + ${plural(profile.integrationsCount, "integration")} × ${WEEKS_PER_INTEGRATION}` +
      ` = ${round3(scope)} weeks × ${multiplier} for ${profile.complexity} complexity ≈ ${rawWeeks} weeks${clampNote}`,
  };
}
