import { describe, expect, it } from "vitest";
import { DEFAULT_FEASIBILITY_CONFIG, ZFeasibilityConfigSchema } from "./config";

const messages = (input: unknown) => {
  const r = ZFeasibilityConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
};
const d = DEFAULT_FEASIBILITY_CONFIG;

describe("ZFeasibilityConfigSchema", () => {
  it("accepts the defaults: the seed's 0.4 / 0.3 / 0.3 and the pass mark 70 (seed §1.2, §6)", () => {
    expect(d.weights).toEqual({ technical: 0.4, timeline: 0.3, resource: 0.3 });
    expect(d.passScore).toBe(70);
    expect(ZFeasibilityConfigSchema.parse(d)).toEqual(d);
  });

  it.each([
    [{ technical: 0.5, timeline: 0.3, resource: 0.3 }, "weights: Weights must add up to 1 (they add up to 1.1)"],
    [{ technical: 0.3, timeline: 0.3, resource: 0.3 }, "weights: Weights must add up to 1 (they add up to 0.9)"],
  ])("refuses weights %j that do not add up to 1", (weights, message) => {
    expect(messages({ ...d, weights })).toEqual([message]);
  });

  it("accepts weights that add up to 1 within float noise", () => {
    expect(messages({ ...d, weights: { technical: 0.1, timeline: 0.2, resource: 0.7 } })).toEqual([]);
  });

  it("refuses a negative weight, success weights off 1, a proceed score below the pass score", () => {
    expect(messages({ ...d, weights: { technical: -0.2, timeline: 0.6, resource: 0.6 } })).toEqual([
      "weights.technical: The technical weight is at least 0",
    ]);
    expect(messages({ ...d, successProbability: { ...d.successProbability, qualificationWeight: 0.5 } })).toEqual([
      "successProbability: Success probability weights must add up to 1 (they add up to 1.1)",
    ]);
    expect(messages({ ...d, proceedScore: 60 })).toEqual([
      "proceedScore: The proceed score (60) must not be below the pass score (70)",
    ]);
  });

  it("refuses unbounded rule parameters with the field and the bound", () => {
    expect(messages({ ...d, resource: { ...d.resource, weeklyDeliveryCostCents: 0 } })).toEqual([
      "resource.weeklyDeliveryCostCents: The weekly delivery cost in cents is at least 1",
    ]);
    expect(messages({ ...d, timeline: { ...d.timeline, zeroScoreRatio: 1 } })).toEqual([
      "timeline.zeroScoreRatio: The zero-score timeline ratio is at most 0.99",
    ]);
    expect(messages({ ...d, technical: { ...d.technical, integrationPenalty: 500 } })).toEqual([
      "technical.integrationPenalty: The integration penalty is at most 100 points",
    ]);
    expect(messages({ ...d, passScore: "seventy" })).toEqual(["passScore: The pass score must be a number"]);
    expect(messages({ ...d, complexity: { ...d.complexity, lowMaxWeeks: 20 } })).toEqual([
      "complexity.lowMaxWeeks: Low complexity must end at or before high complexity starts",
    ]);
  });
});
