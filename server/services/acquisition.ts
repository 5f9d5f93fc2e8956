import "server-only";
import type { SaveAssessmentInput } from "@/lib/schemas/qualification";
import { answersSchemaFor } from "@/lib/schemas/qualification";
import type { ProjectRequestInput } from "@/lib/schemas/feasibility";
import {
  chosenTier,
  findAssessment,
  insertAssessment,
  insertFeasibility,
  insertTierRecommendations,
  latestFeasibility,
  latestFinalAssessment,
  latestTierBatch,
  latestTierRecommendation,
  listAssessments,
  markTierChosen,
} from "@/server/db/acquisition";
import { recordAudit } from "@/server/db/audit";
import { setLeadStage } from "@/server/db/leads";
import type { ServiceType } from "@/generated/prisma/enums";
import { analyzeFeasibility, type ProjectRequest } from "@/domain/feasibility/analyze";
import { stageAfterAssessment, stageAfterDraft } from "@/domain/pipeline/stages";
import { scoreQualification } from "@/domain/qualification/score";
import { criterionIndex, type QualificationConfig } from "@/domain/qualification/config";
import { recommendTiers } from "@/domain/tiers/recommend";
import { AppError, describeZodError, notFound } from "@/server/errors";
import { loadConfig, loadConfigAt } from "./config";
import type { ServiceContext } from "./context";
import { leadDetail } from "./leads";
import { stageWord } from "@/lib/labels/lead-stage";
import { emitWebhookEvent } from "@/server/messaging/events";

/** The CSM's qualification → feasibility → tier flow for one lead (docs/domain.md#qualification, docs/domain.md#feasibility, docs/domain.md#tiers). */
async function changeStage(
  ctx: ServiceContext,
  tx: Parameters<typeof setLeadStage>[0],
  lead: { id: string; stage: Parameters<typeof setLeadStage>[3] },
  data: Omit<Parameters<typeof setLeadStage>[4], "updatedAt">,
) {
  const res = await setLeadStage(tx, ctx.tenantId, lead.id, lead.stage, { ...data, updatedAt: ctx.now });
  if (res.count !== 1) throw new AppError("CONFLICT", "Someone changed this lead meanwhile. Reload and try again.");
}

/** Answers checked against the tenant's own criteria; a 400 naming each bad field (answers.<criterion>) otherwise. */
export function tenantAnswers(config: QualificationConfig, answers: unknown) {
  const parsed = answersSchemaFor([...criterionIndex(config).keys()]).safeParse(answers);
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    const prefixed = Object.fromEntries(
      Object.entries(fieldErrors).map(([k, v]) => [k === "" ? "answers" : `answers.${k}`, v]),
    );
    throw new AppError("BAD_REQUEST", message, { fieldErrors: prefixed });
  }
  return parsed.data;
}

/** A converted or lost lead keeps its qualification, feasibility and tiers as they were: one rule for all three steps. */
function assertOpenLead(lead: { stage: string }) {
  if (lead.stage === "CONVERTED" || lead.stage === "LOST") {
    throw new AppError(
      "BAD_REQUEST",
      `This lead is ${stageWord(lead.stage)}: its qualification, feasibility and tiers stay as they were.`,
    );
  }
}

export async function saveAssessment(ctx: ServiceContext, input: SaveAssessmentInput) {
  const lead = await leadDetail(ctx, input.leadId);
  assertOpenLead(lead);
  const config = await loadConfig(ctx, "qualification");
  const answers = tenantAnswers(config.data, input.answers);
  const result = scoreQualification(answers, input.context, config.data);
  const stage = input.isDraft ? stageAfterDraft(lead.stage) : stageAfterAssessment(lead.stage, result.passed);
  const saved = await ctx.db.$transaction(async (tx) => {
    const row = await insertAssessment(tx, {
      tenantId: ctx.tenantId,
      leadId: lead.id,
      authorId: ctx.actorId,
      answers: { answers, context: input.context },
      breakdown: result.categories,
      points: result.points,
      maxPoints: result.maxPoints,
      score: result.score,
      fit: result.fit,
      configVersion: config.version,
      isDraft: input.isDraft,
      at: ctx.now,
    });
    await changeStage(
      ctx,
      tx,
      lead,
      input.isDraft
        ? { stage }
        : {
            stage,
            latestScore: result.score,
            ...(result.passed ? { qualifiedAt: ctx.now } : {}),
            ...(lead.serviceType ? {} : serviceTypeOf(result.recommendedServiceTypes)),
          },
    );
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: input.isDraft ? "assessment.draft_saved" : "assessment.saved",
      entityType: "QualificationAssessment",
      entityId: row.id,
      after: { leadId: lead.id, score: result.score, stage, configVersion: config.version },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    if (stage === "QUALIFIED" && lead.stage !== "QUALIFIED")
      await emitWebhookEvent(tx, {
        tenantId: ctx.tenantId,
        event: "lead.qualified",
        key: `lead-qualified/${row.id}`,
        at: ctx.now,
        data: {
          leadId: lead.id,
          company: lead.company,
          assessmentId: row.id,
          score: result.score,
          qualifiedAt: ctx.now.toISOString(),
        },
      });
    return row;
  });
  return { assessmentId: saved.id, stage, configVersion: config.version, result };
}

function serviceTypeOf(recommended: ServiceType[]): { serviceType?: ServiceType } {
  return recommended[0] ? { serviceType: recommended[0] } : {};
}

export async function assessmentHistory(ctx: ServiceContext, leadId: string) {
  await leadDetail(ctx, leadId);
  return listAssessments(ctx.db, ctx.tenantId, leadId, 50);
}

/** Recomputes a stored assessment from its stored inputs and configuration version. */
export async function reproduceAssessment(ctx: ServiceContext, assessmentId: string) {
  const row = await findAssessment(ctx.db, ctx.tenantId, assessmentId);
  if (!row) throw notFound("Assessment");
  const config = await loadConfigAt(ctx, "qualification", row.configVersion);
  const stored = row.answers as {
    answers?: Record<string, "full" | "partial" | "none">;
    context?: Record<string, unknown>;
  };
  const result = scoreQualification(stored.answers ?? {}, stored.context ?? {}, config.data);
  return {
    storedScore: row.score,
    recomputedScore: result.score,
    identical: result.score === row.score && result.points === row.points,
    result,
  };
}

export async function analyzeLead(ctx: ServiceContext, leadId: string, request: ProjectRequestInput) {
  const lead = await leadDetail(ctx, leadId);
  assertOpenLead(lead);
  const assessment = await latestFinalAssessment(ctx.db, ctx.tenantId, leadId);
  if (!assessment)
    throw new AppError("BAD_REQUEST", "Save a qualification assessment first: success probability depends on it.");
  const config = await loadConfig(ctx, "feasibility");
  const result = analyzeFeasibility(request, assessment.score, config.data);
  await ctx.db.$transaction(async (tx) => {
    const row = await insertFeasibility(tx, {
      tenantId: ctx.tenantId,
      leadId,
      authorId: ctx.actorId,
      // the qualification score is stored with the request so the result can be recomputed later
      input: {
        request,
        complexity: result.complexity,
        assessmentId: assessment.id,
        qualificationScore: assessment.score,
      } satisfies StoredFeasibilityInput,
      technicalScore: result.technical.score,
      timelineScore: result.timeline.score,
      resourceScore: result.resource.score,
      feasibilityScore: result.feasibilityScore,
      successProbability: result.successProbability,
      risks: result.riskFactors,
      blockers: result.blockers,
      recommendation: result.decision,
      configVersion: config.version,
      at: ctx.now,
    });
    if (lead.stage === "QUALIFIED") await changeStage(ctx, tx, lead, { stage: "FEASIBILITY" });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "feasibility.analyzed",
      entityType: "FeasibilityAnalysis",
      entityId: row.id,
      after: { leadId, feasibilityScore: result.feasibilityScore, decision: result.decision },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { configVersion: config.version, result };
}

type StoredFeasibilityInput = {
  request: ProjectRequestInput;
  complexity: string;
  assessmentId?: string;
  qualificationScore?: number;
};

/**
 * The lead's latest feasibility analysis, recomputed from its stored request, qualification score and
 * configuration version (the engine is deterministic, so this is the result the CSM saw), or null.
 */
export async function latestFeasibilityFor(ctx: ServiceContext, leadId: string) {
  await leadDetail(ctx, leadId);
  const row = await latestFeasibility(ctx.db, ctx.tenantId, leadId);
  if (!row) return null;
  const input = row.input as Partial<StoredFeasibilityInput> | null;
  // rows written by the engine always hold the request; anything else cannot be recomputed
  if (!input?.request) return null;
  // analyses saved before the score was stored: the assessment that was current at the time
  const score =
    input.qualificationScore ?? (await latestFinalAssessment(ctx.db, ctx.tenantId, leadId, row.createdAt))?.score ?? 0;
  const config = await loadConfigAt(ctx, "feasibility", row.configVersion);
  const result = analyzeFeasibility(input.request, score, config.data);
  return {
    analysisId: row.id,
    analyzedAt: row.createdAt,
    configVersion: row.configVersion,
    request: input.request,
    result,
    storedScore: row.feasibilityScore,
  };
}

/** What a stored tier recommendation holds besides its columns. */
type StoredTierReasoning = { name?: string; valueProposition?: string; reasoning?: string[] };

/** The name a stored recommendation was made under (the catalogue's name at that time). */
export function tierNameOf(reasoning: unknown): string {
  const name = (reasoning as StoredTierReasoning | null)?.name;
  return typeof name === "string" && name !== "" ? name : "Service tier";
}

/** One tier as the lead page shows it, whether just computed or read back. */
export type TierView = {
  key: string;
  name: string;
  compatibility: number;
  recommended: boolean;
  priceCents: number;
  timelineWeeks: number;
  valueProposition: string;
  reasoning: string[];
  chosen: boolean;
};

/** The latest tier recommendation run for a lead (best first) and the chosen tier, if any. */
export async function latestTiersFor(ctx: ServiceContext, leadId: string) {
  await leadDetail(ctx, leadId);
  const [rows, chosen] = await Promise.all([
    latestTierBatch(ctx.db, ctx.tenantId, leadId),
    chosenTier(ctx.db, ctx.tenantId, leadId),
  ]);
  const first = rows[0];
  if (!first) return { threshold: null, recommendedAt: null, configVersion: null, tiers: [] as TierView[], chosen };
  const catalogue = await loadConfigAt(ctx, "tiers", first.configVersion);
  const threshold = catalogue.data.threshold;
  const tiers = rows.map((r): TierView => {
    const stored = r.reasoning as StoredTierReasoning;
    return {
      key: r.tierKey,
      name: stored.name ?? catalogue.data.tiers[r.tierKey]?.name ?? r.tierKey,
      compatibility: r.compatibility,
      recommended: r.compatibility >= threshold,
      priceCents: r.priceCents,
      timelineWeeks: r.timelineWeeks,
      valueProposition: stored.valueProposition ?? "",
      reasoning: stored.reasoning ?? [],
      chosen: r.chosen,
    };
  });
  return { threshold, recommendedAt: first.createdAt, configVersion: first.configVersion, tiers, chosen };
}

export async function recommendForLead(ctx: ServiceContext, leadId: string) {
  const lead = await leadDetail(ctx, leadId);
  assertOpenLead(lead);
  const feasibility = await latestFeasibility(ctx.db, ctx.tenantId, leadId);
  if (!feasibility)
    throw new AppError("BAD_REQUEST", "Run the feasibility analysis first: tiers are matched on its project request.");
  const { request, complexity } = feasibility.input as {
    request: ProjectRequest;
    complexity: "low" | "medium" | "high";
  };
  const catalogue = await loadConfig(ctx, "tiers");
  const result = recommendTiers(
    {
      serviceType: lead.serviceType ?? "MVP_DEVELOPMENT",
      teamSize: request.teamSize,
      budgetCents: request.budgetCents,
      timelineWeeks: request.timelineWeeks,
      complexity,
      complianceRequired: request.compliance.length > 0,
      requirementsCount: request.requirements.length,
      integrationsCount: request.integrations.length,
    },
    catalogue.data,
  );
  await insertTierRecommendations(
    ctx.db,
    result.tiers.map((t) => ({
      tenantId: ctx.tenantId,
      leadId,
      tierKey: t.key,
      compatibility: t.compatibility,
      priceCents: t.price.cents,
      timelineWeeks: t.estimatedTimelineWeeks,
      reasoning: { name: t.name, valueProposition: t.valueProposition, reasoning: t.reasoning, factors: t.factors },
      configVersion: catalogue.version,
      at: ctx.now,
    })),
  );
  return { configVersion: catalogue.version, result };
}

export async function chooseTier(ctx: ServiceContext, leadId: string, tierKey: string) {
  const lead = await leadDetail(ctx, leadId);
  const rec = await latestTierRecommendation(ctx.db, ctx.tenantId, leadId, tierKey);
  if (!rec)
    throw new AppError(
      "BAD_REQUEST",
      `There is no recommendation for tier "${tierKey}" on this lead. Run the tier recommendation first.`,
    );
  if (lead.stage !== "FEASIBILITY" && lead.stage !== "PROPOSAL") {
    throw new AppError(
      "BAD_REQUEST",
      "Choose a tier after the feasibility analysis, before the project is kicked off.",
    );
  }
  await ctx.db.$transaction(async (tx) => {
    await markTierChosen(tx, ctx.tenantId, leadId, rec.id);
    await changeStage(ctx, tx, lead, { stage: "PROPOSAL", estimatedValueCents: rec.priceCents });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "tier.chosen",
      entityType: "Lead",
      entityId: leadId,
      after: { tierKey, priceCents: rec.priceCents },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return {
    leadId,
    tierKey,
    tierName: tierNameOf(rec.reasoning),
    priceCents: rec.priceCents,
    stage: "PROPOSAL" as const,
  };
}
