import { describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { callerFor, createTenantFixture, testDb } from "../helpers/fixtures";

/**
 * What triggers on HealthSnapshot keep for the dashboard (bench/README.md), whatever order snapshots arrive in
 * and whoever writes or removes them:
 * - CustomerAccount.latestHealth* (migration 20261203115243): each account's newest snapshot; the
 *   expansion list reads it for a range ending now and still looks the snapshot up for an earlier end;
 * - TenantHealthDay (migration 20261204021307): the tenant's snapshots summed per day, exact decimals;
 *   the expansion trend reads one row a day.
 */
const DAY = 86_400_000;
const dayOf = (now: Date, daysAgo: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY);

async function latestOf(accountId: string) {
  const a = await testDb().customerAccount.findUniqueOrThrow({ where: { id: accountId } });
  return {
    day: a.latestHealthDay?.toISOString().slice(0, 10) ?? null,
    score: a.latestHealthScore,
    expansion: a.latestExpansionScore,
  };
}

describe("an account's newest health snapshot", () => {
  it("follows inserts in any order, same-day recomputes and deletes", async () => {
    const now = new Date();
    const f = await createTenantFixture("latest-health", now);
    const db = testDb();
    const snap = (daysAgo: number, score: number, expansionScore: number | null) => ({
      tenantId: f.tenant.id,
      customerAccountId: f.accountA.id,
      day: dayOf(now, daysAgo),
      score,
      expansionScore,
      components: {},
    });
    expect(await latestOf(f.accountA.id)).toEqual({ day: null, score: null, expansion: null });

    await db.healthSnapshot.create({ data: snap(2, 50, 60) });
    await db.healthSnapshot.create({ data: snap(0, 70, 80) });
    await db.healthSnapshot.create({ data: snap(5, 10, 10) }); // an older day arriving late changes nothing
    expect(await latestOf(f.accountA.id)).toEqual({
      day: dayOf(now, 0).toISOString().slice(0, 10),
      score: 70,
      expansion: 80,
    });

    await db.healthSnapshot.update({
      where: { customerAccountId_day: { customerAccountId: f.accountA.id, day: dayOf(now, 0) } },
      data: { score: 72, expansionScore: null },
    });
    expect(await latestOf(f.accountA.id)).toEqual({
      day: dayOf(now, 0).toISOString().slice(0, 10),
      score: 72,
      expansion: null,
    });

    await db.healthSnapshot.delete({
      where: { customerAccountId_day: { customerAccountId: f.accountA.id, day: dayOf(now, 0) } },
    });
    expect(await latestOf(f.accountA.id)).toEqual({
      day: dayOf(now, 2).toISOString().slice(0, 10),
      score: 50,
      expansion: 60,
    });

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
        {
          tenantId: f.tenant.id,
          customerAccountId: f.accountA.id,
          day: dayOf(now, 20),
          score: 88,
          expansionScore: 91,
          components: {},
        },
        {
          tenantId: f.tenant.id,
          customerAccountId: f.accountA.id,
          day: dayOf(now, 1),
          score: 40,
          expansionScore: 12,
          components: {},
        },
        {
          tenantId: f.tenant.id,
          customerAccountId: f.accountB.id,
          day: dayOf(now, 1),
          score: 95,
          expansionScore: 85,
          components: {},
        },
      ],
    });
    const exec = callerFor(f.users.EXECUTIVE, () => now);

    const current = await exec.dashboard.summary({ range: { days: 90 } });
    expect(current.opportunities.expansion.map((o) => o.title)).toEqual([f.accountB.name]);
    expect(current.opportunities.expansion[0]?.reason).toContain("health 95, expansion potential 85");

    const earlier = await exec.dashboard.summary({
      range: { from: new Date(now.getTime() - 60 * DAY), to: new Date(now.getTime() - 10 * DAY) },
    });
    expect(earlier.opportunities.expansion.map((o) => o.title)).toEqual([f.accountA.name]);
    expect(earlier.opportunities.expansion[0]?.reason).toContain("health 88, expansion potential 91");
  });
});

type DayRow = {
  day: string;
  snapshots: number;
  scoreSum: string;
  expansionSnapshots: number;
  expansionScoreSum: string;
};
const daysOf = (tenantId: string) => testDb().$queryRaw<DayRow[]>`
  SELECT to_char(day, 'YYYY-MM-DD') AS day, snapshots, "scoreSum"::text AS "scoreSum", "expansionSnapshots", "expansionScoreSum"::text AS "expansionScoreSum"
  FROM "TenantHealthDay" WHERE "tenantId" = ${tenantId} ORDER BY day`;
const num = (x: string) => Number(x);

describe("the tenant's daily health sums", () => {
  it("follow inserts, updates and deletes exactly, and drop a day left without snapshots", async () => {
    const now = new Date();
    const f = await createTenantFixture("health-days", now);
    const db = testDb();
    const key = (accountId: string, daysAgo: number) => ({
      customerAccountId_day: { customerAccountId: accountId, day: dayOf(now, daysAgo) },
    });
    const snap = (accountId: string, daysAgo: number, score: number, expansionScore: number | null) => ({
      tenantId: f.tenant.id,
      customerAccountId: accountId,
      day: dayOf(now, daysAgo),
      score,
      expansionScore,
      components: {},
    });
    const d0 = dayOf(now, 0).toISOString().slice(0, 10);
    const d3 = dayOf(now, 3).toISOString().slice(0, 10);

    await db.healthSnapshot.create({ data: snap(f.accountA.id, 0, 70.1, 80.3) });
    await db.healthSnapshot.createMany({ data: [snap(f.accountB.id, 0, 60.2, null), snap(f.accountA.id, 3, 50, 40)] });
    expect(
      (await daysOf(f.tenant.id)).map((r) => [
        r.day,
        r.snapshots,
        num(r.scoreSum),
        r.expansionSnapshots,
        num(r.expansionScoreSum),
      ]),
    ).toEqual([
      [d3, 1, 50, 1, 40],
      [d0, 2, 130.3, 1, 80.3],
    ]);

    // a same-day recompute (the account-scores job's upsert): the old values out, the new in — exactly
    await db.healthSnapshot.update({ where: key(f.accountA.id, 0), data: { score: 71.7, expansionScore: null } });
    await db.healthSnapshot.update({ where: key(f.accountB.id, 0), data: { expansionScore: 33.3 } });
    expect((await daysOf(f.tenant.id)).at(-1)).toEqual({
      day: d0,
      snapshots: 2,
      scoreSum: "131.900000000000000000000000000000",
      expansionSnapshots: 1,
      expansionScoreSum: "33.300000000000000000000000000000",
    });

    await db.healthSnapshot.delete({ where: key(f.accountA.id, 3) });
    expect((await daysOf(f.tenant.id)).map((r) => r.day)).toEqual([d0]);
    await db.healthSnapshot.deleteMany({ where: { tenantId: f.tenant.id } });
    expect(await daysOf(f.tenant.id)).toEqual([]);
  });

  it("go with their tenant: deleting a tenant that has snapshots deletes its day rows", async () => {
    const db = testDb();
    const tenant = await db.tenant.create({ data: { slug: `health-days-gone-${Date.now()}`, name: "Gone Ltd" } });
    const account = await db.customerAccount.create({ data: { tenantId: tenant.id, name: "Gone account" } });
    await db.healthSnapshot.create({
      data: {
        tenantId: tenant.id,
        customerAccountId: account.id,
        day: dayOf(new Date(), 0),
        score: 50,
        expansionScore: 50,
        components: {},
      },
    });
    expect(await daysOf(tenant.id)).toHaveLength(1);
    await db.tenant.delete({ where: { id: tenant.id } });
    expect(await daysOf(tenant.id)).toEqual([]);
  });

  it("agree with the snapshots for every tenant and day in the database", async () => {
    await seedDemo(testDb(), new Date()); // a no-op when an earlier test file seeded already
    const rows = await testDb().$queryRaw<{ n: number; days: number }[]>`
      SELECT count(*) FILTER (WHERE (s.snapshots, s.score_sum, s.expansion_snapshots, s.expansion_sum)
                                    IS DISTINCT FROM (d.snapshots, d."scoreSum", d."expansionSnapshots", d."expansionScoreSum"))::int AS n,
             count(*)::int AS days
      FROM (SELECT "tenantId", day, count(*)::int AS snapshots, sum(score::numeric) AS score_sum,
                   count("expansionScore")::int AS expansion_snapshots, COALESCE(sum("expansionScore"::numeric), 0) AS expansion_sum
            FROM "HealthSnapshot" GROUP BY 1, 2) s
      FULL JOIN "TenantHealthDay" d ON d."tenantId" = s."tenantId" AND d.day = s.day`;
    expect(rows[0]?.n).toBe(0);
    expect(rows[0]?.days).toBeGreaterThan(0);
  });

  it("give the expansion trend the mean of the snapshots in each bucket", async () => {
    const now = new Date();
    const f = await createTenantFixture("health-days-trend", now);
    const values: [string, number, number | null][] = [
      [f.accountA.id, 1, 61.2],
      [f.accountB.id, 1, 70.4],
      [f.accountA.id, 2, null],
      [f.accountA.id, 9, 20],
      [f.accountB.id, 9, 33.3],
      [f.accountA.id, 25, 90],
    ];
    await testDb().healthSnapshot.createMany({
      data: values.map(([accountId, daysAgo, expansionScore]) => ({
        tenantId: f.tenant.id,
        customerAccountId: accountId,
        day: dayOf(now, daysAgo),
        score: 50,
        expansionScore,
        components: {},
      })),
    });
    const trends = await callerFor(f.users.EXECUTIVE, () => now).dashboard.trends({ range: { days: 30 } });
    const expected = trends.points.map((p) => {
      const inside = values
        .filter(([, daysAgo, x]) => x !== null && dayOf(now, daysAgo) >= p.from && dayOf(now, daysAgo) < p.to)
        .map(([, , x]) => x as number);
      return inside.length ? Math.round((inside.reduce((a, b) => a + b, 0) / inside.length) * 10) / 10 : null;
    });
    expect(trends.points.map((p) => p.expansionScore)).toEqual(expected);
    expect(expected.filter((x) => x !== null).length).toBeGreaterThanOrEqual(2);
  });
});
