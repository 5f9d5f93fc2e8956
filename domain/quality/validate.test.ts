import { describe, expect, it } from "vitest";
import { DEFAULT_QUALITY_CONFIG, ZQualityConfigSchema } from "./config";
import { qualityEscalation, validateQuality, type QualityMetrics } from "./validate";

/** Every gate met exactly at its threshold (docs/domain.md#quality-gates numbers; p95 budget 400 ms is ours). */
const AT_THRESHOLD: QualityMetrics = {
  coverage: 95,
  complexity: 10,
  maintainability: 8.5,
  vulnerabilitiesHigh: 0,
  vulnerabilitiesCritical: 0,
  benchmarkP95Ms: 400,
  requirementsTraceability: 100,
  acceptanceCriteriaCoverage: 100,
  stakeholderApproval: 85,
  documentationCompleteness: 90,
  milestoneAdherence: 90,
  communicationResponsiveness: 95,
  escalationResolutionHours: 24,
  customerSatisfaction: 8,
};

describe("validateQuality", () => {
  it("passes every gate exactly at its threshold (≥ minimums, ≤ maximums)", () => {
    const r = validateQuality("comprehensive", AT_THRESHOLD);
    expect(r.gates.filter((g) => !g.passed)).toEqual([]);
    expect(r).toMatchObject({ score: 100, gatesPassed: 13, gatesFailed: 0, escalate: false, recommendations: [] });
  });

  it.each([
    ["minimum_coverage", { coverage: 94.99 }, "≥"],
    ["maximum_complexity", { complexity: 10.01 }, "≤"],
    ["minimum_maintainability", { maintainability: 8.49 }, "≥"],
    ["security_vulnerability_threshold", { vulnerabilitiesHigh: 1 }, "≤"],
    ["performance_benchmark_threshold", { benchmarkP95Ms: 400.1 }, "≤"],
    ["requirements_traceability", { requirementsTraceability: 99.9 }, "≥"],
    ["acceptance_criteria_coverage", { acceptanceCriteriaCoverage: 99 }, "≥"],
    ["stakeholder_approval_threshold", { stakeholderApproval: 84.99 }, "≥"],
    ["documentation_completeness", { documentationCompleteness: 89.9 }, "≥"],
    ["milestone_adherence", { milestoneAdherence: 89 }, "≥"],
    ["communication_responsiveness", { communicationResponsiveness: 94.9 }, "≥"],
    ["escalation_resolution_time", { escalationResolutionHours: 24.5 }, "≤"],
    ["customer_satisfaction_minimum", { customerSatisfaction: 7.9 }, "≥"],
  ] as const)("fails %s just past its threshold (comparator %s)", (gate, patch, comparator) => {
    const r = validateQuality("comprehensive", { ...AT_THRESHOLD, ...patch });
    const failed = r.gates.filter((g) => !g.passed);
    expect(failed.map((g) => [g.gate, g.comparator])).toEqual([[gate, comparator]]);
    expect(r.recommendations).toHaveLength(1);
    expect(r.recommendations[0]?.gate).toBe(gate);
  });

  it("weights the comprehensive score 0.4 / 0.3 / 0.3 (seed §4.2) and explains it", () => {
    // code 4/5 = 80, delivery 3/4 = 75, process 4/4 = 100 → 32 + 22.5 + 30 = 84.5
    const r = validateQuality("comprehensive", { ...AT_THRESHOLD, coverage: 91, documentationCompleteness: 80 });
    expect(r.families.map((f) => [f.family, f.score])).toEqual([
      ["code", 80],
      ["delivery", 75],
      ["process", 100],
    ]);
    expect(r.score).toBe(84.5);
    expect(r.scoreReason).toBe("Comprehensive 84.5 = code 80 × 0.4 + delivery 75 × 0.3 + process 100 × 0.3");
    expect(r).toMatchObject({ gatesPassed: 11, gatesFailed: 2, escalate: false });
  });

  it("scores a single family on its own gates only", () => {
    const r = validateQuality("code", {
      coverage: 96,
      complexity: 12,
      maintainability: 9,
      vulnerabilitiesHigh: 0,
      vulnerabilitiesCritical: 0,
      benchmarkP95Ms: 300,
    });
    expect(r.gates).toHaveLength(5);
    expect(r.score).toBe(80);
    expect(r.escalate).toBe(false); // exactly 80 is not below 80
    expect(r.recommendations.map((x) => x.text)).toEqual([
      "Cyclomatic complexity 12 > 10: split the most complex functions and add a complexity check to the linter",
    ]);
  });

  it("fails a gate without data with the reason 'no data'", () => {
    const r = validateQuality("delivery", {
      requirementsTraceability: 100,
      acceptanceCriteriaCoverage: 100,
      stakeholderApproval: 90,
    });
    const docs = r.gates.find((g) => g.gate === "documentation_completeness");
    expect(docs).toMatchObject({ actual: null, passed: false });
    expect(docs?.reason).toContain("no data");
    expect(r.score).toBe(75);
    expect(r.recommendations[0]?.text).toBe(
      "No documentation completeness data: report it (CI evidence API or manual entry) so the gate can be checked",
    );
  });

  it("adds high and critical vulnerabilities (seed §4.2) and ranks the critical recommendation first", () => {
    const r = validateQuality("code", {
      ...AT_THRESHOLD,
      coverage: 90,
      vulnerabilitiesHigh: 1,
      vulnerabilitiesCritical: 2,
    });
    const sec = r.gates.find((g) => g.gate === "security_vulnerability_threshold");
    expect(sec).toMatchObject({ actual: 3, passed: false, impact: "critical" });
    expect(sec?.reason).toBe("High and critical vulnerabilities 3 (1 high + 2 critical) misses the gate ≤ 0");
    expect(r.recommendations.map((x) => x.gate)).toEqual(["security_vulnerability_threshold", "minimum_coverage"]);
    expect(r.recommendations[1]?.text).toBe(
      "Test coverage 90% < 95%: add tests for the uncovered modules first, then block merges that lower coverage below the gate",
    );
  });

  it("escalates on 3 failed gates but not on 2 (seed: more than 2)", () => {
    const two = validateQuality("comprehensive", { ...AT_THRESHOLD, coverage: 90, documentationCompleteness: 80 });
    expect(two.gatesFailed).toBe(2);
    expect(two.escalate).toBe(false);
    // with the default bar, 3 failures also pull the score below 80 (77); a bar of 0 isolates the count rule
    const noBar = { ...DEFAULT_QUALITY_CONFIG, escalation: { escalationScore: 0, maxFailedGates: 2 } };
    const three = validateQuality(
      "comprehensive",
      { ...AT_THRESHOLD, coverage: 90, documentationCompleteness: 80, customerSatisfaction: 7 },
      noBar,
    );
    expect(three).toMatchObject({
      gatesFailed: 3,
      score: 77,
      escalate: true,
      escalationReasons: ["3 gates failed, more than the 2 tolerated"],
    });
    expect(
      validateQuality("comprehensive", { ...AT_THRESHOLD, coverage: 90, documentationCompleteness: 80 }, noBar)
        .escalate,
    ).toBe(false);
  });
});

describe("qualityEscalation", () => {
  it("escalates at 79.99 but not at 80", () => {
    expect(qualityEscalation(79.99, 0)).toEqual({ escalate: true, reasons: ["Quality score 79.99 is below 80"] });
    expect(qualityEscalation(80, 0)).toEqual({ escalate: false, reasons: [] });
  });

  it("escalates on more failed gates than the tenant tolerates, and gives both reasons when both hold", () => {
    expect(qualityEscalation(90, 2).escalate).toBe(false);
    expect(qualityEscalation(90, 3).escalate).toBe(true);
    expect(qualityEscalation(50, 5).reasons).toHaveLength(2);
    const strict = { ...DEFAULT_QUALITY_CONFIG, escalation: { escalationScore: 90, maxFailedGates: 0 } };
    expect(qualityEscalation(89.99, 0, strict).escalate).toBe(true);
    expect(qualityEscalation(95, 1, strict).escalate).toBe(true);
  });
});

describe("code gates without data (docs/quality-gates.md#no-data)", () => {
  const onlyCoverage: QualityMetrics = { coverage: 96 };

  it("skips an unreported code gate: neither passed nor failed, no recommendation", () => {
    const r = validateQuality("code", onlyCoverage);
    const maintainability = r.gates.find((g) => g.gate === "minimum_maintainability");
    expect(maintainability).toMatchObject({ actual: null, passed: false, status: "no_data" });
    expect(maintainability?.reason).toBe(
      "Maintainability: no data — no report gave it, so the gate (≥ 8.5/10) is skipped",
    );
    expect(r).toMatchObject({ score: 100, gatesPassed: 1, gatesFailed: 0, gatesNoData: 4, escalate: false });
    expect(r.recommendations).toEqual([]);
    expect(r.scoreReason).toBe("code score 100: 1 of 1 code gates passed = 100 (4 skipped for want of data)");
  });

  it("fails an unreported code gate the tenant made required", () => {
    const config = {
      ...DEFAULT_QUALITY_CONFIG,
      requiredCodeGates: { ...DEFAULT_QUALITY_CONFIG.requiredCodeGates, minimum_maintainability: true },
    };
    const r = validateQuality("code", onlyCoverage, config);
    expect(r.gates.find((g) => g.gate === "minimum_maintainability")).toMatchObject({ status: "failed" });
    expect(r).toMatchObject({ score: 50, gatesPassed: 1, gatesFailed: 1, gatesNoData: 3, escalate: true });
  });

  it("has nothing to score or escalate when no code gate had data", () => {
    const r = validateQuality("code", {});
    expect(r).toMatchObject({ score: 0, gatesFailed: 0, gatesNoData: 5, escalate: false, escalationReasons: [] });
    expect(r.scoreReason).toBe("No gate had data: nothing to score");
  });

  it("drops a code family without data from the comprehensive score and scales the other weights", () => {
    const { coverage: _c, complexity: _x, maintainability: _m, vulnerabilitiesHigh: _h, ...rest } = AT_THRESHOLD;
    const { vulnerabilitiesCritical: _v, benchmarkP95Ms: _p, ...nonCode } = rest;
    const r = validateQuality("comprehensive", nonCode);
    expect(r.score).toBe(100);
    expect(r.scoreReason).toBe("Comprehensive 100 = delivery 100 × 0.5 + process 100 × 0.5 (code had no data)");
  });

  it("still fails delivery and process gates without data", () => {
    const r = validateQuality("process", {});
    expect(r.gates.every((g) => g.status === "failed")).toBe(true);
  });
});

describe("requiredCodeGates in stored configurations", () => {
  it("reads a configuration stored before the option as none required", () => {
    const { requiredCodeGates: _r, ...older } = DEFAULT_QUALITY_CONFIG;
    expect(ZQualityConfigSchema.parse(older).requiredCodeGates).toEqual(DEFAULT_QUALITY_CONFIG.requiredCodeGates);
  });
  it("refuses an unknown gate name", () => {
    const r = ZQualityConfigSchema.safeParse({ ...DEFAULT_QUALITY_CONFIG, requiredCodeGates: { coverage: true } });
    expect(r.success).toBe(false);
  });
});
