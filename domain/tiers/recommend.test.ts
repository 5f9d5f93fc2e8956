import { describe, expect, it } from "vitest";
import { DEFAULT_CURRENCY, formatMoney } from "@/lib/money";
import { DEFAULT_TIER_CATALOGUE, ZTierCatalogueSchema, type TierCatalogue } from "./config";
import { rangeFit } from "./factors";
import { PRICE_ROUNDING_CENTS, roundPriceInRange } from "./pricing";
import { recommendTiers, type TierProfile, type TierResult } from "./recommend";

const STARTUP: TierProfile = {
  serviceType: "MVP_DEVELOPMENT",
  teamSize: 5,
  budgetCents: 10_000_000,
  timelineWeeks: 6,
  complexity: "low",
  complianceRequired: false,
  requirementsCount: 12,
  integrationsCount: 2,
  companySize: "startup",
};
const ENTERPRISE: TierProfile = {
  serviceType: "MVP_DEVELOPMENT",
  teamSize: 50,
  budgetCents: 40_000_000,
  timelineWeeks: 10,
  complexity: "high",
  complianceRequired: true,
  requirementsCount: 30,
  integrationsCount: 6,
  companySize: "enterprise",
};
const LEGACY: TierProfile = {
  serviceType: "LEGACY_MODERNIZATION",
  teamSize: 80,
  budgetCents: 60_000_000,
  timelineWeeks: 12,
  complexity: "high",
  complianceRequired: true,
  requirementsCount: 25,
  integrationsCount: 8,
};

const tier = (r: { tiers: TierResult[] }, key: string): TierResult => {
  const found = r.tiers.find((t) => t.key === key);
  if (!found) throw new Error(`no tier ${key}`);
  return found;
};
const price = (profile: TierProfile, key = "startup_mvp", catalogue = DEFAULT_TIER_CATALOGUE) =>
  tier(recommendTiers(profile, catalogue), key).price.cents;

/** The default catalogue with other compatibility weights (the rest zero). */
function withWeights(weights: Partial<TierCatalogue["compatibilityWeights"]>): TierCatalogue {
  const zero = { serviceType: 0, budget: 0, teamSize: 0, timeline: 0, complexity: 0, compliance: 0 };
  return { ...DEFAULT_TIER_CATALOGUE, compatibilityWeights: { ...zero, ...weights } };
}

describe("compatibility threshold (seed §2.1: ≥ 0.6 is recommended)", () => {
  // enterprise_mvp with the default weights: service 0.3 + team 0.15 + complexity 0.1 + compliance 0.5 × 0.1, budget and timeline 0
  const exactlyAtThreshold: TierProfile = {
    serviceType: "MVP_DEVELOPMENT",
    teamSize: 20,
    budgetCents: 2_000_000,
    timelineWeeks: 2,
    complexity: "high",
    complianceRequired: false,
    requirementsCount: 5,
    integrationsCount: 0,
  };

  it("recommends a tier at exactly 0.6 with the default weights", () => {
    const r = recommendTiers(exactlyAtThreshold, DEFAULT_TIER_CATALOGUE);
    const enterprise = tier(r, "enterprise_mvp");
    expect(enterprise.compatibility).toBe(0.6);
    expect(enterprise.recommended).toBe(true);
    expect(r.primary?.key).toBe("enterprise_mvp");
  });

  it("recommends at 0.6 and not at 0.599 (custom weights that land exactly there)", () => {
    const profile: TierProfile = { ...STARTUP, budgetCents: 1_000_000 }; // serves MVP (1), budget far below (0)
    const at = tier(recommendTiers(profile, withWeights({ serviceType: 0.6, budget: 0.4 })), "startup_mvp");
    expect(at).toMatchObject({ compatibility: 0.6, recommended: true });
    const below = tier(recommendTiers(profile, withWeights({ serviceType: 0.599, budget: 0.401 })), "startup_mvp");
    expect(below).toMatchObject({ compatibility: 0.599, recommended: false });
  });

  it("a partial factor score can land exactly on the threshold", () => {
    // budget fit 0.5: halfway between $25,000 (no fit) and $50,000 (ideal) → 0.2 × 1 + 0.8 × 0.5 = 0.6
    const profile: TierProfile = { ...STARTUP, budgetCents: 3_750_000 };
    expect(rangeFit(3_750_000, [5_000_000, 20_000_000])).toBe(0.5);
    const at = tier(recommendTiers(profile, withWeights({ serviceType: 0.2, budget: 0.8 })), "startup_mvp");
    expect(at).toMatchObject({ compatibility: 0.6, recommended: true });
  });

  it("follows a custom tenant threshold", () => {
    const r = recommendTiers(STARTUP, { ...DEFAULT_TIER_CATALOGUE, threshold: 0.5 });
    expect(r.recommended.map((t) => t.key)).toEqual(["startup_mvp", "enterprise_mvp"]);
  });
});

describe("recommendTiers", () => {
  it("a startup profile picks startup_mvp", () => {
    const r = recommendTiers(STARTUP, DEFAULT_TIER_CATALOGUE);
    expect(r.primary?.key).toBe("startup_mvp");
    expect(r.primary?.compatibility).toBe(1);
    expect(r.recommended.map((t) => t.key)).toEqual(["startup_mvp"]);
    // the guarantee amount is the estimated price, within the tier's $150,000 refund cap (docs/tiers-and-guarantees.md)
    expect(r.primary?.price.cents).toBeLessThan(15_000_000);
    expect(r.primary?.guaranteeCents).toBe(r.primary?.price.cents);
    expect(r.primary?.valueProposition).toContain(
      `a ${formatMoney(r.primary?.price.cents ?? 0, DEFAULT_CURRENCY, "short")} refund guarantee at 80% success threshold`,
    );
    expect(r.primary?.valueProposition).toContain("startups like yours");
  });

  it("an enterprise with compliance picks enterprise_mvp", () => {
    const r = recommendTiers(ENTERPRISE, DEFAULT_TIER_CATALOGUE);
    expect(r.primary?.key).toBe("enterprise_mvp");
    expect(tier(r, "startup_mvp").recommended).toBe(false);
    expect(tier(r, "startup_mvp").factors.find((f) => f.factor === "compliance")?.score).toBe(0);
    expect(r.primary?.guaranteeCents).toBe(r.primary?.price.cents);
    expect(r.primary?.valueProposition).toContain(
      `${formatMoney(r.primary?.price.cents ?? 0, DEFAULT_CURRENCY, "short")} refund guarantee at 85% success threshold`,
    );
    expect(r.primary?.valueProposition).not.toContain("$500,000");
  });

  it("a legacy modernization picks the legacy tier, with its extra guarantees", () => {
    const r = recommendTiers(LEGACY, DEFAULT_TIER_CATALOGUE);
    expect(r.primary?.key).toBe("legacy_modernization_accelerated");
    expect(r.primary?.guaranteeCents).toBe(r.primary?.price.cents);
    expect(r.primary?.valueProposition).toContain(
      `${formatMoney(r.primary?.guaranteeCents ?? 0, DEFAULT_CURRENCY, "short")} refund guarantee at 85% success threshold`,
    );
    expect(r.primary?.valueProposition).toContain("50% performance improvement and 90% vulnerability reduction");
  });

  it("returns every tier sorted by compatibility, recommended ones first", () => {
    for (const profile of [STARTUP, ENTERPRISE, LEGACY]) {
      const r = recommendTiers(profile, DEFAULT_TIER_CATALOGUE);
      expect(r.tiers).toHaveLength(3);
      const scores = r.tiers.map((t) => t.compatibility);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(r.recommended).toEqual(r.tiers.filter((t) => t.compatibility >= 0.6));
      expect(r.primary).toBe(r.recommended[0]);
    }
  });

  it("compatibility is Σ weight × factor score, each factor with a reason", () => {
    const enterprise = tier(recommendTiers(STARTUP, DEFAULT_TIER_CATALOGUE), "enterprise_mvp");
    expect(enterprise.factors.map((f) => f.factor)).toEqual([
      "serviceType",
      "budget",
      "teamSize",
      "timeline",
      "complexity",
      "compliance",
    ]);
    expect(enterprise.compatibility).toBe(0.583); // 0.3 + 0.25 × 0.333 + 0 + 0.1 + 0.1 × 0.5 + 0.1 × 0.5
    for (const f of enterprise.factors) expect(f.reason.length).toBeGreaterThan(10);
    expect(enterprise.factors.find((f) => f.factor === "budget")?.reason).toContain(
      "below the ideal $150,000–$1,000,000",
    );
  });

  it("no tier qualifies → primary null, with the closest tier and what would change that", () => {
    const hopeless: TierProfile = {
      ...STARTUP,
      serviceType: "TEAM_AUGMENTATION",
      teamSize: 300,
      budgetCents: 1_000_000,
      timelineWeeks: 2,
      complexity: "high",
      complianceRequired: true,
    };
    const r = recommendTiers(hopeless, DEFAULT_TIER_CATALOGUE);
    expect(r.primary).toBeNull();
    expect(r.recommended).toEqual([]);
    expect(r.reasoning[0]).toMatch(
      /^No tier reaches the 0.6 compatibility threshold; the closest is Enterprise MVP Package at 0.500/,
    );
    expect(r.reasoning.at(-1)).toMatch(
      /budget of \$150,000–\$1,000,000 would add 0.250, to 0.750 — enough to recommend it/,
    );
  });

  it("explains the primary: strongest and weakest factors, price and timeline", () => {
    const r = recommendTiers({ ...ENTERPRISE, teamSize: 150 }, DEFAULT_TIER_CATALOGUE);
    expect(r.reasoning[0]).toMatch(/^Enterprise MVP Package fits best at 0\.\d{3} compatibility/);
    expect(r.reasoning.some((l) => l.startsWith("Strongest: "))).toBe(true);
    expect(r.reasoning.some((l) => l.startsWith("Weakest: team size fit"))).toBe(true);
    expect(r.reasoning.some((l) => /^Estimated \$[\d,]+ within \$200,000–\$500,000, about \d+ weeks\.$/.test(l))).toBe(
      true,
    );
  });

  it("is deterministic", () => {
    expect(recommendTiers(LEGACY, DEFAULT_TIER_CATALOGUE)).toEqual(recommendTiers(LEGACY, DEFAULT_TIER_CATALOGUE));
  });
});

describe("dynamic price", () => {
  const profiles: TierProfile[] = [
    STARTUP,
    ENTERPRISE,
    LEGACY,
    {
      ...STARTUP,
      teamSize: 0,
      budgetCents: 0,
      timelineWeeks: 104,
      complexity: "low",
      requirementsCount: 0,
      integrationsCount: 0,
    },
    { ...ENTERPRISE, teamSize: 10_000, timelineWeeks: 1, requirementsCount: 1000, integrationsCount: 200 },
  ];

  it("is always integer cents, a whole $100, inside the tier's range", () => {
    for (const profile of profiles) {
      for (const t of recommendTiers(profile, DEFAULT_TIER_CATALOGUE).tiers) {
        const [low, high] = t.price.rangeCents;
        expect(Number.isInteger(t.price.cents)).toBe(true);
        expect(t.price.cents % PRICE_ROUNDING_CENTS).toBe(0);
        expect(t.price.cents).toBeGreaterThanOrEqual(low);
        expect(t.price.cents).toBeLessThanOrEqual(high);
      }
    }
  });

  it("lands on the documented formula: low + (high − low) × Σ weight × factor, rounded to $100", () => {
    // startup: complexity 0.6×0 + 0.2×12/40 + 0.2×2/10 = 0.1; pressure (8−6)/(8−4) = 0.5; team (5−1)/(10−1) = 0.444
    // position = 0.5×0.1 + 0.3×0.5 + 0.2×0.444 = 0.289 → 75,000 + 75,000 × 0.289 = 96,675 → $96,700
    const t = tier(recommendTiers(STARTUP, DEFAULT_TIER_CATALOGUE), "startup_mvp");
    expect(t.price.position).toBe(0.289);
    expect(t.price.cents).toBe(9_670_000);
    expect(t.price.explanation).toMatch(/^\$96,700: 29% of the way from \$75,000 to \$150,000/);
  });

  it("rises with complexity (level, requirements, integrations)", () => {
    expect(price({ ...STARTUP, complexity: "medium" })).toBeGreaterThan(price(STARTUP));
    expect(price({ ...STARTUP, complexity: "high" })).toBeGreaterThan(price({ ...STARTUP, complexity: "medium" }));
    expect(price({ ...STARTUP, requirementsCount: 40 })).toBeGreaterThan(price(STARTUP));
    expect(price({ ...STARTUP, integrationsCount: 10 })).toBeGreaterThan(price(STARTUP));
  });

  it("rises with timeline pressure (wanting it sooner than the tier's max)", () => {
    expect(price({ ...STARTUP, timelineWeeks: 4 })).toBeGreaterThan(price({ ...STARTUP, timelineWeeks: 6 }));
    expect(price({ ...STARTUP, timelineWeeks: 6 })).toBeGreaterThan(price({ ...STARTUP, timelineWeeks: 8 }));
    expect(price({ ...STARTUP, timelineWeeks: 8 })).toBe(price({ ...STARTUP, timelineWeeks: 20 })); // no pressure either way
  });

  it("rises with the customer's team size within the tier's ideal range", () => {
    expect(price({ ...STARTUP, teamSize: 10 })).toBeGreaterThan(price({ ...STARTUP, teamSize: 5 }));
    expect(price({ ...STARTUP, teamSize: 5 })).toBeGreaterThan(price({ ...STARTUP, teamSize: 1 }));
  });

  it("is the range's low at no pressure and its high at full pressure", () => {
    const calm: TierProfile = {
      ...STARTUP,
      teamSize: 1,
      timelineWeeks: 8,
      complexity: "low",
      requirementsCount: 0,
      integrationsCount: 0,
    };
    const rush: TierProfile = {
      ...STARTUP,
      teamSize: 10,
      timelineWeeks: 4,
      complexity: "high",
      requirementsCount: 40,
      integrationsCount: 10,
    };
    expect(price(calm)).toBe(7_500_000);
    expect(price(rush)).toBe(15_000_000);
  });

  it("rounding to $100 never leaves the range", () => {
    expect(roundPriceInRange(7_504_999, [7_504_999, 7_580_001])).toBe(7_510_000);
    expect(roundPriceInRange(7_579_999, [7_504_999, 7_575_001])).toBe(7_570_000);
    expect(roundPriceInRange(1_234_567, [1_234_500, 1_234_600])).toBe(1_234_500); // no whole $100 inside: the low
  });
});

describe("estimated timeline", () => {
  it("follows the scope estimate and stays inside the tier's weeks", () => {
    const r = recommendTiers(STARTUP, DEFAULT_TIER_CATALOGUE);
    expect(tier(r, "startup_mvp").estimatedTimelineWeeks).toBe(6); // 2 + 12×0.25 + 2×0.5 = 6 × 1 (low)
    expect(tier(r, "legacy_modernization_accelerated").estimatedTimelineWeeks).toBe(8); // held to 8–16
    const big = recommendTiers({ ...ENTERPRISE, requirementsCount: 200 }, DEFAULT_TIER_CATALOGUE);
    expect(tier(big, "startup_mvp").estimatedTimelineWeeks).toBe(8);
    expect(tier(big, "enterprise_mvp").estimatedTimelineWeeks).toBe(12); // (2 + 200×0.25 + 6×0.5) × 1.5 = 83, held to 6–12
    expect(tier(big, "enterprise_mvp").reasoning).toContain("Expect about 12 weeks, longer than the 10 weeks wanted.");
  });
});

describe("ZTierCatalogueSchema", () => {
  const messages = (value: unknown) => ZTierCatalogueSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it("accepts the seed's catalogue", () => {
    expect(ZTierCatalogueSchema.safeParse(DEFAULT_TIER_CATALOGUE).success).toBe(true);
  });

  it("refuses compatibility weights that do not add up to 1, saying so", () => {
    const bad = {
      ...DEFAULT_TIER_CATALOGUE,
      compatibilityWeights: { ...DEFAULT_TIER_CATALOGUE.compatibilityWeights, serviceType: 0.2 },
    };
    expect(messages(bad)).toContain("The compatibility weights add up to 0.9, they must add up to 1");
  });

  it("refuses pricing weights that do not add up to 1", () => {
    const bad = {
      ...DEFAULT_TIER_CATALOGUE,
      pricingWeights: { complexity: 0.5, timelinePressure: 0.5, teamSize: 0.2 },
    };
    expect(messages(bad)).toContain("The pricing weights add up to 1.2, they must add up to 1");
  });

  it("refuses unordered ranges, naming the range and both values", () => {
    const startup = DEFAULT_TIER_CATALOGUE.tiers.startup_mvp;
    if (!startup) throw new Error("seed tier missing");
    const bad = {
      ...DEFAULT_TIER_CATALOGUE,
      tiers: { startup_mvp: { ...startup, priceRangeCents: [20_000_000, 15_000_000], timelineWeeks: [8, 4] } },
    };
    expect(messages(bad)).toEqual([
      "The price range starts above where it ends ($200,000 > $150,000); put the lower bound first",
      "The timeline starts above where it ends (8 > 4); put the lower bound first",
    ]);
  });

  it("refuses negative money, a threshold outside 0–1 and an empty catalogue", () => {
    const startup = DEFAULT_TIER_CATALOGUE.tiers.startup_mvp;
    if (!startup) throw new Error("seed tier missing");
    const negative = {
      ...DEFAULT_TIER_CATALOGUE,
      tiers: { startup_mvp: { ...startup, guarantees: { ...startup.guarantees, refundAmountCents: -1 } } },
    };
    expect(messages(negative)).toContain("The refund amount cannot be negative");
    expect(messages({ ...DEFAULT_TIER_CATALOGUE, threshold: 1.2 })).toContain(
      "The threshold is a compatibility from 0 to 1",
    );
    expect(messages({ ...DEFAULT_TIER_CATALOGUE, threshold: -0.1 })).toContain(
      "The threshold is a compatibility from 0 to 1",
    );
    expect(messages({ ...DEFAULT_TIER_CATALOGUE, tiers: {} })).toContain("The catalogue needs at least one tier");
  });
});
