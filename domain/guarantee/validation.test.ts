import { describe, expect, it } from "vitest";
import { DEFAULT_GUARANTEE_CONFIG, ZGuaranteeConfigSchema } from "./config";
import { finalValidation, type ValidationFacts } from "./validation";

const END = "2026-03-31T09:00:00.000Z";
const BEFORE = "2026-03-20T09:00:00.000Z";
const AFTER = "2026-04-02T09:00:00.000Z";

function facts(opts: {
  met: number;
  weeks?: number;
  coverage?: number | null;
  csat?: number[];
  patch?: Partial<ValidationFacts>;
}): ValidationFacts {
  const total = opts.weeks ?? 4;
  return {
    endsAt: END,
    weeks: Array.from({ length: total }, (_, i) => ({
      weekNumber: i + 1,
      title: `Week ${i + 1}`,
      status: i < opts.met ? "SUCCESS" : "FAILED",
      score: i < opts.met ? 90 : 50,
      validatedAt: BEFORE,
    })),
    signOffs: [{ decision: "APPROVED", by: "Paula Owens", at: BEFORE }],
    coverage:
      opts.coverage === null || opts.coverage === undefined
        ? []
        : [{ value: opts.coverage, at: BEFORE, commitSha: "abcdef0123456789", buildUrl: "https://ci.example/1" }],
    responses: (opts.csat ?? []).map((score, i) => ({
      kind: "CSAT" as const,
      score,
      comment: i === 0 ? "Great team" : null,
      by: "Paula Owens",
      at: BEFORE,
    })),
    ...opts.patch,
  };
}

describe("finalValidation (seed §5.1, §1.3: delivery 40 %, coverage 30 %, CSAT 30 %)", () => {
  it("scores a fully met guarantee 100: every criterion capped at 100 even above its target", () => {
    const r = finalValidation(facts({ met: 4, coverage: 97, csat: [9, 10] }), 85, DEFAULT_GUARANTEE_CONFIG);
    expect(r.criteria.map((c) => [c.key, c.weight, c.target, c.actual, c.achievementScore, c.weightedScore])).toEqual([
      ["mvp_delivered", 0.4, 100, 100, 100, 40],
      ["test_coverage", 0.3, 95, 97, 100, 30],
      ["customer_satisfaction", 0.3, 8.5, 9.5, 100, 30],
    ]);
    expect(r).toMatchObject({ successScore: 100, overallSuccess: true, margin: 15, caseStudyPotential: true });
    expect(r.explanation).toBe(
      "40 (Functional MVP delivered within timeline) + 30 (95%+ test coverage maintained) + 30 (Customer satisfaction score ≥ 8.5/10) = 100, at or above the guarantee's threshold of 85: met.",
    );
  });

  it("reproduces the demo's refunded project: 1 of 4 weeks, 84 % coverage, CSAT 6.3 → 58.77, not met", () => {
    const r = finalValidation(facts({ met: 1, coverage: 84, csat: [6.3] }), 85, DEFAULT_GUARANTEE_CONFIG);
    // 25 × 0.4 = 10; 84 / 95 = 88.42 × 0.3 = 26.53; 6.3 / 8.5 = 74.12 × 0.3 = 22.24
    expect(r.criteria.map((c) => [c.achievementScore, c.weightedScore])).toEqual([
      [25, 10],
      [88.42, 26.53],
      [74.12, 22.24],
    ]);
    expect(r).toMatchObject({
      successScore: 58.77,
      overallSuccess: false,
      margin: -26.23,
      caseStudyPotential: false,
      caseStudyReasons: ["The guarantee was not met"],
    });
  });

  it("meets the guarantee exactly at its threshold and misses it just above", () => {
    // 3 of 4 weeks = 75 × 0.4 = 30; coverage 95 → 30; CSAT 8.5 → 30: exactly 90
    const f = facts({ met: 3, coverage: 95, csat: [8, 9] });
    expect(finalValidation(f, 90, DEFAULT_GUARANTEE_CONFIG)).toMatchObject({
      successScore: 90,
      overallSuccess: true,
      margin: 0,
    });
    expect(finalValidation(f, 90.01, DEFAULT_GUARANTEE_CONFIG)).toMatchObject({
      successScore: 90,
      overallSuccess: false,
    });
  });

  it("counts only what happened by the clock's end: later validations, CI evidence and answers do not", () => {
    const f = facts({ met: 4, coverage: 97, csat: [9] });
    f.weeks = f.weeks.map((w) => (w.weekNumber === 4 ? { ...w, validatedAt: AFTER } : w));
    f.coverage.push({ value: 40, at: AFTER, commitSha: null, buildUrl: null });
    f.responses.push({ kind: "CSAT", score: 0, comment: "late", by: "X", at: AFTER });
    const r = finalValidation(f, 85, DEFAULT_GUARANTEE_CONFIG);
    expect(r.criteria.map((c) => c.actual)).toEqual([75, 97, 9]);
    expect(r.criteria[0]?.evidence[3]).toBe("Week 4 (Week 4): met after the clock's end, score 90");
    expect(r.successScore).toBe(90);
  });

  it("scores a criterion without data 0 and says why", () => {
    const r = finalValidation(facts({ met: 0, weeks: 0, coverage: null, csat: [] }), 85, DEFAULT_GUARANTEE_CONFIG);
    expect(r.criteria.map((c) => [c.actual, c.achievementScore])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
    expect(r.criteria.map((c) => c.reason)).toEqual([
      "No data (no weekly milestones): achievement 0 × weight 0.4 = 0",
      "No data (no coverage evidence): achievement 0 × weight 0.3 = 0",
      "No data (no CSAT answer): achievement 0 × weight 0.3 = 0",
    ]);
    expect(r.successScore).toBe(0);
  });

  it("records evidence, stakeholder confirmation and testimonials (positive comments only)", () => {
    const f = facts({ met: 4, coverage: 96, csat: [9, 5] });
    f.responses = f.responses.map((r, i) => (i === 1 ? { ...r, comment: "Too slow" } : r));
    const r = finalValidation(f, 85, DEFAULT_GUARANTEE_CONFIG);
    expect(r.criteria[0]?.stakeholderConfirmation).toMatchObject({ confirmed: true, by: ["Paula Owens"] });
    expect(r.criteria[1]?.evidence[0]).toContain("96% coverage (commit abcdef012345, https://ci.example/1)");
    expect(r.criteria[2]?.stakeholderConfirmation.testimonials).toEqual(["“Great team” — Paula Owens"]);
  });

  it("flags case-study potential only from 95 with every criterion achieved ≥ 90", () => {
    const strong = finalValidation(facts({ met: 4, coverage: 95, csat: [8] }), 85, DEFAULT_GUARANTEE_CONFIG);
    // CSAT 8 / 8.5 = 94.12 × 0.3 = 28.24 → 98.24, every criterion ≥ 90
    expect(strong).toMatchObject({ successScore: 98.24, caseStudyPotential: true });
    const uneven = finalValidation(facts({ met: 4, coverage: 95, csat: [7.5] }), 85, DEFAULT_GUARANTEE_CONFIG);
    // 7.5 / 8.5 = 88.24 < 90: met (96.47) but no case study
    expect(uneven).toMatchObject({ successScore: 96.47, overallSuccess: true, caseStudyPotential: false });
    expect(uneven.caseStudyReasons[1]).toBe("Customer satisfaction score ≥ 8.5/10 achieved 88.24 (below 90)");
  });

  it("is reproducible: the same stored facts give the same outcome", () => {
    const f = facts({ met: 2, coverage: 88, csat: [8] });
    expect(finalValidation(JSON.parse(JSON.stringify(f)) as ValidationFacts, 85, DEFAULT_GUARANTEE_CONFIG)).toEqual(
      finalValidation(f, 85, DEFAULT_GUARANTEE_CONFIG),
    );
  });
});

describe("ZGuaranteeConfigSchema", () => {
  it("accepts the seed's defaults", () => {
    expect(ZGuaranteeConfigSchema.safeParse(DEFAULT_GUARANTEE_CONFIG).success).toBe(true);
  });

  it("refuses weights that do not add up to 1, a metric twice and a CSAT target above 10", () => {
    const [delivery, coverage] = DEFAULT_GUARANTEE_CONFIG.criteria;
    const bad = {
      ...DEFAULT_GUARANTEE_CONFIG,
      criteria: [
        { ...delivery, weight: 0.5 },
        coverage,
        { key: "coverage_again", name: "Coverage again", metric: "coverage", weight: 0.3, target: 95 },
      ],
    };
    const r = ZGuaranteeConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        "The criteria weights must add up to 1 (they add up to 1.1)",
        "The coverage metric is measured once; merge the criteria",
      ]),
    );
    const csat = {
      ...DEFAULT_GUARANTEE_CONFIG,
      criteria: DEFAULT_GUARANTEE_CONFIG.criteria.map((c) => (c.metric === "csat" ? { ...c, target: 11 } : c)),
    };
    expect(ZGuaranteeConfigSchema.safeParse(csat).error?.issues[0]?.message).toBe("A csat target is at most 10");
  });
});
