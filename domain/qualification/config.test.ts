import { describe, expect, it } from "vitest";
import {
  DEFAULT_CRITERION_KEYS,
  DEFAULT_QUALIFICATION_CONFIG,
  SEED_CRITERIA,
  ZQualificationConfigSchema,
  type QualificationConfig,
} from "./config";

const messages = (input: unknown) => {
  const r = ZQualificationConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
};
const withFit = (
  type: keyof QualificationConfig["fitMatrix"],
  patch: Partial<QualificationConfig["fitMatrix"]["MVP_DEVELOPMENT"]>,
) => ({
  ...DEFAULT_QUALIFICATION_CONFIG,
  fitMatrix: {
    ...DEFAULT_QUALIFICATION_CONFIG.fitMatrix,
    [type]: { ...DEFAULT_QUALIFICATION_CONFIG.fitMatrix[type], ...patch },
  },
});

describe("DEFAULT_QUALIFICATION_CONFIG (seed §1.1)", () => {
  it("holds the seed's 4 categories, 14 criteria and 235 points and validates as-is", () => {
    expect(Object.keys(SEED_CRITERIA)).toHaveLength(4);
    expect(DEFAULT_CRITERION_KEYS).toHaveLength(14);
    expect(
      Object.values(SEED_CRITERIA)
        .flatMap((c) => Object.values(c))
        .reduce((a, b) => a + b, 0),
    ).toBe(235);
    expect(ZQualificationConfigSchema.parse(DEFAULT_QUALIFICATION_CONFIG)).toEqual(DEFAULT_QUALIFICATION_CONFIG);
  });

  it("parses the demo seed's TenantConfig v1 (no disqualifier rules, an extra maxPoints) into the defaults", () => {
    const v1 = {
      criteria: SEED_CRITERIA,
      maxPoints: 235,
      partialCredit: 0.5,
      passScore: 60,
      fitMatrix: DEFAULT_QUALIFICATION_CONFIG.fitMatrix,
    };
    expect(ZQualificationConfigSchema.parse(v1)).toEqual(DEFAULT_QUALIFICATION_CONFIG);
  });
});

describe("ZQualificationConfigSchema refuses edits that make scores meaningless", () => {
  it("negative, fractional, huge or non-numeric points", () => {
    const at = (value: unknown) =>
      messages({
        ...DEFAULT_QUALIFICATION_CONFIG,
        criteria: {
          ...SEED_CRITERIA,
          technical_readiness: { ...SEED_CRITERIA.technical_readiness, existing_codebase: value },
        },
      });
    expect(at(-5)).toEqual(["criteria.technical_readiness.existing_codebase: Points cannot be negative"]);
    expect(at(2.5)).toEqual(["criteria.technical_readiness.existing_codebase: Points must be whole numbers"]);
    expect(at(1001)).toEqual([
      "criteria.technical_readiness.existing_codebase: A criterion is worth at most 1,000 points",
    ]);
    expect(at("ten")).toEqual(["criteria.technical_readiness.existing_codebase: Points must be a number"]);
  });

  it("no criterion worth anything, an empty category, no categories", () => {
    const zero = Object.fromEntries(
      Object.entries(SEED_CRITERIA).map(([cat, c]) => [cat, Object.fromEntries(Object.keys(c).map((k) => [k, 0]))]),
    );
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, criteria: zero })).toEqual([
      "criteria: At least one criterion must be worth points, otherwise every score is 0",
    ]);
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, criteria: { ...SEED_CRITERIA, extra: {} } })).toEqual([
      'criteria.extra: The category "extra" has no criteria; add one or remove the category',
    ]);
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, criteria: {} })[0]).toBe(
      "criteria: Add at least one category of criteria",
    );
  });

  it("a criterion in two categories, or named like a category", () => {
    const twice = { ...SEED_CRITERIA, extra: { clear_requirements: 5 } };
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, criteria: twice })).toEqual([
      'criteria.extra.clear_requirements: The criterion "clear_requirements" appears in both business_readiness and extra; keep it in one',
    ]);
    const clash = { ...SEED_CRITERIA, extra: { business_readiness: 5 } };
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, criteria: clash })[0]).toContain(
      '"business_readiness" is already a category name',
    );
  });

  it("partial credit outside 0–1 and a pass score outside 0–100", () => {
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, partialCredit: 1.5 })).toEqual([
      "partialCredit: The partial credit is a fraction from 0 to 1 (0.5 = half)",
    ]);
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, passScore: 120 })).toEqual([
      "passScore: The pass score is a score from 0 to 100",
    ]);
  });

  it("an ideal range starting below the minimum, or reversed", () => {
    expect(messages(withFit("LEGACY_MODERNIZATION", { idealScoreRange: [60, 100] }))).toEqual([
      "fitMatrix.LEGACY_MODERNIZATION.idealScoreRange: The ideal range for LEGACY_MODERNIZATION starts at 60, below its minimum score 65; it must start at or above the minimum",
    ]);
    expect(messages(withFit("MVP_DEVELOPMENT", { idealScoreRange: [90, 80] }))).toEqual([
      "fitMatrix.MVP_DEVELOPMENT.idealScoreRange: The ideal range for MVP_DEVELOPMENT starts above where it ends (90 > 80); put the lower bound first",
    ]);
    expect(messages(withFit("MVP_DEVELOPMENT", { minimumScore: -1 }))).toEqual([
      "fitMatrix.MVP_DEVELOPMENT.minimumScore: The minimum score is a score from 0 to 100",
    ]);
  });

  it("key factors and disqualifiers that name nothing known", () => {
    expect(messages(withFit("MVP_DEVELOPMENT", { keyFactors: ["clear_requirements", "good_vibes"] }))).toEqual([
      'fitMatrix.MVP_DEVELOPMENT.keyFactors: The key factor "good_vibes" for MVP_DEVELOPMENT is neither a criterion nor a category',
    ]);
    expect(messages(withFit("TEAM_AUGMENTATION", { disqualifiers: ["no_budget"] }))[0]).toMatch(
      /^fitMatrix\.TEAM_AUGMENTATION\.disqualifiers: The disqualifier "no_budget" for TEAM_AUGMENTATION is not defined; known: no_stakeholder_alignment, /,
    );
  });

  it("a disqualifier rule reading a removed criterion, and a missing service type", () => {
    const { organizational_readiness: _dropped, ...rest } = SEED_CRITERIA;
    const withoutOrg = withFit("LEGACY_MODERNIZATION", { keyFactors: ["existing_codebase"] });
    expect(
      messages({
        ...withoutOrg,
        criteria: rest,
        fitMatrix: {
          ...withoutOrg.fitMatrix,
          TEAM_AUGMENTATION: { ...withoutOrg.fitMatrix.TEAM_AUGMENTATION, keyFactors: [] },
        },
      }),
    ).toEqual([
      'disqualifierRules.no_existing_team.criteria: The disqualifier "No existing team" reads the criterion "team_availability", which the criteria do not include',
      'disqualifierRules.poor_communication_structure.criteria: The disqualifier "Poor communication structure" reads the criterion "communication_structure", which the criteria do not include',
    ]);
    const { TEAM_AUGMENTATION: _gone, ...twoTypes } = DEFAULT_QUALIFICATION_CONFIG.fitMatrix;
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, fitMatrix: twoTypes })[0]).toMatch(
      /^fitMatrix\.TEAM_AUGMENTATION: /,
    );
  });

  it("a 'partly present' share above the 'present' share, and a malformed rule", () => {
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, categoryFactorShares: { present: 0.5, partial: 0.6 } })).toEqual(
      ["categoryFactorShares.partial: The 'partly present' share must not be above the 'present' share"],
    );
    const badRule = {
      ...DEFAULT_QUALIFICATION_CONFIG.disqualifierRules,
      unrealistic_timeline: { kind: "timeline_under", label: "Too fast", minWeeks: 0 },
    };
    expect(messages({ ...DEFAULT_QUALIFICATION_CONFIG, disqualifierRules: badRule })).toEqual([
      "disqualifierRules.unrealistic_timeline.minWeeks: The minimum timeline is at least 1 week",
    ]);
  });
});
