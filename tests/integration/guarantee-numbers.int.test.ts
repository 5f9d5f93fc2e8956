import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTenantFixture, guaranteeProjectFor, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * One days-left number for a guarantee (docs/guarantee-clock.md): the portal project page, the portal
 * guarantee page and the staff guarantee page read the same clock; never more than the guarantee's
 * length; a clock that has not started says when it starts. The projection of a running guarantee says
 * what it assumes.
 */
const DAY = 86_400_000;
let f: TenantFixture;
let now: Date;

beforeAll(async () => {
  now = new Date();
  f = await createTenantFixture("days-left", now);
});

async function screens(projectId: string) {
  const portalProject = await callerFor(f.users.CUSTOMER, () => now).portal.project({ projectId });
  const portalGuarantee = await callerFor(f.users.CUSTOMER, () => now).portal.guarantee({ projectId });
  const staff = await callerFor(f.users.CSM, () => now).guarantees.forProject({ projectId });
  return { portalProject, portalGuarantee, staff };
}

describe("guarantee days left", () => {
  it("is the same whole number on every screen (13.5 days to run reads 14 everywhere)", async () => {
    const { projectId } = await guaranteeProjectFor(f, { startDaysAgo: 16.5, days: 30, now });
    const s = await screens(projectId);
    expect(s.portalProject.progress.guaranteeDaysLeft).toBe(14);
    expect(s.portalGuarantee.clock.daysLeft).toBe(14);
    expect(s.staff.clock.daysLeft).toBe(14);
  });

  it("counts an acknowledged delay's pause on the portal project page too", async () => {
    const { projectId, guaranteeId } = await guaranteeProjectFor(f, { startDaysAgo: 10, days: 30, now });
    // a 2-day delay acknowledged yesterday: paused until tomorrow, the end moved by 2 days
    await testDb().guaranteeDelay.create({
      data: {
        tenantId: f.tenant.id,
        guaranteeId,
        reason: "Waiting for API keys",
        days: 2,
        status: "ACKNOWLEDGED",
        createdAt: new Date(now.getTime() - DAY),
      },
    });
    await testDb().guarantee.update({
      where: { id: guaranteeId },
      data: { endsAt: new Date(now.getTime() + 22 * DAY) },
    });
    const s = await screens(projectId);
    expect(s.staff.clock).toMatchObject({ state: "paused", daysLeft: 21 });
    expect(s.portalGuarantee.clock.daysLeft).toBe(21);
    expect(s.portalProject.progress.guaranteeDaysLeft).toBe(21);
  });

  it("never exceeds the guarantee's length: a clock that starts in two days has 30 days left and says when it starts", async () => {
    const { projectId } = await guaranteeProjectFor(f, { startDaysAgo: -1.5, days: 30, now });
    const s = await screens(projectId);
    const startsAt = new Date(now.getTime() + 1.5 * DAY);
    expect(s.staff.clock).toMatchObject({ state: "not_started", daysLeft: 30, startsAt });
    expect(s.staff.clock.explanation).toContain(`not started: starts ${startsAt.toISOString().slice(0, 10)}`);
    expect(s.portalGuarantee.clock).toMatchObject({ state: "not_started", daysLeft: 30 });
    expect(s.portalProject.progress).toMatchObject({ guaranteeDaysLeft: 30, guaranteeStartsAt: startsAt });
  });
});

describe("the projection of a running guarantee", () => {
  it("says what it assumes: unfinished weeks count as not delivered yet, a criterion without data counts 0", async () => {
    const { projectId } = await guaranteeProjectFor(f, { startDaysAgo: 16.5, days: 30, now, coverage: null });
    const g = await callerFor(f.users.CUSTOMER, () => now).portal.guarantee({ projectId });
    expect(g.preview?.overallSuccess).toBe(false);
    expect(g.preview?.assumptions).toEqual([
      "2 of 4 weekly milestones are not validated yet and count as not delivered until they are.",
      // the fixture's coverage report is withheld and its CSAT answer falls after today
      ...(g.preview?.criteria ?? [])
        .filter((c) => c.metric !== "delivery")
        .map((c) => `${c.name}: no data yet, so it counts 0 until there is.`),
    ]);
    const staff = await callerFor(f.users.CSM, () => now).guarantees.forProject({ projectId });
    expect(staff.preview?.assumptions).toEqual(g.preview?.assumptions);
  });
});
