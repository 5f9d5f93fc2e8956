import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { GET as guaranteesCron } from "@/app/api/cron/guarantees/route";
import { GET as accountScoresCron } from "@/app/api/cron/account-scores/route";
import { seedDemo } from "@/prisma/seed";
import { DEFAULT_GUARANTEE_CONFIG } from "@/domain/guarantee/config";
import { enforceGuarantees } from "@/server/services/guarantee-jobs";
import { readOutcome, reproduceOutcome } from "@/server/services/guarantees";
import { successDossierFor } from "@/server/services/success-dossier";
import {
  callerFor,
  codeOf,
  concurrencyDb,
  createTenantFixture,
  decidedGuaranteeFor,
  guaranteeProjectFor,
  shapeOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";

/**
 * docs/domain.md#guarantee: the guarantee clock with customer-caused delays, the final validation at the clock's end
 * (enforcement job) or closed early, the customer's remedy choice, and the success dossier.
 */
const DAY = 86_400_000;
let f: TenantFixture;
let member: SessionUser;

const guaranteeOf = (projectId: string) =>
  testDb().guarantee.findUniqueOrThrow({ where: { projectId }, include: { delays: true, refunds: true } });
const auditOf = (entityId: string, action?: string) =>
  testDb().auditEvent.count({ where: { entityId, ...(action ? { action } : {}) } });

beforeAll(async () => {
  f = await createTenantFixture("guarantee");
  const u = await testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `member-${f.tag}@example.com`,
      name: "Mo Member",
      role: "CUSTOMER",
      customerAccountId: f.accountA.id,
      stakeholderRole: "MEMBER",
      isApprover: false,
    },
  });
  member = {
    ...f.users.CUSTOMER,
    id: u.id,
    email: u.email,
    name: u.name,
    isApprover: false,
    stakeholderRole: "MEMBER",
  };
});

describe("the guarantee clock and customer-caused delays", () => {
  it("a technical lead records a delay; the customer's approver acknowledges it and the end moves, audited", async () => {
    const { projectId } = await guaranteeProjectFor(f, { startDaysAgo: 10 });
    const before = await guaranteeOf(projectId);
    const recorded = await callerFor(f.users.TECH_LEAD).guarantees.recordDelay({
      projectId,
      reason: "Customer SSO credentials arrived late",
      evidence: "Ticket OPS-42",
      days: 5,
    });
    expect(recorded.status).toBe("PROPOSED");
    expect((await guaranteeOf(projectId)).endsAt).toEqual(before.endsAt);
    expect(
      await testDb().notification.count({
        where: { userId: f.users.CUSTOMER.id, title: { startsWith: "Please review a delay" } },
      }),
    ).toBeGreaterThan(0);

    const view = await callerFor(f.users.CUSTOMER).portal.guarantee({ projectId });
    expect(view.clock.pending).toEqual([
      { id: recorded.delayId, days: 5, wouldEndAt: new Date(before.endsAt.getTime() + 5 * DAY) },
    ]);

    const ack = await callerFor(f.users.CUSTOMER).portal.decideDelay({
      delayId: recorded.delayId,
      decision: "ACKNOWLEDGE",
    });
    expect(ack).toMatchObject({ status: "ACKNOWLEDGED", changed: true });
    const after = await guaranteeOf(projectId);
    expect(after.endsAt.getTime() - before.endsAt.getTime()).toBe(5 * DAY);
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { entityId: before.id, action: "guarantee.delay_acknowledged" },
    });
    expect(audit).toMatchObject({
      actorId: f.users.CUSTOMER.id,
      before: { endsAt: before.endsAt.toISOString() },
      after: { endsAt: after.endsAt.toISOString(), days: 5 },
    });
    expect(
      await testDb().notification.count({
        where: { userId: f.users.TECH_LEAD.id, title: { startsWith: "Delay acknowledged" } },
      }),
    ).toBeGreaterThan(0);

    // the same decision again is idempotent; the other one is a conflict; nothing moves
    expect(
      await callerFor(f.users.CUSTOMER).portal.decideDelay({ delayId: recorded.delayId, decision: "ACKNOWLEDGE" }),
    ).toMatchObject({ changed: false });
    expect(
      await codeOf(
        callerFor(f.users.CUSTOMER).portal.decideDelay({
          delayId: recorded.delayId,
          decision: "DISPUTE",
          note: "Changed my mind",
        }),
      ),
    ).toBe("CONFLICT");
    expect((await guaranteeOf(projectId)).endsAt).toEqual(after.endsAt);
    expect(await auditOf(before.id, "guarantee.delay_acknowledged")).toBe(1);
  });

  it("overlapping acknowledged delays count once; a disputed one does not move the end", async () => {
    const { projectId } = await guaranteeProjectFor(f, { startDaysAgo: 10 });
    const lead = callerFor(f.users.TECH_LEAD);
    const customer = callerFor(f.users.CUSTOMER);
    const start = await guaranteeOf(projectId);
    const a = await lead.guarantees.recordDelay({ projectId, reason: "Staging access not granted yet", days: 4 });
    const b = await lead.guarantees.recordDelay({ projectId, reason: "Staging access still not granted", days: 4 });
    const c = await lead.guarantees.recordDelay({
      projectId,
      reason: "Design sign-off pending on their side",
      days: 3,
    });
    await customer.portal.decideDelay({ delayId: a.delayId, decision: "ACKNOWLEDGE" });
    await customer.portal.decideDelay({ delayId: b.delayId, decision: "ACKNOWLEDGE" });
    await customer.portal.decideDelay({
      delayId: c.delayId,
      decision: "DISPUTE",
      note: "The design was approved on time.",
    });
    const g = await guaranteeOf(projectId);
    // a and b were recorded moments apart: their 4-day pauses overlap almost entirely
    const moved = (g.endsAt.getTime() - start.endsAt.getTime()) / DAY;
    expect(moved).toBeGreaterThanOrEqual(4);
    expect(moved).toBeLessThan(4.01);
    expect(g.delays.map((d) => d.status).sort()).toEqual(["ACKNOWLEDGED", "ACKNOWLEDGED", "DISPUTED"]);
    const view = await lead.guarantees.forProject({ projectId });
    expect(view.clock.pausedDays).toBe(4);
    expect(view.clock.activeDays).toBe(30);
    expect(await auditOf(start.id, "guarantee.delay_disputed")).toBe(1);
  });

  it("refuses days ≤ 0, above the tenant's limit or absurd, and a dispute without a reason: 400, nothing written", async () => {
    const { projectId, guaranteeId } = await guaranteeProjectFor(f, { startDaysAgo: 10 });
    const lead = callerFor(f.users.TECH_LEAD);
    for (const days of [0, -2, 1.5, 10_000]) {
      const shape = await shapeOf(
        lead.guarantees.recordDelay({ projectId, reason: "Customer side blocked the work", days }),
        "guarantees.recordDelay",
      );
      expect(shape?.data.code, `${days} days`).toBe("BAD_REQUEST");
      expect(shape?.data.fieldErrors?.days, `${days} days`).toBeTruthy();
    }
    const over = await shapeOf(
      lead.guarantees.recordDelay({
        projectId,
        reason: "Customer side blocked the work",
        days: DEFAULT_GUARANTEE_CONFIG.delays.maxDaysPerDelay + 1,
      }),
      "guarantees.recordDelay",
    );
    expect(over?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { days: "A single delay is at most 30 days." },
    });
    expect(await testDb().guaranteeDelay.count({ where: { guaranteeId } })).toBe(0);

    const d = await lead.guarantees.recordDelay({ projectId, reason: "Customer side blocked the work", days: 2 });
    const bare = await shapeOf(
      callerFor(f.users.CUSTOMER).portal.decideDelay({ delayId: d.delayId, decision: "DISPUTE" }),
      "portal.decideDelay",
    );
    expect(bare?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { note: "Say why you dispute the delay (at least 5 characters)" },
    });
    expect((await testDb().guaranteeDelay.findUniqueOrThrow({ where: { id: d.delayId } })).status).toBe("PROPOSED");
  });

  it("only an approver of the project's own account decides a delay", async () => {
    const { projectId } = await guaranteeProjectFor(f, { startDaysAgo: 10 });
    const d = await callerFor(f.users.TECH_LEAD).guarantees.recordDelay({
      projectId,
      reason: "Customer side blocked the work",
      days: 2,
    });
    expect(await codeOf(callerFor(member).portal.decideDelay({ delayId: d.delayId, decision: "ACKNOWLEDGE" }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(
        callerFor(f.otherAccountCustomer).portal.decideDelay({ delayId: d.delayId, decision: "ACKNOWLEDGE" }),
      ),
    ).toBe("NOT_FOUND");
    expect((await testDb().guaranteeDelay.findUniqueOrThrow({ where: { id: d.delayId } })).status).toBe("PROPOSED");
  });
});

describe("final validation and enforcement at the clock's end", () => {
  it("records the outcome with 40/30/30 criteria, completes the project, alerts and notifies — once, however often it runs", async () => {
    const { projectId, guaranteeId } = await guaranteeProjectFor(f, { weeksMet: 4, coverage: 96.9, csat: [9, 10] });
    const running = await guaranteeProjectFor(f, { startDaysAgo: 5 });
    const now = new Date();
    const first = await enforceGuarantees(testDb(), now, { tenantId: f.tenant.id });
    expect(first.succeeded).toBeGreaterThanOrEqual(1);
    const g = await guaranteeOf(projectId);
    const outcome = readOutcome(g.outcome);
    expect(g.status).toBe("SUCCEEDED");
    expect(
      outcome?.criteria.map((c) => [c.key, c.weight, c.target, c.actual, c.achievementScore, c.weightedScore]),
    ).toEqual([
      ["mvp_delivered", 0.4, 100, 100, 100, 40],
      ["test_coverage", 0.3, 95, 96.9, 100, 30],
      ["customer_satisfaction", 0.3, 8.5, 9.5, 100, 30],
    ]);
    expect(outcome).toMatchObject({
      successScore: 100,
      threshold: 85,
      overallSuccess: true,
      trigger: "clock_end",
      caseStudyPotential: true,
      configVersion: 1,
    });
    expect((await testDb().project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe("COMPLETED");
    expect((await guaranteeOf(running.projectId)).status).toBe("ACTIVE");

    const second = await enforceGuarantees(testDb(), new Date(now.getTime() + 60_000), { tenantId: f.tenant.id });
    expect(second.evaluated).toBe(0);
    expect(await testDb().alert.count({ where: { projectId, kind: "GUARANTEE_MET", guaranteeId } })).toBe(1);
    expect(await auditOf(guaranteeId, "guarantee.succeeded")).toBe(1);
    expect(
      await testDb().notification.count({
        where: {
          userId: f.users.CUSTOMER.id,
          title: { contains: "met its success guarantee" },
          link: { contains: projectId },
        },
      }),
    ).toBe(1);
  });

  it("a failed guarantee opens the remedy choice, alerts and tells the executives; two runs at once decide it once", async () => {
    const { projectId, guaranteeId } = await guaranteeProjectFor(f, { weeksMet: 1, coverage: 84, csat: [6] });
    const now = new Date();
    const runs = await Promise.all([
      enforceGuarantees(concurrencyDb(), now, { tenantId: f.tenant.id }),
      enforceGuarantees(concurrencyDb(), now, { tenantId: f.tenant.id }),
    ]);
    expect(runs.reduce((s, r) => s + r.failed, 0)).toBe(1);
    const g = await guaranteeOf(projectId);
    // 25 × 0.4 = 10; 84 / 95 = 88.42 × 0.3 = 26.53; 6 / 8.5 = 70.59 × 0.3 = 21.18
    expect(readOutcome(g.outcome)).toMatchObject({ successScore: 57.71, overallSuccess: false });
    expect(g).toMatchObject({ status: "FAILED", remedy: null });
    expect(
      await testDb().alert.count({ where: { projectId, kind: "GUARANTEE_MISSED", severity: "HIGH", guaranteeId } }),
    ).toBe(1);
    expect(await auditOf(guaranteeId, "guarantee.failed")).toBe(1);
    expect(
      await testDb().notification.count({
        where: {
          userId: f.users.EXECUTIVE.id,
          title: { startsWith: "Guarantee not met" },
          link: { contains: projectId },
        },
      }),
    ).toBe(1);
    expect((await callerFor(f.users.CUSTOMER).portal.guarantee({ projectId })).remedyOpen).toBe(true);
  });

  it("is reproducible from the stored facts", async () => {
    const { projectId } = await decidedGuaranteeFor(f, "failure");
    // later data does not change the recorded outcome
    await testDb().evidence.create({ data: { tenantId: f.tenant.id, projectId, source: "API", coverage: 99 } });
    const r = await callerFor(f.users.CSM).guarantees.reproduce({ projectId });
    expect(r.identical).toBe(true);
    expect(r.recomputed.successScore).toBe(r.recorded.successScore);
  });

  it("the demo seed's decided guarantees were scored by this engine and reproduce exactly", async () => {
    await seedDemo(testDb(), new Date());
    const tenant = await testDb().tenant.findUniqueOrThrow({ where: { slug: "northwind-labs" } });
    const decided = await testDb().guarantee.findMany({
      where: { tenantId: tenant.id, status: { not: "ACTIVE" } },
      select: { projectId: true, status: true },
    });
    expect(decided.map((g) => g.status).sort()).toEqual(["FAILED", "REMEDIED", "SUCCEEDED", "SUCCEEDED"]);
    const ctx = { db: testDb(), tenantId: tenant.id, actorId: "", ip: "", requestId: "", now: new Date() };
    for (const g of decided) expect((await reproduceOutcome(ctx, g.projectId)).identical).toBe(true);
  });

  it("an executive may close a running guarantee early with a reason; it ends now and is audited", async () => {
    const { projectId, guaranteeId } = await guaranteeProjectFor(f, { startDaysAgo: 20, weeksMet: 2 });
    const now = new Date();
    const closed = await callerFor(f.users.EXECUTIVE, () => now).guarantees.closeEarly({
      projectId,
      reason: "Contract terminated by mutual agreement",
    });
    expect(closed.status).toBe("FAILED");
    const g = await guaranteeOf(projectId);
    expect(g.endsAt).toEqual(now);
    expect(readOutcome(g.outcome)).toMatchObject({
      trigger: "closed_early",
      closedReason: "Contract terminated by mutual agreement",
    });
    expect(
      await codeOf(callerFor(f.users.EXECUTIVE).guarantees.closeEarly({ projectId, reason: "Trying a second time" })),
    ).toBe("CONFLICT");
    expect(await auditOf(guaranteeId, "guarantee.failed")).toBe(1);
    expect(
      await codeOf(callerFor(f.users.TECH_LEAD).guarantees.closeEarly({ projectId, reason: "Not my call to make" })),
    ).toBe("FORBIDDEN");
  });
});

describe("the customer's remedy choice", () => {
  it("refuses a remedy on a met or running guarantee: 400, nothing written", async () => {
    const met = await decidedGuaranteeFor(f, "success");
    const running = await guaranteeProjectFor(f, { startDaysAgo: 5 });
    const customer = callerFor(f.users.CUSTOMER);
    const shape = await shapeOf(
      customer.portal.chooseRemedy({ projectId: met.projectId, remedy: "REFUND" }),
      "portal.chooseRemedy",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toBe("The guarantee was met, so there is no remedy to choose.");
    expect(await codeOf(customer.portal.chooseRemedy({ projectId: running.projectId, remedy: "REFUND" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await testDb().refund.count({ where: { guaranteeId: { in: [met.guaranteeId, running.guaranteeId] } } }),
    ).toBe(0);
    expect((await guaranteeOf(met.projectId)).remedy).toBeNull();
  });

  it("a refund claims the full amount, alerts the executives and is made once; another remedy afterwards is a conflict", async () => {
    const { projectId, guaranteeId } = await decidedGuaranteeFor(f, "failure");
    const customer = callerFor(f.users.CUSTOMER);
    const claimed = await customer.portal.chooseRemedy({ projectId, remedy: "REFUND" });
    expect(claimed).toMatchObject({ remedy: "REFUND", changed: true });
    const g = await guaranteeOf(projectId);
    expect(g).toMatchObject({ status: "FAILED", remedy: "REFUND" });
    expect(g.refunds.map((r) => [r.status, r.amountCents, r.version, r.claimedById])).toEqual([
      ["CLAIMED", 2_000_000, 0, f.users.CUSTOMER.id],
    ]);
    expect(
      await testDb().alert.count({ where: { projectId, kind: "REFUND_AWAITING_APPROVAL", resolvedAt: null } }),
    ).toBe(1);
    expect(await auditOf(guaranteeId, "guarantee.remedy_chosen")).toBe(1);
    expect(
      await testDb().notification.count({
        where: { userId: f.users.EXECUTIVE.id, title: { startsWith: "Refund claimed" } },
      }),
    ).toBeGreaterThan(0);

    expect(await customer.portal.chooseRemedy({ projectId, remedy: "REFUND" })).toMatchObject({
      changed: false,
      refundId: claimed.refundId,
    });
    expect(await codeOf(customer.portal.chooseRemedy({ projectId, remedy: "MIGRATION_ASSISTANCE" }))).toBe("CONFLICT");
    expect(await testDb().refund.count({ where: { guaranteeId } })).toBe(1);
  });

  it("refuses a negative or over-limit refund amount with a field error", async () => {
    const { projectId, guaranteeId } = await decidedGuaranteeFor(f, "failure");
    const customer = callerFor(f.users.CUSTOMER);
    for (const amountCents of [-5, 0]) {
      expect(
        (
          await shapeOf(
            customer.portal.chooseRemedy({ projectId, remedy: "REFUND", amountCents }),
            "portal.chooseRemedy",
          )
        )?.data.code,
      ).toBe("BAD_REQUEST");
    }
    const over = await shapeOf(
      customer.portal.chooseRemedy({ projectId, remedy: "REFUND", amountCents: 2_000_001 }),
      "portal.chooseRemedy",
    );
    expect(over?.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { amountCents: expect.stringContaining("At most 2000000 cents") as string },
    });
    expect(await testDb().refund.count({ where: { guaranteeId } })).toBe(0);
    expect((await guaranteeOf(projectId)).remedy).toBeNull();
  });

  it("continued development is agreed at once: a task for the technical lead, the project is active again", async () => {
    const { projectId } = await decidedGuaranteeFor(f, "failure");
    await callerFor(f.users.CUSTOMER).portal.chooseRemedy({
      projectId,
      remedy: "CONTINUED_DEVELOPMENT",
      note: "Please finish the reporting module.",
    });
    expect(await guaranteeOf(projectId)).toMatchObject({ status: "REMEDIED", remedy: "CONTINUED_DEVELOPMENT" });
    expect((await testDb().project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe("ACTIVE");
    const task = await testDb().actionItem.findFirstOrThrow({ where: { projectId, kind: "FOLLOW_UP" } });
    expect(task).toMatchObject({ assigneeId: f.users.TECH_LEAD.id, status: "OPEN" });
    expect(task.detail).toContain("Please finish the reporting module.");
  });

  it("only an approver of the project's own account chooses", async () => {
    const { projectId, guaranteeId } = await decidedGuaranteeFor(f, "failure");
    expect(await codeOf(callerFor(member).portal.chooseRemedy({ projectId, remedy: "REFUND" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(f.otherAccountCustomer).portal.chooseRemedy({ projectId, remedy: "REFUND" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(callerFor(f.users.CSM).portal.chooseRemedy({ projectId, remedy: "REFUND" }))).toBe("FORBIDDEN");
    expect(await testDb().refund.count({ where: { guaranteeId } })).toBe(0);
  });
});

describe("the success dossier", () => {
  it("documents a met guarantee for staff and for the customer; none for a failed one or another account", async () => {
    const { projectId } = await decidedGuaranteeFor(f, "success");
    // what GET /api/dossier/<projectId> renders: staff read any project of the tenant, a customer their account's
    const dossierOf = (tenantId: string, id: string, customerAccountId: string | null) =>
      successDossierFor({ db: testDb(), tenantId, now: new Date() }, id, customerAccountId);
    const staff = await dossierOf(f.tenant.id, projectId, null);
    expect(staff.projectSummary).toMatchObject({ successScore: 100, guaranteeThreshold: 85, successMargin: 15 });
    expect(staff.achievements.map((a) => a.criterion)).toEqual([
      "Functional MVP delivered within timeline",
      "95%+ test coverage maintained",
      "Customer satisfaction score ≥ 8.5/10",
    ]);
    expect(staff.stakeholderTestimonials).toEqual([`“Delivered what we needed.” — ${f.users.CUSTOMER.name}`]);
    expect(staff.caseStudy.potential).toBe(true);
    expect(staff.expansionOpportunities.map((o) => o.key)).toContain("additional_mvp_features");
    expect(await dossierOf(f.tenant.id, projectId, f.accountA.id)).toEqual({
      ...staff,
      issuedAt: expect.any(Date) as Date,
    });

    const failed = await decidedGuaranteeFor(f, "failure");
    expect(await codeOf(dossierOf(f.tenant.id, failed.projectId, f.accountA.id))).toBe("CONFLICT");
    expect(await codeOf(dossierOf(f.tenant.id, projectId, f.accountB.id))).toBe("NOT_FOUND");
  });
});

describe("guarantee configuration", () => {
  it("refuses weights that do not add up to 1: 400 with the reason, no new version", async () => {
    const admin = callerFor(f.users.ADMIN);
    const current = await admin.config.get({ kind: "guarantee" });
    const data = {
      ...DEFAULT_GUARANTEE_CONFIG,
      criteria: DEFAULT_GUARANTEE_CONFIG.criteria.map((c, i) => (i === 0 ? { ...c, weight: 0.5 } : c)),
    };
    const shape = await shapeOf(
      admin.config.update({ kind: "guarantee", data, expectedVersion: current.version }),
      "config.update",
    );
    expect(shape?.data.code).toBe("BAD_REQUEST");
    expect(shape?.message).toContain("The criteria weights must add up to 1 (they add up to 1.1)");
    expect((await admin.config.get({ kind: "guarantee" })).version).toBe(current.version);
  });
});

describe("tenant isolation", () => {
  it("another tenant's staff and customers find nothing", async () => {
    const other = await createTenantFixture(`guarantee-other-${randomUUID().slice(0, 4)}`);
    const { projectId } = await decidedGuaranteeFor(f, "success");
    expect(await codeOf(callerFor(other.users.EXECUTIVE).guarantees.forProject({ projectId }))).toBe("NOT_FOUND");
    expect(
      await codeOf(successDossierFor({ db: testDb(), tenantId: other.tenant.id, now: new Date() }, projectId, null)),
    ).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(other.users.CUSTOMER).portal.guarantee({ projectId }))).toBe("NOT_FOUND");
  });
});

describe("cron routes", () => {
  it("refuse a missing or wrong bearer secret with 401 and decide nothing", async () => {
    process.env.CRON_SECRET ??= "guarantee-cron-secret-0123456789";
    const { guaranteeId } = await guaranteeProjectFor(f, { weeksMet: 4 });
    for (const route of [guaranteesCron, accountScoresCron]) {
      for (const authorization of [null, "Bearer not-the-secret-at-all", `Basic ${process.env.CRON_SECRET}`]) {
        const res = await route(
          new Request("http://localhost/api/cron/x", { headers: authorization ? { authorization } : {} }),
        );
        expect(res.status).toBe(401);
      }
    }
    expect(
      (await guaranteeOf((await testDb().guarantee.findUniqueOrThrow({ where: { id: guaranteeId } })).projectId))
        .status,
    ).toBe("ACTIVE");
  });
});
