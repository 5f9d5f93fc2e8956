import "server-only";
import type { ListProjectsInput, ValidateMilestoneInput } from "@/lib/schemas/projects";
import { alertsAbout, resolveOpenAlerts, setAlertMessage } from "@/server/db/alerts";
import { WEEK_ALERT_KINDS } from "@/domain/alerts/registry";
import { recordAudit } from "@/server/db/audit";
import type { MilestoneStatus } from "@/generated/prisma/enums";
import {
  createActionItems,
  findActionItem,
  findEnvironment,
  findMilestoneForValidation,
  findProjectDetail,
  openActionTitles,
  listProjects,
  milestoneStatuses,
  recordMilestoneValidation,
  setProjectStatus,
  updateActionItem,
  updateEnvironment,
} from "@/server/db/projects";
import { latestEvidence } from "@/server/db/evidence";
import { insertNotifications } from "@/server/db/notifications";
import { MILESTONE_STATUS_LABEL } from "@/lib/labels/milestone-status";
import { validateMilestone, type MilestoneValidationStatus } from "@/domain/milestones/validate";
import { AppError, notFound } from "@/server/errors";
import { raiseAlert } from "./alerts";
import { loadConfig } from "./config";
import { onReplica, type ServiceContext } from "./context";
import { emitWebhookEvent } from "@/server/messaging/events";

/** Projects and weekly milestones (docs/domain.md#milestones) for the technical lead, CSM and executive. */

export async function projectsPage(ctx: ServiceContext, input: ListProjectsInput) {
  const [total, rows] = await onReplica(ctx, (db) =>
    listProjects(db, ctx.tenantId, {
      status: input.status,
      techLeadId: input.mine ? ctx.actorId : undefined,
      search: input.search || undefined,
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  );
  return { total, page: input.page, pageSize: input.pageSize, rows };
}

/** The project page: the project, its weeks, team, environments, open actions, and what a live preview needs. */
export async function projectDetail(ctx: ServiceContext, projectId: string) {
  const project = await findProjectDetail(ctx.db, ctx.tenantId, projectId);
  if (!project) throw notFound("Project");
  const [evidence, quality, tiers] = await Promise.all([
    latestEvidence(ctx.db, ctx.tenantId, projectId),
    loadConfig(ctx, "quality"),
    loadConfig(ctx, "tiers"),
  ]);
  // the tier's name as the catalogue says it today; a tier since removed from the catalogue reads generically
  const tierName = tiers.data.tiers[project.tierKey]?.name ?? "Service tier";
  return { ...project, tierName, latestEvidence: evidence, qualityGates: quality.data.gates };
}

/** The engine's outcomes in the stored enum: waiting for a sign-off or for a score is still in progress. */
export const STORED_STATUS: Record<MilestoneValidationStatus, MilestoneStatus> = {
  success: "SUCCESS",
  at_risk: "AT_RISK",
  failed: "FAILED",
  pending_sign_off: "IN_PROGRESS",
  not_scored: "IN_PROGRESS",
};

/**
 * Why a week is validated again without the technical lead typing scores (docs/milestones.md#re-validation):
 * the reason is kept in the week's history; `bySystem` records the validation as the system's (no
 * person validated it — the customer whose answer or sign-off triggered it least of all) and tells the
 * technical lead what changed.
 */
export type Revalidation = { reason: string; bySystem: boolean };

/**
 * Validates a milestone: the weighted score from the entered scores, CI evidence for automated criteria
 * and customer sign-offs, then the status and its actions (docs/domain.md#milestones). Every validation is kept (history);
 * actions become assigned action items (recovery → technical lead; escalation and sign-off follow-ups →
 * the account's CSM), an at-risk or failed week raises an alert and notifies both, and the project's
 * status follows its weeks.
 */
export async function validateMilestoneFor(
  ctx: ServiceContext,
  input: ValidateMilestoneInput,
  revalidation: Revalidation | null = null,
) {
  const m = await findMilestoneForValidation(ctx.db, ctx.tenantId, input.milestoneId);
  if (!m) throw notFound("Milestone");
  const known = new Set(m.criteria.map((c) => c.id));
  const unknown = input.scores.findIndex((s) => !known.has(s.criterionId));
  if (unknown >= 0) {
    throw new AppError("BAD_REQUEST", "A score names a criterion of another milestone.", {
      fieldErrors: { [`scores.${unknown}.criterionId`]: "Not a criterion of this milestone" },
    });
  }
  // every criterion is answered, a blank one explicitly (not scored yet): one left out is a mistake,
  // not a 0 (docs/milestones.md)
  const sent = new Set(input.scores.map((s) => s.criterionId));
  const missing = m.criteria.filter((c) => !sent.has(c.id)).map((c) => c.name);
  if (missing.length > 0) {
    const message = `Give a score, or leave it blank if not scored yet, for every criterion of week ${m.weekNumber}. Missing: ${missing.join(", ")}.`;
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { scores: message } });
  }
  const entered = new Map(input.scores.map((s) => [s.criterionId, s.score]));
  const [evidence, quality] = await Promise.all([
    latestEvidence(ctx.db, ctx.tenantId, m.projectId),
    loadConfig(ctx, "quality"),
  ]);
  const result = validateMilestone({
    minimumSuccessThreshold: m.minimumSuccessThreshold,
    escalationThreshold: m.escalationThreshold,
    evidence,
    gates: quality.data.gates,
    criteria: m.criteria.map((c) => ({
      name: c.name,
      weight: c.weight,
      validationMethod: c.validationMethod,
      deliverable: c.deliverable,
      requiresSignOff: c.requiresSignOff,
      score: entered.get(c.id) ?? null,
      signOff: c.signOffs[0]?.decision ?? null,
    })),
  });
  const status = STORED_STATUS[result.status];
  const csmId = m.project.customerAccount.csmId;
  const techLeadId = m.project.techLeadId;
  const assignee = (kind: string) => (kind === "RECOVERY" ? (techLeadId ?? csmId) : (csmId ?? techLeadId));
  const link = `/projects/${m.projectId}#week-${m.weekNumber}`;
  const validatedById = revalidation?.bySystem ? null : ctx.actorId;

  const saved = await ctx.db.$transaction(async (tx) => {
    const row = await recordMilestoneValidation(tx, {
      tenantId: ctx.tenantId,
      milestoneId: m.id,
      projectId: m.projectId,
      score: result.score,
      status,
      validatedById,
      at: ctx.now,
      criteriaScores: {
        engineStatus: result.status,
        provisional: result.provisional,
        bestCaseScore: result.bestCaseScore,
        contributions: result.contributions,
        pendingSignOffs: result.pendingSignOffs,
        reasons: result.reasons,
        ...(revalidation ? { revalidation } : {}),
      },
      actions: result.actions,
      criteria: m.criteria.map((c, i) => {
        const contribution = result.contributions[i];
        const counted =
          contribution &&
          (contribution.source === "entered" ||
            contribution.source === "evidence" ||
            contribution.source === "sign_off");
        return {
          id: c.id,
          score: counted ? contribution.score : null,
          evidence: contribution ? { source: contribution.source, reason: contribution.reason } : null,
        };
      }),
    });
    // an action already open from an earlier validation of this week stays the one to work on
    const open = await openActionTitles(tx, ctx.tenantId, m.projectId);
    const fresh = result.actions.filter((a) => !open.has(`Week ${m.weekNumber}: ${a.title}`));
    await createActionItems(
      tx,
      fresh.map((a) => ({
        tenantId: ctx.tenantId,
        projectId: m.projectId,
        customerAccountId: m.project.customerAccount.id,
        kind: a.kind,
        title: `Week ${m.weekNumber}: ${a.title}`,
        detail: a.detail,
        assigneeId: assignee(a.kind),
        dueAt: new Date(ctx.now.getTime() + a.dueInHours * 3_600_000),
        at: ctx.now,
      })),
    );
    // one open verdict alert a week: the same verdict again updates it (no second alert or notification),
    // another verdict resolves it; a validated week is no longer overdue; a week no longer at risk or
    // failed keeps no alert open, its escalation included
    const kind = status === "FAILED" ? "MILESTONE_FAILED" : status === "AT_RISK" ? "MILESTONE_AT_RISK" : null;
    const openAlerts = await alertsAbout(tx, ctx.tenantId, WEEK_ALERT_KINDS, { milestoneId: m.id }, { openOnly: true });
    const current = openAlerts.find((a) => a.kind === kind);
    const stillTrue = (a: { kind: string }) => a === current || (kind !== null && a.kind === "MILESTONE_ESCALATION");
    const outdated = openAlerts.filter((a) => !stillTrue(a)).map((a) => a.id);
    if (outdated.length > 0) await resolveOpenAlerts(tx, ctx.tenantId, outdated, ctx.now);
    if (kind) {
      const message = `Week ${m.weekNumber} of ${m.project.name} is ${status === "FAILED" ? "failed" : "at risk"}: ${result.score} (success ≥ ${m.minimumSuccessThreshold}, escalation ≥ ${m.escalationThreshold}).`;
      if (current) await setAlertMessage(tx, ctx.tenantId, current.id, message);
      else {
        await raiseAlert(tx, ctx, {
          kind,
          about: { projectId: m.projectId, customerAccountId: m.project.customerAccount.id, milestoneId: m.id },
          message,
          link,
          notify: { userIds: [techLeadId, csmId], title: message, body: result.reasons.join(" ") },
        });
      }
    }
    if (revalidation?.bySystem && techLeadId) {
      const title = `Week ${m.weekNumber} of ${m.project.name} re-scored: ${m.score ?? "not scored"} → ${result.score}, ${MILESTONE_STATUS_LABEL[status].toLowerCase()}`;
      await insertNotifications(tx, [
        { tenantId: ctx.tenantId, userId: techLeadId, title, body: revalidation.reason, link, at: ctx.now },
      ]);
    }
    const weeks = await milestoneStatuses(tx, ctx.tenantId, m.projectId);
    const troubled = weeks.some((w) => w.status === "AT_RISK" || w.status === "FAILED");
    if (troubled) await setProjectStatus(tx, ctx.tenantId, m.projectId, ["KICKOFF", "ACTIVE"], "AT_RISK");
    else await setProjectStatus(tx, ctx.tenantId, m.projectId, ["AT_RISK", "KICKOFF"], "ACTIVE");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: validatedById,
      action: "milestone.validated",
      entityType: "Milestone",
      entityId: m.id,
      before: { status: m.status, score: m.score },
      after: {
        status,
        score: result.score,
        engineStatus: result.status,
        actions: result.actions.length,
        ...(revalidation ? { reason: revalidation.reason } : {}),
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    await emitWebhookEvent(tx, {
      tenantId: ctx.tenantId,
      event: "milestone.validated",
      key: `milestone-validated/${row.id}`,
      at: ctx.now,
      data: {
        validationId: row.id,
        milestoneId: m.id,
        projectId: m.projectId,
        projectName: m.project.name,
        weekNumber: m.weekNumber,
        status,
        score: result.score,
        provisional: result.provisional,
        validatedById,
        reason: revalidation?.reason ?? null,
      },
    });
    return row;
  });
  return { validationId: saved.id, status, result };
}

/**
 * Re-validates a milestone with the scores last entered by the technical lead (criteria scored from
 * evidence or sign-offs are recomputed), e.g. once the customer has decided every sign-off, or when a
 * survey scores the satisfaction criterion. `overrides` replaces the score of given criteria.
 */
export async function revalidateMilestone(
  ctx: ServiceContext,
  milestoneId: string,
  revalidation: Revalidation,
  overrides: ReadonlyMap<string, number> = new Map(),
) {
  const m = await findMilestoneForValidation(ctx.db, ctx.tenantId, milestoneId);
  if (!m) throw notFound("Milestone");
  const scores = m.criteria.map((c) => {
    const stored =
      c.score !== null && (c.evidence as { source?: string } | null)?.source === "entered" ? c.score : null;
    return { criterionId: c.id, score: overrides.get(c.id) ?? stored };
  });
  return validateMilestoneFor(ctx, { milestoneId, scores }, revalidation);
}

export async function updateActionStatus(
  ctx: ServiceContext,
  actionId: string,
  status: "OPEN" | "DONE" | "SNOOZED" | "CANCELLED",
) {
  const action = await findActionItem(ctx.db, ctx.tenantId, actionId);
  if (!action) throw notFound("Action item");
  await ctx.db.$transaction(async (tx) => {
    await updateActionItem(tx, ctx.tenantId, actionId, { status, completedAt: status === "DONE" ? ctx.now : null });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "action_item.updated",
      entityType: "ActionItem",
      entityId: actionId,
      before: { status: action.status },
      after: { status },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { actionId, status };
}

/** Records an environment's status and URL, with an audit entry. */
export async function setEnvironment(
  ctx: ServiceContext,
  input: { environmentId: string; status: "PENDING" | "PROVISIONING" | "READY" | "FAILED"; url: string | null },
) {
  const env = await findEnvironment(ctx.db, ctx.tenantId, input.environmentId);
  if (!env) throw notFound("Environment");
  await ctx.db.$transaction(async (tx) => {
    await updateEnvironment(tx, ctx.tenantId, env.id, { status: input.status, url: input.url });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "environment.updated",
      entityType: "Environment",
      entityId: env.id,
      before: { status: env.status, url: env.url },
      after: { status: input.status, url: input.url },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { environmentId: env.id, status: input.status, url: input.url };
}
