import "server-only";
import type { EvidencePayload } from "@/lib/schemas/evidence";
import type { Prisma } from "@/generated/prisma/client";
import { touchToken } from "@/server/db/api-tokens";
import {
  commitEvidence,
  insertEvidence,
  insertEvidencePost,
  latestEvidence,
  listEvidence,
  lockCommitEvidence,
  updateCommitEvidence,
  type EvidenceRow,
} from "@/server/db/evidence";
import { AppError } from "@/server/errors";
import {
  EVIDENCE_METRICS,
  mergeEvidence,
  postEvidence,
  readProvenance,
  type CommitEvidence,
  type PostedReport,
} from "@/domain/quality/evidence-merge";
import type { ReportMetrics } from "@/domain/quality/reports/detect";
import { validateQuality } from "@/domain/quality/validate";
import type { EvidenceToken } from "./api-tokens";
import { loadConfig } from "./config";
import type { ServiceContext } from "./context";
import { requireQualityProject, storeQualityValidation } from "./quality";
import { codeInputs } from "./quality-inputs";

/**
 * CI evidence (docs/ci-evidence.md): a pipeline posts code metrics — a JSON body, or its report files —
 * with its project's token. Posts for one commit merge into that commit's evidence (last value wins per
 * metric, each metric keeping where it came from), and the code quality gates (docs/domain.md#quality-gates)
 * are validated on the merged set at once. The project's gates read its newest commit: a post for an
 * older commit updates that commit's evidence but never the project's standing
 * (docs/ci-evidence.md#merging-per-commit). The token decides tenant and project: a body naming any other
 * project is refused, never redirected. An API call acts for the person who created the token (ctx.actorId).
 */

/** One post, whatever its encoding: the JSON metrics or the parsed report files, and the build's details. */
export type EvidenceSubmission = {
  projectId?: string;
  commitSha?: string;
  branch?: string;
  job?: string;
  buildUrl?: string;
  /** metrics given as JSON */
  json?: ReportMetrics;
  /** free-form extra metrics (JSON posts) */
  extra?: Record<string, string | number | boolean | null>;
  reports: PostedReport[];
};

export function submissionFromJson(payload: EvidencePayload): EvidenceSubmission {
  const json: ReportMetrics = {
    coverage: payload.coverage,
    complexity: payload.complexity,
    maintainability: payload.maintainability,
    vulnerabilitiesHigh: payload.vulnerabilities?.high,
    vulnerabilitiesCritical: payload.vulnerabilities?.critical,
    benchmarkP95Ms: payload.benchmarkP95Ms,
    testsPassed: payload.tests?.passed,
    testsFailed: payload.tests?.failed,
  };
  return {
    projectId: payload.projectId,
    commitSha: payload.commitSha,
    buildUrl: payload.buildUrl,
    json,
    extra: payload.metrics,
    reports: [],
  };
}

const stateOf = (row: EvidenceRow): CommitEvidence => ({
  metrics: Object.fromEntries(EVIDENCE_METRICS.flatMap((k) => (row[k] === null ? [] : [[k, row[k]]]))),
  provenance: readProvenance(row.provenance),
});

const extraOf = (row: EvidenceRow | null): Record<string, unknown> =>
  row && typeof row.metrics === "object" && row.metrics !== null && !Array.isArray(row.metrics) ? row.metrics : {};

export async function recordCiEvidence(ctx: ServiceContext, token: EvidenceToken, submission: EvidenceSubmission) {
  if (submission.projectId !== undefined && submission.projectId !== token.projectId) {
    throw new AppError(
      "FORBIDDEN",
      "This token sends evidence for its own project only: leave projectId out, or use the token of the project you named.",
      {
        fieldErrors: { projectId: "Not this token's project" },
      },
    );
  }
  const project = await requireQualityProject(ctx, token.projectId);
  const config = await loadConfig(ctx, "quality");
  const commit = submission.commitSha ?? null;
  return ctx.db.$transaction(async (tx) => {
    if (commit) await lockCommitEvidence(tx, ctx.tenantId, project.id, commit);
    const existing = commit ? await commitEvidence(tx, ctx.tenantId, project.id, commit) : null;
    const row =
      existing ??
      (await insertEvidence(tx, {
        tenantId: ctx.tenantId,
        projectId: project.id,
        source: "API",
        apiTokenId: token.id,
        commitSha: commit ?? undefined,
        metrics: {},
        at: ctx.now,
      }));
    const files = submission.reports.map(({ part, file, report }) => ({
      part,
      file,
      tool: report.tool,
      format: report.format,
      metrics: report.metrics,
      notes: report.notes,
    }));
    const post = await insertEvidencePost(tx, {
      tenantId: ctx.tenantId,
      evidenceId: row.id,
      apiTokenId: token.id,
      commitSha: commit,
      branch: submission.branch ?? null,
      job: submission.job ?? null,
      buildUrl: submission.buildUrl ?? null,
      files: files,
      at: ctx.now,
    });
    const merged = mergeEvidence(
      existing ? stateOf(existing) : null,
      postEvidence(
        { postId: post.id, at: ctx.now, commit, job: submission.job ?? null },
        submission.reports,
        submission.json,
      ),
    );
    const m = merged.metrics;
    const evidence = await updateCommitEvidence(tx, ctx.tenantId, row.id, {
      coverage: m.coverage ?? null,
      complexity: m.complexity ?? null,
      maintainability: m.maintainability ?? null,
      vulnerabilitiesHigh: m.vulnerabilitiesHigh ?? null,
      vulnerabilitiesCritical: m.vulnerabilitiesCritical ?? null,
      benchmarkP95Ms: m.benchmarkP95Ms ?? null,
      testsPassed: m.testsPassed ?? null,
      testsFailed: m.testsFailed ?? null,
      apiTokenId: token.id,
      buildUrl: submission.buildUrl ?? existing?.buildUrl ?? null,
      branch: submission.branch ?? existing?.branch ?? null,
      job: submission.job ?? existing?.job ?? null,
      metrics: { ...extraOf(existing), ...submission.extra } as Prisma.InputJsonValue,
      provenance: merged.provenance,
      at: ctx.now,
    });
    await touchToken(tx, ctx.tenantId, token.id, ctx.now);

    const latest = await latestEvidence(tx, ctx.tenantId, project.id);
    const current = latest?.id === evidence.id;
    const inputs = { ...codeInputs(evidence), evidenceId: evidence.id, manual: {} };
    // the project's standing follows its newest commit only; an older commit's gates are answered, not stored
    const validation = current
      ? await storeQualityValidation(tx, ctx, { project, type: "CODE", inputs, config, trigger: "api", by: null })
      : null;
    const result = validation?.result ?? validateQuality("code", inputs.metrics, config.data);
    const sourceOf = (gate: string) => inputs.sources[gate] ?? "no data";
    return {
      evidenceId: evidence.id,
      postId: post.id,
      projectId: project.id,
      commitSha: commit,
      files: files.map(({ part, file, tool, format, notes }) => ({ part, file, tool, format, notes })),
      merged: { metrics: merged.metrics, provenance: merged.provenance },
      current,
      ...(current || !latest
        ? {}
        : {
            currentCommit: latest.commitSha,
            note: "A newer commit's evidence sets the project's gates; this commit's are not stored as its validation.",
          }),
      codeGates: {
        validationId: validation?.validationId ?? null,
        score: result.score,
        gatesPassed: validation?.gatesPassed ?? result.gates.filter((g) => g.status === "passed").length,
        gatesFailed: validation?.gatesFailed ?? result.gates.filter((g) => g.status === "failed").length,
        gatesNoData: result.gates.filter((g) => g.status === "no_data").length,
        escalated: validation?.escalated ?? false,
        escalationReasons: result.escalationReasons,
        failing: result.gates
          .filter((g) => g.status === "failed")
          .map((g) => ({
            gate: g.gate,
            label: g.label,
            actual: g.actual,
            comparator: g.comparator,
            threshold: g.threshold,
            unit: g.unit.trim(),
            reason: g.reason,
            source: sourceOf(g.gate),
          })),
        noData: result.gates.filter((g) => g.status === "no_data").map((g) => ({ gate: g.gate, label: g.label })),
        gates: result.gates.map((g) => ({
          gate: g.gate,
          label: g.label,
          status: g.status ?? (g.passed ? "passed" : "failed"),
          actual: g.actual,
          reason: g.reason,
          source: sourceOf(g.gate),
        })),
      },
    };
  });
}

export async function projectEvidence(ctx: ServiceContext, projectId: string, take: number) {
  const project = await requireQualityProject(ctx, projectId);
  return listEvidence(ctx.db, ctx.tenantId, project.id, take);
}
