import "server-only";
import type { EvidencePayload } from "@/lib/schemas/evidence";
import { touchToken } from "@/server/db/api-tokens";
import { insertEvidence, listEvidence } from "@/server/db/evidence";
import { AppError } from "@/server/errors";
import type { EvidenceToken } from "./api-tokens";
import { loadConfig } from "./config";
import type { ServiceContext } from "./context";
import { requireQualityProject, storeQualityValidation } from "./quality";
import { codeInputs } from "./quality-inputs";

/**
 * CI evidence (docs/ci-evidence.md): a pipeline posts code metrics with its project's token; they are stored and the
 * code quality gates (docs/domain.md#quality-gates) are validated from them at once, so "95%+ coverage" is checked from the
 * build, not typed by hand. The token decides tenant and project: a body naming any other project is
 * refused, never redirected. An API call acts for the person who created the token (ctx.actorId).
 */
export async function recordCiEvidence(ctx: ServiceContext, token: EvidenceToken, payload: EvidencePayload) {
  if (payload.projectId !== undefined && payload.projectId !== token.projectId) {
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
  return ctx.db.$transaction(async (tx) => {
    const evidence = await insertEvidence(tx, {
      tenantId: ctx.tenantId,
      projectId: project.id,
      source: "API",
      apiTokenId: token.id,
      coverage: payload.coverage,
      complexity: payload.complexity,
      maintainability: payload.maintainability,
      vulnerabilitiesHigh: payload.vulnerabilities?.high,
      vulnerabilitiesCritical: payload.vulnerabilities?.critical,
      benchmarkP95Ms: payload.benchmarkP95Ms,
      testsPassed: payload.tests?.passed,
      testsFailed: payload.tests?.failed,
      commitSha: payload.commitSha,
      buildUrl: payload.buildUrl,
      metrics: payload.metrics ?? {},
      at: ctx.now,
    });
    await touchToken(tx, ctx.tenantId, token.id, ctx.now);
    const inputs = { ...codeInputs(evidence), evidenceId: evidence.id, manual: {} };
    const validation = await storeQualityValidation(tx, ctx, {
      project,
      type: "CODE",
      inputs,
      config,
      trigger: "api",
      by: null,
    });
    return {
      evidenceId: evidence.id,
      projectId: project.id,
      codeGates: {
        validationId: validation.validationId,
        score: validation.score,
        gatesPassed: validation.gatesPassed,
        gatesFailed: validation.gatesFailed,
        escalated: validation.escalated,
        escalationReasons: validation.result.escalationReasons,
        failing: validation.result.gates
          .filter((g) => !g.passed)
          .map((g) => ({
            gate: g.gate,
            label: g.label,
            actual: g.actual,
            comparator: g.comparator,
            threshold: g.threshold,
            unit: g.unit.trim(),
            reason: g.reason,
          })),
      },
    };
  });
}

export async function projectEvidence(ctx: ServiceContext, projectId: string, take: number) {
  const project = await requireQualityProject(ctx, projectId);
  return listEvidence(ctx.db, ctx.tenantId, project.id, take);
}
