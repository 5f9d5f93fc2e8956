/**
 * The service tier catalogue (docs/domain.md#tiers SERVICE_TIERS), stored per tenant, and the weights that turn a
 * customer profile into a 0–1 compatibility per tier. Pure data + validation: no I/O.
 * Money is integer cents; the seed's dollar figures are converted (× 100).
 */
import { z } from "zod";
import { DEFAULT_CURRENCY, formatMoney, zMoneyCents } from "@/lib/money";
import type { ServiceType } from "@/generated/prisma/enums";

export type Complexity = "low" | "medium" | "high";
export type CompanySize = "startup" | "smb" | "enterprise";

export const COMPLEXITY_LEVELS = ["low", "medium", "high"] as const satisfies readonly Complexity[];
export const COMPANY_SIZES = ["startup", "smb", "enterprise"] as const satisfies readonly CompanySize[];
export const TIER_SERVICE_TYPES = [
  "MVP_DEVELOPMENT",
  "LEGACY_MODERNIZATION",
  "TEAM_AUGMENTATION",
] as const satisfies readonly ServiceType[];

/** The six things compatibility is made of; each scores 0–1 and is weighted. */
export const COMPATIBILITY_FACTORS = [
  "serviceType",
  "budget",
  "teamSize",
  "timeline",
  "complexity",
  "compliance",
] as const;
export type CompatibilityFactor = (typeof COMPATIBILITY_FACTORS)[number];
/** The three things that move a price from the bottom of its tier range to the top. */
export const PRICING_FACTORS = ["complexity", "timelinePressure", "teamSize"] as const;
export type PricingFactor = (typeof PRICING_FACTORS)[number];

export type Range = [number, number];

export type TierGuarantees = {
  deliveryGuarantee: boolean;
  refundAmountCents: number;
  /** % success score the project must reach at day 30 (docs/domain.md#tiers success_threshold) */
  successThreshold: number;
  /** extra promises, human readable ("50% performance improvement") — docs/domain.md#tiers legacy tier */
  additional?: string[];
};

export type TierIdealCriteria = {
  /** size of the customer's own team, people */
  teamSize: Range;
  budgetRangeCents: Range;
  /** true: the tier is built for regulated customers (architect / security expert, audits) */
  complianceRequirements?: boolean;
  /** feasibility complexity levels the tier is built for */
  complexity: Complexity[];
  serviceTypes: ServiceType[];
};

export type TierDefinition = {
  name: string;
  targetCustomers: string[];
  priceRangeCents: Range;
  timelineWeeks: Range;
  teamComposition: Record<string, string | number | boolean>;
  guarantees: TierGuarantees;
  idealCriteria: TierIdealCriteria;
};

export type TierCatalogue = {
  tiers: Record<string, TierDefinition>;
  compatibilityWeights: Record<CompatibilityFactor, number>;
  pricingWeights: Record<PricingFactor, number>;
  /** docs/domain.md#tiers: recommend a tier at compatibility >= 0.6 */
  threshold: number;
};

const ALL_MVP: ServiceType[] = ["MVP_DEVELOPMENT", "TEAM_AUGMENTATION"];

/**
 * docs/domain.md#tiers SERVICE_TIERS. Decisions where the seed is silent:
 * - serviceTypes: the seed has no augmentation tier, so both MVP packages also serve TEAM_AUGMENTATION
 *   (their AI-agent + oversight team is what augmentation sells); tenants can add a dedicated tier.
 * - the seed's "timeline_sensitivity: high" for startups is carried by the tier's short 4–8 week range,
 *   which the timeline factor scores; "low_to_medium" / "medium_to_high" become explicit level lists.
 * - legacy_modernization_accelerated has no ideal criteria and no success threshold in the seed: we use
 *   budget $250k–$1.5M (around its $300k–$750k price), team 10–500, medium/high complexity, compliance
 *   (it ships a security expert) and an 85% threshold like the other enterprise-grade package.
 */
export const DEFAULT_TIER_CATALOGUE: TierCatalogue = {
  tiers: {
    startup_mvp: {
      name: "Startup MVP Package",
      targetCustomers: ["startups", "entrepreneurs", "small_teams"],
      priceRangeCents: [7_500_000, 15_000_000],
      timelineWeeks: [4, 8],
      teamComposition: { aiAgents: 3, humanOversight: "part_time", customerSuccessManager: "shared" },
      guarantees: { deliveryGuarantee: true, refundAmountCents: 15_000_000, successThreshold: 80 },
      idealCriteria: {
        teamSize: [1, 10],
        budgetRangeCents: [5_000_000, 20_000_000],
        complexity: ["low", "medium"],
        serviceTypes: ALL_MVP,
      },
    },
    enterprise_mvp: {
      name: "Enterprise MVP Package",
      targetCustomers: ["enterprises", "established_companies", "large_teams"],
      priceRangeCents: [20_000_000, 50_000_000],
      timelineWeeks: [6, 12],
      teamComposition: {
        aiAgents: 5,
        humanOversight: "full_time",
        customerSuccessManager: "dedicated",
        enterpriseArchitect: true,
      },
      guarantees: { deliveryGuarantee: true, refundAmountCents: 50_000_000, successThreshold: 85 },
      idealCriteria: {
        teamSize: [10, 100],
        budgetRangeCents: [15_000_000, 100_000_000],
        complianceRequirements: true,
        complexity: ["medium", "high"],
        serviceTypes: ALL_MVP,
      },
    },
    legacy_modernization_accelerated: {
      name: "Legacy Modernization - Accelerated",
      targetCustomers: ["enterprises", "organizations_with_legacy_systems"],
      priceRangeCents: [30_000_000, 75_000_000],
      timelineWeeks: [8, 16],
      teamComposition: { aiAgents: 6, humanOversight: "full_time", legacySpecialist: true, securityExpert: true },
      guarantees: {
        deliveryGuarantee: true,
        refundAmountCents: 75_000_000,
        successThreshold: 85,
        additional: ["50% performance improvement", "90% vulnerability reduction"],
      },
      idealCriteria: {
        teamSize: [10, 500],
        budgetRangeCents: [25_000_000, 150_000_000],
        complianceRequirements: true,
        complexity: ["medium", "high"],
        serviceTypes: ["LEGACY_MODERNIZATION"],
      },
    },
  },
  // Ours (the seed leaves _calculate_tier_compatibility undefined): what the customer needs built and
  // can pay for dominate; team size, timeline, complexity and compliance refine the fit.
  compatibilityWeights: {
    serviceType: 0.3,
    budget: 0.25,
    teamSize: 0.15,
    timeline: 0.1,
    complexity: 0.1,
    compliance: 0.1,
  },
  // Ours (the specification's _calculate_dynamic_pricing is undefined): scope/complexity drives cost most.
  pricingWeights: { complexity: 0.5, timelinePressure: 0.3, teamSize: 0.2 },
  threshold: 0.6,
};

// ---------------------------------------------------------------- validation (tenant edits)

/** Weights must add up to 1 so a compatibility stays a 0–1 share; float noise below this is ignored. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;
const MAX_WEEKS = 104;
const MAX_TEAM = 1_000_000;

const showMoney = (cents: number) => formatMoney(cents, DEFAULT_CURRENCY, "short");
const weight = z.number().min(0, "A weight cannot be negative").max(1, "A weight is at most 1");

/** An ordered [low, high] pair; the message names the field and shows both values. */
function orderedRange(label: string, item: z.ZodNumber, show: (n: number) => string = String) {
  return z.tuple([item, item]).superRefine(([low, high], ctx) => {
    if (low > high) {
      ctx.addIssue({
        code: "custom",
        message: `The ${label} starts above where it ends (${show(low)} > ${show(high)}); put the lower bound first`,
      });
    }
  });
}

function weightsSumToOne(label: string) {
  return (weights: Record<string, number>, ctx: z.RefinementCtx) => {
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        message: `The ${label} weights add up to ${Number(sum.toFixed(4))}, they must add up to 1`,
      });
    }
  };
}

const ZTierDefinitionSchema = z.object({
  name: z.string().trim().min(1, "Name the tier").max(120, "Tier names are at most 120 characters"),
  targetCustomers: z.array(z.string().trim().min(1).max(80)).max(20),
  priceRangeCents: orderedRange("price range", zMoneyCents("price"), showMoney),
  timelineWeeks: orderedRange(
    "timeline",
    z.number().int("Use whole weeks").min(1, "A timeline is at least 1 week").max(MAX_WEEKS, "At most 104 weeks"),
  ),
  teamComposition: z.record(
    z.string().min(1).max(64),
    z.union([z.string().max(80), z.number().min(0).max(1000), z.boolean()]),
  ),
  guarantees: z.object({
    deliveryGuarantee: z.boolean(),
    refundAmountCents: zMoneyCents("refund amount"),
    successThreshold: z
      .number()
      .min(0, "The success threshold is a % from 0 to 100")
      .max(100, "The success threshold is a % from 0 to 100"),
    additional: z.array(z.string().trim().min(1).max(120)).max(10).optional(),
  }),
  idealCriteria: z.object({
    teamSize: orderedRange(
      "ideal team size",
      z.number().int("Use whole people").min(0, "A team size cannot be negative").max(MAX_TEAM),
    ),
    budgetRangeCents: orderedRange("ideal budget range", zMoneyCents("ideal budget"), showMoney),
    complianceRequirements: z.boolean().optional(),
    complexity: z.array(z.enum(COMPLEXITY_LEVELS)).min(1, "Accept at least one complexity level"),
    serviceTypes: z.array(z.enum(TIER_SERVICE_TYPES)).min(1, "Serve at least one service type"),
  }),
});

const TIER_KEY = /^[a-z0-9_]{1,64}$/;

export const ZTierCatalogueSchema = z.object({
  tiers: z
    .record(
      z.string().regex(TIER_KEY, "Tier keys are 1–64 lower-case letters, digits or underscores"),
      ZTierDefinitionSchema,
    )
    .refine((tiers) => Object.keys(tiers).length > 0, "The catalogue needs at least one tier"),
  compatibilityWeights: z
    .object({
      serviceType: weight,
      budget: weight,
      teamSize: weight,
      timeline: weight,
      complexity: weight,
      compliance: weight,
    })
    .superRefine(weightsSumToOne("compatibility")),
  pricingWeights: z
    .object({ complexity: weight, timelinePressure: weight, teamSize: weight })
    .superRefine(weightsSumToOne("pricing")),
  threshold: z
    .number()
    .min(0, "The threshold is a compatibility from 0 to 1")
    .max(1, "The threshold is a compatibility from 0 to 1"),
}) satisfies z.ZodType<TierCatalogue>;
