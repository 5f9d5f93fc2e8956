import { describe, expect, it } from "vitest";
import { DEFAULT_QUALITY_CONFIG, ZQualityConfigSchema, type QualityConfig } from "./config";
import { GATE_DEFINITIONS } from "./gates";

describe("quality config", () => {
  it("holds the seed's gates, weights and escalation rule, and passes its own schema", () => {
    const c = DEFAULT_QUALITY_CONFIG;
    expect(c.gates.code).toMatchObject({
      minimum_coverage: 95,
      maximum_complexity: 10,
      minimum_maintainability: 8.5,
      security_vulnerability_threshold: 0,
    });
    expect(c.gates.delivery).toEqual({
      requirements_traceability: 100,
      acceptance_criteria_coverage: 100,
      stakeholder_approval_threshold: 85,
      documentation_completeness: 90,
    });
    expect(c.gates.process).toEqual({
      milestone_adherence: 90,
      communication_responsiveness: 95,
      escalation_resolution_time: 24,
      customer_satisfaction_minimum: 8,
    });
    expect(c.weights).toEqual({ code: 0.4, delivery: 0.3, process: 0.3 });
    expect(c.escalation).toEqual({ escalationScore: 80, maxFailedGates: 2 });
    expect(ZQualityConfigSchema.parse(c)).toEqual(c);
    expect(GATE_DEFINITIONS).toHaveLength(13);
  });

  it("refuses weights off 1, out-of-range thresholds and fractional counts with clear messages", () => {
    const bad = (patch: Partial<QualityConfig>) => {
      const r = ZQualityConfigSchema.safeParse({ ...DEFAULT_QUALITY_CONFIG, ...patch });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(bad({ weights: { code: 0.4, delivery: 0.3, process: 0.2 } })).toEqual([
      "weights: The code, delivery and process weights must add up to 1 (they add up to 0.9)",
    ]);
    expect(bad({ weights: { code: 0.1, delivery: 0.2, process: 0.7 } })).toEqual([]);
    expect(
      bad({
        gates: {
          ...DEFAULT_QUALITY_CONFIG.gates,
          code: { ...DEFAULT_QUALITY_CONFIG.gates.code, minimum_coverage: 101 },
        },
      }),
    ).toEqual(["gates.code.minimum_coverage: The minimum coverage is at most 100%"]);
    expect(bad({ escalation: { escalationScore: 80, maxFailedGates: 2.5 } })).toEqual([
      "escalation.maxFailedGates: Failed gates are counted in whole numbers",
    ]);
  });
});
