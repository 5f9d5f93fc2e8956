/**
 * A suggested 0–100 score for an automated criterion (config.ts AUTOMATED_METHODS) from the latest CI
 * evidence, measured against the tenant's quality gates (docs/domain.md#quality-gates). Ours: the seed leaves
 * _validate_criterion undefined. The technical lead confirms or overrides the suggestion.
 *
 * Rule: each method reads a few checks, each scored 0–100; the suggestion is their mean over the checks
 * that have data, one decimal. null when the method is not automated, there is no evidence, or none of
 * its checks has data.
 *   tests          passed ÷ (passed + failed) × 100
 *   coverage       coverage ÷ minimum_coverage × 100, at most 100
 *   complexity     100 at or under maximum_complexity, else maximum ÷ actual × 100
 *   maintainability  maintainability ÷ minimum_maintainability × 100, at most 100
 *   security       100 when high + critical ≤ the threshold; 0 with any critical over it; else
 *                  100 − 25 per high vulnerability over the threshold, at least 0
 *   performance    100 when p95 ≤ the budget, else budget ÷ p95 × 100
 *   build          100 when the evidence names a commit or build (the pipeline ran) — only read when
 *                  there are no test counts
 * Methods: automated_verification = tests (else build); automated_testing = tests + coverage;
 * integration_testing = tests; automated_quality_checks = coverage + complexity + maintainability +
 * security; performance_testing = performance; security_audit = security.
 */
import { DEFAULT_QUALITY_GATES, type QualityGates } from "@/domain/quality/config";
import type { QualityMetrics } from "@/domain/quality/gates";

/** The Evidence row's fields (CI API or manual entry). */
export type EvidenceMetrics = Pick<
  QualityMetrics,
  "coverage" | "complexity" | "maintainability" | "vulnerabilitiesHigh" | "vulnerabilitiesCritical" | "benchmarkP95Ms"
> & {
  testsPassed?: number | null;
  testsFailed?: number | null;
  commitSha?: string | null;
  buildUrl?: string | null;
};

export type EvidenceScore = { score: number; reasons: string[] };
type Check = { score: number; reason: string } | null;
type CheckName = "tests" | "coverage" | "complexity" | "maintainability" | "security" | "performance" | "build";

/** Points off per high vulnerability over the threshold (ours). */
export const HIGH_VULNERABILITY_PENALTY = 25;

const METHOD_CHECKS: Record<string, CheckName[]> = {
  automated_verification: ["tests"],
  automated_testing: ["tests", "coverage"],
  integration_testing: ["tests"],
  automated_quality_checks: ["coverage", "complexity", "maintainability", "security"],
  performance_testing: ["performance"],
  security_audit: ["security"],
};

const val = (v: number | null | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
const r1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;
const pct = (x: number) => Math.min(100, Math.max(0, x));

function check(name: CheckName, e: EvidenceMetrics, g: QualityGates["code"]): Check {
  switch (name) {
    case "tests": {
      const passed = val(e.testsPassed) ?? 0;
      const failed = val(e.testsFailed) ?? 0;
      if (passed + failed === 0) return null;
      const s = (passed / (passed + failed)) * 100;
      return { score: s, reason: `${passed} of ${passed + failed} tests pass = ${r1(s)}` };
    }
    case "coverage": {
      const c = val(e.coverage);
      if (c === null) return null;
      const s = pct((c / g.minimum_coverage) * 100);
      return { score: s, reason: `coverage ${c}% against the ${g.minimum_coverage}% gate = ${r1(s)}` };
    }
    case "complexity": {
      const c = val(e.complexity);
      if (c === null) return null;
      const s = c <= g.maximum_complexity ? 100 : pct((g.maximum_complexity / c) * 100);
      return { score: s, reason: `complexity ${c} against the maximum ${g.maximum_complexity} = ${r1(s)}` };
    }
    case "maintainability": {
      const m = val(e.maintainability);
      if (m === null) return null;
      const s = g.minimum_maintainability > 0 ? pct((m / g.minimum_maintainability) * 100) : 100;
      return { score: s, reason: `maintainability ${m} against the minimum ${g.minimum_maintainability} = ${r1(s)}` };
    }
    case "security": {
      const high = val(e.vulnerabilitiesHigh);
      const critical = val(e.vulnerabilitiesCritical);
      if (high === null && critical === null) return null;
      const over = (high ?? 0) + (critical ?? 0) - g.security_vulnerability_threshold;
      const counts = `${high ?? 0} high + ${critical ?? 0} critical vulnerabilities (${g.security_vulnerability_threshold} allowed)`;
      if (over <= 0) return { score: 100, reason: `${counts} = 100` };
      if ((critical ?? 0) > 0) return { score: 0, reason: `${counts}: a critical one over the threshold = 0` };
      const s = Math.max(0, 100 - HIGH_VULNERABILITY_PENALTY * over);
      return { score: s, reason: `${counts}: ${over} over × −${HIGH_VULNERABILITY_PENALTY} = ${s}` };
    }
    case "performance": {
      const p95 = val(e.benchmarkP95Ms);
      if (p95 === null) return null;
      const budget = g.performance_benchmark_threshold;
      const s = p95 <= budget ? 100 : pct((budget / p95) * 100);
      return { score: s, reason: `p95 ${p95} ms against the ${budget} ms budget = ${r1(s)}` };
    }
    case "build":
      return e.commitSha || e.buildUrl
        ? { score: 100, reason: `CI reported build ${e.commitSha ?? e.buildUrl} = 100` }
        : null;
  }
}

export function scoreFromEvidence(
  method: string,
  evidence: EvidenceMetrics | null | undefined,
  gates: QualityGates = DEFAULT_QUALITY_GATES,
): EvidenceScore | null {
  const names = METHOD_CHECKS[method];
  if (!names || !evidence) return null;
  let checks = names.map((n) => check(n, evidence, gates.code)).filter((c): c is NonNullable<Check> => c !== null);
  if (checks.length === 0 && method === "automated_verification") {
    const build = check("build", evidence, gates.code);
    checks = build ? [build] : [];
  }
  if (checks.length === 0) return null;
  const score = r1(checks.reduce((s, c) => s + c.score, 0) / checks.length);
  const reasons = checks.map((c) => c.reason);
  if (checks.length > 1) reasons.push(`mean of ${checks.length} checks = ${score}`);
  return { score, reasons };
}
