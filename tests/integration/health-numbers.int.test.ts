import { beforeAll, describe, expect, it } from "vitest";
import { snapshotHealth } from "@/server/services/retention-jobs";
import { utcDay } from "@/server/services/retention";
import { callerFor, createTenantFixture, guaranteeProjectFor, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * Health numbers that must agree (docs/health.md): the account list and the account page show the same
 * current score; the list sorts, filters and pages in SQL; an account without data is not scored (and gets
 * no plan) instead of being put on at-risk recovery; every scored account has a plan or says why not.
 */
const DAY = 86_400_000;
let f: TenantFixture;
let now: Date;

beforeAll(async () => {
  now = new Date();
  f = await createTenantFixture("health-numbers", now);
  await guaranteeProjectFor(f, { weeksMet: 3, csat: [8, 9] });
});

describe("one score: the list and the account page", () => {
  it("agree after the facts change later the same day (the daily run replaces the day's score)", async () => {
    await snapshotHealth(testDb(), now, { tenantId: f.tenant.id });
    const csm = callerFor(f.users.CSM, () => now);
    const before = (await csm.retention.accounts({ sort: "name" })).accounts.find(
      (a) => a.id === f.accountA.id,
    )?.health;
    expect(before).toEqual(expect.any(Number));

    // two escalations later that day: the score drops
    for (const kind of ["QUALITY_ESCALATION_CODE", "QUALITY_ESCALATION_DELIVERY"] as const) {
      await testDb().alert.create({
        data: {
          tenantId: f.tenant.id,
          customerAccountId: f.accountA.id,
          severity: "HIGH",
          kind,
          message: "Escalated",
          createdAt: new Date(now.getTime() + 60_000),
        },
      });
    }
    const later = new Date(now.getTime() + 2 * 60_000);
    const run = await snapshotHealth(testDb(), later, { tenantId: f.tenant.id });
    expect(run.snapshots).toBe(1);

    const at = callerFor(f.users.CSM, () => later);
    const listed = (await at.retention.accounts({ sort: "name" })).accounts.find((a) => a.id === f.accountA.id)?.health;
    const page = await at.retention.account({ accountId: f.accountA.id });
    expect(listed).toBeLessThan(before ?? 0);
    expect(page.current?.score).toBe(listed);
    expect(page.live.health.score).toBe(listed);
    expect(page.factsChanged).toBe(false);
    expect(await testDb().healthSnapshot.count({ where: { customerAccountId: f.accountA.id } })).toBe(1);
  });
});

describe("the account list in SQL", () => {
  it("sorts by health over every account, not the alphabetically first 1 000", async () => {
    const g = await createTenantFixture("health-many", now);
    const day = utcDay(now);
    const names = Array.from({ length: 1_001 }, (_, i) => `Acct ${String(i).padStart(4, "0")}`);
    await testDb().customerAccount.createMany({ data: names.map((name) => ({ tenantId: g.tenant.id, name })) });
    await testDb().customerAccount.create({ data: { tenantId: g.tenant.id, name: "Zephyr Worst" } });
    const all = await testDb().customerAccount.findMany({
      where: { tenantId: g.tenant.id, name: { in: [...names, "Zephyr Worst"] } },
      select: { id: true, name: true },
    });
    await testDb().healthSnapshot.createMany({
      data: all.map((a) => ({
        tenantId: g.tenant.id,
        customerAccountId: a.id,
        day,
        score: a.name === "Zephyr Worst" ? 3 : 50 + (Number(a.name.slice(-4)) % 40),
        expansionScore: 40,
        components: {},
      })),
    });
    const csm = callerFor(g.users.CSM, () => now);
    const lowest = await csm.retention.accounts({ sort: "health_asc" });
    expect(lowest.accounts[0]).toMatchObject({ name: "Zephyr Worst", health: 3 });
    expect(lowest.accounts).toHaveLength(25);
    expect(lowest.total).toBe(1_004); // with the fixture's own two accounts, not scored: they sort last
    const last = await csm.retention.accounts({ sort: "health_asc", page: lowest.pages, pageSize: 25 });
    expect(last.accounts.map((a) => a.health).slice(-2)).toEqual([null, null]);
    const highest = await csm.retention.accounts({ sort: "health_desc", pageSize: 3 });
    expect(highest.accounts.map((a) => a.health)).toEqual([89, 89, 89]);

    const atRisk = await csm.retention.accounts({ sort: "health_asc", band: "at_risk", pageSize: 100 });
    expect(atRisk.total).toBe(502); // 501 of the 1 001 score 50–69, plus the worst
    expect(atRisk.accounts.every((a) => (a.health ?? 100) < 70)).toBe(true);
    const unscored = await csm.retention.accounts({ sort: "name", band: "unscored" });
    expect(unscored.accounts.map((a) => a.id).sort()).toEqual([g.accountA.id, g.accountB.id].sort());
  });
});

describe("no data is not zero", () => {
  it("does not score (nor put on at-risk recovery) an account with nothing known yet, and the list says why", async () => {
    const g = await createTenantFixture("health-new", now);
    // account B: a customer invited today, a project kicked off, nothing delivered, surveyed or used yet
    const run = await snapshotHealth(testDb(), now, { tenantId: g.tenant.id });
    expect(run).toMatchObject({ accounts: 2, snapshots: 0, plans: 0, errors: 0 });
    expect(await testDb().retentionPlan.count({ where: { customerAccountId: g.accountB.id } })).toBe(0);
    expect(await testDb().alert.count({ where: { customerAccountId: g.accountB.id, kind: "ACCOUNT_AT_RISK" } })).toBe(
      0,
    );

    const csm = callerFor(g.users.CSM, () => now);
    const page = await csm.retention.account({ accountId: g.accountB.id });
    expect(page.live.health.score).toBeNull();
    expect(page.live.health.components.find((c) => c.key === "engagement")).toMatchObject({
      available: false,
      display: null,
    });
    expect(page.current).toBeNull();
    expect(page.noPlanReason).toMatch(/^Not scored yet/);
    const row = (await csm.retention.accounts({ sort: "name" })).accounts.find((a) => a.id === g.accountB.id);
    expect(row).toMatchObject({
      health: null,
      strategy: null,
      noPlanReason: expect.stringMatching(/^Not scored yet/) as string,
    });
    expect((await csm.retention.recompute({ accountId: g.accountB.id })).planId).toBeNull();
  });

  it("counts a failed project in the relationship depth instead of “no project yet”", async () => {
    const g = await createTenantFixture("health-failed", now);
    await testDb().project.update({ where: { id: g.projectB.id }, data: { status: "FAILED" } });
    const page = await callerFor(g.users.CSM, () => now).retention.account({ accountId: g.accountB.id });
    const relationship = page.live.expansion.factors.find((x) => x.key === "relationship");
    expect(relationship).toMatchObject({ available: true, score: 30 });
    expect(relationship?.reason).not.toMatch(/No project yet/);
  });
});

describe("every account in a strategy band has a plan or says why not", () => {
  it("plans an account whose day was already scored without a plan", async () => {
    const g = await createTenantFixture("health-plan", now);
    const { projectId } = await guaranteeProjectFor(g, { weeksMet: 2, csat: [6] });
    expect(projectId).toBeTruthy();
    // the day's score recorded earlier (an import or an earlier run), but no plan made
    await testDb().healthSnapshot.create({
      data: {
        tenantId: g.tenant.id,
        customerAccountId: g.accountA.id,
        day: utcDay(now),
        score: 62,
        expansionScore: 40,
        components: {},
      },
    });
    const csm = callerFor(g.users.CSM, () => now);
    const before = (await csm.retention.accounts({ sort: "name" })).accounts.find((a) => a.id === g.accountA.id);
    expect(before).toMatchObject({ strategy: null, noPlanReason: expect.stringMatching(/^No plan yet/) as string });
    await snapshotHealth(testDb(), new Date(now.getTime() + DAY / 24), { tenantId: g.tenant.id });
    const after = (await csm.retention.accounts({ sort: "name" })).accounts.find((a) => a.id === g.accountA.id);
    expect(after?.strategy).not.toBeNull();
    expect(after?.noPlanReason).toBeNull();
  });
});
