import "server-only";
import type { HealthBand, ListAccountsInput, UpdateTaskInput } from "@/lib/schemas/retention";
import { MAX_SNOOZE_DAYS } from "@/lib/schemas/retention";
import { recordAudit } from "@/server/db/audit";
import type { DbOrTx, Prisma } from "@/server/db/client";
import { alertsAbout, resolveAlertsAbout } from "@/server/db/alerts";
import { insertNotifications } from "@/server/db/notifications";
import {
  accountExpansionFacts,
  accountRetention,
  accountsPage,
  cancelPlanTasks,
  findAccount,
  findAssignableStaff,
  findRetentionTask,
  healthInputs,
  insertPlan,
  latestPlan,
  lockAccount,
  updateRetentionTask,
  upsertSnapshot,
} from "@/server/db/retention";
import { DAY_MS } from "@/domain/guarantee/clock";
import type { RetentionConfig } from "@/domain/retention/config";
import { expansionPotential, type ExpansionPotential } from "@/domain/retention/expansion";
import { healthScore, type HealthFacts, type HealthScore } from "@/domain/retention/health";
import { planRetention, type TriggerFacts } from "@/domain/retention/strategy";
import { csatSummary, npsSummary } from "@/domain/surveys/scores";
import { AppError, notFound } from "@/server/errors";
import { raiseAlert } from "./alerts";
import { loadConfig, type VersionedConfig } from "./config";
import type { ServiceContext } from "./context";
import { retentionTaskDetail } from "@/lib/labels/retention-strategy";
import { formatDate, plural } from "@/lib/format";

/**
 * Customer retention (docs/domain.md#retention): the health score and expansion potential of an account from its
 * stored facts, the daily snapshot, and the retention plan whose actions become the CSM's tasks. A plan is
 * made when an account has none or its strategy changes (or a CSM asks for a new one); the superseded
 * plan's unfinished tasks are cancelled. An at-risk plan raises an alert for the CSM.
 */

export type Assessment = {
  facts: HealthFacts;
  triggerFacts: TriggerFacts;
  health: HealthScore;
  expansion: ExpansionPotential;
  configVersion: number;
};
/** What HealthSnapshot.components holds (version 1). */
export type StoredComponents = {
  version: 1;
  configVersion: number;
  health: HealthScore;
  expansion: Omit<ExpansionPotential, "opportunities">;
  facts: HealthFacts;
  triggerFacts: TriggerFacts;
};

const json = (v: unknown) => v as Prisma.InputJsonValue;
export const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function readComponents(value: unknown): StoredComponents | null {
  const c = value as Partial<StoredComponents> | null;
  return c && typeof c === "object" && c.version === 1 && c.health && Array.isArray(c.health.components)
    ? (c as StoredComponents)
    : null;
}

export async function assessAccount(
  db: DbOrTx,
  tenantId: string,
  accountId: string,
  now: Date,
  config: VersionedConfig<"retention">,
): Promise<Assessment> {
  const cfg = config.data;
  const [raw, projects] = await Promise.all([
    healthInputs(db, tenantId, accountId, now, cfg.health.windowDays, cfg.health.engagement.windowDays),
    accountExpansionFacts(db, tenantId, accountId),
  ]);
  const csat = csatSummary(raw.responses.filter((r) => r.survey.kind === "CSAT").map((r) => r.score));
  const nps = npsSummary(raw.responses.filter((r) => r.survey.kind === "NPS").map((r) => r.score));
  const count = (rows: { status: string; _count: { _all: number } }[], ...statuses: string[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + r._count._all, 0);
  const days = new Set<string>();
  for (const s of raw.sessions) {
    for (const t of [s.createdAt.getTime(), s.lastSeenAt.getTime()])
      if (t >= raw.engagedSince.getTime() && t <= now.getTime()) days.add(isoDay(t));
  }
  const facts: HealthFacts = {
    milestones: {
      validated: count(raw.milestones, "SUCCESS", "AT_RISK", "FAILED"),
      met: count(raw.milestones, "SUCCESS"),
    },
    csat: { mean: csat.mean, responses: csat.responses },
    nps: { score: nps.score, responses: nps.responses },
    signOffLatencyHours: raw.signOffs.map(
      (s) => Math.round(((s.createdAt.getTime() - s.milestone.dueDate.getTime()) / 3_600_000) * 10) / 10,
    ),
    escalations: raw.escalations,
    qualityGates: { passed: raw.gates._sum.gatesPassed ?? 0, failed: raw.gates._sum.gatesFailed ?? 0 },
    education: { sent: count(raw.education, "SENT", "COMPLETED"), completed: count(raw.education, "COMPLETED") },
    engagement: {
      activeDays: days.size,
      portalDays: raw.portalOpenedAt
        ? Math.min(
            cfg.health.engagement.windowDays,
            Math.max(0, Math.floor((now.getTime() - raw.portalOpenedAt.getTime()) / DAY_MS)),
          )
        : 0,
    },
  };
  const health = healthScore(facts, cfg.health);
  const expansion = expansionPotential(
    { ...projects, health: health.score, csatMean: csat.mean, npsScore: nps.score },
    cfg.expansion,
  );
  const last = raw.lastCompleted;
  const triggerFacts: TriggerFacts = {
    satisfaction: csat.mean,
    successScore: projects.latestGuarantee?.successScore ?? null,
    onTime: last?.completedAt ? last.completedAt.getTime() <= last.targetEndDate.getTime() : null,
    openIssues: raw.openIssues,
    escalations: raw.escalations,
  };
  return { facts, triggerFacts, health, expansion, configVersion: config.version };
}

export function storedComponents(a: Assessment): StoredComponents {
  const { opportunities: _o, ...expansion } = a.expansion;
  return {
    version: 1,
    configVersion: a.configVersion,
    health: a.health,
    expansion,
    facts: a.facts,
    triggerFacts: a.triggerFacts,
  };
}

/**
 * Makes a plan when the account has none, its strategy changed, or `force`; in `tx` (a transaction),
 * serialised per account. Returns the new plan's id, or null when the current plan stands.
 */
export async function ensurePlan(
  tx: DbOrTx,
  ctx: { tenantId: string; actorId: string | null; ip: string | null; requestId: string | null; now: Date },
  account: { id: string; name: string; csmId: string | null },
  a: Assessment,
  config: RetentionConfig,
  force: boolean,
) {
  // an account not scored yet gets no plan (docs/health.md#no-data): the list says so
  if (a.health.score === null) return null;
  await lockAccount(tx, account.id);
  const current = await latestPlan(tx, ctx.tenantId, account.id);
  const draft = planRetention(
    { health: a.health.score, expansion: a.expansion.score, facts: a.triggerFacts, now: ctx.now },
    config,
  );
  if (current && current.strategy === draft.strategy && !force) return null;
  if (current) await cancelPlanTasks(tx, ctx.tenantId, current.id);
  const plan = await insertPlan(tx, {
    tenantId: ctx.tenantId,
    customerAccountId: account.id,
    strategy: draft.strategy,
    healthScore: draft.healthScore,
    expansionScore: draft.expansionScore,
    triggers: json({ reason: draft.reason, conditions: draft.triggers }),
    successMetrics: json(draft.successMetrics),
    expectedOutcome: draft.expectedOutcome,
    nextTouchpointAt: draft.nextTouchpointAt,
    at: ctx.now,
    assigneeId: account.csmId,
    actions: draft.actions.map((x) => ({
      title: x.title,
      dueAt: x.dueAt,
      detail: retentionTaskDetail(x.phase, draft.strategy),
    })),
  });
  const link = `/accounts/${account.id}`;
  if (draft.strategy === "AT_RISK_RECOVERY") {
    if (
      (await alertsAbout(tx, ctx.tenantId, ["ACCOUNT_AT_RISK"], { customerAccountId: account.id }, { openOnly: true }))
        .length === 0
    ) {
      await raiseAlert(tx, ctx, {
        kind: "ACCOUNT_AT_RISK",
        about: { customerAccountId: account.id },
        message: `${account.name} is at risk: ${draft.reason}`,
        link,
      });
    }
  } else {
    await resolveAlertsAbout(tx, ctx.tenantId, ["ACCOUNT_AT_RISK"], { customerAccountId: account.id }, ctx.now);
  }
  if (account.csmId) {
    await insertNotifications(tx, [
      {
        tenantId: ctx.tenantId,
        userId: account.csmId,
        title: `New retention plan: ${account.name}`,
        body: `${draft.reason} ${plural(draft.actions.length, "task")} assigned to you; next touchpoint ${formatDate(draft.nextTouchpointAt)}.`,
        link,
        at: ctx.now,
      },
    ]);
  }
  await recordAudit(tx, {
    tenantId: ctx.tenantId,
    actorId: ctx.actorId,
    action: "retention.plan_created",
    entityType: "RetentionPlan",
    entityId: plan.id,
    before: current ? { planId: current.id, strategy: current.strategy } : undefined,
    after: {
      accountId: account.id,
      strategy: draft.strategy,
      healthScore: draft.healthScore,
      expansionScore: draft.expansionScore,
      reason: draft.reason,
      forced: force,
    },
    ip: ctx.ip,
    requestId: ctx.requestId,
    at: ctx.now,
  });
  return plan.id;
}

// ---------------------------------------------------------------- CSM screens

/** Why an account of the list has no retention plan (docs/health.md#plans). */
export function noPlanReason(health: number | null): string {
  return health === null
    ? "Not scored yet: no plan until the account has data."
    : "No plan yet: the next daily run makes one, or recompute the account.";
}

/** The health range [gte, lt) of a band, from the tenant's strategy lines; null for accounts not scored yet. */
export function bandRange(band: HealthBand, lines: RetentionConfig["strategy"]): { gte?: number; lt?: number } | null {
  switch (band) {
    case "at_risk":
      return { lt: lines.healthModerate };
    case "moderate":
      return { gte: lines.healthModerate, lt: lines.healthHigh };
    case "healthy":
      return { gte: lines.healthHigh };
    case "unscored":
      return null;
  }
}

export async function accountsOverview(ctx: ServiceContext, input: ListAccountsInput) {
  const since = utcDay(new Date(ctx.now.getTime() - 30 * DAY_MS));
  const config = input.band ? await loadConfig(ctx, "retention") : null;
  const { total, accounts, snapshots, plans, tasks } = await accountsPage(ctx.db, ctx.tenantId, {
    sort: input.sort,
    health: input.band && config ? bandRange(input.band, config.data.strategy) : undefined,
    skip: (input.page - 1) * input.pageSize,
    take: input.pageSize,
    since,
  });
  const rows = accounts.map(({ latestHealthDay, latestHealthScore, latestExpansionScore, ...a }) => {
    const trend = snapshots.filter((s) => s.customerAccountId === a.id).map((s) => ({ day: s.day, score: s.score }));
    const plan = plans.find((p) => p.customerAccountId === a.id) ?? null;
    return {
      ...a,
      health: latestHealthScore,
      expansion: latestExpansionScore,
      asOf: latestHealthDay,
      trend,
      change: trend.length >= 2 ? Math.round(((trend.at(-1)?.score ?? 0) - (trend[0]?.score ?? 0)) * 10) / 10 : null,
      strategy: plan?.strategy ?? null,
      noPlanReason: plan ? null : noPlanReason(latestHealthScore),
      nextTouchpointAt: plan?.nextTouchpointAt ?? null,
      openTasks: tasks.find((t) => t.customerAccountId === a.id)?._count._all ?? 0,
    };
  });
  return { accounts: rows, total, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

export async function accountDetail(ctx: ServiceContext, accountId: string) {
  const account = await findAccount(ctx.db, ctx.tenantId, accountId);
  if (!account) throw notFound("Account");
  const config = await loadConfig(ctx, "retention");
  const [live, stored] = await Promise.all([
    assessAccount(ctx.db, ctx.tenantId, account.id, ctx.now, config),
    accountRetention(ctx.db, ctx.tenantId, account.id, utcDay(new Date(ctx.now.getTime() - 90 * DAY_MS))),
  ]);
  const [plan, ...previous] = stored.plans;
  // the score shown is the recorded one, the same the account list shows (docs/health.md#one-score)
  const latest = stored.latest;
  const current = latest
    ? {
        day: latest.day,
        at: latest.createdAt,
        score: latest.score,
        expansion: latest.expansionScore,
        components: readComponents(latest.components),
      }
    : null;
  const livePreview =
    live.health.score === null
      ? null
      : planRetention(
          { health: live.health.score, expansion: live.expansion.score, facts: live.triggerFacts, now: ctx.now },
          config.data,
        );
  return {
    account,
    live,
    current,
    factsChanged:
      current !== null && (current.score !== live.health.score || current.expansion !== live.expansion.score),
    strategyPreview: livePreview,
    history: stored.snapshots.map((s) => ({ day: s.day, score: s.score, expansion: s.expansionScore })),
    plan: plan ?? null,
    noPlanReason: plan ? null : noPlanReason(current?.score ?? null),
    previousPlans: previous.map((p) => ({
      id: p.id,
      strategy: p.strategy,
      createdAt: p.createdAt,
      healthScore: p.healthScore,
    })),
    projects: stored.projects,
    assignees: stored.assignees,
  };
}

export async function recomputeAccount(ctx: ServiceContext, input: { accountId: string; newPlan: boolean }) {
  const account = await findAccount(ctx.db, ctx.tenantId, input.accountId);
  if (!account) throw notFound("Account");
  const config = await loadConfig(ctx, "retention");
  const a = await assessAccount(ctx.db, ctx.tenantId, account.id, ctx.now, config);
  const score = a.health.score;
  return ctx.db.$transaction(async (tx) => {
    if (score !== null)
      await upsertSnapshot(tx, {
        tenantId: ctx.tenantId,
        customerAccountId: account.id,
        day: utcDay(ctx.now),
        score,
        expansionScore: a.expansion.score,
        components: json(storedComponents(a)),
        at: ctx.now,
      });
    const planId = await ensurePlan(
      tx,
      ctx,
      { id: account.id, name: account.name, csmId: account.csm?.id ?? null },
      a,
      config.data,
      input.newPlan,
    );
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "retention.recomputed",
      entityType: "CustomerAccount",
      entityId: account.id,
      after: {
        healthScore: a.health.score,
        expansionScore: a.expansion.score,
        newPlanId: planId,
        configVersion: a.configVersion,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return { healthScore: a.health.score, expansionScore: a.expansion.score, planId };
  });
}

export async function updateTask(ctx: ServiceContext, input: UpdateTaskInput) {
  const task = await findRetentionTask(ctx.db, ctx.tenantId, input.actionId);
  if (!task) throw notFound("Task");
  let data: Parameters<typeof updateRetentionTask>[3];
  let assignee: { id: string; name: string } | null = null;
  switch (input.op) {
    case "complete":
      data = { status: "DONE", completedAt: ctx.now };
      break;
    case "reopen":
      data = { status: "OPEN", completedAt: null };
      break;
    case "snooze": {
      const until = input.until.getTime();
      const problem =
        until <= ctx.now.getTime()
          ? "Snooze until a later date."
          : until > ctx.now.getTime() + MAX_SNOOZE_DAYS * DAY_MS
            ? `Snooze for at most ${MAX_SNOOZE_DAYS} days.`
            : null;
      if (problem) throw new AppError("BAD_REQUEST", problem, { fieldErrors: { until: problem } });
      data = { status: "SNOOZED", dueAt: input.until };
      break;
    }
    case "reassign":
      assignee = await findAssignableStaff(ctx.db, ctx.tenantId, input.assigneeId);
      if (!assignee)
        throw new AppError("BAD_REQUEST", "Choose an active CSM, executive or admin of your organisation.", {
          fieldErrors: { assigneeId: "Choose an active CSM, executive or admin of your organisation." },
        });
      data = { assigneeId: assignee.id };
      break;
  }
  if ((input.op === "complete" || input.op === "reopen") && task.status === data.status)
    return { actionId: task.id, changed: false };
  if (task.status === "CANCELLED" || (task.status === "DONE" && input.op !== "reopen"))
    throw new AppError("CONFLICT", `This task is ${task.status.toLowerCase()}; reopen it first.`);
  await ctx.db.$transaction(async (tx) => {
    await updateRetentionTask(tx, ctx.tenantId, task.id, data);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: `retention.task_${input.op}`,
      entityType: "ActionItem",
      entityId: task.id,
      before: { status: task.status, dueAt: task.dueAt?.toISOString() ?? null, assigneeId: task.assigneeId },
      after: {
        ...(data.status ? { status: data.status } : {}),
        ...(input.op === "snooze" ? { dueAt: input.until.toISOString() } : {}),
        ...(assignee ? { assigneeId: assignee.id } : {}),
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    if (assignee && assignee.id !== ctx.actorId) {
      await insertNotifications(tx, [
        {
          tenantId: ctx.tenantId,
          userId: assignee.id,
          title: `Retention task assigned to you`,
          body: task.title,
          link: `/accounts/${task.customerAccountId}`,
          at: ctx.now,
        },
      ]);
    }
  });
  return { actionId: task.id, changed: true };
}
