import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETENTION_CONFIG } from "@/domain/retention/config";
import { snapshotHealth } from "@/server/services/retention-jobs";
import { utcDay } from "@/server/services/retention";
import {
  callerFor,
  codeOf,
  concurrencyDb,
  createTenantFixture,
  guaranteeProjectFor,
  shapeOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";

/**
 * docs/domain.md#retention: the health score of an account from its stored facts with every component's value,
 * weight and contribution; the daily snapshot job (idempotent); the retention plan whose actions become the
 * CSM's tasks; complete / snooze / reassign.
 */
const DAY = 86_400_000;
let f: TenantFixture;
let now: Date;

/** Both accounts' portals opened two months ago (portal engagement is scored only then; docs/health.md#no-data). */
async function portalsOpenedLongAgo(t: TenantFixture) {
  await testDb().user.updateMany({
    where: { tenantId: t.tenant.id, role: "CUSTOMER" },
    data: { createdAt: new Date(now.getTime() - 60 * DAY) },
  });
}

/** Account A: 3 of 4 weeks met, CSAT 8 and 9, NPS 10/9/6, sign-off 24 h after the due date, one escalation, 9 of 10 gates, 2 of 4 lessons, 3 active days. */
async function seedAccountFacts(t: TenantFixture) {
  const db = testDb();
  const { projectId } = await guaranteeProjectFor(t, { weeksMet: 3, csat: [8, 9] });
  const week1 = await db.milestone.findFirstOrThrow({
    where: { projectId, weekNumber: 1 },
    include: { criteria: true },
  });
  await db.signOff.create({
    data: {
      tenantId: t.tenant.id,
      projectId,
      milestoneId: week1.id,
      criterionId: week1.criteria[0]?.id ?? "",
      userId: t.users.CUSTOMER.id,
      seq: 1,
      decision: "APPROVED",
      contentHash: "0".repeat(64),
      hash: "1".repeat(64),
      createdAt: new Date(week1.dueDate.getTime() + DAY),
    },
  });
  for (const score of [10, 9, 6]) {
    const s = await db.survey.create({
      data: { tenantId: t.tenant.id, projectId, kind: "NPS", trigger: "QUARTERLY", key: `nps/${randomUUID()}` },
    });
    await db.surveyResponse.create({
      data: { tenantId: t.tenant.id, surveyId: s.id, score, createdAt: new Date(now.getTime() - 10 * DAY) },
    });
  }
  await db.alert.create({
    data: {
      tenantId: t.tenant.id,
      projectId,
      customerAccountId: t.accountA.id,
      severity: "WARNING",
      kind: "QUALITY_ESCALATION_CODE",
      message: "Escalated",
      createdAt: new Date(now.getTime() - 2 * DAY),
    },
  });
  await db.qualityValidation.create({
    data: {
      tenantId: t.tenant.id,
      projectId,
      type: "COMPREHENSIVE",
      score: 90,
      gatesPassed: 9,
      gatesFailed: 1,
      results: {},
      createdAt: new Date(now.getTime() - 3 * DAY),
    },
  });
  const item = await db.educationItem.create({
    data: {
      tenantId: t.tenant.id,
      key: `item-${randomUUID().slice(0, 6)}`,
      title: "Guarantee explained",
      kind: "article",
      audience: "business",
      body: "…",
      durationMinutes: 10,
    },
  });
  const plan = await db.educationPlan.create({
    data: {
      tenantId: t.tenant.id,
      customerAccountId: t.accountA.id,
      serviceType: "MVP_DEVELOPMENT",
      background: "business",
    },
  });
  for (const status of ["COMPLETED", "COMPLETED", "SENT", "SENT", "SCHEDULED"] as const) {
    await db.educationDelivery.create({
      data: {
        tenantId: t.tenant.id,
        planId: plan.id,
        itemId: item.id,
        userId: t.users.CUSTOMER.id,
        status,
        scheduledAt: now,
      },
    });
  }
  for (const daysAgo of [1, 3, 5]) {
    const at = new Date(now.getTime() - daysAgo * DAY);
    await db.userSession.create({
      data: {
        tenantId: t.tenant.id,
        userId: t.users.CUSTOMER.id,
        method: "test",
        createdAt: at,
        lastSeenAt: at,
        expiresAt: new Date(now.getTime() + DAY),
      },
    });
  }
  await db.customerAccount.update({ where: { id: t.accountA.id }, data: { csmId: t.users.CSM.id } });
  await db.customerAccount.update({ where: { id: t.accountB.id }, data: { csmId: t.users.CSM.id } });
  await portalsOpenedLongAgo(t);
}

beforeAll(async () => {
  now = new Date();
  f = await createTenantFixture("retention", now);
  await seedAccountFacts(f);
});

describe("health score", () => {
  it("explains itself: every component's value, weight and contribution (“why 75.2?”)", async () => {
    const view = await callerFor(f.users.CSM, () => now).retention.account({ accountId: f.accountA.id });
    const h = view.live.health;
    expect(h.components.map((c) => [c.key, c.display, c.score, c.weight, c.contribution])).toEqual([
      ["milestoneSuccess", "3 of 4 weeks met", 75, 0.25, 18.8],
      ["csat", "8.5/10", 85, 0.2, 17],
      ["nps", "NPS 33.3", 66.7, 0.1, 6.7],
      ["signOffLatency", "24 hours median", 100, 0.1, 10],
      ["escalations", "1 escalation", 75, 0.1, 7.5],
      ["qualityGates", "9 of 10 gates passed", 90, 0.1, 9],
      ["education", "2 of 4 completed", 50, 0.05, 2.5],
      ["engagement", "3 active days", 37.5, 0.1, 3.8],
    ]);
    expect(h.score).toBe(75.2);
    expect(h.explanation).toMatch(/^75\.2 = 18\.8 milestone success \(75 × 0\.25\) \+ 17 csat/);
    // no guarantee decided yet: that factor drops out of the expansion potential
    expect(view.live.expansion.factors.find((x) => x.key === "guaranteeSuccess")?.available).toBe(false);
    expect(view.live.expansion.score).toBe(69.4);
    expect(view.strategyPreview).toMatchObject({
      strategy: "MODERATE_SATISFACTION_IMPROVEMENT",
      reason: "Health 75.2 is between 70 and 85.",
    });
  });
});

describe("the daily snapshot job", () => {
  it("writes one snapshot per account and day and plans once: running it again on the same facts writes nothing", async () => {
    const first = await snapshotHealth(testDb(), now, { tenantId: f.tenant.id });
    expect(first).toMatchObject({ accounts: 2, snapshots: 2, plans: 2, errors: 0 });
    // (a later run of the day replaces the day's snapshot when the facts changed: health-numbers.int.test.ts)
    const again = await snapshotHealth(testDb(), now, { tenantId: f.tenant.id });
    expect(again).toMatchObject({ accounts: 2, snapshots: 0, plans: 0 });

    const snaps = await testDb().healthSnapshot.findMany({ where: { customerAccountId: f.accountA.id } });
    expect(snaps.map((s) => [s.day.toISOString().slice(0, 10), s.score, s.expansionScore])).toEqual([
      [utcDay(now).toISOString().slice(0, 10), 75.2, 69.4],
    ]);
    const plan = await testDb().retentionPlan.findFirstOrThrow({
      where: { customerAccountId: f.accountA.id },
      include: { actions: { orderBy: { dueAt: "asc" } } },
    });
    expect(plan).toMatchObject({
      strategy: "MODERATE_SATISFACTION_IMPROVEMENT",
      healthScore: 75.2,
      expectedOutcome: DEFAULT_RETENTION_CONFIG.playbooks.MODERATE_SATISFACTION_IMPROVEMENT.expectedOutcome,
    });
    expect(plan.nextTouchpointAt.getTime() - now.getTime()).toBe(7 * DAY);
    expect(plan.successMetrics).toEqual(
      DEFAULT_RETENTION_CONFIG.playbooks.MODERATE_SATISFACTION_IMPROVEMENT.successMetrics,
    );
    expect(
      (plan.triggers as { conditions: { condition: string; met: boolean | null }[] }).conditions.map((c) => [
        c.condition,
        c.met,
      ]),
    ).toEqual([
      ["satisfaction_score", true],
      ["success_score", null],
      ["minor_issues_resolved", true],
    ]);
    expect(
      plan.actions.map((a) => [
        a.title,
        a.assigneeId,
        a.kind,
        Math.round(((a.dueAt?.getTime() ?? 0) - now.getTime()) / DAY),
      ]),
    ).toEqual([
      ["Switch the account to enhanced support", f.users.CSM.id, "RETENTION", 2],
      ["Schedule an additional training session", f.users.CSM.id, "RETENTION", 7],
      ["Run a process optimisation review", f.users.CSM.id, "RETENTION", 14],
      ["Agree a communication plan with the sponsor", f.users.CSM.id, "RETENTION", 21],
      ["Offer two consultation sessions", f.users.CSM.id, "RETENTION", 30],
    ]);
    // account B has no delivery data yet, and its portal, open for two months, was never used: escalations (none)
    // and portal engagement (0) only → at-risk, with one alert
    expect(
      await testDb().retentionPlan.findFirstOrThrow({ where: { customerAccountId: f.accountB.id } }),
    ).toMatchObject({ strategy: "AT_RISK_RECOVERY" });
    expect(
      await testDb().alert.count({
        where: { customerAccountId: f.accountB.id, kind: "ACCOUNT_AT_RISK", resolvedAt: null },
      }),
    ).toBe(1);
  });

  it("two runs at once write one snapshot and one plan per account", async () => {
    const g = await createTenantFixture("retention-race", now);
    await portalsOpenedLongAgo(g);
    const runs = await Promise.all([
      snapshotHealth(concurrencyDb(), now, { tenantId: g.tenant.id }),
      snapshotHealth(concurrencyDb(), now, { tenantId: g.tenant.id }),
    ]);
    expect(runs.reduce((s, r) => s + r.snapshots, 0)).toBe(2);
    expect(runs.reduce((s, r) => s + r.plans, 0)).toBe(2);
    expect(await testDb().healthSnapshot.count({ where: { tenantId: g.tenant.id } })).toBe(2);
    expect(await testDb().retentionPlan.count({ where: { tenantId: g.tenant.id } })).toBe(2);
    expect(await testDb().alert.count({ where: { tenantId: g.tenant.id, kind: "ACCOUNT_AT_RISK" } })).toBe(2);
  });
});

describe("the CSM's screens", () => {
  it("lists accounts by health (lowest first) with their trend and strategy", async () => {
    const { accounts } = await callerFor(f.users.CSM, () => now).retention.accounts({});
    expect(accounts.map((a) => [a.id, a.strategy])).toEqual([
      [f.accountB.id, "AT_RISK_RECOVERY"],
      [f.accountA.id, "MODERATE_SATISFACTION_IMPROVEMENT"],
    ]);
    expect(accounts[1]).toMatchObject({ health: 75.2, expansion: 69.4, openTasks: 5 });
    expect(accounts[1]?.trend).toHaveLength(1);
    const desc = await callerFor(f.users.CSM, () => now).retention.accounts({ sort: "health_desc" });
    expect(desc.accounts[0]?.id).toBe(f.accountA.id);
  });

  it("a changed strategy replaces the plan: the old tasks are cancelled and the at-risk alert resolved", async () => {
    const admin = callerFor(f.users.ADMIN);
    const current = await admin.config.get({ kind: "retention" });
    const data = structuredClone(DEFAULT_RETENTION_CONFIG);
    data.strategy.healthModerate = 40;
    await admin.config.update({ kind: "retention", data, expectedVersion: current.version });
    const old = await testDb().retentionPlan.findFirstOrThrow({ where: { customerAccountId: f.accountB.id } });
    const r = await callerFor(f.users.CSM, () => now).retention.recompute({ accountId: f.accountB.id });
    expect(r.planId).not.toBeNull();
    expect(await testDb().retentionPlan.findUniqueOrThrow({ where: { id: r.planId ?? "" } })).toMatchObject({
      strategy: "MODERATE_SATISFACTION_IMPROVEMENT",
    });
    expect(await testDb().actionItem.count({ where: { retentionPlanId: old.id, status: "CANCELLED" } })).toBe(4);
    expect(
      await testDb().alert.count({
        where: { customerAccountId: f.accountB.id, kind: "ACCOUNT_AT_RISK", resolvedAt: null },
      }),
    ).toBe(0);
    // same strategy, nothing new unless asked
    expect(
      (await callerFor(f.users.CSM, () => now).retention.recompute({ accountId: f.accountB.id })).planId,
    ).toBeNull();
    expect(
      (await callerFor(f.users.CSM, () => now).retention.recompute({ accountId: f.accountB.id, newPlan: true })).planId,
    ).not.toBeNull();
    expect(
      await testDb().auditEvent.count({
        where: { tenantId: f.tenant.id, action: "retention.plan_created", entityId: r.planId },
      }),
    ).toBe(1);
    await admin.config.update({
      kind: "retention",
      data: DEFAULT_RETENTION_CONFIG,
      expectedVersion: current.version + 1,
    });
  });

  it("tasks: complete, reopen, snooze (to a later date, ≤ 90 days) and reassign (to an active CSM, executive or admin), audited", async () => {
    const plan = await testDb().retentionPlan.findFirstOrThrow({
      where: { customerAccountId: f.accountA.id },
      include: { actions: { orderBy: { dueAt: "asc" } } },
    });
    const [t1, t2, t3] = plan.actions;
    const csm = callerFor(f.users.CSM, () => now);
    expect(await csm.retention.updateTask({ op: "complete", actionId: t1?.id ?? "" })).toEqual({
      actionId: t1?.id,
      changed: true,
    });
    expect(await csm.retention.updateTask({ op: "complete", actionId: t1?.id ?? "" })).toEqual({
      actionId: t1?.id,
      changed: false,
    });
    expect(await testDb().actionItem.findUniqueOrThrow({ where: { id: t1?.id } })).toMatchObject({
      status: "DONE",
      completedAt: now,
    });
    await csm.retention.updateTask({ op: "reopen", actionId: t1?.id ?? "" });

    const past = await shapeOf(
      csm.retention.updateTask({ op: "snooze", actionId: t2?.id ?? "", until: new Date(now.getTime() - DAY) }),
      "retention.updateTask",
    );
    expect(past?.data).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { until: "Snooze until a later date." } });
    expect(
      (
        await shapeOf(
          csm.retention.updateTask({ op: "snooze", actionId: t2?.id ?? "", until: new Date(now.getTime() + 91 * DAY) }),
          "retention.updateTask",
        )
      )?.data.code,
    ).toBe("BAD_REQUEST");
    const until = new Date(now.getTime() + 10 * DAY);
    await csm.retention.updateTask({ op: "snooze", actionId: t2?.id ?? "", until });
    expect(await testDb().actionItem.findUniqueOrThrow({ where: { id: t2?.id } })).toMatchObject({
      status: "SNOOZED",
      dueAt: until,
    });

    const lead = await shapeOf(
      csm.retention.updateTask({ op: "reassign", actionId: t3?.id ?? "", assigneeId: f.users.TECH_LEAD.id }),
      "retention.updateTask",
    );
    expect(lead?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { assigneeId: "Choose an active CSM, executive or admin of your organisation." },
    });
    await csm.retention.updateTask({ op: "reassign", actionId: t3?.id ?? "", assigneeId: f.users.EXECUTIVE.id });
    expect((await testDb().actionItem.findUniqueOrThrow({ where: { id: t3?.id } })).assigneeId).toBe(
      f.users.EXECUTIVE.id,
    );
    expect(
      await testDb().notification.count({
        where: { userId: f.users.EXECUTIVE.id, title: "Retention task assigned to you" },
      }),
    ).toBe(1);
    expect(
      await testDb().auditEvent.count({
        where: { entityType: "ActionItem", entityId: { in: [t1?.id ?? "", t2?.id ?? "", t3?.id ?? ""] } },
      }),
    ).toBe(4);

    const other = await createTenantFixture("retention-other");
    expect(
      await codeOf(callerFor(other.users.CSM).retention.updateTask({ op: "complete", actionId: t3?.id ?? "" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(other.users.CSM).retention.account({ accountId: f.accountA.id }))).toBe("NOT_FOUND");
    expect(
      await codeOf(callerFor(f.users.TECH_LEAD).retention.updateTask({ op: "complete", actionId: t3?.id ?? "" })),
    ).toBe("FORBIDDEN");
  });

  it("refuses retention weights that do not add up to 1: 400, no new version", async () => {
    const admin = callerFor(f.users.ADMIN);
    const current = await admin.config.get({ kind: "retention" });
    const data = structuredClone(DEFAULT_RETENTION_CONFIG);
    data.health.weights.engagement = 0.3;
    const shape = await shapeOf(
      admin.config.update({ kind: "retention", data, expectedVersion: current.version }),
      "config.update",
    );
    expect(shape?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { "health.weights": "Health weights must add up to 1 (they add up to 1.2)" },
    });
    expect((await admin.config.get({ kind: "retention" })).version).toBe(current.version);
  });
});
