import { describe, expect, it } from "vitest";
import {
  AUTOMATED_METHODS,
  DEFAULT_MILESTONES_CONFIG,
  SIGN_OFF_METHODS,
  VALIDATION_METHODS,
  ZMilestonesConfigSchema,
  type MilestonesConfig,
} from "./config";

const d = DEFAULT_MILESTONES_CONFIG;
const messages = (input: unknown) => {
  const r = ZMilestonesConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
};
/** The default config with one service type's weeks replaced. */
const withMvp = (edit: (weeks: MilestonesConfig["templates"]["MVP_DEVELOPMENT"]) => void): MilestonesConfig => {
  const c = structuredClone(d);
  edit(c.templates.MVP_DEVELOPMENT);
  return c;
};

describe("DEFAULT_MILESTONES_CONFIG", () => {
  it("passes its own schema", () => {
    expect(messages(d)).toEqual([]);
    expect(ZMilestonesConfigSchema.parse(d)).toEqual(d);
  });

  it("keeps the seed's mvp_development template (seed §3.1)", () => {
    const mvp = d.templates.MVP_DEVELOPMENT;
    expect(mvp.map((w) => [w.week, w.title, w.minimumSuccessThreshold, w.escalationThreshold])).toEqual([
      [1, "Foundation & Architecture", 85, 70],
      [2, "Core Development Sprint", 80, 65],
      [3, "Feature Completion & Quality Assurance", 85, 70],
      [4, "Delivery & Knowledge Transfer", 90, 75],
    ]);
    expect(mvp[0]?.criteria.map((c) => [c.weight, c.validationMethod])).toEqual([
      [0.3, "stakeholder_sign_off"],
      [0.4, "technical_review"],
      [0.2, "automated_verification"],
      [0.1, "stakeholder_feedback"],
    ]);
  });

  it.each(Object.entries(d.templates))(
    "%s: weekly weights sum to 1, escalation ≤ success, a sign-off criterion, known methods",
    (_type, weeks) => {
      for (const w of weeks) {
        expect(w.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 9);
        expect(w.escalationThreshold).toBeLessThanOrEqual(w.minimumSuccessThreshold);
        for (const c of w.criteria) expect(VALIDATION_METHODS).toContain(c.validationMethod);
      }
      expect(weeks.flatMap((w) => w.criteria).some((c) => c.validationMethod === "stakeholder_sign_off")).toBe(true);
    },
  );

  it("keeps sign-off and automated methods apart", () => {
    expect(SIGN_OFF_METHODS).toEqual(["stakeholder_sign_off", "stakeholder_demo", "user_testing"]);
    expect(AUTOMATED_METHODS.filter((m) => SIGN_OFF_METHODS.includes(m))).toEqual([]);
  });
});

describe("ZMilestonesConfigSchema", () => {
  it("refuses weights summing to 0.9, naming the week and the sum", () => {
    const c = withMvp((weeks) => {
      if (weeks[1]?.criteria[0]) weeks[1].criteria[0].weight = 0.4;
    });
    expect(messages(c)).toEqual([
      "templates.MVP_DEVELOPMENT.1.criteria: Week 2 of mvp_development: criterion weights must add up to 1 (they add up to 0.9)",
    ]);
  });

  it("refuses gaps and repeats in week numbers", () => {
    expect(
      messages(
        withMvp((weeks) => {
          if (weeks[3]) weeks[3].week = 5;
        }),
      ),
    ).toEqual([
      "templates.MVP_DEVELOPMENT: The mvp_development weeks must be numbered 1 to 4 without gaps or repeats (they are 1, 2, 3, 5)",
    ]);
    expect(
      messages(
        withMvp((weeks) => {
          if (weeks[3]) weeks[3].week = 3;
        }),
      ),
    ).toHaveLength(1);
  });

  it("refuses an escalation threshold above the success threshold and thresholds off 0–100", () => {
    expect(
      messages(
        withMvp((weeks) => {
          if (weeks[0]) weeks[0].escalationThreshold = 90;
        }),
      ),
    ).toEqual([
      "templates.MVP_DEVELOPMENT.0.escalationThreshold: Week 1 of mvp_development: the escalation threshold (90) must not be above the minimum success threshold (85)",
    ]);
    expect(
      messages(
        withMvp((weeks) => {
          if (weeks[0]) weeks[0].minimumSuccessThreshold = 120;
        }),
      ),
    ).toEqual([
      "templates.MVP_DEVELOPMENT.0.minimumSuccessThreshold: The minimum success threshold is a score from 0 to 100",
    ]);
  });

  it("refuses a week without criteria, a zero weight, an unknown method and a duplicate criterion", () => {
    expect(
      messages(
        withMvp((weeks) => {
          if (weeks[0]) weeks[0].criteria = [];
        }),
      ),
    ).toEqual(["templates.MVP_DEVELOPMENT.0.criteria: A milestone needs at least one criterion"]);
    const zero = messages(
      withMvp((weeks) => {
        if (weeks[1]?.criteria[2]) weeks[1].criteria[2].weight = 0;
      }),
    );
    expect(zero[0]).toBe(
      "templates.MVP_DEVELOPMENT.1.criteria.2.weight: A criterion weight is above 0 (remove the criterion instead)",
    );
    const method = messages(
      withMvp((weeks) => {
        if (weeks[0]?.criteria[0]) weeks[0].criteria[0].validationMethod = "vibes";
      }),
    );
    expect(method[0]).toMatch(
      /^templates\.MVP_DEVELOPMENT\.0\.criteria\.0\.validationMethod: The validation method is one of: stakeholder_sign_off/,
    );
    const dup = withMvp((weeks) => {
      const w = weeks[1];
      if (w?.criteria[1] && w.criteria[0]) w.criteria[1].name = w.criteria[0].name;
    });
    expect(messages(dup)).toEqual([
      'templates.MVP_DEVELOPMENT.1.criteria.1.name: Week 2 of mvp_development: the criterion "Core Features Implementation" appears twice; give each criterion its own name',
    ]);
  });

  it("requires a template for every service type", () => {
    const { TEAM_AUGMENTATION: _gone, ...rest } = d.templates;
    expect(messages({ templates: rest })[0]).toMatch(/^templates\.TEAM_AUGMENTATION: /);
  });
});
