import "server-only";
import type { StartJourneyInput } from "@/lib/schemas/journeys";
import { chosenTier, latestFinalAssessment } from "@/server/db/acquisition";
import { findJourneyById, findJourneyByLead, journeyProject, listJourneys, saveJourney } from "@/server/db/journeys";
import type { JourneyStatus } from "@/generated/prisma/enums";
import { criterionAction } from "@/domain/qualification/labels";
import {
  JOURNEY_PHASES,
  PHASE_LABEL,
  initialPhases,
  journeyOutcome,
  nextPhase,
  recoveryActionsFor,
  setPhase,
  type JourneyPhase,
  type PhaseState,
} from "@/domain/journey/phases";
import { journeyStatus } from "@/domain/journey/status";
import { AppError, notFound } from "@/server/errors";
import { logger } from "@/server/logger";
import { emitWebhookEvent } from "@/server/messaging/events";
import {
  analyzeLead,
  chooseTier,
  tierNameOf,
  latestFeasibilityFor,
  recommendForLead,
  reproduceAssessment,
  saveAssessment,
  tenantAnswers,
} from "./acquisition";
import { loadConfig } from "./config";
import { onReplica, type ServiceContext } from "./context";
import { createEducationPlan } from "./education";
import { kickoffProject } from "./kickoff";
import { leadDetail } from "./leads";

/**
 * The journey orchestrator (docs/domain.md#journey): runs a lead's phases in order with the engines of the other
 * services, storing each phase's state on the Journey row after every step, so a stopped or failed
 * journey resumes where it stopped. Each step is its own transaction (the services already are); the
 * journey row records what happened between them. Starting a journey that is already launched is
 * idempotent: it answers its status.
 */
type PhaseResult =
  | { status: "completed"; detail: string; reasons?: string[] }
  | { status: "stopped"; detail: string; reasons: string[] };

export async function startJourney(ctx: ServiceContext, input: StartJourneyInput, appUrl: string) {
  const lead = await leadDetail(ctx, input.leadId);
  const existing = await findJourneyByLead(ctx.db, ctx.tenantId, lead.id);
  let phases = existing?.phases ?? initialPhases();
  let projectId = existing?.projectId ?? null;
  if (existing && (existing.status === "MONITORING" || existing.status === "COMPLETED"))
    return journeyStatusFor(ctx, existing.id);
  if (lead.stage === "LOST")
    throw new AppError("BAD_REQUEST", "This lead is marked lost; reopen it before starting a journey.");
  if (input.answers) await checkAnswers(ctx, input.answers);

  // each save that moves the journey to another phase or status is a journey.phase_changed event,
  // written with the save (docs/webhooks/README.md#events)
  let last = existing ? { phase: existing.currentPhase, status: existing.status } : null;
  const save = (error: string | null) => {
    const outcome = journeyOutcome(phases);
    return ctx.db.$transaction(async (tx) => {
      const row = await saveJourney(tx, {
        tenantId: ctx.tenantId,
        leadId: lead.id,
        projectId,
        status: outcome.status,
        currentPhase: outcome.currentPhase,
        phases,
        error,
        at: ctx.now,
      });
      if (last?.phase !== outcome.currentPhase || last.status !== outcome.status) {
        await emitWebhookEvent(tx, {
          tenantId: ctx.tenantId,
          event: "journey.phase_changed",
          key: `journey-phase/${row.id}/${outcome.currentPhase}/${outcome.status}/${ctx.now.getTime()}`,
          at: ctx.now,
          data: {
            journeyId: row.id,
            leadId: lead.id,
            projectId,
            phase: outcome.currentPhase,
            phaseLabel: PHASE_LABEL[outcome.currentPhase],
            previousPhase: last?.phase ?? null,
            status: outcome.status,
          },
        });
        last = { phase: outcome.currentPhase, status: outcome.status };
      }
      return row;
    });
  };
  // a stopped or failed phase is run again (with whatever was fixed meanwhile)
  for (const p of phases)
    if (p.status === "stopped" || p.status === "failed" || p.status === "in_progress")
      phases = setPhase(phases, p.phase, {
        status: "pending",
        error: undefined,
        recoveryActions: undefined,
        reasons: [],
      });

  for (const phase of JOURNEY_PHASES) {
    if (phases.find((p) => p.phase === phase)?.status === "completed") continue;
    if (phase === "monitoring") {
      phases = setPhase(phases, "monitoring", {
        status: "in_progress",
        startedAt: ctx.now.toISOString(),
        detail: "Weekly milestones are being tracked.",
      });
      break;
    }
    phases = setPhase(phases, phase, { status: "in_progress", startedAt: ctx.now.toISOString() });
    await save(null);
    try {
      const result = await runPhase(ctx, phase, lead.id, input, appUrl);
      if ("projectId" in result && typeof result.projectId === "string") projectId = result.projectId;
      const at = ctx.now.toISOString();
      if (result.status === "stopped") {
        phases = setPhase(phases, phase, {
          status: "stopped",
          finishedAt: at,
          detail: result.detail,
          reasons: result.reasons,
          recoveryActions: recoveryActionsFor(phase, "stopped"),
        });
        break;
      }
      phases = setPhase(phases, phase, {
        status: "completed",
        finishedAt: at,
        detail: result.detail,
        reasons: result.reasons ?? [],
      });
    } catch (error) {
      const message =
        error instanceof AppError ? error.message : "An unexpected error; nothing of this phase was saved.";
      if (!(error instanceof AppError)) logger.error({ err: error, phase }, "journey phase failed unexpectedly");
      // the kickoff records its own steps on the journey: keep them
      const stored =
        phase === "kickoff"
          ? (await findJourneyByLead(ctx.db, ctx.tenantId, lead.id))?.phases.find((p) => p.phase === "kickoff")
          : undefined;
      phases = setPhase(phases, phase, {
        status: "failed",
        finishedAt: ctx.now.toISOString(),
        error: message,
        recoveryActions: recoveryActionsFor(phase, "failed"),
        steps: stored?.steps,
      });
      const saved = await save(message);
      return journeyStatusFor(ctx, saved.id);
    }
  }
  const saved = await save(null);
  return journeyStatusFor(ctx, saved.id);
}

/** Bad answers are refused before the journey writes anything (the same check saveAssessment makes). */
async function checkAnswers(ctx: ServiceContext, answers: Record<string, unknown>) {
  tenantAnswers((await loadConfig(ctx, "qualification")).data, answers);
}

async function runPhase(
  ctx: ServiceContext,
  phase: Exclude<JourneyPhase, "monitoring">,
  leadId: string,
  input: StartJourneyInput,
  appUrl: string,
): Promise<PhaseResult & { projectId?: string }> {
  switch (phase) {
    case "qualification": {
      // new answers are saved first; otherwise the latest saved assessment, recomputed for its reasons
      const latest = input.answers ? null : await latestFinalAssessment(ctx.db, ctx.tenantId, leadId);
      const result = input.answers
        ? (await saveAssessment(ctx, { leadId, answers: input.answers, context: input.context ?? {}, isDraft: false }))
            .result
        : latest
          ? (await reproduceAssessment(ctx, latest.id)).result
          : null;
      if (!result) throw new AppError("BAD_REQUEST", "The lead has no qualification assessment yet.");
      const { score, passScore } = result;
      if (!result.passed) {
        const missing = result.improvements
          .slice(0, 3)
          .map((i) => `${criterionAction(i.criterion)} (+${i.gainScore} points)`);
        return {
          status: "stopped",
          detail: `Qualification score ${score} is below ${passScore}: the lead is not qualified.`,
          reasons: [`Score ${score} < ${passScore}`, ...missing],
        };
      }
      return { status: "completed", detail: `Qualified with a score of ${score}.` };
    }
    case "feasibility": {
      const result = input.request
        ? (await analyzeLead(ctx, leadId, input.request)).result
        : (await latestFeasibilityFor(ctx, leadId))?.result;
      if (!result) throw new AppError("BAD_REQUEST", "The lead has no feasibility analysis yet.");
      if (!result.passed) {
        return {
          status: "stopped",
          detail: `Feasibility ${result.feasibilityScore} is below ${result.passScore}: the project is not feasible as scoped.`,
          reasons: [
            `Feasibility ${result.feasibilityScore} < ${result.passScore}`,
            ...result.blockers.map((b) => b.detail),
          ],
        };
      }
      return {
        status: "completed",
        detail: `Feasibility ${result.feasibilityScore}; success probability ${Math.round(result.successProbability * 100)}%.`,
      };
    }
    case "tier_recommendation": {
      const chosen = await chosenTier(ctx.db, ctx.tenantId, leadId);
      if (chosen) return { status: "completed", detail: `${tierNameOf(chosen.reasoning)} already chosen.` };
      const rec = await recommendForLead(ctx, leadId);
      const tierKey = input.tierKey ?? rec.result.primary?.key;
      if (!tierKey) {
        return {
          status: "stopped",
          detail: "No service tier reaches the compatibility threshold.",
          reasons: rec.result.tiers.map(
            (t) => `${t.name}: ${Math.round(t.compatibility * 100)}% < ${Math.round(rec.result.threshold * 100)}%`,
          ),
        };
      }
      const picked = await chooseTier(ctx, leadId, tierKey);
      return { status: "completed", detail: `${picked.tierName} chosen.` };
    }
    case "education": {
      const lead = await leadDetail(ctx, leadId);
      try {
        const plan = await createEducationPlan(ctx, {
          leadId,
          serviceType: lead.serviceType ?? "MVP_DEVELOPMENT",
          background: "business",
        });
        return { status: "completed", detail: plan.explanation };
      } catch (error) {
        if (error instanceof AppError && error.code === "CONFLICT")
          return { status: "completed", detail: "The lead already has an education plan." };
        throw error;
      }
    }
    case "kickoff": {
      const started = await kickoffProject(
        ctx,
        { leadId, techLeadId: input.techLeadId, stakeholders: input.stakeholders ?? [], hasUiRequirements: true },
        appUrl,
      );
      return {
        status: "completed",
        detail: started.alreadyKickedOff ? "The project was already kicked off." : "Project kicked off.",
        projectId: started.projectId,
      };
    }
  }
}

/** The journey's computed status (docs/domain.md#journey get_customer_journey_status; nothing hard-coded). */
export async function journeyStatusFor(ctx: ServiceContext, journeyId: string) {
  const journey = await findJourneyById(ctx.db, ctx.tenantId, journeyId);
  if (!journey) throw notFound("Journey");
  const project = journey.projectId ? await journeyProject(ctx.db, ctx.tenantId, journey.projectId) : null;
  const phases: PhaseState[] = journey.phases;
  return {
    journeyId: journey.id,
    lead: journey.lead,
    projectId: journey.projectId,
    projectName: project?.name ?? null,
    startedAt: journey.startedAt,
    updatedAt: journey.updatedAt,
    error: journey.error,
    ...journeyStatus(phases, project),
    phaseLabels: PHASE_LABEL,
  };
}

export async function journeyForLead(ctx: ServiceContext, leadId: string) {
  await leadDetail(ctx, leadId);
  const journey = await findJourneyByLead(ctx.db, ctx.tenantId, leadId);
  return journey ? journeyStatusFor(ctx, journey.id) : null;
}

export async function journeysPage(
  ctx: ServiceContext,
  input: { status?: JourneyStatus; page: number; pageSize: number },
) {
  const [total, rows] = await onReplica(ctx, (db) =>
    listJourneys(db, ctx.tenantId, {
      status: input.status,
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  );
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((j) => ({ ...j, next: nextPhase(j.phases) })),
  };
}
