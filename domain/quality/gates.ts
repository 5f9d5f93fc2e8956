/**
 * What each docs/domain.md#quality-gates gate reads, how it compares and what to do when it fails. The gate set and the
 * thresholds' meaning are fixed here; tenants edit only the thresholds (config.ts).
 * Impact follows the seed where it gives one (coverage high, complexity medium, security critical).
 */
import { RESPONSE_WINDOW_HOURS, type QualityFamily, type QualityGates } from "./config";
import { formatHours } from "@/lib/format";

/** Metrics a validation reads; the code ones match the Evidence row the CI API writes. */
export type QualityMetrics = {
  /** % of lines covered by tests */
  coverage?: number | null;
  /** highest cyclomatic complexity of a function */
  complexity?: number | null;
  /** 0–10 maintainability score */
  maintainability?: number | null;
  vulnerabilitiesHigh?: number | null;
  vulnerabilitiesCritical?: number | null;
  benchmarkP95Ms?: number | null;
  /** % of requirements traced to delivered, tested work */
  requirementsTraceability?: number | null;
  /** % of acceptance criteria covered by passing tests */
  acceptanceCriteriaCoverage?: number | null;
  /** % of stakeholder sign-offs approved */
  stakeholderApproval?: number | null;
  documentationCompleteness?: number | null;
  /** % of milestones validated by their due date */
  milestoneAdherence?: number | null;
  /** % of customer messages answered within RESPONSE_WINDOW_HOURS */
  communicationResponsiveness?: number | null;
  /** hours escalations took to resolve (the longest, or the average: the caller says which in its data) */
  escalationResolutionHours?: number | null;
  /** CSAT, 0–10 */
  customerSatisfaction?: number | null;
};

export type Comparator = "≥" | "≤";
export type Impact = "critical" | "high" | "medium" | "low";
type Reading = { actual: number | null; note?: string };

export type GateDefinition = {
  family: QualityFamily;
  /** the threshold's key in QualityGates[family] (the seed's name) */
  key: string;
  label: string;
  comparator: Comparator;
  unit: string;
  impact: Impact;
  read: (m: QualityMetrics) => Reading;
  /** what to do when the gate fails with data */
  advice: string;
};

const finite = (v: number | null | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
const field =
  (name: keyof QualityMetrics) =>
  (m: QualityMetrics): Reading => ({ actual: finite(m[name]) });

function readVulnerabilities(m: QualityMetrics): Reading {
  const high = finite(m.vulnerabilitiesHigh);
  const critical = finite(m.vulnerabilitiesCritical);
  if (high === null && critical === null) return { actual: null };
  // docs/domain.md#quality-gates: high + critical; a count the scanner did not report is taken as 0 and said so
  const missing = high === null ? "high" : critical === null ? "critical" : null;
  return {
    actual: (high ?? 0) + (critical ?? 0),
    note: missing ? `no ${missing} count reported, taken as 0` : `${high} high + ${critical} critical`,
  };
}

export const GATE_DEFINITIONS: readonly GateDefinition[] = [
  {
    family: "code",
    key: "minimum_coverage",
    label: "Test coverage",
    comparator: "≥",
    unit: "%",
    impact: "high",
    read: field("coverage"),
    advice: "add tests for the uncovered modules first, then block merges that lower coverage below the gate",
  },
  {
    family: "code",
    key: "maximum_complexity",
    label: "Cyclomatic complexity",
    comparator: "≤",
    unit: "",
    impact: "medium",
    read: field("complexity"),
    advice: "split the most complex functions and add a complexity check to the linter",
  },
  {
    family: "code",
    key: "minimum_maintainability",
    label: "Maintainability",
    comparator: "≥",
    unit: "/10",
    impact: "medium",
    read: field("maintainability"),
    advice:
      "refactor the hotspots the maintainability report flags (duplication, long functions) before adding features",
  },
  {
    family: "code",
    key: "security_vulnerability_threshold",
    label: "High and critical vulnerabilities",
    comparator: "≤",
    unit: "",
    impact: "critical",
    read: readVulnerabilities,
    advice: "patch or upgrade the affected dependencies before the next release and re-run the scan",
  },
  {
    family: "code",
    key: "performance_benchmark_threshold",
    label: "p95 response time",
    comparator: "≤",
    unit: " ms",
    impact: "high",
    read: field("benchmarkP95Ms"),
    advice: "profile the slowest endpoints of the benchmark (queries, payload size, caching) and re-run it",
  },
  {
    family: "delivery",
    key: "requirements_traceability",
    label: "Requirements traceability",
    comparator: "≥",
    unit: "%",
    impact: "high",
    read: field("requirementsTraceability"),
    advice: "link every requirement to the work and tests that deliver it; list the untraced ones with their owner",
  },
  {
    family: "delivery",
    key: "acceptance_criteria_coverage",
    label: "Acceptance criteria coverage",
    comparator: "≥",
    unit: "%",
    impact: "high",
    read: field("acceptanceCriteriaCoverage"),
    advice: "write tests for the acceptance criteria without one and review them with the product owner",
  },
  {
    family: "delivery",
    key: "stakeholder_approval_threshold",
    label: "Stakeholder approval",
    comparator: "≥",
    unit: "%",
    impact: "high",
    read: field("stakeholderApproval"),
    advice: "review the requested changes with the stakeholders, agree a fix date and ask for sign-off again",
  },
  {
    family: "delivery",
    key: "documentation_completeness",
    label: "Documentation completeness",
    comparator: "≥",
    unit: "%",
    impact: "medium",
    read: field("documentationCompleteness"),
    advice: "complete the missing sections (setup, operations, user guide) before the knowledge-transfer week",
  },
  {
    family: "process",
    key: "milestone_adherence",
    label: "Milestones on time",
    comparator: "≥",
    unit: "%",
    impact: "high",
    read: field("milestoneAdherence"),
    advice: "re-plan the remaining milestones with the customer and add capacity to the late ones",
  },
  {
    family: "process",
    key: "communication_responsiveness",
    label: `Messages answered within ${formatHours(RESPONSE_WINDOW_HOURS)}`,
    comparator: "≥",
    unit: "%",
    impact: "medium",
    read: field("communicationResponsiveness"),
    advice: "name an on-duty contact for each working day and route customer messages to them",
  },
  {
    family: "process",
    key: "escalation_resolution_time",
    label: "Escalation resolution time",
    comparator: "≤",
    unit: " h",
    impact: "high",
    read: field("escalationResolutionHours"),
    advice: "give each open escalation an owner and a daily review until it is resolved",
  },
  {
    family: "process",
    key: "customer_satisfaction_minimum",
    label: "Customer satisfaction",
    comparator: "≥",
    unit: "/10",
    impact: "critical",
    read: field("customerSatisfaction"),
    advice: "schedule a call with the sponsor to hear the concerns and agree a recovery plan",
  },
];

export const GATES_BY_FAMILY: Record<QualityFamily, readonly GateDefinition[]> = {
  code: GATE_DEFINITIONS.filter((g) => g.family === "code"),
  delivery: GATE_DEFINITIONS.filter((g) => g.family === "delivery"),
  process: GATE_DEFINITIONS.filter((g) => g.family === "process"),
};

/** The threshold a tenant set for a gate. */
export function gateThreshold(gates: QualityGates, def: GateDefinition): number {
  return (gates[def.family] as Record<string, number>)[def.key] ?? Number.NaN;
}

export const passes = (actual: number, comparator: Comparator, threshold: number): boolean =>
  comparator === "≥" ? actual >= threshold : actual <= threshold;

/** 2 decimals at most, no trailing zeros: 95 → "95", 91.456 → "91.46". */
export const fmt = (n: number): string => String(Math.round(n * 100) / 100);
