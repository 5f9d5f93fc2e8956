/**
 * Project feasibility configuration (docs/domain.md#feasibility ProjectFeasibilityAnalyzer), stored per tenant with the
 * seed's values as defaults. The seed fixes the weights (technical 0.4, timeline 0.3, resource 0.3) and,
 * through the journey (docs/domain.md#journey), the pass mark 70; it leaves the three _assess_* rules and
 * _calculate_success_probability undefined, so their parameters below are ours (see analyze.ts).
 * Pure data + validation: no I/O. Money is integer cents.
 */
import { z } from "zod";

export type FeasibilityWeights = { technical: number; timeline: number; resource: number };

export type FeasibilityConfig = {
  /** docs/domain.md#feasibility: feasibility = technical × 0.4 + timeline × 0.3 + resource × 0.3 */
  weights: FeasibilityWeights;
  /** docs/domain.md#journey: feasibility_score < 70 stops the journey */
  passScore: number;
  /** at or above: proceed as scoped; between passScore and this: proceed with conditions */
  proceedScore: number;
  timeline: {
    /** weeks every project needs whatever its scope (architecture, delivery, handover) */
    baseWeeks: number;
    requirementsPerWeek: number;
    weeksPerIntegration: number;
    weeksPerComplianceRegime: number;
    /** offered / required weeks at or below which the timeline scores 0 */
    zeroScoreRatio: number;
  };
  resource: {
    weeklyDeliveryCostCents: number;
    /** budget / estimated cost at or below which the budget scores 0 */
    zeroScoreCoverage: number;
    /** points off when the customer has nobody on the project / one person */
    noTeamPenalty: number;
    soloTeamPenalty: number;
  };
  technical: {
    integrationPenalty: number;
    integrationPenaltyCap: number;
    /** points per compliance regime, keys compared without case, spaces or dashes ("PCI-DSS" = "pci dss") */
    compliancePenalties: Record<string, number>;
    otherCompliancePenalty: number;
    emptyStackPenalty: number;
    maxStackSize: number;
    extraStackPenalty: number;
    extraStackPenaltyCap: number;
    /** technologies that need scarce legacy skills; matched as substrings, without case */
    legacyTech: string[];
    legacyTechPenalty: number;
    legacyTechPenaltyCap: number;
    largeScopeRequirements: number;
    extraRequirementPenalty: number;
    scopePenaltyCap: number;
    /** a technical score below this is a blocker */
    blockerBelow: number;
  };
  successProbability: {
    feasibilityWeight: number;
    qualificationWeight: number;
    /** no project is certain: the probability never exceeds this */
    ceiling: number;
    /** with any blocker, the probability is at most this */
    blockerCap: number;
  };
  complexity: {
    lowMaxWeeks: number;
    lowMaxIntegrations: number;
    highAboveWeeks: number;
    highMinIntegrations: number;
    highMinCompliance: number;
  };
};

export const FEASIBILITY_PASS_SCORE = 70; // docs/domain.md#journey

export const DEFAULT_FEASIBILITY_CONFIG: FeasibilityConfig = {
  weights: { technical: 0.4, timeline: 0.3, resource: 0.3 }, // docs/domain.md#feasibility
  passScore: FEASIBILITY_PASS_SCORE,
  // comfortably above the bar: the same 85 the guarantee's success threshold uses (docs/domain.md#success-validation)
  proceedScore: 85,
  timeline: {
    // docs/domain.md#milestones: week 1 (foundation & architecture) and week 4 (delivery & handover) do not scale with scope…
    baseWeeks: 2,
    // …weeks 2–3 build the features: a 10-requirement MVP fills them (2 + 10 / 5 = the 4-week package)
    requirementsPerWeek: 5,
    weeksPerIntegration: 0.5,
    // evidence, security review and sign-off for each regime
    weeksPerComplianceRegime: 1,
    // half the time needed cannot be bridged by working harder: no fixed scope can be promised
    zeroScoreRatio: 0.5,
  },
  resource: {
    // docs/domain.md#tiers: Startup MVP's $75,000 floor over its 4-week minimum = $18,750 per delivery week
    weeklyDeliveryCostCents: 1_875_000,
    zeroScoreCoverage: 0.5,
    // docs/domain.md#milestones: weekly milestones need the customer's sign-off and feedback
    noTeamPenalty: 30,
    soloTeamPenalty: 10,
  },
  technical: {
    integrationPenalty: 5,
    integrationPenaltyCap: 40,
    // health and card data carry the heaviest audit burden; ISO 27001 / SOC 2 are process-heavy
    compliancePenalties: { HIPAA: 12, "PCI-DSS": 12, SOC2: 8, ISO27001: 8, GDPR: 6 },
    otherCompliancePenalty: 8,
    emptyStackPenalty: 10,
    maxStackSize: 8,
    extraStackPenalty: 2,
    extraStackPenaltyCap: 10,
    legacyTech: [
      "cobol",
      "fortran",
      "vb6",
      "visual basic 6",
      "delphi",
      "powerbuilder",
      "as/400",
      "mainframe",
      "coldfusion",
      "classic asp",
    ],
    legacyTechPenalty: 8,
    legacyTechPenaltyCap: 16,
    largeScopeRequirements: 40,
    extraRequirementPenalty: 0.25,
    scopePenaltyCap: 20,
    blockerBelow: 30,
  },
  // the demo seed's historical-rate formula: (0.6 × feasibility + 0.4 × qualification) / 100 × 0.97
  successProbability: { feasibilityWeight: 0.6, qualificationWeight: 0.4, ceiling: 0.97, blockerCap: 0.5 },
  // docs/domain.md#tiers: Startup MVP (low–medium) runs 4–8 weeks, Enterprise MVP (medium–high, compliance) 6–12
  complexity: {
    lowMaxWeeks: 6,
    lowMaxIntegrations: 2,
    highAboveWeeks: 12,
    highMinIntegrations: 7,
    highMinCompliance: 2,
  },
};

// ---------------------------------------------------------------- validation (tenant edits)

/** Weights must add up to 1 so the weighted score stays on 0–100; float noise below this is ignored. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;
const MAX_WEEKLY_COST_CENTS = 1_000_000_000; // $10M a week: above any delivery team

const num = (what: string, min: number, max: number, unit = "") =>
  z
    .number({ message: `The ${what} must be a number` })
    .min(min, `The ${what} is at least ${min}${unit}`)
    .max(max, `The ${what} is at most ${max}${unit}`);
const int = (what: string, min: number, max: number, unit = "") =>
  num(what, min, max, unit).int(`The ${what} must be a whole number`);
const fraction = (what: string) => num(what, 0, 1);
const penalty = (what: string) => num(what, 0, 100, " points");

function sumsToOne(label: string) {
  return (weights: Record<string, number>, ctx: z.RefinementCtx) => {
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({ code: "custom", message: `${label} must add up to 1 (they add up to ${Number(sum.toFixed(4))})` });
    }
  };
}

export const ZFeasibilityConfigSchema = z
  .object({
    weights: z
      .object({
        technical: fraction("technical weight"),
        timeline: fraction("timeline weight"),
        resource: fraction("resource weight"),
      })
      .superRefine(sumsToOne("Weights")),
    passScore: num("pass score", 0, 100),
    proceedScore: num("proceed score", 0, 100),
    timeline: z.object({
      baseWeeks: num("base timeline", 0, 52, " weeks"),
      requirementsPerWeek: num("requirements per week", 0.1, 100),
      weeksPerIntegration: num("weeks per integration", 0, 12),
      weeksPerComplianceRegime: num("weeks per compliance regime", 0, 26),
      zeroScoreRatio: num("zero-score timeline ratio", 0, 0.99),
    }),
    resource: z.object({
      weeklyDeliveryCostCents: int("weekly delivery cost in cents", 1, MAX_WEEKLY_COST_CENTS),
      zeroScoreCoverage: num("zero-score budget coverage", 0, 0.99),
      noTeamPenalty: penalty("no-team penalty"),
      soloTeamPenalty: penalty("one-person-team penalty"),
    }),
    technical: z.object({
      integrationPenalty: penalty("integration penalty"),
      integrationPenaltyCap: penalty("integration penalty cap"),
      compliancePenalties: z
        .record(
          z.string().trim().min(1, "Name the compliance regime").max(40, "Regime names are at most 40 characters"),
          penalty("compliance penalty"),
        )
        .refine((r) => Object.keys(r).length <= 50, "At most 50 compliance regimes"),
      otherCompliancePenalty: penalty("penalty for other compliance regimes"),
      emptyStackPenalty: penalty("undecided-stack penalty"),
      maxStackSize: int("comfortable stack size", 1, 50, " technologies"),
      extraStackPenalty: penalty("extra-technology penalty"),
      extraStackPenaltyCap: penalty("extra-technology penalty cap"),
      legacyTech: z
        .array(z.string().trim().min(1, "Legacy technology names cannot be blank").max(60))
        .max(100, "At most 100 legacy technologies"),
      legacyTechPenalty: penalty("legacy-technology penalty"),
      legacyTechPenaltyCap: penalty("legacy-technology penalty cap"),
      largeScopeRequirements: int("large-scope threshold", 1, 500, " requirements"),
      extraRequirementPenalty: penalty("extra-requirement penalty"),
      scopePenaltyCap: penalty("scope penalty cap"),
      blockerBelow: num("technical blocker threshold", 0, 100),
    }),
    successProbability: z
      .object({
        feasibilityWeight: fraction("feasibility weight"),
        qualificationWeight: fraction("qualification weight"),
        ceiling: num("probability ceiling", 0.01, 1),
        blockerCap: fraction("probability cap with blockers"),
      })
      .superRefine((p, ctx) =>
        sumsToOne("Success probability weights")({ f: p.feasibilityWeight, q: p.qualificationWeight }, ctx),
      ),
    complexity: z.object({
      lowMaxWeeks: int("low-complexity week limit", 1, 104, " weeks"),
      lowMaxIntegrations: int("low-complexity integration limit", 0, 100),
      highAboveWeeks: int("high-complexity week threshold", 1, 104, " weeks"),
      highMinIntegrations: int("high-complexity integration threshold", 1, 100),
      highMinCompliance: int("high-complexity compliance threshold", 1, 50),
    }),
  })
  .superRefine((c, ctx) => {
    if (c.proceedScore < c.passScore) {
      ctx.addIssue({
        code: "custom",
        path: ["proceedScore"],
        message: `The proceed score (${c.proceedScore}) must not be below the pass score (${c.passScore})`,
      });
    }
    if (c.complexity.lowMaxWeeks > c.complexity.highAboveWeeks) {
      ctx.addIssue({
        code: "custom",
        path: ["complexity", "lowMaxWeeks"],
        message: "Low complexity must end at or before high complexity starts",
      });
    }
  }) satisfies z.ZodType<FeasibilityConfig>;
