import { describe, expect, it } from "vitest";
import { analyzeFeasibility, weightedFeasibility, type ProjectRequest } from "./analyze";
import { DEFAULT_FEASIBILITY_CONFIG, type FeasibilityConfig } from "./config";

const reqs = (n: number) => Array.from({ length: n }, (_, i) => `Requirement ${i + 1}`);
/** 10 requirements → 2 + 10/5 = 4 weeks → 4 × $18,750 = $75,000: exactly covered on every axis. */
const base: ProjectRequest = {
  requirements: reqs(10),
  timelineWeeks: 4,
  budgetCents: 7_500_000,
  teamSize: 3,
  techStack: ["TypeScript", "PostgreSQL"],
  integrations: [],
  compliance: [],
};
const withTechnical = (patch: Partial<FeasibilityConfig["technical"]>): FeasibilityConfig => ({
  ...DEFAULT_FEASIBILITY_CONFIG,
  technical: { ...DEFAULT_FEASIBILITY_CONFIG.technical, ...patch },
});

describe("analyzeFeasibility — sub-scores (seed §1.2)", () => {
  it("a request covered on every axis scores 100 and proceeds", () => {
    const r = analyzeFeasibility(base, 80);
    expect([r.technical.score, r.timeline.score, r.resource.score, r.feasibilityScore]).toEqual([100, 100, 100, 100]);
    expect(r).toMatchObject({ passed: true, decision: "proceed", complexity: "low", blockers: [], riskFactors: [] });
    expect(r.timeline).toMatchObject({ requiredWeeks: 4, offeredWeeks: 4, ratio: 1 });
    expect(r.timeline.reasons[0]).toBe(
      "Needs 4 weeks: 2 base + 10 requirements ÷ 5 per week (2) + 0 integrations × 0.5 + 0 compliance regimes × 1, rounded up",
    );
    expect(r.resource).toMatchObject({ estimatedCostCents: 7_500_000, coverage: 1 });
    expect(r.resource.reasons[0]).toBe("Estimated cost $75,000: 4 weeks × $18,750");
    expect(r.recommendedApproach).toBe(
      "Proceed as scoped: low complexity, 4 weeks, estimated $75,000; run it as one fixed-scope plan of weekly milestones.",
    );
  });

  it("weights 0.4 / 0.3 / 0.3: technical 90, timeline 50, resource 40 → 63 exactly", () => {
    // no stack (−10); 3 of 4 weeks (ratio 0.75 → 50); $56,250 of $75,000 (0.75 → 50) minus 10 for a one-person team
    const r = analyzeFeasibility({ ...base, techStack: [], timelineWeeks: 3, budgetCents: 5_625_000, teamSize: 1 }, 70);
    expect([r.technical.score, r.timeline.score, r.resource.score]).toEqual([90, 50, 40]);
    expect(r.weights).toEqual({ technical: 0.4, timeline: 0.3, resource: 0.3 });
    expect(r.feasibilityScore).toBe(63); // 90 × 0.4 + 50 × 0.3 + 40 × 0.3 = 36 + 15 + 12
    expect(r.feasibilityScore).toBe(weightedFeasibility({ technical: 90, timeline: 50, resource: 40 }, r.weights));
    expect(r.explanation).toContain("Feasibility 63 = technical 90 × 0.4 + timeline 50 × 0.3 + resource 40 × 0.3");
    expect(r).toMatchObject({ passed: false, decision: "stop" });
    expect(weightedFeasibility({ technical: 100, timeline: 0, resource: 0 }, r.weights)).toBe(40);
    expect(weightedFeasibility({ technical: 0, timeline: 100, resource: 0 }, r.weights)).toBe(30);
  });

  it("integrations and compliance add weeks and technical penalties; regimes are matched without case or dashes", () => {
    const r = analyzeFeasibility(
      {
        ...base,
        requirements: reqs(20),
        integrations: ["Stripe", "Salesforce", "SAP"],
        compliance: ["HIPAA", "gdpr", "G.D.P.R."],
        timelineWeeks: 10,
        budgetCents: 18_750_000,
      },
      75,
    );
    expect(r.timeline.requiredWeeks).toBe(10); // ceil(2 + 20/5 + 3 × 0.5 + 2 × 1) = ceil(9.5)
    expect(r.technical.penalties.map((p) => [p.key, p.points])).toEqual([
      ["integrations", 15],
      ["compliance:HIPAA", 12],
      ["compliance:GDPR", 6],
    ]);
    expect(r.technical.score).toBe(67);
    expect(r.complexity).toBe("high"); // two compliance regimes
    expect(r.riskFactors.map((x) => [x.key, x.severity])).toEqual([
      ["compliance", "high"],
      ["integrations", "medium"],
    ]);
  });

  it("legacy technology, a wide stack, a large scope and duplicates are explained", () => {
    const stack = ["COBOL", "Java", "Kotlin", "Go", "Rust", "React", "Redis", "Kafka", "Postgres", "Elastic"];
    const r = analyzeFeasibility(
      {
        ...base,
        techStack: stack,
        requirements: [...reqs(50), "requirement 1"],
        timelineWeeks: 20,
        budgetCents: 50_000_000,
      },
      70,
    );
    expect(r.technical.penalties.map((p) => [p.key, p.points])).toEqual([
      ["stack_breadth", 4],
      ["legacy_tech", 8],
      ["large_scope", 2.5],
    ]);
    expect(r.technical.reasons.at(-1)).toBe("100 − 14.5 = 85.5");
    expect(r.riskFactors.find((x) => x.key === "duplicate_requirements")).toMatchObject({
      severity: "low",
      detail: "1 repeated requirement ignored",
    });
  });
});

describe("pass threshold 70 (seed §6), blockers and success probability", () => {
  it("exactly 70 passes, 69.9 does not", () => {
    // technical 100 − 75 = 25 → 25 × 0.4 + 100 × 0.3 + 100 × 0.3 = 70
    const at = analyzeFeasibility(
      { ...base, techStack: [] },
      80,
      withTechnical({ emptyStackPenalty: 75, blockerBelow: 0 }),
    );
    expect(at).toMatchObject({ feasibilityScore: 70, passed: true, decision: "proceed_with_conditions" });
    const below = analyzeFeasibility(
      { ...base, techStack: [] },
      80,
      withTechnical({ emptyStackPenalty: 75.3, blockerBelow: 0 }),
    );
    expect(below.technical.score).toBe(24.7);
    expect(below).toMatchObject({ feasibilityScore: 69.9, passed: false, decision: "stop" });
    expect(below.recommendedApproach).toMatch(/^Re-scope before committing: feasibility is below the 70 bar/);
  });

  it("success probability = 0.97 × (0.6 × feasibility + 0.4 × qualification) / 100, capped at 0.5 with a blocker", () => {
    const r = analyzeFeasibility(base, 80);
    expect(r.successProbability).toBe(0.89); // 0.97 × 92 / 100 = 0.8924
    expect(r.successProbabilityReasons).toEqual([
      "0.6 × feasibility 100 + 0.4 × qualification 80 = 92",
      "× 0.97 (no project is certain) = 0.89",
    ]);
    const blocked = analyzeFeasibility({ ...base, budgetCents: 0 }, 100);
    expect(blocked.blockers.map((b) => b.key)).toEqual(["budget_insufficient"]);
    expect(blocked.successProbability).toBe(0.5);
    expect(blocked.successProbabilityReasons.at(-1)).toBe("capped at 0.5 while a blocker stands");
  });

  it("half the weeks needed is a blocker with a re-scope plan", () => {
    const r = analyzeFeasibility({ ...base, requirements: reqs(40), budgetCents: 100_000_000 }, 70); // needs 10 weeks, 4 offered
    expect(r.timeline.score).toBe(0);
    expect(r.blockers).toEqual([{ key: "timeline_too_aggressive", detail: "4 weeks is at most 50% of the 10 needed" }]);
    expect(r.riskFactors[0]).toMatchObject({ key: "timeline_compressed", severity: "critical" });
    expect(r.recommendedApproach).toBe(
      "Do not commit to a fixed scope yet (timeline too aggressive): extend the timeline to 10 weeks or deliver the first 10 of 40 requirements in 4 weeks and phase the rest.",
    );
  });

  it("no customer team is a blocker; a weak qualification is a high risk", () => {
    const r = analyzeFeasibility({ ...base, teamSize: 0 }, 40);
    expect(r.resource.score).toBe(70);
    expect(r.blockers.map((b) => b.key)).toEqual(["no_customer_team"]);
    expect(r.riskFactors.map((x) => x.key)).toEqual(["no_customer_team", "low_qualification"]);
  });
});

describe("bounded, deterministic, configurable", () => {
  it.each<[string, Partial<ProjectRequest>, number]>([
    ["a huge timeline", { timelineWeeks: 1e12 }, 80],
    ["budget 0 and team 0", { budgetCents: 0, teamSize: 0 }, 80],
    ["budget 1e15", { budgetCents: 1e15 }, 80],
    ["timeline 0 weeks", { timelineWeeks: 0 }, 80],
    ["10,000 requirements", { requirements: reqs(10_000) }, 80],
    [
      "NaN and Infinity",
      { timelineWeeks: Number.NaN, budgetCents: Number.POSITIVE_INFINITY, teamSize: -5 },
      Number.NaN,
    ],
    ["a qualification above 100", {}, 1e9],
  ])("%s gives bounded scores", (_name, patch, qualification) => {
    const r = analyzeFeasibility({ ...base, ...patch }, qualification);
    for (const s of [r.technical.score, r.timeline.score, r.resource.score, r.feasibilityScore]) {
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
    expect(r.successProbability).toBeGreaterThanOrEqual(0);
    expect(r.successProbability).toBeLessThanOrEqual(1);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|null/);
  });

  it("same input → deep-equal output", () => {
    const request = { ...base, integrations: ["Stripe", "HubSpot", "Slack"], compliance: ["SOC 2"] };
    expect(analyzeFeasibility(request, 66)).toEqual(analyzeFeasibility(request, 66));
  });

  it("a custom config changes the result: doubling the weekly cost halves the budget coverage", () => {
    const pricey: FeasibilityConfig = {
      ...DEFAULT_FEASIBILITY_CONFIG,
      resource: { ...DEFAULT_FEASIBILITY_CONFIG.resource, weeklyDeliveryCostCents: 3_750_000 },
    };
    const r = analyzeFeasibility(base, 80, pricey);
    expect(r.resource).toMatchObject({ estimatedCostCents: 15_000_000, coverage: 0.5, score: 0 });
    expect(r.feasibilityScore).toBe(70);
    expect(r.blockers.map((b) => b.key)).toEqual(["budget_insufficient"]);
    const heavy: FeasibilityConfig = {
      ...DEFAULT_FEASIBILITY_CONFIG,
      weights: { technical: 0.2, timeline: 0.2, resource: 0.6 },
    };
    expect(analyzeFeasibility(base, 80, { ...pricey, weights: heavy.weights }).feasibilityScore).toBe(40);
  });
});
