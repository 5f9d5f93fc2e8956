import "server-only";
import { formatMoney } from "@/lib/money";
import type { ChooseRemedyInput, DecideDelayInput, RecordDelayInput } from "@/lib/schemas/guarantees";
import { resolveAlertsAbout } from "@/server/db/alerts";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx, Prisma } from "@/server/db/client";
import {
  accountStakeholderIds,
  activeStaffIds,
  activeUserIds,
  chooseRemedyIf,
  decideDelayIf,
  findAccountGuarantee,
  findDelay,
  findGuaranteeById,
  findProjectGuarantee,
  insertDelay,
  insertFollowUp,
  moveEndIf,
  recordOutcomeIf,
  setProjectStatusIf,
  validationInputs,
  type GuaranteeRow,
} from "@/server/db/guarantees";
import { insertNotifications } from "@/server/db/notifications";
import { insertRefund } from "@/server/db/refunds";
import { checkNewDelay, clockDelays, endAfterAcknowledging, guaranteeClock } from "@/domain/guarantee/clock";
import type { GuaranteeConfig } from "@/domain/guarantee/config";
import { checkClaimAmount, refundRoom } from "@/domain/guarantee/refund";
import { REMEDY_LABEL, remedyChoice } from "@/domain/guarantee/remedy";
import {
  finalValidation,
  projectValidation,
  type FinalValidation,
  type Projection,
  type ValidationFacts,
} from "@/domain/guarantee/validation";
import { AppError, notFound } from "@/server/errors";
import { raiseAlert } from "./alerts";
import { loadConfig, loadConfigAt } from "./config";
import type { ServiceContext } from "./context";
import type { PortalContext } from "./portal";
import { emitWebhookEvent } from "@/server/messaging/events";

/**
 * The 30-day guarantee (docs/domain.md#guarantee, docs/domain.md#success-validation): the clock with customer-caused delays, the final
 * validation (at the clock's end by the enforcement job, or closed early by an executive), and the
 * customer's remedy choice on failure. Every clock change, outcome and remedy choice is audited in the
 * same transaction; every state change is a conditional update, so repeats and races apply once.
 */

export type StakeholderContext = PortalContext & { isApprover: boolean };
/** What Guarantee.outcome holds: the engine's result with the facts it read, so it can be reproduced. */
export type StoredOutcome = FinalValidation & {
  evaluatedAt: string;
  configVersion: number;
  trigger: "clock_end" | "closed_early";
  closedReason: string | null;
  facts: ValidationFacts;
};
type Actor = {
  db: DbOrTx;
  tenantId: string;
  actorId: string | null;
  ip: string | null;
  requestId: string | null;
  now: Date;
};

const staffLink = (projectId: string) => `/projects/${projectId}/guarantee`;
const portalLink = (projectId: string) => `/portal/projects/${projectId}/guarantee`;
const json = (v: unknown) => v as Prisma.InputJsonValue;

export function readOutcome(value: unknown): StoredOutcome | null {
  const o = value as Partial<StoredOutcome> | null;
  return o && typeof o === "object" && Array.isArray(o.criteria) && typeof o.successScore === "number" && o.facts
    ? (o as StoredOutcome)
    : null;
}

export function toFacts(raw: Awaited<ReturnType<typeof validationInputs>>, endsAt: Date): ValidationFacts {
  return {
    endsAt: endsAt.toISOString(),
    weeks: raw.weeks.map((w) => ({
      weekNumber: w.weekNumber,
      title: w.title,
      status: w.status,
      score: w.score,
      validatedAt: w.validatedAt?.toISOString() ?? null,
    })),
    signOffs: raw.signOffs.map((s) => ({ decision: s.decision, by: s.user.name, at: s.createdAt.toISOString() })),
    coverage: raw.coverage
      .filter((c) => c.coverage !== null)
      .map((c) => ({
        value: c.coverage ?? 0,
        at: c.createdAt.toISOString(),
        commitSha: c.commitSha,
        buildUrl: c.buildUrl,
      })),
    responses: raw.responses.map((r) => ({
      kind: r.survey.kind,
      score: r.score,
      comment: r.comment,
      by: r.user?.name ?? null,
      at: r.createdAt.toISOString(),
    })),
  };
}

async function notify(
  db: DbOrTx,
  tenantId: string,
  userIds: string[],
  n: { title: string; body: string; link: string; at: Date },
) {
  const ids = [...new Set(userIds)];
  if (ids.length > 0)
    await insertNotifications(
      db,
      ids.map((userId) => ({ tenantId, userId, ...n })),
    );
}

function view(g: GuaranteeRow, config: GuaranteeConfig, now: Date, preview: Projection | null) {
  const outcome = readOutcome(g.outcome);
  return {
    id: g.id,
    project: {
      id: g.project.id,
      name: g.project.name,
      status: g.project.status,
      serviceType: g.project.serviceType,
      customerAccount: { id: g.project.customerAccount.id, name: g.project.customerAccount.name },
    },
    currency: g.tenant.currency,
    amountCents: g.amountCents,
    successThreshold: g.successThreshold,
    startsAt: g.startsAt,
    endsAt: g.endsAt,
    status: g.status,
    remedy: g.remedy,
    decidedAt: g.decidedAt,
    clock: guaranteeClock({ startsAt: g.startsAt, endsAt: g.endsAt, delays: clockDelays(g.delays) }, now),
    delays: g.delays,
    refunds: g.refunds,
    refundRoomCents: refundRoom(g.amountCents, g.refunds),
    outcome,
    /** the final validation as if the clock ended now (running guarantees only) */
    preview,
    remedyOpen: g.status === "FAILED" && g.remedy === null,
    criteria: config.criteria,
    delayLimits: config.delays,
  };
}

async function previewOf(db: DbOrTx, tenantId: string, g: GuaranteeRow, config: GuaranteeConfig, now: Date) {
  if (g.status !== "ACTIVE" && g.status !== "PAUSED") return null;
  const end = now < g.endsAt ? now : g.endsAt;
  return projectValidation(
    toFacts(await validationInputs(db, tenantId, g.project.id), end),
    g.successThreshold,
    config,
  );
}

export async function projectGuarantee(ctx: ServiceContext, projectId: string) {
  const g = await findProjectGuarantee(ctx.db, ctx.tenantId, projectId);
  if (!g) throw notFound("Guarantee");
  const config = (await loadConfig(ctx, "guarantee")).data;
  return view(g, config, ctx.now, await previewOf(ctx.db, ctx.tenantId, g, config, ctx.now));
}

export async function portalGuarantee(ctx: PortalContext, projectId: string) {
  const g = await findAccountGuarantee(ctx.db, ctx.tenantId, ctx.customerAccountId, projectId);
  if (!g) throw notFound("Guarantee");
  const config = (await loadConfig(ctx, "guarantee")).data;
  return view(g, config, ctx.now, await previewOf(ctx.db, ctx.tenantId, g, config, ctx.now));
}

// ---------------------------------------------------------------- delays

export async function recordDelay(ctx: ServiceContext, input: RecordDelayInput) {
  const g = await findProjectGuarantee(ctx.db, ctx.tenantId, input.projectId);
  if (!g) throw notFound("Guarantee");
  const { delays: limits } = (await loadConfig(ctx, "guarantee")).data;
  const check = checkNewDelay(
    { status: g.status, endsAt: g.endsAt, delays: clockDelays(g.delays) },
    input.days,
    limits,
    ctx.now,
  );
  if (!check.ok)
    throw new AppError(
      check.field === "days" ? "BAD_REQUEST" : "CONFLICT",
      check.message,
      check.field === "days" ? { fieldErrors: { days: check.message } } : {},
    );
  return ctx.db.$transaction(async (tx) => {
    const row = await insertDelay(tx, {
      tenantId: ctx.tenantId,
      guaranteeId: g.id,
      reason: input.reason,
      evidence: input.evidence,
      days: input.days,
      recordedById: ctx.actorId,
      at: ctx.now,
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "guarantee.delay_recorded",
      entityType: "GuaranteeDelay",
      entityId: row.id,
      after: {
        guaranteeId: g.id,
        projectId: g.project.id,
        days: input.days,
        reason: input.reason,
        evidence: input.evidence,
        status: "PROPOSED",
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    await notify(tx, ctx.tenantId, await accountStakeholderIds(tx, ctx.tenantId, g.project.customerAccount.id, true), {
      title: `Please review a delay on ${g.project.name}`,
      body: `Your delivery team recorded a ${input.days}-day delay caused on your side: ${input.reason} Acknowledge it to pause the guarantee clock, or dispute it.`,
      link: portalLink(g.project.id),
      at: ctx.now,
    });
    return { delayId: row.id, status: "PROPOSED" as const };
  });
}

export async function decideDelay(ctx: StakeholderContext, input: DecideDelayInput) {
  const delay = await findDelay(ctx.db, ctx.tenantId, input.delayId);
  if (!delay || delay.guarantee.project.customerAccountId !== ctx.customerAccountId) throw notFound("Delay");
  if (!ctx.isApprover)
    throw new AppError("FORBIDDEN", "Only an approver of your organisation can acknowledge or dispute a delay.");
  const status = input.decision === "ACKNOWLEDGE" ? "ACKNOWLEDGED" : "DISPUTED";
  if (delay.status === status) return { delayId: delay.id, status, changed: false, endsAt: null };
  if (delay.status !== "PROPOSED")
    throw new AppError("CONFLICT", `This delay was already ${delay.status.toLowerCase()}.`);
  return ctx.db.$transaction(async (tx) => {
    const g = await findGuaranteeById(tx, ctx.tenantId, delay.guaranteeId);
    if (!g) throw notFound("Guarantee");
    if (g.status !== "ACTIVE" && g.status !== "PAUSED")
      throw new AppError("CONFLICT", "The guarantee has been decided: its clock can no longer change.");
    if (!(await decideDelayIf(tx, ctx.tenantId, delay.id, status, ctx.actorId, ctx.now))) {
      throw new AppError("CONFLICT", "Someone decided this delay meanwhile. Reload the page to see the decision.");
    }
    let endsAt: Date | null = null;
    if (status === "ACKNOWLEDGED") {
      endsAt = endAfterAcknowledging(
        { startsAt: g.startsAt, endsAt: g.endsAt, delays: clockDelays(g.delays) },
        delay.id,
      );
      if (!(await moveEndIf(tx, ctx.tenantId, g.id, g.endsAt, endsAt)))
        throw new AppError("CONFLICT", "The guarantee clock changed meanwhile. Reload the page and try again.");
    }
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: status === "ACKNOWLEDGED" ? "guarantee.delay_acknowledged" : "guarantee.delay_disputed",
      entityType: "Guarantee",
      entityId: g.id,
      before: { delayId: delay.id, delayStatus: "PROPOSED", endsAt: g.endsAt.toISOString() },
      after: {
        delayId: delay.id,
        delayStatus: status,
        endsAt: (endsAt ?? g.endsAt).toISOString(),
        days: delay.days,
        note: input.note,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    const moved = endsAt ? ` The guarantee now ends ${endsAt.toISOString().slice(0, 10)}.` : "";
    await notify(
      tx,
      ctx.tenantId,
      await activeUserIds(tx, ctx.tenantId, [g.project.techLeadId, g.project.customerAccount.csmId]),
      {
        title: `Delay ${status === "ACKNOWLEDGED" ? "acknowledged" : "disputed"} on ${g.project.name}`,
        body: `The customer ${status === "ACKNOWLEDGED" ? "acknowledged" : "disputed"} the ${delay.days}-day delay.${moved}${input.note ? ` Note: ${input.note}` : ""}`,
        link: staffLink(g.project.id),
        at: ctx.now,
      },
    );
    return { delayId: delay.id, status, changed: true, endsAt };
  });
}

// ---------------------------------------------------------------- final validation

/**
 * Runs the final validation of a running guarantee and records it (at the clock's end, or now when closed
 * early): outcome, project status, alert, notifications, audit — in `actor.db`, which should be a
 * transaction. Returns null when the guarantee was already decided (a repeat or a concurrent run).
 */
export async function finalizeGuarantee(
  actor: Actor,
  guaranteeId: string,
  opts: { closedEarly?: { reason: string } } = {},
) {
  const { db, tenantId, now } = actor;
  const g = await findGuaranteeById(db, tenantId, guaranteeId);
  if (!g || (g.status !== "ACTIVE" && g.status !== "PAUSED")) return null;
  const endsAt = opts.closedEarly ? (now < g.endsAt ? now : g.endsAt) : g.endsAt;
  const config = await loadConfig(
    {
      db: db as ServiceContext["db"],
      tenantId,
      actorId: actor.actorId ?? "",
      ip: actor.ip ?? "",
      requestId: actor.requestId ?? "",
      now,
    },
    "guarantee",
  );
  const facts = toFacts(await validationInputs(db, tenantId, g.project.id), endsAt);
  const result = finalValidation(facts, g.successThreshold, config.data);
  const stored: StoredOutcome = {
    ...result,
    evaluatedAt: now.toISOString(),
    configVersion: config.version,
    trigger: opts.closedEarly ? "closed_early" : "clock_end",
    closedReason: opts.closedEarly?.reason ?? null,
    facts,
  };
  const status = result.overallSuccess ? "SUCCEEDED" : "FAILED";
  if (!(await recordOutcomeIf(db, tenantId, g.id, { status, outcome: json(stored), decidedAt: now, endsAt })))
    return null;
  await setProjectStatusIf(
    db,
    tenantId,
    g.project.id,
    ["KICKOFF", "ACTIVE", "AT_RISK"],
    result.overallSuccess
      ? { status: "COMPLETED", ...(g.project.completedAt ? {} : { completedAt: now }) }
      : { status: "FAILED" },
  );
  const account = g.project.customerAccount;
  const message = result.overallSuccess
    ? `${g.project.name}: guarantee met with ${result.successScore} (threshold ${result.threshold}).`
    : `${g.project.name}: guarantee not met (${result.successScore} < ${g.successThreshold}); the customer can now choose a remedy.`;
  await recordAudit(db, {
    tenantId,
    actorId: actor.actorId,
    action: result.overallSuccess ? "guarantee.succeeded" : "guarantee.failed",
    entityType: "Guarantee",
    entityId: g.id,
    before: { status: g.status, endsAt: g.endsAt.toISOString() },
    after: {
      status,
      endsAt: endsAt.toISOString(),
      successScore: result.successScore,
      threshold: g.successThreshold,
      trigger: stored.trigger,
      reason: stored.closedReason,
      configVersion: config.version,
    },
    ip: actor.ip,
    requestId: actor.requestId,
    at: now,
  });
  await emitWebhookEvent(db, {
    tenantId,
    event: "guarantee.decided",
    key: `guarantee-decided/${g.id}`,
    at: now,
    data: {
      guaranteeId: g.id,
      projectId: g.project.id,
      projectName: g.project.name,
      status,
      successScore: result.successScore,
      threshold: g.successThreshold,
      closedEarly: Boolean(opts.closedEarly),
      decidedAt: now.toISOString(),
    },
  });
  const staff = await activeUserIds(db, tenantId, [g.project.techLeadId, account.csmId]);
  const executives = result.overallSuccess ? [] : await activeStaffIds(db, tenantId, ["EXECUTIVE"]);
  await raiseAlert(
    db,
    { tenantId, now },
    {
      kind: result.overallSuccess ? "GUARANTEE_MET" : "GUARANTEE_MISSED",
      about: { projectId: g.project.id, customerAccountId: account.id, guaranteeId: g.id },
      message,
      link: staffLink(g.project.id),
      notify: {
        userIds: [...staff, ...executives],
        title: result.overallSuccess ? `Guarantee met: ${g.project.name}` : `Guarantee not met: ${g.project.name}`,
        body: message,
      },
    },
  );
  await notify(db, tenantId, await accountStakeholderIds(db, tenantId, account.id), {
    title: result.overallSuccess
      ? `${g.project.name} met its success guarantee`
      : `${g.project.name} did not meet its success guarantee`,
    body: result.overallSuccess
      ? `The final validation scored ${result.successScore} against the ${g.successThreshold} threshold. Your success dossier is ready.`
      : `The final validation scored ${result.successScore} against the ${g.successThreshold} threshold. Choose your remedy: a refund, continued development at no cost, or migration assistance.`,
    link: portalLink(g.project.id),
    at: now,
  });
  return { guaranteeId: g.id, status, successScore: result.successScore };
}

export async function closeGuaranteeEarly(ctx: ServiceContext, input: { projectId: string; reason: string }) {
  const g = await findProjectGuarantee(ctx.db, ctx.tenantId, input.projectId);
  if (!g) throw notFound("Guarantee");
  if (g.status !== "ACTIVE" && g.status !== "PAUSED")
    throw new AppError("CONFLICT", "The guarantee has already been decided.");
  const out = await ctx.db.$transaction((tx) =>
    finalizeGuarantee({ ...ctx, db: tx }, g.id, { closedEarly: { reason: input.reason } }),
  );
  if (!out) throw new AppError("CONFLICT", "The guarantee was decided meanwhile. Reload the page to see its outcome.");
  return out;
}

/** JSON with sorted keys (jsonb does not keep the key order), for comparing a stored result with a fresh one. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Re-runs the engine on the stored facts with the configuration version the outcome used. */
export async function reproduceOutcome(ctx: ServiceContext, projectId: string) {
  const g = await findProjectGuarantee(ctx.db, ctx.tenantId, projectId);
  if (!g) throw notFound("Guarantee");
  const stored = readOutcome(g.outcome);
  if (!stored) throw new AppError("CONFLICT", "This guarantee has no recorded final validation yet.");
  const config = await loadConfigAt(ctx, "guarantee", stored.configVersion);
  const again = finalValidation(stored.facts, g.successThreshold, config.data);
  const { evaluatedAt: _e, configVersion: _v, trigger: _t, closedReason: _r, facts: _f, ...recorded } = stored;
  return {
    identical: canonical(again) === canonical(recorded),
    recorded,
    recomputed: again,
    configVersion: stored.configVersion,
  };
}

// ---------------------------------------------------------------- remedy

function claimReason(g: GuaranteeRow): string {
  const o = readOutcome(g.outcome);
  return o ? `Guarantee success score ${o.successScore} below the ${o.threshold} threshold` : "Guarantee not met";
}

export async function chooseRemedy(ctx: StakeholderContext, input: ChooseRemedyInput) {
  const g = await findAccountGuarantee(ctx.db, ctx.tenantId, ctx.customerAccountId, input.projectId);
  if (!g) throw notFound("Guarantee");
  if (!ctx.isApprover) throw new AppError("FORBIDDEN", "Only an approver of your organisation can choose the remedy.");
  const answer = (changed: boolean, refundId: string | null) => ({
    guaranteeId: g.id,
    remedy: input.remedy,
    changed,
    refundId,
  });
  const check = remedyChoice({ status: g.status, remedy: g.remedy }, input.remedy);
  if (!check.ok) throw new AppError(check.code, check.message);
  if (check.idempotent) return answer(false, g.refunds.find((r) => r.status !== "REJECTED")?.id ?? null);
  const room = refundRoom(g.amountCents, g.refunds);
  const amountCents = input.amountCents ?? room;
  if (input.remedy === "REFUND") {
    const amount = checkClaimAmount(amountCents, room);
    if (!amount.ok) throw new AppError("BAD_REQUEST", amount.message, { fieldErrors: { amountCents: amount.message } });
  }
  const config = (await loadConfig(ctx, "guarantee")).data;
  return ctx.db.$transaction(async (tx) => {
    if (!(await chooseRemedyIf(tx, ctx.tenantId, g.id, input.remedy, check.nextStatus))) {
      const now = await findGuaranteeById(tx, ctx.tenantId, g.id);
      if (now?.remedy === input.remedy)
        return answer(false, now.refunds.find((r) => r.status !== "REJECTED")?.id ?? null);
      throw new AppError(
        "CONFLICT",
        "Someone in your organisation chose a remedy meanwhile. Reload the page to see it.",
      );
    }
    const account = g.project.customerAccount;
    let refundId: string | null = null;
    if (input.remedy === "REFUND") {
      refundId = (
        await insertRefund(tx, {
          tenantId: ctx.tenantId,
          guaranteeId: g.id,
          amountCents,
          reason: input.note ?? claimReason(g),
          claimedById: ctx.actorId,
          at: ctx.now,
        })
      ).id;
      await raiseAlert(tx, ctx, {
        kind: "REFUND_AWAITING_APPROVAL",
        about: { projectId: g.project.id, customerAccountId: account.id, guaranteeId: g.id },
        message: `${g.project.name}: refund claim of ${formatMoney(amountCents, g.tenant.currency)} awaiting executive approval`,
        link: "/refunds",
      });
      await emitWebhookEvent(tx, {
        tenantId: ctx.tenantId,
        event: "refund.requested",
        key: `refund/${refundId}/requested`,
        at: ctx.now,
        data: {
          refundId,
          guaranteeId: g.id,
          projectId: g.project.id,
          projectName: g.project.name,
          status: "CLAIMED",
          amountCents,
          currency: g.tenant.currency,
          note: input.note ?? null,
          reference: null,
          paidAt: null,
        },
      });
      await recordAudit(tx, {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        action: "refund.claimed",
        entityType: "Refund",
        entityId: refundId,
        after: { guaranteeId: g.id, status: "CLAIMED", amountCents, version: 0 },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
    } else {
      const continued = input.remedy === "CONTINUED_DEVELOPMENT";
      await insertFollowUp(tx, {
        tenantId: ctx.tenantId,
        projectId: g.project.id,
        customerAccountId: account.id,
        title: continued
          ? `Plan continued development at no cost on ${g.project.name}`
          : `Plan migration assistance for ${account.name}`,
        detail: `${REMEDY_LABEL[input.remedy]}: the customer's chosen remedy for the failed guarantee.${input.note ? ` Customer note: ${input.note}` : ""}`,
        assigneeId: continued ? g.project.techLeadId : account.csmId,
        dueAt: new Date(ctx.now.getTime() + config.remedies.followUpDays * 86_400_000),
        at: ctx.now,
      });
      if (continued) await setProjectStatusIf(tx, ctx.tenantId, g.project.id, ["FAILED"], { status: "ACTIVE" });
      await resolveAlertsAbout(tx, ctx.tenantId, ["GUARANTEE_MISSED"], { guaranteeId: g.id }, ctx.now);
    }
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "guarantee.remedy_chosen",
      entityType: "Guarantee",
      entityId: g.id,
      before: { status: g.status, remedy: null },
      after: {
        status: check.nextStatus,
        remedy: input.remedy,
        refundId,
        amountCents: input.remedy === "REFUND" ? amountCents : null,
        note: input.note,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    const recipients = [
      ...(await activeUserIds(tx, ctx.tenantId, [g.project.techLeadId, account.csmId])),
      ...(input.remedy === "REFUND" ? await activeStaffIds(tx, ctx.tenantId, ["EXECUTIVE"]) : []),
    ];
    await notify(tx, ctx.tenantId, recipients, {
      title: input.remedy === "REFUND" ? `Refund claimed: ${g.project.name}` : `Remedy chosen: ${g.project.name}`,
      body: `${account.name} chose: ${REMEDY_LABEL[input.remedy].toLowerCase()}.`,
      link: input.remedy === "REFUND" ? "/refunds" : staffLink(g.project.id),
      at: ctx.now,
    });
    return answer(true, refundId);
  });
}
