import { describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { callerFor, createTenantFixture, testDb } from "../helpers/fixtures";

/**
 * CustomerAccount.latestHealth* (migration 20261203115243): a trigger on HealthSnapshot keeps each
 * account's newest snapshot on the account, whatever order snapshots arrive in and whoever writes or
 * removes them; the dashboard's expansion list reads it for a range ending now and still looks the
 * snapshot up for a range that ends earlier.
 */
const DAY = 86_400_000;
const dayOf = (now: Date, daysAgo: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY);

async function latestOf(accountId: string) {
  const a = await testDb().customerAccount.findUniqueOrThrow({ where: { id: accountId } });
  return { day: a.latestHealthDay?.toISOString().slice(0, 10) ?? null, score: a.latestHealthScore, expansion: a.latestExpansionScore };
}

describe("an account's newest health snapshot", () => {
  it("follows inserts in any order, same-day recomputes and deletes", async () => {
    const now = new Date();
    const f = await createTenantFixture("latest-health", now);
    const db = testDb();
    const snap = (daysAgo: number, score: number, expansionScore: number | null) =>
      ({ tenantId: f.tenant.id, customerAccountId: f.accountA.id, day: dayOf(now, daysAgo), score, expansionScore, components: {} });
    expect(await latestOf(f.accountA.id)).toEqual({ day: null, score: null, expansion: null });

    await db.healthSnapshot.create({ data: snap(2, 50, 60) });
    await db.healthSnapshot.create({ data: snap(0, 70, 80) });
    await db.healthSnapshot.create({ data: snap(5, 10, 10) }); // an older day arriving late changes nothing
    expect(await latestOf(f.accountA.id)).toEqual({ day: dayOf(now, 0).toISOString().slice(0, 10), score: 70, expansion: 80 });

    await db.healthSnapshot.update({ where: { customerAccountId_day: { customerAccountId: f.accountA.id, day: dayOf(now, 0) } }, data: { score: 72, expansionScore: null } });
    expect(await latestOf(f.accountA.id)).toEqual({ day: dayOf(now, 0).toISOString().slice(0, 10), score: 72, expansion: null });

    await db.healthSnapshot.delete({ where: { customerAccountId_day: { customerAccountId: f.accountA.id, day: dayOf(now, 0) } } });
    expect(await latestOf(f.accountA.id)).toEqual({ day: dayOf(now, 2).toISOString().slice(0, 10), score: 50, expansion: 60 });

    await db.healthSnapshot.deleteMany({ where: { customerAccountId: f.accountA.id } });
    expect(await latestOf(f.accountA.id)).toEqual({ day: null, score: null, expansion: null });
    expect(await latestOf(f.accountB.id)).toEqual({ day: null, score: null, expansion: null });
  });

  it("agrees with the snapshots for every account in the database (seeded, job-written and test-written alike)", async () => {
    await seedDemo(testDb(), new Date()); // a no-op when an earlier test file seeded already
    const rows = await testDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "CustomerAccount" a
      LEFT JOIN LATERAL (SELECT day, score, "expansionScore" FROM "HealthSnapshot" h
                         WHERE h."customerAccountId" = a.id ORDER BY day DESC LIMIT 1) h ON true
      WHERE (a."latestHealthDay", a."latestHealthScore", a."latestExpansionScore") IS DISTINCT FROM (h.day, h.score, h."expansionScore")`;
    expect(rows[0]?.n).toBe(0);
    expect(await testDb().customerAccount.count({ where: { latestHealthDay: { not: null } } })).toBeGreaterThan(0);
  });
});

describe("the dashboard's expansion list", () => {
  it("uses the newest snapshot before the range's end: the account's own copy for a range ending now, a lookup for an earlier end", async () => {
    const now = new Date();
    const f = await createTenantFixture("latest-health-dash", now);
    const db = testDb();
    await db.healthSnapshot.createMany({
      data: [
        { tenantId: f.tenant.id, customerAccountId: f.accountA.id, day: dayOf(now, 20), score: 88, expansionScore: 91, components: {} },
        { tenantId: f.tenant.id, customerAccountId: f.accountA.id, day: dayOf(now, 1), score: 40, expansionScore: 12, components: {} },
        { tenantId: f.tenant.id, customerAccountId: f.accountB.id, day: dayOf(now, 1), score: 95, expansionScore: 85, components: {} },
      ],
    });
    const exec = callerFor(f.users.EXECUTIVE, () => now);

    const current = await exec.dashboard.summary({ range: { days: 90 } });
    expect(current.opportunities.expansion.map((o) => o.title)).toEqual([f.accountB.name]);
    expect(current.opportunities.expansion[0]?.reason).toContain("health 95, expansion potential 85");

    const earlier = await exec.dashboard.summary({ range: { from: new Date(now.getTime() - 60 * DAY), to: new Date(now.getTime() - 10 * DAY) } });
    expect(earlier.opportunities.expansion.map((o) => o.title)).toEqual([f.accountA.name]);
    expect(earlier.opportunities.expansion[0]?.reason).toContain("health 88, expansion potential 91");
  });
});
