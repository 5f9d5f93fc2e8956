import { describe, expect, it } from "vitest";
import type { ServiceType } from "@/generated/prisma/enums";
import {
  DEFAULT_CRITERION_KEYS,
  DEFAULT_QUALIFICATION_CONFIG,
  SEED_CRITERIA,
  SERVICE_TYPES,
  type Answer,
  type QualificationConfig,
} from "./config";
import { scoreQualification, type QualificationAnswers, type QualificationContext } from "./score";

const all = (answer: Answer): Record<string, Answer> =>
  Object.fromEntries(DEFAULT_CRITERION_KEYS.map((k) => [k, answer]));
const statusOf = (r: ReturnType<typeof scoreQualification>, t: ServiceType) =>
  r.fit.find((f) => f.serviceType === t)?.status;
const criterion = (r: ReturnType<typeof scoreQualification>, key: string) =>
  r.categories.flatMap((c) => c.criteria).find((c) => c.key === key);

describe("scoreQualification — seed §1.1 points", () => {
  it("all criteria met → 235 points → 100, ideal for every service type", () => {
    const r = scoreQualification(all("full"));
    expect(r).toMatchObject({ points: 235, maxPoints: 235, score: 100, passed: true });
    expect(r.categories.map((c) => [c.key, c.points, c.maxPoints])).toEqual([
      ["technical_readiness", 70, 70],
      ["business_readiness", 75, 75],
      ["financial_readiness", 55, 55],
      ["organizational_readiness", 35, 35],
    ]);
    expect(r.fit.map((f) => f.status)).toEqual(["ideal", "ideal", "ideal"]);
    // all ideal with every key factor present: the widest margin over the minimum (55 < 60 < 65) first
    expect(r.recommendedServiceTypes).toEqual(["TEAM_AUGMENTATION", "MVP_DEVELOPMENT", "LEGACY_MODERNIZATION"]);
    expect(r.improvements).toEqual([]);
    expect(r.explanation).toContain("235 of 235 points → 100/100");
  });

  it("nothing answered (or all none) → 0 points, fails, nothing fits", () => {
    for (const answers of [{}, all("none")]) {
      const r = scoreQualification(answers);
      expect(r).toMatchObject({ points: 0, score: 0, passed: false, recommendedServiceTypes: [] });
    }
    expect(criterion(scoreQualification({}), "budget_defined")?.reason).toBe(
      'Left blank, counted as "none": 0 of 25 points',
    );
  });

  it("partial credit = half the points rounded down: all partial → 115 points → 48.9", () => {
    const r = scoreQualification(all("partial"));
    expect(r.categories.map((c) => c.points)).toEqual([34, 37, 27, 17]);
    expect(r).toMatchObject({ points: 115, score: 48.9 });
    expect(criterion(r, "existing_codebase")).toMatchObject({
      points: 12,
      reason: 'Answered "partial": 50% of 25 = 12 points (rounded down)',
    });
    expect(criterion(r, "development_team")).toMatchObject({
      points: 10,
      reason: 'Answered "partial": 50% of 20 = 10 points',
    });
  });

  it("a mixed example, computed by hand: 45 + 55 + 32 + 15 = 147 points → 62.6", () => {
    const answers: QualificationAnswers = {
      existing_codebase: "full",
      development_team: "partial",
      project_documentation: "none",
      technical_stack_clarity: "full", // 25+10+0+10
      clear_requirements: "full",
      defined_timeline: "partial",
      stakeholder_alignment: "full",
      success_criteria: "none", // 30+10+15+0
      budget_defined: "partial",
      decision_authority: "full", // 12+20, contract_timeline blank
      change_management: "none",
      team_availability: "full",
      communication_structure: "partial", // 0+10+5
    };
    const r = scoreQualification(answers);
    expect(r.categories.map((c) => c.points)).toEqual([45, 55, 32, 15]);
    expect(r).toMatchObject({ points: 147, score: 62.6, passed: true });
    expect(r.fit.map((f) => [f.serviceType, f.status])).toEqual([
      ["MVP_DEVELOPMENT", "fits"],
      ["LEGACY_MODERNIZATION", "below_minimum"],
      ["TEAM_AUGMENTATION", "fits"],
    ]);
    // equal key-factor coverage (2 of 3) → the wider margin over the minimum wins: 62.6 − 55 > 62.6 − 60
    expect(r.recommendedServiceTypes).toEqual(["TEAM_AUGMENTATION", "MVP_DEVELOPMENT"]);
    expect(r.fit[1]?.reasons[0]).toBe("Score 62.6 is below the minimum 65 (2.4 short)");
    expect(r.improvements.map((i) => [i.criterion, i.gainPoints])).toEqual([
      ["project_documentation", 15],
      ["change_management", 15],
      ["budget_defined", 13],
      ["development_team", 10],
      ["defined_timeline", 10],
      ["success_criteria", 10],
      ["contract_timeline", 10],
      ["communication_structure", 5],
    ]);
    expect(r.improvements.find((i) => i.criterion === "success_criteria")?.message).toBe(
      "Define measurable success criteria: +10 points (+4.3)",
    );
  });

  it("every gain is sorted best first and adds up to the points missing", () => {
    const r = scoreQualification({ ...all("partial"), clear_requirements: "none", existing_codebase: "full" });
    const gains = r.improvements.map((i) => i.gainPoints);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(gains.reduce((a, b) => a + b, 0)).toBe(r.maxPoints - r.points);
    expect(r.improvements[0]).toMatchObject({ criterion: "clear_requirements", gainPoints: 30, gainScore: 12.8 });
  });
});

describe("pass score and service minimums (seed §1.1, §6)", () => {
  // seed criteria: 141 points is exactly 60.0; 140 is 59.6
  const at60: QualificationAnswers = {
    ...all("full"),
    existing_codebase: "partial",
    clear_requirements: "none",
    budget_defined: "partial",
    decision_authority: "none",
    contract_timeline: "none",
    change_management: "partial",
  };
  const at59_6: QualificationAnswers = {
    ...all("full"),
    clear_requirements: "none",
    defined_timeline: "none",
    budget_defined: "none",
    decision_authority: "none",
  };

  it("seed points: 60.0 passes and fits MVP; 59.6 fails and does not", () => {
    const pass = scoreQualification(at60);
    expect(pass).toMatchObject({ points: 141, score: 60, passed: true });
    expect(statusOf(pass, "MVP_DEVELOPMENT")).toBe("fits");
    const fail = scoreQualification(at59_6);
    expect(fail).toMatchObject({ points: 140, score: 59.6, passed: false });
    expect(statusOf(fail, "MVP_DEVELOPMENT")).toBe("below_minimum");
    expect(statusOf(fail, "TEAM_AUGMENTATION")).toBe("fits");
  });

  /** 1,000 points in two criteria so every tenth of a score is reachable; the seed's fit thresholds kept. */
  function tenths(score10: number): { config: QualificationConfig; answers: QualificationAnswers } {
    const seed = DEFAULT_QUALIFICATION_CONFIG.fitMatrix;
    const noRules = (t: ServiceType) => ({ ...seed[t], keyFactors: [], disqualifiers: [] });
    const fitMatrix = {
      MVP_DEVELOPMENT: noRules("MVP_DEVELOPMENT"),
      LEGACY_MODERNIZATION: noRules("LEGACY_MODERNIZATION"),
      TEAM_AUGMENTATION: noRules("TEAM_AUGMENTATION"),
    };
    const config: QualificationConfig = {
      ...DEFAULT_QUALIFICATION_CONFIG,
      criteria: { readiness: { hit: score10, miss: 1000 - score10 } },
      fitMatrix,
      disqualifierRules: {},
    };
    return { config, answers: { hit: "full", miss: "none" } };
  }
  const run = (score10: number) => {
    const { config, answers } = tenths(score10);
    return scoreQualification(answers, {}, config);
  };

  it.each([
    ["TEAM_AUGMENTATION", 55, 65],
    ["MVP_DEVELOPMENT", 60, 70],
    ["LEGACY_MODERNIZATION", 65, 75],
  ] as const)("%s: exactly %d fits, 0.1 below does not; ideal from exactly %d", (type, minimum, idealLow) => {
    expect(run(minimum * 10).score).toBe(minimum);
    expect(statusOf(run(minimum * 10), type)).toBe("fits");
    expect(run(minimum * 10 - 1).score).toBe(minimum - 0.1);
    expect(statusOf(run(minimum * 10 - 1), type)).toBe("below_minimum");
    expect(statusOf(run(idealLow * 10), type)).toBe("ideal");
    expect(statusOf(run(idealLow * 10 - 1), type)).toBe("fits");
  });

  it("passes at exactly 60.0 and not at 59.9", () => {
    expect(run(600)).toMatchObject({ score: 60, passed: true });
    expect(run(599)).toMatchObject({ score: 59.9, passed: false });
  });
});

describe("disqualifiers override the score", () => {
  // the four criteria behind answer-based disqualifiers are worth 0 here, so the score stays 100
  const free = new Set(["stakeholder_alignment", "development_team", "team_availability", "communication_structure"]);
  const zeroed: QualificationConfig = {
    ...DEFAULT_QUALIFICATION_CONFIG,
    criteria: Object.fromEntries(
      Object.entries(SEED_CRITERIA).map(([cat, c]) => [
        cat,
        Object.fromEntries(Object.entries(c).map(([k, p]) => [k, free.has(k) ? 0 : p])),
      ]),
    ),
  };

  it.each<[string, QualificationAnswers, QualificationContext, ServiceType[]]>([
    ["no_stakeholder_alignment", { stakeholder_alignment: "none" }, {}, ["MVP_DEVELOPMENT"]],
    ["unrealistic_timeline", {}, { desiredTimelineWeeks: 3 }, ["MVP_DEVELOPMENT"]],
    ["no_technical_team", { development_team: "none" }, {}, ["LEGACY_MODERNIZATION", "TEAM_AUGMENTATION"]],
    ["business_critical_without_fallback", {}, { businessCritical: true }, ["LEGACY_MODERNIZATION"]],
    ["no_existing_team", { team_availability: "none" }, {}, ["TEAM_AUGMENTATION"]],
    ["poor_communication_structure", { communication_structure: "none" }, {}, ["TEAM_AUGMENTATION"]],
  ])("%s rules its service out at a score of 100", (key, override, context, ruledOut) => {
    const r = scoreQualification({ ...all("full"), ...override }, context, zeroed);
    expect(r.score).toBe(100);
    for (const f of r.fit) {
      expect(f.status).toBe(ruledOut.includes(f.serviceType) ? "disqualified" : "ideal");
    }
    const applied = r.fit.flatMap((f) => f.disqualifiers).find((d) => d.key === key);
    expect(applied?.applies).toBe(true);
    expect([...r.recommendedServiceTypes].sort()).toEqual(SERVICE_TYPES.filter((t) => !ruledOut.includes(t)).sort());
  });

  it("with the seed's points a missing stakeholder alignment still scores 93.6 yet rules MVP out, with reasons", () => {
    const r = scoreQualification({ ...all("full"), stakeholder_alignment: "none" });
    expect(r.score).toBe(93.6);
    const mvp = r.fit[0];
    expect(mvp?.status).toBe("disqualified");
    expect(mvp?.reasons.at(-1)).toBe(
      'Ruled out whatever the score by No stakeholder alignment (Stakeholder alignment answered "none" (or left blank))',
    );
    expect(r.improvements.find((i) => i.criterion === "stakeholder_alignment")?.lifts).toEqual([
      "No stakeholder alignment",
    ]);
    expect(r.explanation).toContain("Ruled out: MVP development (No stakeholder alignment)");
  });

  it("does not apply at the edge: 4 weeks, a fallback plan, no timeline given, a partial answer", () => {
    const dq = (answers: QualificationAnswers, context: QualificationContext) =>
      scoreQualification({ ...all("full"), ...answers }, context)
        .fit.flatMap((f) => f.disqualifiers)
        .filter((d) => d.applies);
    expect(dq({}, { desiredTimelineWeeks: 4 })).toEqual([]);
    expect(dq({}, { businessCritical: true, hasFallbackPlan: true })).toEqual([]);
    expect(dq({}, {})).toEqual([]);
    expect(
      dq({ stakeholder_alignment: "partial", development_team: "partial", communication_structure: "partial" }, {}),
    ).toEqual([]);
  });

  it("a disqualifier triggered by two blank answers is lifted by neither alone", () => {
    const r = scoreQualification({ ...all("full"), development_team: "none", team_availability: "none" });
    expect(r.improvements.find((i) => i.criterion === "team_availability")?.lifts).toEqual([]);
    expect(r.improvements.find((i) => i.criterion === "development_team")?.lifts).toEqual(["No technical team"]);
  });
});

describe("key factors", () => {
  const legacyFactor = (answers: QualificationAnswers) =>
    scoreQualification(answers)
      .fit.find((f) => f.serviceType === "LEGACY_MODERNIZATION")
      ?.keyFactors.find((k) => k.key === "technical_readiness");

  it("names a category: present at ≥ 70% of its points, partly at ≥ 35%", () => {
    expect(
      legacyFactor({ existing_codebase: "full", development_team: "full", project_documentation: "partial" }),
    ).toMatchObject({
      kind: "category",
      present: "yes",
      reason: "Technical readiness: 52/70 points (74%, present at ≥ 70%)",
    });
    expect(
      legacyFactor({
        existing_codebase: "full",
        development_team: "partial",
        project_documentation: "partial",
        technical_stack_clarity: "partial",
      })?.present,
    ).toBe("partial");
    expect(legacyFactor({ development_team: "partial", technical_stack_clarity: "full" })?.present).toBe("no");
  });

  it("names a criterion: full → yes, partial → partial, none → no", () => {
    const mvp = scoreQualification({ clear_requirements: "full", defined_timeline: "partial" }).fit[0];
    expect(mvp?.keyFactors.map((k) => [k.key, k.present])).toEqual([
      ["clear_requirements", "yes"],
      ["defined_timeline", "partial"],
      ["budget_defined", "no"],
    ]);
    expect(mvp?.keyFactorCoverage).toBe(0.5);
    expect(mvp?.reasons[1]).toBe(
      "Key factors present: Clear requirements; partly present: Defined timeline; missing: Budget defined",
    );
  });
});

describe("configuration and determinism", () => {
  it("a custom config changes the result", () => {
    const generous: QualificationConfig = { ...DEFAULT_QUALIFICATION_CONFIG, partialCredit: 0.75, passScore: 70 };
    const r = scoreQualification(all("partial"), {}, generous);
    // 75% rounded down: (18+15+11+7) + (22+15+11+7) + (18+15+7) + (11+7+7) = 51 + 55 + 40 + 25
    expect(r).toMatchObject({ points: 171, score: 72.8, passed: true });
    expect(scoreQualification(all("partial")).passed).toBe(false);
  });

  it("same input → deep-equal output; unknown answer keys are reported, not scored", () => {
    const answers = { ...all("partial"), clear_requirements: "full", not_a_criterion: "full" } as QualificationAnswers;
    const a = scoreQualification(answers, { desiredTimelineWeeks: 6 });
    expect(scoreQualification(answers, { desiredTimelineWeeks: 6 })).toEqual(a);
    expect(a.ignoredAnswers).toEqual(["not_a_criterion"]);
    expect(a.points).toBe(115 - 15 + 30);
  });
});
