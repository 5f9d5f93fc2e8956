import "server-only";
import { MANUAL_QUALITY_FIELDS, type ManualQualityField, type ManualQualityInput } from "@/lib/schemas/quality";
import type { DbOrTx } from "@/server/db/client";
import { latestEvidence, type EvidenceRow } from "@/server/db/evidence";
import {
  latestSignOffDecisions,
  projectAlertTimes,
  projectCsat,
  projectMilestoneStates,
  recentValidationResults,
} from "@/server/db/quality";
import type { QualityFamily } from "@/domain/quality/config";
import type { QualityMetrics } from "@/domain/quality/gates";
import { describeSources, readProvenance } from "@/domain/quality/evidence-merge";
import type { ReportMetric } from "@/domain/quality/reports/detect";

/**
 * Where each quality gate's number comes from (docs/domain.md#quality-gates names the gates; reading them from stored
 * data is ours). Every gate gets a `source` sentence that is stored with the result and shown next to it.
 *
 * code (5 gates)  the project's latest Evidence row (CI API or manual): coverage, complexity, maintainability,
 *                 high + critical vulnerabilities, benchmark p95. "from CI evidence of <date> (commit abc1234)".
 * delivery        stakeholder approval = APPROVED ÷ all, over the latest sign-off decision per criterion
 *                 (a later decision supersedes an earlier one); requirements traceability, acceptance-criteria
 *                 coverage and documentation completeness are entered by the technical lead.
 * process         milestone adherence = milestones that met their success threshold (status SUCCESS) ÷
 *                 milestones that are validated or past due (a late, unvalidated milestone counts as missed);
 *                 escalation resolution = mean hours from Alert.createdAt to resolvedAt over the project's
 *                 resolved alerts — with none resolved, open alerts count with their age so far (a lower
 *                 bound, so a long-open escalation is not hidden), and a project without any alert has
 *                 waited 0 h; customer satisfaction = mean score of the project's CSAT responses (0–10);
 *                 communication responsiveness is entered by the technical lead.
 * manual entries  a value not entered in this validation is carried over from the latest non-code
 *                 validation that had it, with its original author and date.
 */

export type ManualEntry = { value: number; byId: string; byName: string; at: string };
export type ManualEntries = Partial<Record<ManualQualityField, ManualEntry>>;
export type QualityInputs = {
  metrics: QualityMetrics;
  sources: Record<string, string>;
  evidenceId: string | null;
  manual: ManualEntries;
};

const MANUAL_GATE: Record<ManualQualityField, string> = {
  requirementsTraceability: "requirements_traceability",
  acceptanceCriteriaCoverage: "acceptance_criteria_coverage",
  documentationCompleteness: "documentation_completeness",
  communicationResponsiveness: "communication_responsiveness",
};
const MANUAL_FAMILY: Record<ManualQualityField, QualityFamily> = {
  requirementsTraceability: "delivery",
  acceptanceCriteriaCoverage: "delivery",
  documentationCompleteness: "delivery",
  communicationResponsiveness: "process",
};

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
const r2 = (x: number) => Math.round(x * 100) / 100;
const HOUR_MS = 3_600_000;

type CodeEvidence = Pick<
  EvidenceRow,
  | "id"
  | "source"
  | "coverage"
  | "complexity"
  | "maintainability"
  | "vulnerabilitiesHigh"
  | "vulnerabilitiesCritical"
  | "benchmarkP95Ms"
  | "commitSha"
  | "buildUrl"
  | "createdAt"
  | "provenance"
>;

/** The metrics each code gate reads, for its source sentence. */
const CODE_GATE_METRICS: Record<string, readonly ReportMetric[]> = {
  minimum_coverage: ["coverage"],
  maximum_complexity: ["complexity"],
  minimum_maintainability: ["maintainability"],
  security_vulnerability_threshold: ["vulnerabilitiesHigh", "vulnerabilitiesCritical"],
  performance_benchmark_threshold: ["benchmarkP95Ms"],
};
const CODE_METRIC_WORDS: Record<string, string> = {
  minimum_coverage: "coverage",
  maximum_complexity: "complexity",
  minimum_maintainability: "maintainability",
  security_vulnerability_threshold: "vulnerability counts",
  performance_benchmark_threshold: "benchmark p95",
};

/**
 * The code gates' metrics and sources from one Evidence row (or none): a metric with provenance cites its
 * report ("from lcov (coverage/lcov.info) in job “test”, commit 9fceb02, …", docs/ci-evidence.md#merging-per-commit);
 * an older row without it names the evidence and its commit.
 */
export function codeInputs(evidence: CodeEvidence | null): Pick<QualityInputs, "metrics" | "sources"> {
  const keys = Object.keys(CODE_GATE_METRICS);
  if (!evidence)
    return { metrics: {}, sources: Object.fromEntries(keys.map((k) => [k, "no data — no CI evidence received yet"])) };
  const what = evidence.source === "API" ? "CI evidence" : "evidence entered by hand";
  const ref = evidence.commitSha
    ? ` (commit ${evidence.commitSha.slice(0, 7)})`
    : evidence.buildUrl
      ? ` (build ${evidence.buildUrl})`
      : "";
  const from = `from ${what} of ${day(evidence.createdAt)}${ref}`;
  const provenance = readProvenance(evidence.provenance);
  const metrics: QualityMetrics = {
    coverage: evidence.coverage,
    complexity: evidence.complexity,
    maintainability: evidence.maintainability,
    vulnerabilitiesHigh: evidence.vulnerabilitiesHigh,
    vulnerabilitiesCritical: evidence.vulnerabilitiesCritical,
    benchmarkP95Ms: evidence.benchmarkP95Ms,
  };
  const sources = Object.fromEntries(
    keys.map((gate) => {
      const read = CODE_GATE_METRICS[gate] ?? [];
      const has = read.some((m) => evidence[m as keyof CodeEvidence] !== null);
      const forCommit = evidence.commitSha ? ` for commit ${evidence.commitSha.slice(0, 7)}` : "";
      if (!has) return [gate, `no data — no report${forCommit} gave ${CODE_METRIC_WORDS[gate]}`];
      const cited = describeSources(provenance, read);
      return [gate, cited ? `from ${cited}` : from];
    }),
  );
  return { metrics, sources };
}

async function deliveryInputs(db: DbOrTx, tenantId: string, projectId: string) {
  const decisions = await latestSignOffDecisions(db, tenantId, projectId);
  if (decisions.length === 0)
    return { metrics: {}, sources: { stakeholder_approval_threshold: "no data — no sign-off decisions yet" } };
  const approved = decisions.filter((d) => d.decision === "APPROVED").length;
  return {
    metrics: { stakeholderApproval: r2((approved / decisions.length) * 100) },
    sources: {
      stakeholder_approval_threshold: `from the latest sign-off decisions: ${approved} of ${decisions.length} criteria approved`,
    },
  };
}

async function processInputs(db: DbOrTx, tenantId: string, projectId: string, now: Date) {
  const [milestones, alerts, csat] = await Promise.all([
    projectMilestoneStates(db, tenantId, projectId),
    projectAlertTimes(db, tenantId, projectId),
    projectCsat(db, tenantId, projectId),
  ]);
  const metrics: QualityMetrics = {};
  const sources: Record<string, string> = {};

  const counted = milestones.filter(
    (m) => m.status === "SUCCESS" || m.status === "AT_RISK" || m.status === "FAILED" || m.dueDate <= now,
  );
  const met = counted.filter((m) => m.status === "SUCCESS").length;
  if (counted.length === 0) sources.milestone_adherence = "no data — no milestone validated or due yet";
  else {
    metrics.milestoneAdherence = r2((met / counted.length) * 100);
    sources.milestone_adherence = `from milestones: ${met} of ${counted.length} validated or due met their success threshold`;
  }

  const resolved = alerts.filter((a) => a.resolvedAt !== null);
  if (resolved.length > 0) {
    metrics.escalationResolutionHours = r2(
      resolved.reduce((s, a) => s + ((a.resolvedAt?.getTime() ?? 0) - a.createdAt.getTime()), 0) /
        resolved.length /
        HOUR_MS,
    );
    sources.escalation_resolution_time = `mean time to resolve ${resolved.length} resolved alert${resolved.length === 1 ? "" : "s"}`;
  } else if (alerts.length > 0) {
    metrics.escalationResolutionHours = r2(
      alerts.reduce((s, a) => s + (now.getTime() - a.createdAt.getTime()), 0) / alerts.length / HOUR_MS,
    );
    sources.escalation_resolution_time = `${alerts.length} open alert${alerts.length === 1 ? "" : "s"}, none resolved yet: mean hours open so far`;
  } else {
    metrics.escalationResolutionHours = 0;
    sources.escalation_resolution_time = "no alert raised for this project: nothing waited for resolution";
  }

  if (csat.responses === 0 || csat.mean === null)
    sources.customer_satisfaction_minimum = "no data — no CSAT survey answered yet";
  else {
    metrics.customerSatisfaction = r2(csat.mean);
    sources.customer_satisfaction_minimum = `mean of ${csat.responses} CSAT response${csat.responses === 1 ? "" : "s"}`;
  }
  return { metrics, sources };
}

/** Newly entered values win; others come from the latest non-code validation that stored them. */
async function manualInputs(
  db: DbOrTx,
  tenantId: string,
  projectId: string,
  entered: ManualQualityInput | undefined,
  by: { id: string; name: string } | null,
  now: Date,
) {
  const manual: ManualEntries = {};
  for (const field of MANUAL_QUALITY_FIELDS) {
    const value = entered?.[field];
    if (value !== undefined && by) manual[field] = { value, byId: by.id, byName: by.name, at: now.toISOString() };
  }
  const missing = MANUAL_QUALITY_FIELDS.filter((f) => manual[f] === undefined);
  if (missing.length > 0) {
    const rows = await recentValidationResults(db, tenantId, projectId, 5);
    for (const field of missing) {
      for (const row of rows) {
        const earlier = (row.results as { manual?: ManualEntries } | null)?.manual?.[field];
        if (earlier && typeof earlier.value === "number") {
          manual[field] = earlier;
          break;
        }
      }
    }
  }
  return manual;
}

export function manualSource(entry: ManualEntry | undefined, enteredNow: boolean): string {
  if (!entry) return "no data — not entered yet";
  return `entered by ${entry.byName} on ${day(entry.at)}${enteredNow ? "" : " (carried over from an earlier validation)"}`;
}

/** Metrics and their sources for the families a validation reads. */
export async function assembleQualityInputs(
  db: DbOrTx,
  tenantId: string,
  projectId: string,
  families: readonly QualityFamily[],
  opts: { manual?: ManualQualityInput; by: { id: string; name: string } | null; now: Date },
): Promise<QualityInputs> {
  const wants = (f: QualityFamily) => families.includes(f);
  const [evidence, delivery, process, manual] = await Promise.all([
    wants("code") ? latestEvidence(db, tenantId, projectId) : null,
    wants("delivery") ? deliveryInputs(db, tenantId, projectId) : null,
    wants("process") ? processInputs(db, tenantId, projectId, opts.now) : null,
    manualInputs(db, tenantId, projectId, opts.manual, opts.by, opts.now),
  ]);
  const code = wants("code") ? codeInputs(evidence) : null;
  const metrics: QualityMetrics = { ...code?.metrics, ...delivery?.metrics, ...process?.metrics };
  const sources: Record<string, string> = { ...code?.sources, ...delivery?.sources, ...process?.sources };
  for (const field of MANUAL_QUALITY_FIELDS) {
    if (!wants(MANUAL_FAMILY[field])) continue;
    const entry = manual[field];
    metrics[field] = entry?.value ?? null;
    sources[MANUAL_GATE[field]] = manualSource(entry, opts.manual?.[field] !== undefined && opts.by !== null);
  }
  return { metrics, sources, evidenceId: evidence?.id ?? null, manual };
}
