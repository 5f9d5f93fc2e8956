import "server-only";
import type { QualityType, ValidateQualityInput } from "@/lib/schemas/quality";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx } from "@/server/db/client";
import { alertsAbout } from "@/server/db/alerts";
import type { AlertKind } from "@/generated/prisma/enums";
import {
  findQualityProject,
  findUserName,
  insertQualityAction,
  insertQualityValidation,
  latestValidation,
  validationPoints,
} from "@/server/db/quality";
import { activeAdminIds } from "@/server/db/notifications";
import {
  QUALITY_FAMILIES,
  type QualityConfig,
  type QualityFamily,
  type QualityValidationKind,
} from "@/domain/quality/config";
import { fmt } from "@/domain/quality/gates";
import {
  gateStanding,
  validateQuality,
  type FamilyResult,
  type GateResult,
  type QualityMetrics,
  type QualityRecommendation,
  type QualityValidationResult,
} from "@/domain/quality/validate";
import { notFound } from "@/server/errors";
import { raiseAlert } from "./alerts";
import { loadConfig, type VersionedConfig } from "./config";
import type { ServiceContext } from "./context";
import { assembleQualityInputs, type ManualEntries, type QualityInputs } from "./quality-inputs";
import { QUALITY_TYPE_LABEL } from "@/lib/labels/quality-type";
import { emitWebhookEvent } from "@/server/messaging/events";

/**
 * Quality validation (docs/domain.md#quality-gates): assemble the metrics from stored data (quality-inputs.ts says where each
 * number comes from), run the pure engine with the tenant's "quality" configuration, store the result with
 * every gate's source, and on escalation raise an alert, a QUALITY action for the project's technical lead
 * and an in-app notification — all in the caller's transaction.
 *
 * Ours: one open escalation per project and validation type. While a quality alert of that type is
 * unresolved, a further escalating validation (e.g. every CI push) is stored as escalated but raises no new
 * alert, action or notification. The action is due within the tenant's escalation-resolution time.
 */

export const ENGINE_TYPE: Record<QualityType, QualityValidationKind> = {
  CODE: "code",
  DELIVERY: "delivery",
  PROCESS: "process",
  COMPREHENSIVE: "comprehensive",
};
export const TYPE_FAMILIES: Record<QualityType, readonly QualityFamily[]> = {
  CODE: ["code"],
  DELIVERY: ["delivery"],
  PROCESS: ["process"],
  COMPREHENSIVE: QUALITY_FAMILIES,
};
const ESCALATION_KIND = {
  CODE: "QUALITY_ESCALATION_CODE",
  DELIVERY: "QUALITY_ESCALATION_DELIVERY",
  PROCESS: "QUALITY_ESCALATION_PROCESS",
  COMPREHENSIVE: "QUALITY_ESCALATION_COMPREHENSIVE",
} as const satisfies Record<QualityType, AlertKind>;

export type StoredGate = GateResult & { source: string };
/** What QualityValidation.results holds (version 1). */
export type StoredQualityResult = {
  type: QualityValidationKind;
  score: number;
  scoreReason: string;
  gates: StoredGate[];
  families: FamilyResult[];
  escalationReasons: string[];
  metrics: QualityMetrics;
  manual: ManualEntries;
  evidenceId: string | null;
  configVersion: number;
  trigger: "api" | "manual";
  validatedBy: { id: string; name: string } | null;
};

export type QualityProject = NonNullable<Awaited<ReturnType<typeof findQualityProject>>>;

export async function requireQualityProject(
  ctx: Pick<ServiceContext, "db" | "tenantId">,
  projectId: string,
): Promise<QualityProject> {
  const project = await findQualityProject(ctx.db, ctx.tenantId, projectId);
  if (!project) throw notFound("Project");
  return project;
}

const HOUR_MS = 3_600_000;

async function raiseEscalation(
  tx: DbOrTx,
  ctx: { tenantId: string; now: Date },
  project: QualityProject,
  type: QualityType,
  result: QualityValidationResult,
  config: QualityConfig,
) {
  const kind = ESCALATION_KIND[type];
  const [open] = await alertsAbout(tx, ctx.tenantId, [kind], { projectId: project.id }, { openOnly: true });
  if (open) return { alertId: open.id, created: false, actionItemId: null, notified: 0 };
  const label = `${QUALITY_TYPE_LABEL[type].toLowerCase()} quality`;
  const message = `The ${label} validation of ${project.name} scored ${fmt(result.score)}: ${result.escalationReasons.join("; ")}.`;
  const link = `/projects/${project.id}`;
  const techLead = project.techLead && project.techLead.disabledAt === null ? project.techLead : null;
  const steps = result.recommendations.slice(0, 3).map((r) => `- ${r.text}`);
  const action = await insertQualityAction(tx, {
    tenantId: ctx.tenantId,
    projectId: project.id,
    customerAccountId: project.customerAccountId,
    assigneeId: techLead?.id ?? null,
    title: `Resolve the ${label} escalation on ${project.name}`,
    detail: [message, ...steps].join("\n"),
    dueAt: new Date(ctx.now.getTime() + config.gates.process.escalation_resolution_time * HOUR_MS),
    at: ctx.now,
  });
  // no (active) technical lead: the tenant's admins hear about it instead, so it is never unseen
  const recipients = techLead ? [techLead.id] : (await activeAdminIds(tx, ctx.tenantId)).map((u) => u.id);
  const alert = await raiseAlert(tx, ctx, {
    kind,
    about: { projectId: project.id, customerAccountId: project.customerAccountId },
    message,
    link,
    notify: { userIds: recipients, title: `Quality escalation: ${project.name}`, body: message },
  });
  return { alertId: alert.alertId, created: true, actionItemId: action.id, notified: recipients.length };
}

/** Runs the engine on assembled inputs and stores the validation (and any escalation) in `tx`. */
export async function storeQualityValidation(
  tx: DbOrTx,
  ctx: { tenantId: string; now: Date },
  args: {
    project: QualityProject;
    type: QualityType;
    inputs: QualityInputs;
    config: VersionedConfig<"quality">;
    trigger: "api" | "manual";
    by: { id: string; name: string } | null;
  },
) {
  const { project, type, inputs, config } = args;
  const result = validateQuality(ENGINE_TYPE[type], inputs.metrics, config.data);
  const stored: StoredQualityResult = {
    type: result.type,
    score: result.score,
    scoreReason: result.scoreReason,
    gates: result.gates.map((g) => ({ ...g, source: inputs.sources[g.gate] ?? "no data" })),
    families: result.families,
    escalationReasons: result.escalationReasons,
    metrics: inputs.metrics,
    manual: inputs.manual,
    evidenceId: inputs.evidenceId,
    configVersion: config.version,
    trigger: args.trigger,
    validatedBy: args.by,
  };
  const row = await insertQualityValidation(tx, {
    tenantId: ctx.tenantId,
    projectId: project.id,
    type,
    score: result.score,
    gatesPassed: result.gatesPassed,
    gatesFailed: result.gatesFailed,
    escalated: result.escalate,
    results: stored,
    recommendations: result.recommendations,
    at: ctx.now,
  });
  const escalation = result.escalate ? await raiseEscalation(tx, ctx, project, type, result, config.data) : null;
  await emitWebhookEvent(tx, {
    tenantId: ctx.tenantId,
    event: "quality.validated",
    key: `quality-validated/${row.id}`,
    at: ctx.now,
    data: {
      validationId: row.id,
      projectId: project.id,
      projectName: project.name,
      type,
      score: result.score,
      gatesPassed: result.gatesPassed,
      gatesFailed: result.gatesFailed,
      escalated: result.escalate,
      trigger: args.trigger,
    },
  });
  return {
    validationId: row.id,
    type,
    score: result.score,
    gatesPassed: result.gatesPassed,
    gatesFailed: result.gatesFailed,
    escalated: result.escalate,
    escalation,
    result: stored,
    recommendations: result.recommendations,
  };
}

export async function validateProjectQuality(ctx: ServiceContext, input: ValidateQualityInput) {
  const project = await requireQualityProject(ctx, input.projectId);
  const [actor, config] = await Promise.all([
    findUserName(ctx.db, ctx.tenantId, ctx.actorId),
    loadConfig(ctx, "quality"),
  ]);
  const by = actor ? { id: actor.id, name: actor.name } : null;
  const inputs = await assembleQualityInputs(ctx.db, ctx.tenantId, project.id, TYPE_FAMILIES[input.type], {
    manual: input.manual,
    by,
    now: ctx.now,
  });
  return ctx.db.$transaction(async (tx) => {
    const out = await storeQualityValidation(tx, ctx, {
      project,
      type: input.type,
      inputs,
      config,
      trigger: "manual",
      by,
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "quality.validated",
      entityType: "QualityValidation",
      entityId: out.validationId,
      after: {
        projectId: project.id,
        type: input.type,
        score: out.score,
        escalated: out.escalated,
        manual: input.manual ?? {},
        configVersion: config.version,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return out;
  });
}

/** Chart points, the latest full result, and what a live preview needs (config + the stored-data metrics). */
export async function qualityHistory(ctx: ServiceContext, projectId: string) {
  const project = await requireQualityProject(ctx, projectId);
  const [points, latest, config, inputs] = await Promise.all([
    validationPoints(ctx.db, ctx.tenantId, project.id, 100),
    latestValidation(ctx.db, ctx.tenantId, project.id),
    loadConfig(ctx, "quality"),
    assembleQualityInputs(ctx.db, ctx.tenantId, project.id, QUALITY_FAMILIES, { by: null, now: ctx.now }),
  ]);
  return {
    project: { id: project.id, name: project.name },
    points,
    latest: latest
      ? {
          ...latest,
          standing: gateStanding(latest),
          results: latest.results as unknown as StoredQualityResult,
          recommendations: latest.recommendations as unknown as QualityRecommendation[],
        }
      : null,
    preview: {
      configVersion: config.version,
      config: config.data,
      metrics: inputs.metrics,
      sources: inputs.sources,
      manual: inputs.manual,
    },
  };
}
