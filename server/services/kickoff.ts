import "server-only";
import type { KickoffInput } from "@/lib/schemas/kickoff";
import { chosenTier, latestFeasibility } from "@/server/db/acquisition";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import {
  createAccount,
  createEnvironments,
  createGuarantee,
  createMilestones,
  createProject,
  createStakeholder,
  createTeam,
  findLeadProject,
  findTechLead,
  finishKickoff,
  linkLeadToAccount,
  listTechLeads,
} from "@/server/db/kickoff";
import { findJourneyByLead, saveJourney } from "@/server/db/journeys";
import { setLeadStage } from "@/server/db/leads";
import { emailTaken } from "@/server/db/users";
import type { KickoffPhase } from "@/domain/kickoff/config";
import {
  initialPhases,
  journeyOutcome,
  recoveryActionsFor,
  setPhase,
  type KickoffStep,
  type PhaseState,
} from "@/domain/journey/phases";
import { kickoffStepsOf } from "@/server/db/workflow-state";
import { planKickoff, type KickoffPlan } from "@/domain/kickoff/plan";
import { planMilestones } from "@/domain/milestones/schedule";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { enqueueEmail } from "@/server/messaging/outbox";
import { loadConfig } from "./config";
import type { ServiceContext } from "./context";
import { syncProjectInvites } from "./calendar";
import { leadDetail } from "./leads";
import { inviteEmail, tellExistingAccount } from "./users";
import { plural } from "@/lib/format";
import { emitWebhookEvent } from "@/server/messaging/events";

/**
 * Project kickoff (docs/domain.md#kickoff): a lead with a chosen tier becomes a customer account and a project in six
 * phases — setup, delivery team, environments, stakeholder onboarding, guarantee activation, launch.
 * All phases run in ONE transaction: a failure anywhere leaves no account, project or user behind, and
 * the journey record keeps which phase failed and why, so the CSM can fix the input and retry.
 * Idempotent: kicking off a converted lead again returns its project.
 */

const DAY_MS = 86_400_000;
const MAX_DAYS_BACK = 7;
const MAX_DAYS_AHEAD = 90;

/** Thrown inside the transaction to carry the failing phase out of it. */
class PhaseFailure extends Error {
  constructor(
    readonly phase: KickoffPhase,
    readonly cause: unknown,
    readonly phases: KickoffStep[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function startDateFrom(input: string | undefined, now: Date): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (!input) return today;
  const date = new Date(`${input}T00:00:00Z`);
  const days = Math.round((date.getTime() - today.getTime()) / DAY_MS);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input) {
    throw new AppError("BAD_REQUEST", "That start date does not exist.", {
      fieldErrors: { startDate: "That date does not exist" },
    });
  }
  if (days < -MAX_DAYS_BACK || days > MAX_DAYS_AHEAD) {
    const message = `Start within ${MAX_DAYS_BACK} days back and ${MAX_DAYS_AHEAD} days ahead`;
    throw new AppError("BAD_REQUEST", `${message}.`, { fieldErrors: { startDate: message } });
  }
  return date;
}

/**
 * Why a unique violation happened, in the user's terms. The stakeholder phase checks addresses first, so one only
 * happens when an address was taken meanwhile; the answer does not say where (docs/security.md#invitations).
 */
function describeFailure(error: unknown, input: KickoffInput): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    if (target.includes("email")) {
      return new AppError(
        "CONFLICT",
        "One of the stakeholder addresses was added by someone else meanwhile; nothing was saved. Try the kickoff again.",
        {
          fieldErrors: Object.fromEntries(
            input.stakeholders.map((_, i) => [`stakeholders.${i}.email`, "Check this address and try again"]),
          ),
        },
      );
    }
  }
  logger.error({ err: error }, "kickoff failed unexpectedly");
  return new AppError(
    "INTERNAL",
    "The kickoff failed and nothing was saved. Try again; if it keeps failing, contact support.",
    { cause: error },
  );
}

export async function kickoffProject(ctx: ServiceContext, input: KickoffInput, appUrl: string) {
  const lead = await leadDetail(ctx, input.leadId);
  const existing = await findLeadProject(ctx.db, ctx.tenantId, lead.id);
  if (existing)
    return { projectId: existing.id, customerAccountId: existing.customerAccountId, alreadyKickedOff: true };
  if (lead.stage !== "PROPOSAL") {
    throw new AppError(
      "BAD_REQUEST",
      "Kick off a project after choosing a service tier (the lead must be at the proposal stage).",
    );
  }
  const tier = await chosenTier(ctx.db, ctx.tenantId, lead.id);
  if (!tier) throw new AppError("BAD_REQUEST", "Choose a service tier before the kickoff.");
  const serviceType = lead.serviceType ?? "MVP_DEVELOPMENT";
  const startDate = startDateFrom(input.startDate, ctx.now);
  if (input.techLeadId && !(await findTechLead(ctx.db, ctx.tenantId, input.techLeadId))) {
    throw new AppError("BAD_REQUEST", "Choose an active technical lead of your team.", {
      fieldErrors: { techLeadId: "Not a technical lead of this workspace" },
    });
  }
  const [kickoffConfig, milestonesConfig, tiersConfig, feasibility] = await Promise.all([
    loadConfig(ctx, "kickoff"),
    loadConfig(ctx, "milestones"),
    loadConfig(ctx, "tiers"),
    latestFeasibility(ctx.db, ctx.tenantId, lead.id),
  ]);
  const request = (feasibility?.input as { request?: { compliance?: string[]; techStack?: string[] } } | undefined)
    ?.request;
  const tierDef = tiersConfig.data.tiers[tier.tierKey];
  const plan = planKickoff(
    {
      serviceType,
      tierKey: tier.tierKey,
      contractValueCents: tier.priceCents,
      startDate,
      techStack: request?.techStack,
      successThreshold: tierDef?.guarantees.successThreshold,
      tierGuarantee: tierDef?.guarantees,
      requirements: {
        hasUiRequirements: input.hasUiRequirements,
        hasComplianceRequirements: input.hasComplianceRequirements ?? (request?.compliance?.length ?? 0) > 0,
      },
    },
    kickoffConfig.data,
  );
  const milestones = planMilestones(milestonesConfig.data.templates[serviceType], startDate);
  const lastDue = milestones.at(-1)?.dueDate ?? plan.guarantee.endsAt;
  const projectName = input.projectName ?? `${lead.company} — ${tierDef?.name ?? tier.tierKey}`;

  const phases: KickoffStep[] = plan.phases.map((phase) => ({
    phase,
    status: "pending",
    startedAt: null,
    finishedAt: null,
    detail: null,
  }));
  async function phase<T>(name: KickoffPhase, run: () => Promise<T>, detail: (v: T) => string): Promise<T> {
    const record = phases.find((p) => p.phase === name);
    if (!record) throw new Error(`unknown phase ${name}`);
    record.status = "in_progress";
    record.startedAt = ctx.now.toISOString();
    try {
      const value = await run();
      record.status = "completed";
      record.finishedAt = ctx.now.toISOString();
      record.detail = detail(value);
      return value;
    } catch (error) {
      record.status = "failed";
      record.finishedAt = ctx.now.toISOString();
      record.error = describeFailure(error, input).message;
      throw new PhaseFailure(name, error, phases);
    }
  }

  try {
    const result = await ctx.db.$transaction(async (tx) => {
      const ids = await phase(
        "setup",
        async () => {
          const accountId =
            lead.customerAccount?.id ??
            (
              await createAccount(tx, {
                tenantId: ctx.tenantId,
                name: lead.company,
                csmId: lead.owner?.id ?? ctx.actorId,
                at: ctx.now,
              })
            ).id;
          const project = await createProject(tx, {
            tenantId: ctx.tenantId,
            customerAccountId: accountId,
            leadId: lead.id,
            name: projectName,
            serviceType,
            tierKey: tier.tierKey,
            contractValueCents: tier.priceCents,
            techLeadId: input.techLeadId ?? null,
            startDate,
            targetEndDate: lastDue,
            at: ctx.now,
          });
          await linkLeadToAccount(tx, ctx.tenantId, lead.id, accountId);
          return { accountId, projectId: project.id };
        },
        () =>
          `Customer account ${lead.customerAccount ? "reused" : "created"}; project "${projectName}" (${tier.tierKey}) starts ${startDate.toISOString().slice(0, 10)}.`,
      );
      await phase(
        "delivery_team",
        () => createTeam(tx, ctx.tenantId, ids.projectId, plan.team),
        () => `${plan.team.length} roles, ${plan.teamCapacity} FTE; ${plan.estimatedVelocity.reason}`,
      );
      await phase(
        "environments",
        () =>
          createEnvironments(
            tx,
            ctx.tenantId,
            ids.projectId,
            plan.environments.map((e) => e.kind),
          ),
        () => `${plan.environments.map((e) => e.kind.toLowerCase()).join(", ")} requested (pending until provisioned).`,
      );
      const invited = await phase(
        "stakeholder_onboarding",
        () => inviteStakeholders(ctx, tx, ids.accountId, input, appUrl),
        (n) =>
          n === 0
            ? "No stakeholder invited yet: add them from the users page."
            : `${plural(n, "stakeholder")} invited by email (magic-link sign-in).`,
      );
      await phase(
        "guarantee_activation",
        () => createGuarantee(tx, { tenantId: ctx.tenantId, projectId: ids.projectId, ...plan.guarantee }),
        () => plan.guarantee.reasons.join(" "),
      );
      await phase(
        "launch",
        async () => {
          await createMilestones(tx, ctx.tenantId, ids.projectId, milestones);
          const moved = await setLeadStage(tx, ctx.tenantId, lead.id, "PROPOSAL", {
            stage: "CONVERTED",
            convertedAt: ctx.now,
            updatedAt: ctx.now,
          });
          if (moved.count !== 1)
            throw new AppError("CONFLICT", "Someone kicked off or changed this lead meanwhile. Reload the lead.");
        },
        () =>
          `${milestones.length} weekly milestones; week 1 due ${milestones[0]?.dueDate.toISOString().slice(0, 10) ?? "—"}.`,
      );
      // every phase completed: the project goes live with its phase record, the journey moves to monitoring
      await finishKickoff(tx, ctx.tenantId, ids.projectId, phases, ctx.now);
      // the weekly milestone review goes to the team's and the approvers' calendars (docs/calendar.md#events)
      await syncProjectInvites(tx, ctx.tenantId, ids.projectId, ctx.now);
      await recordKickoffInJourney(tx, ctx, lead.id, ids.projectId, {
        status: "completed",
        steps: phases,
        detail: `Project "${projectName}" launched with ${milestones.length} weekly milestones.`,
      });
      await recordAudit(tx, {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        action: "project.kicked_off",
        entityType: "Project",
        entityId: ids.projectId,
        after: {
          leadId: lead.id,
          tierKey: tier.tierKey,
          contractValueCents: tier.priceCents,
          guaranteeCents: plan.guarantee.amountCents,
          invited,
          configVersions: { kickoff: kickoffConfig.version, milestones: milestonesConfig.version },
        },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      await emitWebhookEvent(tx, {
        tenantId: ctx.tenantId,
        event: "project.kicked_off",
        key: `project-kicked-off/${ids.projectId}`,
        at: ctx.now,
        data: {
          projectId: ids.projectId,
          projectName,
          customerAccountId: ids.accountId,
          leadId: lead.id,
          tierKey: tier.tierKey,
          startDate: startDate.toISOString(),
          targetEndDate: lastDue.toISOString(),
          milestones: milestones.length,
        },
      });
      return ids;
    });
    return {
      projectId: result.projectId,
      customerAccountId: result.accountId,
      alreadyKickedOff: false,
      plan: summary(plan),
    };
  } catch (error) {
    if (!(error instanceof PhaseFailure)) throw describeFailure(error, input);
    const failure = describeFailure(error.cause, input);
    // a lost race: the other kickoff won; answer with its project
    const winner = await findLeadProject(ctx.db, ctx.tenantId, lead.id);
    if (winner) return { projectId: winner.id, customerAccountId: winner.customerAccountId, alreadyKickedOff: true };
    await recordKickoffInJourney(ctx.db, ctx, lead.id, null, {
      status: "failed",
      steps: error.phases,
      detail: `The ${error.phase.replaceAll("_", " ")} step failed; nothing was saved.`,
      error: failure.message,
    });
    throw failure;
  }
}

function summary(plan: KickoffPlan) {
  return {
    teamCapacity: plan.teamCapacity,
    velocity: plan.estimatedVelocity,
    guarantee: plan.guarantee,
    notes: plan.notes,
  };
}

/**
 * The kickoff is the journey's fifth phase (docs/domain.md#journey): its outcome and its six steps go on the lead's
 * journey. A kickoff started from the lead page (not through the journey) also marks the phases before it
 * completed, since a lead only reaches the proposal stage through them.
 */
async function recordKickoffInJourney(
  tx: DbOrTx,
  ctx: ServiceContext,
  leadId: string,
  projectId: string | null,
  result: { status: "completed" | "failed"; steps: KickoffStep[]; detail: string; error?: string },
) {
  const existing = await findJourneyByLead(tx, ctx.tenantId, leadId);
  const at = ctx.now.toISOString();
  let phases: PhaseState[] = existing?.phases ?? initialPhases();
  for (const phase of ["qualification", "feasibility", "tier_recommendation"] as const) {
    const p = phases.find((x) => x.phase === phase);
    if (p && p.status !== "completed")
      phases = setPhase(phases, phase, {
        status: "completed",
        finishedAt: at,
        detail: "Done on the lead page.",
        reasons: [],
      });
  }
  phases = setPhase(phases, "kickoff", {
    status: result.status,
    startedAt: at,
    finishedAt: at,
    detail: result.detail,
    steps: result.steps,
    ...(result.status === "failed"
      ? { error: result.error, recoveryActions: recoveryActionsFor("kickoff", "failed") }
      : { error: undefined, recoveryActions: undefined }),
  });
  if (result.status === "completed")
    phases = setPhase(phases, "monitoring", {
      status: "in_progress",
      startedAt: at,
      detail: "Weekly milestones are being tracked.",
    });
  const outcome = journeyOutcome(phases);
  await saveJourney(tx, {
    tenantId: ctx.tenantId,
    leadId,
    projectId,
    status: outcome.status,
    currentPhase: outcome.currentPhase,
    phases,
    error: result.error ?? null,
    at: ctx.now,
  });
}

async function inviteStakeholders(
  ctx: ServiceContext,
  tx: DbOrTx,
  customerAccountId: string,
  input: KickoffInput,
  appUrl: string,
): Promise<number> {
  // an address has one account (docs/security.md#invitations): one of this workspace is named on its row; one of
  // another workspace gets the answer an unknown address gets, and its owner an email saying who tried
  const taken = await Promise.all(input.stakeholders.map((s) => emailTaken(tx, s.email)));
  const ours = Object.fromEntries(
    taken.flatMap((t, i) =>
      t?.tenantId === ctx.tenantId ? [[`stakeholders.${i}.email`, "Already a user of this workspace"]] : [],
    ),
  );
  if (Object.keys(ours).length > 0)
    throw new AppError(
      "CONFLICT",
      "A stakeholder is already a user of this workspace: remove them from the kickoff and add them to the account from the users page.",
      { fieldErrors: ours },
    );
  for (const [i, s] of input.stakeholders.entries()) {
    if (taken[i]) {
      await tellExistingAccount(ctx, tx, { email: s.email, role: "CUSTOMER" });
      continue;
    }
    const user = await createStakeholder(tx, {
      tenantId: ctx.tenantId,
      customerAccountId,
      email: s.email,
      name: s.name,
      stakeholderRole: s.stakeholderRole,
      isApprover: s.isApprover,
      invitedById: ctx.actorId,
      at: ctx.now,
    });
    await enqueueEmail(
      tx,
      inviteEmail(
        ctx.tenantId,
        user.id,
        {
          role: "CUSTOMER",
          email: s.email,
          name: s.name,
          customerAccountId,
          stakeholderRole: s.stakeholderRole,
          isApprover: s.isApprover,
        },
        appUrl,
        "",
      ),
      ctx.now,
    );
  }
  return input.stakeholders.length;
}

/** The kickoff record of a lead: its journey (phases, failure) and project, for the lead page. */
export async function kickoffStatus(ctx: ServiceContext, leadId: string) {
  await leadDetail(ctx, leadId);
  const [journey, project] = await Promise.all([
    findJourneyByLead(ctx.db, ctx.tenantId, leadId),
    findLeadProject(ctx.db, ctx.tenantId, leadId),
  ]);
  if (!journey && !project) return null;
  const kickoff = journey?.phases.find((p) => p.phase === "kickoff");
  return {
    journey: journey
      ? { id: journey.id, status: journey.status, currentPhase: journey.currentPhase, error: journey.error }
      : null,
    kickoff: kickoff ? { status: kickoff.status, error: kickoff.error ?? null, steps: kickoffStepsOf(kickoff) } : null,
    project,
  };
}

/** What the kickoff form offers: the tenant's technical leads. */
export async function kickoffOptions(ctx: ServiceContext) {
  return { techLeads: await listTechLeads(ctx.db, ctx.tenantId) };
}
