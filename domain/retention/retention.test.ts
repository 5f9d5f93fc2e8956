import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION_CONFIG, ZRetentionConfigSchema } from "./config";
import { expansionPotential, type ExpansionFacts } from "./expansion";
import { healthScore, type HealthFacts } from "./health";
import { evaluateTriggers, planRetention, retentionStrategy } from "./strategy";

const H = DEFAULT_RETENTION_CONFIG.health;
/** Clean component scores: 75, 80, 70, 100, 75, 90, 50, 50. */
const FACTS: HealthFacts = {
  milestones: { validated: 4, met: 3 },
  csat: { mean: 8, responses: 3 },
  nps: { score: 40, responses: 5 },
  signOffLatencyHours: [10, 48, 200],
  escalations: 1,
  qualityGates: { passed: 9, failed: 1 },
  education: { sent: 4, completed: 2 },
  engagement: { activeDays: 4, portalDays: 30 },
};

describe("health score (seed §5.2, weights from the tenant's retention configuration)", () => {
  it("is the weighted sum of its components, each with value, weight and contribution", () => {
    const r = healthScore(FACTS, H);
    expect(r.components.map((c) => [c.key, c.score, c.weight, c.effectiveWeight, c.contribution])).toEqual([
      ["milestoneSuccess", 75, 0.25, 0.25, 18.8],
      ["csat", 80, 0.2, 0.2, 16],
      ["nps", 70, 0.1, 0.1, 7],
      ["signOffLatency", 100, 0.1, 0.1, 10],
      ["escalations", 75, 0.1, 0.1, 7.5],
      ["qualityGates", 90, 0.1, 0.1, 9],
      ["education", 50, 0.05, 0.05, 2.5],
      ["engagement", 50, 0.1, 0.1, 5],
    ]);
    // 18.75 + 16 + 7 + 10 + 7.5 + 9 + 2.5 + 5 = 75.75
    expect(r.score).toBe(75.8);
    expect(r.explanation).toMatch(/^75\.8 = 18\.8 milestone success \(75 × 0\.25\) \+ 16 csat/);
    expect(r.explanation).toContain(
      "The biggest drag is milestone success at 75 (−6.3 points): 3 of 4 validated weeks met their threshold.",
    );
  });

  it("answers “why 64?”: a component's contribution moves the score by exactly weight × change", () => {
    const worse = healthScore({ ...FACTS, escalations: 3, engagement: { activeDays: 0, portalDays: 30 } }, H);
    // escalations 75 → 25 (−5 points), engagement 50 → 0 (−5 points)
    expect(worse.score).toBe(65.8);
  });

  it("scores sign-off latency linearly between the target (48 h → 100) and the longest (168 h → 0)", () => {
    const at = (h: number) =>
      healthScore({ ...FACTS, signOffLatencyHours: [h] }, H).components.find((c) => c.key === "signOffLatency")?.score;
    expect([at(0), at(48), at(108), at(168), at(500)]).toEqual([100, 100, 50, 0, 0]);
  });

  it("drops components without data and gives their weight to the others", () => {
    const r = healthScore({ ...FACTS, csat: { mean: null, responses: 0 }, nps: { score: null, responses: 0 } }, H);
    const csat = r.components.find((c) => c.key === "csat");
    expect(csat).toMatchObject({ available: false, effectiveWeight: 0, contribution: 0 });
    expect(r.components.find((c) => c.key === "milestoneSuccess")?.effectiveWeight).toBe(0.357); // 0.25 / 0.7
    // (18.75 + 10 + 7.5 + 9 + 2.5 + 5) / 0.7 = 75.36
    expect(r.score).toBe(75.4);
    expect(r.explanation).toContain("No data yet for csat, nps: their weight went to the others.");
  });

  it("leaves portal engagement out until the portal has been open for the whole window (no data is not zero)", () => {
    const young = healthScore({ ...FACTS, engagement: { activeDays: 0, portalDays: 3 } }, H);
    expect(young.components.find((c) => c.key === "engagement")).toMatchObject({
      available: false,
      display: null,
      contribution: 0,
    });
    expect(young.components.find((c) => c.key === "engagement")?.reason).toContain(
      "open to the account for 3 of the 30 days measured",
    );
    // (18.75 + 16 + 7 + 10 + 7.5 + 9 + 2.5) / 0.9 = 78.6
    expect(young.score).toBe(78.6);
    // the target already reached counts, however young the portal
    expect(
      healthScore({ ...FACTS, engagement: { activeDays: 8, portalDays: 10 } }, H).components.find(
        (c) => c.key === "engagement",
      )?.score,
    ).toBe(100);
  });

  it("does not score an account with nothing known: no escalation alone is not health 100", () => {
    const none: HealthFacts = {
      milestones: { validated: 0, met: 0 },
      csat: { mean: null, responses: 0 },
      nps: { score: null, responses: 0 },
      signOffLatencyHours: [],
      escalations: 0,
      qualityGates: { passed: 0, failed: 0 },
      education: { sent: 0, completed: 0 },
      engagement: { activeDays: 0, portalDays: 0 },
    };
    const r = healthScore(none, H);
    expect(r.score).toBeNull();
    expect(r.components.every((c) => !c.available)).toBe(true);
    expect(r.explanation).toMatch(/^Not scored yet/);
    // an escalation is evidence on its own
    expect(healthScore({ ...none, escalations: 2 }, H).score).toBe(50);
  });

  it("follows the tenant's weights", () => {
    const weights = {
      milestoneSuccess: 1,
      csat: 0,
      nps: 0,
      signOffLatency: 0,
      escalations: 0,
      qualityGates: 0,
      education: 0,
      engagement: 0,
    };
    expect(healthScore(FACTS, { ...H, weights }).score).toBe(75);
  });
});

describe("strategy rule (seed §5.2 _determine_retention_strategy)", () => {
  const T = DEFAULT_RETENTION_CONFIG.strategy;
  it.each([
    [85, 70, "HIGH_SATISFACTION_EXPANSION"],
    [100, 100, "HIGH_SATISFACTION_EXPANSION"],
    [84.9, 70, "MODERATE_SATISFACTION_IMPROVEMENT"],
    [84.9, 100, "MODERATE_SATISFACTION_IMPROVEMENT"],
    [70, 0, "MODERATE_SATISFACTION_IMPROVEMENT"],
    [69.9, 100, "AT_RISK_RECOVERY"],
    [0, 0, "AT_RISK_RECOVERY"],
    // the seed's rule, literally: healthy but expansion below 70 falls through to at-risk recovery
    [85, 69.9, "AT_RISK_RECOVERY"],
    [95, 0, "AT_RISK_RECOVERY"],
  ] as const)("health %s, expansion %s → %s", (health, expansion, strategy) => {
    expect(retentionStrategy(health, expansion, T).strategy).toBe(strategy);
  });

  it("says why", () => {
    expect(retentionStrategy(85, 69.9, T).reason).toBe(
      "Health 85 ≥ 85 but expansion potential 69.9 < 70: high health without expansion potential calls for at-risk recovery.",
    );
    expect(retentionStrategy(70, 10, T).reason).toBe("Health 70 is between 70 and 85.");
  });
});

describe("retention plan", () => {
  const now = new Date("2026-05-01T02:00:00.000Z");
  const facts = { satisfaction: 9.2, successScore: 97, onTime: true, openIssues: 0, escalations: 0 };
  it("dates the strategy's immediate and follow-up actions and sets the next touchpoint at +7 days", () => {
    const plan = planRetention({ health: 90, expansion: 80, facts, now }, DEFAULT_RETENTION_CONFIG);
    expect(plan.strategy).toBe("HIGH_SATISFACTION_EXPANSION");
    expect(plan.actions.map((a) => [a.phase, a.key, a.dueAt.toISOString().slice(0, 10)])).toEqual([
      ["immediate", "dedicated_account_manager", "2026-05-03"],
      ["immediate", "additional_mvp_features", "2026-05-08"],
      ["follow_up", "maintenance_contract", "2026-05-15"],
      ["follow_up", "enterprise_scaling", "2026-05-31"],
      ["follow_up", "early_access_programs", "2026-06-15"],
    ]);
    expect(plan.nextTouchpointAt).toEqual(new Date("2026-05-08T02:00:00.000Z"));
    expect(plan.successMetrics.length).toBeGreaterThan(0);
    expect(plan.triggers.map((t) => [t.condition, t.met])).toEqual([
      ["satisfaction_score", true],
      ["success_score", true],
      ["project_completion", true],
    ]);
    // the account page shows the text: product words, no stored keys
    expect(plan.triggers[2]?.text).toBe("Project completion = on time: actual on time — met");
  });

  it("evaluates the at-risk triggers as risk signals (≤ satisfaction, ≤ success, ≥ escalations) and says when data is missing", () => {
    const t = evaluateTriggers("AT_RISK_RECOVERY", {
      satisfaction: 6,
      successScore: null,
      onTime: null,
      openIssues: 2,
      escalations: 2,
    });
    expect(t.map((x) => [x.condition, x.met])).toEqual([
      ["satisfaction_score", true],
      ["success_score", null],
      ["escalations_count", true],
    ]);
    expect(t[1]?.text).toBe("Success score ≤ 70: no data");
  });
});

describe("expansion potential", () => {
  const facts: ExpansionFacts = {
    health: 90,
    latestGuarantee: { status: "SUCCEEDED", successScore: 98 },
    csatMean: 9,
    npsScore: 60,
    completedProjects: 1,
    activeProjects: 1,
    endedProjects: 0,
    succeededServiceTypes: ["MVP_DEVELOPMENT"],
    largestContractCents: 32_000_000,
  };
  it("counts a project that ended undelivered in the relationship (none delivered), not as “no project yet”", () => {
    const r = expansionPotential(
      { ...facts, completedProjects: 0, activeProjects: 0, endedProjects: 1, succeededServiceTypes: [] },
      DEFAULT_RETENTION_CONFIG.expansion,
    );
    expect(r.factors.find((x) => x.key === "relationship")).toMatchObject({
      available: true,
      score: 30,
      display: "0 delivered, 0 running, 1 ended undelivered",
    });
    expect(
      expansionPotential({ ...facts, health: null }, DEFAULT_RETENTION_CONFIG.expansion).factors.find(
        (x) => x.key === "health",
      )?.available,
    ).toBe(false);
  });

  it("weights health, guarantee success, satisfaction, advocacy and relationship, with reasons and offerings", () => {
    const r = expansionPotential(facts, DEFAULT_RETENTION_CONFIG.expansion);
    // 0.35 × 90 + 0.25 × 98 + 0.15 × 90 + 0.15 × 80 + 0.1 × 60 = 31.5 + 24.5 + 13.5 + 12 + 6 = 87.5
    expect(r.score).toBe(87.5);
    expect(r.reasons[0]).toBe("For: The latest guarantee scored 98 (succeeded).");
    expect(r.opportunities.map((o) => o.key)).toEqual([
      "additional_mvp_features",
      "enterprise_scaling",
      "team_augmentation",
      "maintenance_contract",
    ]);
  });

  it("a failed guarantee and no projects delivered pull it down", () => {
    const r = expansionPotential(
      {
        ...facts,
        health: 50,
        latestGuarantee: { status: "FAILED", successScore: 58 },
        csatMean: 6,
        npsScore: -20,
        completedProjects: 0,
        succeededServiceTypes: [],
      },
      DEFAULT_RETENTION_CONFIG.expansion,
    );
    // 17.5 + 14.5 + 9 + 6 + 3 = 50
    expect(r.score).toBe(50);
    expect(r.opportunities.map((o) => o.key)).toEqual(["enterprise_scaling", "team_augmentation"]);
  });
});

describe("ZRetentionConfigSchema", () => {
  it("accepts the defaults and refuses weights that do not add up to 1", () => {
    expect(ZRetentionConfigSchema.safeParse(DEFAULT_RETENTION_CONFIG).success).toBe(true);
    const bad = structuredClone(DEFAULT_RETENTION_CONFIG);
    bad.health.weights.csat = 0.3;
    const r = ZRetentionConfigSchema.safeParse(bad);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["health.weights", "Health weights must add up to 1 (they add up to 1.1)"],
    ]);
  });

  it("refuses a moderate line above the high one", () => {
    const bad = structuredClone(DEFAULT_RETENTION_CONFIG);
    bad.strategy.healthModerate = 90;
    expect(ZRetentionConfigSchema.safeParse(bad).error?.issues[0]?.message).toBe(
      "The moderate health line cannot be above the high one",
    );
  });
});
