import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import type { SessionUser } from "@/server/auth/session-user";
import { closeCountingClients, countingCaller } from "../helpers/counting-caller";
import { callerFor, createTenantFixture, sessionUserOf, testDb, type TenantFixture } from "../helpers/fixtures";

const DAY = 86_400_000;

/** The latest Wednesday 12:00 UTC not after now: the fixture's milestones then fall on fixed weekdays. */
function lastWednesdayNoon(): Date {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  while (d.getUTCDay() !== 3 || d.getTime() > Date.now()) d.setTime(d.getTime() - DAY);
  return d;
}

const NOW = lastWednesdayNoon();
let a: TenantFixture;
let b: TenantFixture;
let completedId: string;
const as = (user: SessionUser) => callerFor(user, () => NOW);

async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

beforeAll(async () => {
  a = await createTenantFixture("portal-a", NOW);
  b = await createTenantFixture("portal-b", NOW);
  const db = testDb();
  const t = a.tenant.id;
  // tenant A extras: B at risk, an old completed project in account A, alerts, refunds, leads, tasks
  await db.project.update({ where: { id: a.projectB.id }, data: { status: "AT_RISK" } });
  const completed = await db.project.create({
    data: {
      tenantId: t,
      customerAccountId: a.accountA.id,
      name: `Old ${a.tag}`,
      serviceType: "MVP_DEVELOPMENT",
      tierKey: "startup_mvp",
      contractValueCents: 1_000_000,
      status: "COMPLETED",
      startDate: new Date(NOW.getTime() - 120 * DAY),
      targetEndDate: new Date(NOW.getTime() - 90 * DAY),
      createdAt: new Date(NOW.getTime() - 120 * DAY),
    },
  });
  completedId = completed.id;
  await db.alert.createMany({
    data: [
      { tenantId: t, severity: "HIGH", kind: "MILESTONE_FAILED", message: "late" },
      { tenantId: t, severity: "HIGH", kind: "MILESTONE_FAILED", message: "later" },
      { tenantId: t, severity: "INFO", kind: "GUARANTEE_MET", message: "fyi" },
      { tenantId: t, severity: "CRITICAL", kind: "REFUND_AWAITING_APPROVAL", message: "done", resolvedAt: NOW },
    ],
  });
  const guarantees = await db.guarantee.findMany({
    where: { tenantId: t },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await db.refund.createMany({
    data: guarantees.flatMap((g, i) => [
      { tenantId: t, guaranteeId: g.id, amountCents: 100, status: i === 0 ? "CLAIMED" : "UNDER_REVIEW" } as const,
      { tenantId: t, guaranteeId: g.id, amountCents: 100, status: "PAID" } as const,
    ]),
  });
  await db.lead.createMany({
    data: [
      { tenantId: t, company: "Low", contactName: "L", contactEmail: "l@x.test", stage: "NEW", latestScore: 40 },
      { tenantId: t, company: "High", contactName: "H", contactEmail: "h@x.test", stage: "NEW", latestScore: 80 },
      { tenantId: t, company: "Top", contactName: "T", contactEmail: "t@x.test", stage: "QUALIFIED", latestScore: 90 },
      { tenantId: t, company: "Gone", contactName: "G", contactEmail: "g@x.test", stage: "LOST", latestScore: 99 },
    ],
  });
  await db.actionItem.createMany({
    data: [
      { tenantId: t, kind: "FOLLOW_UP", title: "call", assigneeId: a.users.CSM.id },
      { tenantId: t, kind: "FOLLOW_UP", title: "mail", assigneeId: a.users.CSM.id },
      { tenantId: t, kind: "FOLLOW_UP", title: "done", assigneeId: a.users.CSM.id, status: "DONE" },
      { tenantId: t, kind: "FOLLOW_UP", title: "admin's", assigneeId: a.users.ADMIN.id },
    ],
  });
});

describe("portal.projects", () => {
  it("lists only the customer's own account's projects, each with its progress", async () => {
    const projects = await as(a.users.CUSTOMER).portal.projects();
    expect(projects.map((p) => p.id)).toEqual([a.projectA.id, completedId]);
    expect(projects[0]?.progress).toMatchObject({
      totalWeeks: 4,
      metWeeks: 1,
      progressPercent: 25,
      currentWeek: 2,
      overdueWeeks: [],
    });
    expect(projects[0]?.progress.explanation).toContain("1 of 4 weekly milestones met (25%)");
    expect(projects[1]?.progress).toMatchObject({ totalWeeks: 0, progressPercent: 0 });
  });

  it("another account's customer of the same tenant sees only their project; another tenant's only theirs", async () => {
    expect((await as(a.otherAccountCustomer).portal.projects()).map((p) => p.id)).toEqual([a.projectB.id]);
    expect((await as(b.users.CUSTOMER).portal.projects()).map((p) => p.id)).toEqual([b.projectA.id]);
  });
});

describe("portal.project", () => {
  it("shows the customer's project with milestones, criteria and days left on the guarantee", async () => {
    const project = await as(a.users.CUSTOMER).portal.project({ projectId: a.projectA.id });
    expect(project.id).toBe(a.projectA.id);
    expect(project.milestones.map((m) => m.weekNumber)).toEqual([1, 2, 3, 4]);
    expect(project.milestones[0]?.criteria.map((c) => c.name)).toEqual([
      "Requirements Analysis Complete",
      "System Architecture Designed",
    ]);
    expect(project.progress.guaranteeDaysLeft).toBe(20); // guarantee ends 30 days after a start 10 days ago
    expect(project.progress.explanation).toContain("20 days left on the 30-day guarantee");
    expect(project).not.toHaveProperty("contractValueCents");
  });

  it.each([
    ["another account's project of the same tenant", () => a.users.CUSTOMER, () => a.projectB.id],
    ["a project id that does not exist", () => a.users.CUSTOMER, () => "c0000000000000000000000000"],
    ["another tenant's customer asking for this project", () => b.users.CUSTOMER, () => a.projectA.id],
  ])("is NOT_FOUND for %s", async (_label, user, projectId) => {
    expect(await code(as(user()).portal.project({ projectId: projectId() }))).toBe("NOT_FOUND");
  });

  it.each([[{ projectId: "" }], [{ projectId: "   " }], [{ projectId: 5 }], [{}], [{ projectId: "x".repeat(65) }]])(
    "refuses the input %j as BAD_REQUEST",
    async (input) => {
      expect(await code(as(a.users.CUSTOMER).portal.project(input as never))).toBe("BAD_REQUEST");
    },
  );
});

describe("the portal project page's cost", () => {
  afterAll(closeCountingClients);

  it("is one statement for the project and one for its surveys, however many milestones, criteria, sign-offs and surveys it has", async () => {
    await seedDemo(testDb(), new Date()); // a no-op when an earlier test file seeded already
    // the demo's customer project with the most sign-offs (15 criteria, 6 sign-offs, 12 surveys in the seed)
    // against the fixture's small project (8 criteria, no sign-off, no survey)
    const big = await testDb().project.findFirstOrThrow({
      where: { tenant: { slug: "northwind-labs" }, customerAccount: { stakeholders: { some: { role: "CUSTOMER" } } } },
      orderBy: { signOffs: { _count: "desc" } },
      select: { id: true, customerAccountId: true, _count: { select: { signOffs: true, surveys: true } } },
    });
    expect(big._count.signOffs).toBeGreaterThan(1);
    expect(big._count.surveys).toBeGreaterThan(1);
    const bigCustomer = await sessionUserOf(
      { role: "CUSTOMER", customerAccountId: big.customerAccountId },
      "portal-cost-test",
    );
    const counts = [];
    for (const [user, projectId] of [
      [a.users.CUSTOMER, a.projectA.id],
      [bigCustomer, big.id],
    ] as const) {
      const { count, caller } = countingCaller(user, () => NOW);
      expect((await caller.portal.project({ projectId })).id).toBe(projectId);
      counts.push([
        await count((c) => c.portal.project({ projectId })),
        await count((c) => c.portal.surveys({ projectId })),
      ]);
    }
    expect(counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe("overview", () => {
  it.each(["ADMIN", "EXECUTIVE", "CSM"] as const)(
    "pipeline as %s: leads by stage, open leads by score, own open tasks",
    async (role) => {
      const res = await as(a.users[role]).overview.pipeline();
      expect([...res.byStage].sort((x, y) => x.stage.localeCompare(y.stage))).toEqual([
        { stage: "LOST", count: 1 },
        { stage: "NEW", count: 3 }, // two of this test's plus the fixture's unscored lead
        { stage: "QUALIFIED", count: 1 },
      ]);
      // unscored leads sort last
      expect(res.topLeads.map((l) => l.company)).toEqual(["Top", "High", "Low", a.lead.company]);
      expect(res.myOpenTasks).toBe({ ADMIN: 1, EXECUTIVE: 0, CSM: 2 }[role]);
    },
  );

  it("another tenant's pipeline holds only its own fixture lead", async () => {
    const res = await as(b.users.CSM).overview.pipeline();
    expect(res.byStage).toEqual([{ stage: "NEW", count: 1 }]);
    expect(res.topLeads.map((l) => l.id)).toEqual([b.lead.id]);
    expect(res.myOpenTasks).toBe(0);
  });

  it.each(["ADMIN", "EXECUTIVE", "CSM", "TECH_LEAD"] as const)(
    "delivery as %s: in-progress projects of this tenant and this week's milestones",
    async (role) => {
      const res = await as(a.users[role]).overview.delivery();
      expect(res.projects.map((p) => p.id).sort()).toEqual([a.projectA.id, a.projectB.id].sort());
      expect(res.projects.find((p) => p.id === a.projectA.id)?.customerAccount.name).toBe(a.accountA.name);
      expect(res.dueThisWeek).toBe(2); // week 2 of each project is due this Sunday
      expect(res.failingGates).toBe(0);
    },
  );

  it("another tenant's delivery view has its own two projects and none of this tenant's", async () => {
    const res = await as(b.users.TECH_LEAD).overview.delivery();
    expect(res.projects.map((p) => p.id).sort()).toEqual([b.projectA.id, b.projectB.id].sort());
  });
});
