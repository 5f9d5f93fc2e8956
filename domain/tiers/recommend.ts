/**
 * Service tier recommendation (docs/domain.md#tiers recommend_service_tier). Pure and deterministic: every tier gets a
 * 0–1 compatibility from six weighted factors (./factors), a dynamic price and a timeline (./pricing), a
 * value proposition and reasoning built from those numbers. Tiers at or above the threshold (default: 0.6)
 * are recommended, best first; the first is the primary recommendation.
 */
import { type TierCatalogue, type TierDefinition, type TierGuarantees } from "./config";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { compatibilityOf, round3, scoreFactors, type FactorScore, type TierProfile } from "./factors";
import { guaranteeAmount } from "./guarantee";
import { estimatePrice, estimateTimeline, type PriceEstimate, type TimelineEstimate } from "./pricing";

export type { TierProfile } from "./factors";

export type TierResult = {
  key: string;
  name: string;
  compatibility: number;
  recommended: boolean;
  factors: FactorScore[];
  price: PriceEstimate;
  timeline: TimelineEstimate;
  estimatedTimelineWeeks: number;
  guarantees: TierGuarantees;
  /** the refund this tier guarantees at its estimated price (docs/tiers-and-guarantees.md#guarantee-amount) */
  guaranteeCents: number;
  teamComposition: TierDefinition["teamComposition"];
  valueProposition: string;
  reasoning: string[];
};

export type TierRecommendation = {
  tiers: TierResult[];
  recommended: TierResult[];
  primary: TierResult | null;
  threshold: number;
  reasoning: string[];
};

const COMPANY_SIZE_TARGETS: Record<NonNullable<TierProfile["companySize"]>, string[]> = {
  startup: ["startups", "entrepreneurs", "small_teams"],
  smb: ["established_companies", "small_teams"],
  enterprise: ["enterprises", "large_teams", "established_companies"],
};

const AUDIENCE_PHRASE: Record<NonNullable<TierProfile["companySize"]>, string> = {
  startup: "startups like yours",
  smb: "growing companies like yours",
  enterprise: "enterprises like yours",
};

const words = (s: string) => s.replace(/_/g, " ");
const fmt = (n: number) => n.toFixed(3);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "aiAgents: 3" → "3 AI agents"; "humanOversight: part_time" → "part-time human oversight"; true → the role. */
export function describeTeam(team: TierDefinition["teamComposition"]): string {
  const parts = Object.entries(team).flatMap(([key, value]) => {
    const role = key
      .replace(/([A-Z])/g, " $1")
      .toLowerCase()
      .replace(/^ai\b/, "AI");
    if (typeof value === "number") return value > 0 ? [`${value} ${role}`] : [];
    if (typeof value === "boolean") return value ? [`${/^[aeiou]/i.test(role) ? "an" : "a"} ${role}`] : [];
    return [`${value.replace(/_/g, "-")} ${role}`];
  });
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}

function valueProposition(tier: TierDefinition, profile: TierProfile, price: PriceEstimate, weeks: number): string {
  const size = profile.companySize;
  const fitsSize = size !== undefined && tier.targetCustomers.some((t) => COMPANY_SIZE_TARGETS[size].includes(t));
  const audience = fitsSize ? AUDIENCE_PHRASE[size] : tier.targetCustomers.map(words).join(", ");
  const first = `${tier.name} for ${audience}: ${describeTeam(tier.teamComposition)} delivering in about ${weeks} weeks for an estimated ${formatMoney(price.cents, DEFAULT_CURRENCY, "short")}.`;
  return `${first} ${guaranteeSentence(tier.guarantees, price.cents)}`;
}

/** The tier's promise at a price: the guarantee amount of docs/tiers-and-guarantees.md, or no refund at all. */
export function guaranteeSentence(g: TierGuarantees, priceCents: number): string {
  const extras = g.additional && g.additional.length > 0 ? `, plus ${g.additional.join(" and ")}` : "";
  const amount = guaranteeAmount(g, priceCents).amountCents;
  return amount > 0
    ? `Backed by a ${formatMoney(amount, DEFAULT_CURRENCY, "short")} refund guarantee at ${g.successThreshold}% success threshold${extras}.`
    : `Success is measured against a ${g.successThreshold}% threshold${extras}.`;
}

/** What a factor costs the tier: weight × (1 − score). */
const lost = (f: FactorScore) => round3(f.weight * (1 - f.score));
const strongest = (factors: FactorScore[]) =>
  [...factors].sort((a, b) => b.contribution - a.contribution || a.factor.localeCompare(b.factor))[0];
const weakest = (factors: FactorScore[]) =>
  [...factors].filter((f) => lost(f) > 0).sort((a, b) => lost(b) - lost(a) || a.factor.localeCompare(b.factor))[0];

function tierReasoning(
  factors: FactorScore[],
  compatibility: number,
  threshold: number,
  timeline: TimelineEstimate,
  profile: TierProfile,
): string[] {
  const lines: string[] = [];
  const best = strongest(factors);
  const worst = weakest(factors);
  const verdict = compatibility >= threshold ? "meets" : "is below";
  lines.push(`Compatibility ${fmt(compatibility)} ${verdict} the ${threshold} threshold.`);
  if (best)
    lines.push(
      `Strongest: ${best.label} (${best.score.toFixed(2)} × ${best.weight} = ${fmt(best.contribution)}) — ${best.reason}.`,
    );
  if (worst)
    lines.push(`Weakest: ${worst.label} (${worst.score.toFixed(2)}, costs ${fmt(lost(worst))}) — ${worst.reason}.`);
  else lines.push("Every factor fits fully.");
  if (timeline.weeks > profile.timelineWeeks)
    lines.push(`Expect about ${timeline.weeks} weeks, longer than the ${profile.timelineWeeks} weeks wanted.`);
  return lines;
}

function evaluateTier(key: string, tier: TierDefinition, profile: TierProfile, catalogue: TierCatalogue): TierResult {
  const factors = scoreFactors(profile, tier, catalogue.compatibilityWeights);
  const compatibility = compatibilityOf(factors);
  const price = estimatePrice(profile, tier, catalogue.pricingWeights);
  const timeline = estimateTimeline(profile, tier);
  return {
    key,
    name: tier.name,
    compatibility,
    recommended: compatibility >= catalogue.threshold,
    factors,
    price,
    timeline,
    estimatedTimelineWeeks: timeline.weeks,
    guarantees: tier.guarantees,
    guaranteeCents: guaranteeAmount(tier.guarantees, price.cents).amountCents,
    teamComposition: tier.teamComposition,
    valueProposition: valueProposition(tier, profile, price, timeline.weeks),
    reasoning: tierReasoning(factors, compatibility, catalogue.threshold, timeline, profile),
  };
}

/** Why none qualifies: the closest tier's missing factors, biggest first, until the threshold would be reached. */
function whatWouldChange(closest: TierResult, threshold: number): string[] {
  const gaps = closest.factors
    .filter((f) => lost(f) > 0)
    .sort((a, b) => lost(b) - lost(a) || a.factor.localeCompare(b.factor));
  const lines: string[] = [];
  let reached = closest.compatibility;
  for (const f of gaps) {
    reached = round3(reached + lost(f));
    const enough = reached >= threshold;
    lines.push(
      `${capitalise(f.label)} is ${f.score.toFixed(2)}: ${f.reason}. ${capitalise(f.ideal)} would add ${fmt(lost(f))}, to ${fmt(reached)}${enough ? " — enough to recommend it." : "."}`,
    );
    if (enough) break;
  }
  return lines;
}

function overallReasoning(sorted: TierResult[], recommended: TierResult[], threshold: number): string[] {
  const primary = recommended[0];
  if (!primary) {
    const closest = sorted[0];
    if (!closest) return ["The catalogue has no tiers to recommend."];
    return [
      `No tier reaches the ${threshold} compatibility threshold; the closest is ${closest.name} at ${fmt(closest.compatibility)}.`,
      ...whatWouldChange(closest, threshold),
    ];
  }
  const lines = [
    `${primary.name} fits best at ${fmt(primary.compatibility)} compatibility (recommended from ${threshold}).`,
    ...primary.reasoning.slice(1),
    `Estimated ${formatMoney(primary.price.cents, DEFAULT_CURRENCY, "short")} within ${formatMoney(primary.price.rangeCents[0], DEFAULT_CURRENCY, "short")}–${formatMoney(primary.price.rangeCents[1], DEFAULT_CURRENCY, "short")}, about ${primary.estimatedTimelineWeeks} weeks.`,
  ];
  const others = recommended.slice(1);
  if (others.length > 0)
    lines.push(`Also recommended: ${others.map((t) => `${t.name} (${fmt(t.compatibility)})`).join(", ")}.`);
  const runnerUp = sorted.find((t) => !t.recommended);
  const gap = runnerUp ? weakest(runnerUp.factors) : undefined;
  if (runnerUp && gap) lines.push(`${runnerUp.name} falls short at ${fmt(runnerUp.compatibility)}: ${gap.reason}.`);
  return lines;
}

/** Scores every tier in the catalogue against the profile; sorted by compatibility, ties by key. */
export function recommendTiers(profile: TierProfile, catalogue: TierCatalogue): TierRecommendation {
  const tiers = Object.entries(catalogue.tiers)
    .map(([key, tier]) => evaluateTier(key, tier, profile, catalogue))
    .sort((a, b) => b.compatibility - a.compatibility || a.key.localeCompare(b.key));
  const recommended = tiers.filter((t) => t.recommended);
  return {
    tiers,
    recommended,
    primary: recommended[0] ?? null,
    threshold: catalogue.threshold,
    reasoning: overallReasoning(tiers, recommended, catalogue.threshold),
  };
}
