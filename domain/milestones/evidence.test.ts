import { describe, expect, it } from "vitest";
import { DEFAULT_QUALITY_GATES } from "@/domain/quality/config";
import { AUTOMATED_METHODS } from "./config";
import { scoreFromEvidence, type EvidenceMetrics } from "./evidence";

const GREEN: EvidenceMetrics = {
  coverage: 96,
  complexity: 8,
  maintainability: 9,
  vulnerabilitiesHigh: 0,
  vulnerabilitiesCritical: 0,
  benchmarkP95Ms: 250,
  testsPassed: 120,
  testsFailed: 0,
  commitSha: "abc123",
};

describe("scoreFromEvidence", () => {
  it("gives 100 to every automated method on evidence that meets every gate", () => {
    for (const method of AUTOMATED_METHODS) expect(scoreFromEvidence(method, GREEN)?.score).toBe(100);
  });

  it("returns null without evidence, for non-automated methods, and when no check has data", () => {
    expect(scoreFromEvidence("automated_testing", null)).toBeNull();
    expect(scoreFromEvidence("stakeholder_demo", GREEN)).toBeNull();
    expect(scoreFromEvidence("deployment_verification", GREEN)).toBeNull();
    expect(scoreFromEvidence("performance_testing", { coverage: 90 })).toBeNull();
  });

  it("automated_testing: mean of the pass rate and coverage against the 95% gate", () => {
    const r = scoreFromEvidence("automated_testing", { testsPassed: 90, testsFailed: 10, coverage: 76 });
    expect(r).toEqual({
      score: 85,
      reasons: ["90 of 100 tests pass = 90", "coverage 76% against the 95% gate = 80", "mean of 2 checks = 85"],
    });
  });

  it("automated_verification falls back to 'the pipeline reported a build' without test counts", () => {
    expect(scoreFromEvidence("automated_verification", { buildUrl: "https://ci.example/1" })?.score).toBe(100);
    expect(scoreFromEvidence("automated_verification", { testsPassed: 3, testsFailed: 1 })?.score).toBe(75);
    expect(scoreFromEvidence("automated_verification", {})).toBeNull();
  });

  it("performance_testing: 100 within the p95 budget, budget ÷ p95 beyond it", () => {
    expect(scoreFromEvidence("performance_testing", { benchmarkP95Ms: 400 })?.score).toBe(100);
    expect(scoreFromEvidence("performance_testing", { benchmarkP95Ms: 500 })?.score).toBe(80);
  });

  it("security_audit: −25 per high vulnerability over the threshold, 0 with a critical one", () => {
    expect(scoreFromEvidence("security_audit", { vulnerabilitiesHigh: 2, vulnerabilitiesCritical: 0 })?.score).toBe(50);
    expect(scoreFromEvidence("security_audit", { vulnerabilitiesHigh: 0, vulnerabilitiesCritical: 1 })?.score).toBe(0);
    const lenient = {
      ...DEFAULT_QUALITY_GATES,
      code: { ...DEFAULT_QUALITY_GATES.code, security_vulnerability_threshold: 2 },
    };
    expect(scoreFromEvidence("security_audit", { vulnerabilitiesHigh: 2 }, lenient)?.score).toBe(100);
  });

  it("automated_quality_checks: coverage, complexity, maintainability and security against the gates", () => {
    const r = scoreFromEvidence("automated_quality_checks", {
      coverage: 95,
      complexity: 20,
      maintainability: 8.5,
      vulnerabilitiesHigh: 0,
      vulnerabilitiesCritical: 0,
    });
    expect(r?.score).toBe(87.5); // (100 + 50 + 100 + 100) / 4
    expect(r?.reasons).toContain("complexity 20 against the maximum 10 = 50");
  });
});
