import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { TENANT_AGE_DAYS } from "@/prisma/seed/org";
import type { SessionUser } from "@/server/auth/session-user";
import { computeKpis } from "@/domain/dashboard/kpis";
import { KPI_IDS } from "@/domain/dashboard/targets";
import { closeCountingClients, countingCaller as countingCallerAt } from "../helpers/counting-caller";
import { oracleFacts } from "../helpers/dashboard-oracle";
import { callerFor, createTenantFixture, sessionUserOf, shapeOf, testDb } from "../helpers/fixtures";

/**
 * The executive dashboard against the demo seed (Northwind tells the story, Bluebird is the other
 * tenant): every KPI equals the same numbers counted the slow way from the tenant's own rows, another
 * tenant's rows never move them, each request runs a fixed number of SQL statements, and bad ranges
 * or KPI ids get a 400 that says what is wrong.
 */
const DAY = 86_400_000;
let now: Date;
let northwind: SessionUser;
let bluebird: SessionUser;

afterAll(closeCountingClients);

/** A caller whose Prisma client counts the SQL statements it sends, at the seed's `now`. */
const countingCaller = (user: SessionUser) => countingCallerAt(user, () => now);

const windows = (days: number) => ({
  from: new Date(now.getTime() - days * DAY),
  to: now,
  previousFrom: new Date(now.getTime() - 2 * days * DAY),
});

beforeAll(async () => {
  await seedDemo(testDb(), new Date());
  // the seed may have run earlier in this test run: read its `now` back from the tenant's age
  const tenant = await testDb().tenant.findUniqueOrThrow({ where: { slug: "northwind-labs" } });
  now = new Date(tenant.createdAt.getTime() + TENANT_AGE_DAYS * DAY);
  northwind = await sessionUserOf({ email: "exec@northwind.test" }, "dashboard-test");
  bluebird = await sessionUserOf({ email: "exec@bluebird.test" }, "dashboard-test");
});

describe("the executive dashboard on the demo seed", () => {
  it("shows the seed's story in numbers over 90 days", async () => {
    const d = await callerFor(northwind, () => now).dashboard.summary({ range: { days: 90 } });
    const kpi = Object.fromEntries(d.kpis.map((k) => [k.id, k]));
    expect(d.tenant).toEqual({ name: "Northwind Labs", currency: "USD" });
    expect(d.summary.activeCustomers).toBe(4);
    expect(d.summary.projectsInProgress).toBe(4);
    expect(d.summary.refundsAwaiting).toBe(1); // the shop-floor claim under review
    // two completed projects met their guarantee; the refunded and the under-review ones did not
    expect([kpi.project_success_rate?.numerator.value, kpi.project_success_rate?.denominator.value]).toEqual([2, 4]);
    expect([kpi.success_guarantee_claim_rate?.numerator.value, kpi.success_guarantee_claim_rate?.status]).toEqual([
      2,
      "missed",
    ]);
    expect([
      kpi.case_study_generation_rate?.numerator.value,
      kpi.case_study_generation_rate?.denominator.value,
    ]).toEqual([2, 2]);
    // Acme's and Lumen's second projects (320k + 96k) of the 1,744k booked in 90 days
    expect([kpi.expansion_revenue_rate?.numerator.value, kpi.expansion_revenue_rate?.denominator.value]).toEqual([
      41_600_000, 174_400_000,
    ]);
    expect([
      kpi.lead_to_customer_conversion_rate?.numerator.value,
      kpi.lead_to_customer_conversion_rate?.denominator.value,
    ]).toEqual([2, 15]);
    expect(kpi.qualification_accuracy?.status).toBe("met");
    expect(d.kpis.filter((k) => k.status !== "no_data").length).toBeGreaterThanOrEqual(11);
    // every missed KPI has its recommendation, stating its numbers
    const missed = d.kpis.filter((k) => k.status === "missed");
    expect(d.recommendations.map((r) => r.kpiId).sort()).toEqual(missed.map((k) => k.id).sort());
    for (const r of d.recommendations) expect(r.because).toContain(d.kpis.find((k) => k.id === r.kpiId)?.display);
    // alerts: active only, most severe first, linked to their project
    const active = await testDb().alert.count({ where: { tenantId: northwind.tenantId, resolvedAt: null } });
    expect(d.alerts.total).toBe(active);
    // (jobs other files run over every tenant may add alerts here, so the order is checked, not one head)
    const top = await testDb().alert.findMany({
      where: { tenantId: northwind.tenantId, resolvedAt: null },
      orderBy: [{ severity: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      take: 8,
    });
    expect(d.alerts.items.map((a) => a.id)).toEqual(top.map((a) => a.id));
    const claim = d.alerts.items.find((a) => a.kind === "REFUND_AWAITING_APPROVAL");
    expect(claim).toMatchObject({ severity: "CRITICAL", projectName: "Shop-floor Analytics Platform" });
    expect(claim?.href).toMatch(/^\/projects\/c[a-z0-9]+$/);
    expect(d.opportunities.expansion.map((o) => o.title)).toContain("Acme Health");
    expect(d.opportunities.caseStudies.map((o) => o.title)).toEqual([
      "Course Catalogue Modernization · Lumen Learning",
      "Telehealth Scheduling MVP · Acme Health",
    ]);
  });

  it.each([30, 90, 365])("every KPI over %d days equals the tenant's rows counted one by one", async (days) => {
    for (const user of [northwind, bluebird]) {
      const d = await callerFor(user, () => now).dashboard.summary({ range: { days } });
      const expected = computeKpis(await oracleFacts(testDb(), user.tenantId, windows(days)));
      for (const [i, k] of d.kpis.entries()) {
        const e = expected[i];
        expect(k.id).toBe(e?.id);
        expect(k.numerator.value, `${user.tenantSlug} ${k.id} numerator`).toBeCloseTo(
          e?.numerator.value ?? Number.NaN,
          6,
        );
        expect(k.denominator.value, `${user.tenantSlug} ${k.id} denominator`).toBe(e?.denominator.value);
        expect(k.status, `${user.tenantSlug} ${k.id} status`).toBe(e?.status);
      }
    }
  });

  it("revenue this month is contract value booked this month less refunds paid this month", async () => {
    const d = await callerFor(northwind, () => now).dashboard.summary({ range: { days: 30 } });
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const [booked, refunded] = await Promise.all([
      testDb().project.aggregate({
        where: { tenantId: northwind.tenantId, status: { not: "CANCELLED" }, createdAt: { gte: monthStart, lt: now } },
        _sum: { contractValueCents: true },
      }),
      testDb().refund.aggregate({
        where: { tenantId: northwind.tenantId, status: "PAID", paidAt: { gte: monthStart, lt: now } },
        _sum: { amountCents: true },
      }),
    ]);
    const b = booked._sum.contractValueCents ?? 0;
    const r = refunded._sum.amountCents ?? 0;
    expect(d.summary.revenueThisMonth).toEqual({ bookedCents: b, refundedCents: r, netCents: b - r });
    expect(Number.isInteger(d.summary.revenueThisMonth.netCents)).toBe(true);
    expect(b).toBeGreaterThan(0); // the kickoff-stage project was booked three hours before the seed's now
  });

  it("never counts another tenant's rows: a busy third tenant leaves both demo tenants' dashboards unchanged", async () => {
    const before = await Promise.all(
      [northwind, bluebird].map((u) => callerFor(u, () => now).dashboard.summary({ range: { days: 90 } })),
    );
    expect(before[0]?.kpis).not.toEqual(before[1]?.kpis);

    const f = await createTenantFixture("dash-noise");
    const db = testDb();
    const t = f.tenant.id;
    const recent = new Date(now.getTime() - 2 * DAY);
    const guarantee = await db.guarantee.update({
      where: { projectId: f.projectA.id },
      data: { status: "SUCCEEDED", decidedAt: recent, outcome: { successScore: 99, caseStudyPotential: true } },
    });
    await db.refund.create({
      data: { tenantId: t, guaranteeId: guarantee.id, amountCents: 100_000, status: "PAID", paidAt: recent },
    });
    await db.lead.create({
      data: {
        tenantId: t,
        company: "Noise Co",
        contactName: "N",
        contactEmail: "n@noise.test",
        createdAt: recent,
        qualifiedAt: recent,
        convertedAt: recent,
      },
    });
    const survey = await db.survey.create({
      data: { tenantId: t, projectId: f.projectA.id, kind: "NPS", trigger: "MANUAL", key: `noise/${f.tag}` },
    });
    await db.surveyResponse.create({ data: { tenantId: t, surveyId: survey.id, score: 0, createdAt: recent } });
    await db.qualityValidation.create({
      data: {
        tenantId: t,
        projectId: f.projectA.id,
        type: "CODE",
        score: 10,
        gatesPassed: 0,
        gatesFailed: 9,
        results: {},
        createdAt: recent,
      },
    });
    await db.alert.create({
      data: {
        tenantId: t,
        projectId: f.projectA.id,
        severity: "CRITICAL",
        kind: "PROJECT_CRITICAL_RISK",
        message: "noise",
      },
    });
    await db.retentionPlan.create({
      data: {
        tenantId: t,
        customerAccountId: f.accountA.id,
        strategy: "HIGH_SATISFACTION_EXPANSION",
        healthScore: 99,
        expansionScore: 99,
        triggers: {},
        successMetrics: [],
        expectedOutcome: "noise",
        nextTouchpointAt: now,
        createdAt: recent,
      },
    });

    const after = await Promise.all(
      [northwind, bluebird].map((u) => callerFor(u, () => now).dashboard.summary({ range: { days: 90 } })),
    );
    expect(after).toEqual(before);
    // the noise is real data in range: its own tenant's dashboard counts it
    const own = await callerFor(f.users.EXECUTIVE, () => now).dashboard.summary({ range: { days: 90 } });
    const ownKpi = Object.fromEntries(own.kpis.map((k) => [k.id, k]));
    expect(ownKpi.project_success_rate?.denominator.value).toBe(1);
    expect(ownKpi.net_promoter_score?.value).toBe(-100);
    expect(ownKpi.case_study_generation_rate?.value).toBe(100);
    expect(own.alerts.items.map((a) => a.message)).toEqual(["noise"]);
    expect(own.opportunities.expansion.map((o) => o.title)).toEqual([f.accountA.name]);
  });
});

describe("a KPI's rows", () => {
  it("add up to the KPI's numbers, page cleanly and stay in the tenant", async () => {
    const caller = callerFor(northwind, () => now);
    const own = new Set(
      (await testDb().project.findMany({ where: { tenantId: northwind.tenantId }, select: { id: true } })).map(
        (p) => p.id,
      ),
    );
    for (const id of KPI_IDS) {
      const detail = await caller.dashboard.kpi({ id, range: { days: 365 }, pageSize: 100 });
      const { kpi, rows, total } = detail;
      expect(rows).toHaveLength(total);
      expect(detail.columns.label.length).toBeGreaterThan(0);
      const counted = rows.filter((r) => r.counted === true);
      if (id === "expansion_revenue_rate") {
        expect(counted.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(kpi.numerator.value);
        expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(kpi.denominator.value);
      } else if (id === "quality_gate_pass_rate") {
        expect(total).toBeGreaterThan(0);
      } else if (id === "time_to_onboarding") {
        expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(kpi.numerator.value, 6);
        expect(total).toBe(kpi.denominator.value);
      } else {
        if (rows.some((r) => r.counted !== null)) expect(counted.length, id).toBe(kpi.numerator.value);
        expect(total, id).toBe(kpi.denominator.value);
      }
      for (const r of rows) {
        const projectId = r.href?.match(/^\/projects\/([a-z0-9]+)/)?.[1];
        if (projectId) expect(own.has(projectId), `${id} row ${r.key} belongs to the tenant`).toBe(true);
      }
    }
    const page1 = await caller.dashboard.kpi({
      id: "customer_satisfaction_score",
      range: { days: 90 },
      page: 1,
      pageSize: 5,
    });
    const page2 = await caller.dashboard.kpi({
      id: "customer_satisfaction_score",
      range: { days: 90 },
      page: 2,
      pageSize: 5,
    });
    const both = await caller.dashboard.kpi({
      id: "customer_satisfaction_score",
      range: { days: 90 },
      page: 1,
      pageSize: 10,
    });
    expect([...page1.rows, ...page2.rows].map((r) => r.key)).toEqual(both.rows.map((r) => r.key));
    expect(page1.pages).toBe(Math.ceil(page1.total / 5));
    const beyond = await caller.dashboard.kpi({
      id: "customer_satisfaction_score",
      range: { days: 90 },
      page: 999,
      pageSize: 5,
    });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(page1.total);
  });
});

describe("trends", () => {
  it("bucket the range and add up to the KPIs of the same range", async () => {
    const caller = callerFor(northwind, () => now);
    const [trends, d] = await Promise.all([
      caller.dashboard.trends({ range: { days: 90 } }),
      caller.dashboard.summary({ range: { days: 90 } }),
    ]);
    const kpi = Object.fromEntries(d.kpis.map((k) => [k.id, k]));
    expect(trends.bucketDays).toBe(7);
    expect(trends.points).toHaveLength(13);
    const sum = (f: (p: (typeof trends.points)[number]) => number) => trends.points.reduce((s, p) => s + f(p), 0);
    expect(sum((p) => p.decided)).toBe(kpi.project_success_rate?.denominator.value);
    expect(sum((p) => p.csatResponses)).toBe(kpi.customer_satisfaction_score?.denominator.value);
    expect(sum((p) => p.npsResponses)).toBe(kpi.net_promoter_score?.denominator.value);
    expect(sum((p) => p.bookedCents)).toBe(kpi.expansion_revenue_rate?.denominator.value);
    expect(sum((p) => p.expansionCents)).toBe(kpi.expansion_revenue_rate?.numerator.value);
    expect(trends.points.filter((p) => p.expansionScore !== null).length).toBeGreaterThan(10);
    expect(JSON.stringify(trends)).not.toMatch(/NaN|Infinity/);
  });
});

describe("cost per request", () => {
  it("is a fixed, small number of SQL statements whatever the tenant's size", async () => {
    const empty = await createTenantFixture("dash-cost");
    const counts = [];
    for (const user of [northwind, bluebird, empty.users.EXECUTIVE]) {
      const { count } = countingCaller(user);
      counts.push([
        await count((c) => c.dashboard.summary({ range: { days: 365 } })),
        await count((c) => c.dashboard.kpi({ id: "timeline_adherence", range: { days: 365 } })),
        await count((c) => c.dashboard.trends({ range: { days: 365 } })),
      ]);
    }
    expect(counts).toEqual([
      [2, 3, 1],
      [2, 3, 1],
      [2, 3, 1],
    ]);
  });
});

describe("an empty tenant", () => {
  it("reads 'no data' everywhere: no NaN, no crash, no advice", async () => {
    const db = testDb();
    const tenant = await db.tenant.create({ data: { slug: `empty-${Date.now()}`, name: "Empty Co", currency: "EUR" } });
    const exec = await db.user.create({
      data: { tenantId: tenant.id, email: `exec-${tenant.slug}@empty.test`, name: "E", role: "EXECUTIVE" },
    });
    const user = { ...(await sessionUserOf({ email: exec.email }, "dashboard-test")) };
    const caller = callerFor(user, () => now);
    const d = await caller.dashboard.summary({ range: { days: 365 } });
    expect(d.tenant.currency).toBe("EUR");
    expect(d.kpis.every((k) => k.status === "no_data" && k.value === null)).toBe(true);
    expect(d.summary).toMatchObject({
      activeCustomers: 0,
      projectsInProgress: 0,
      refundsAwaiting: 0,
      revenueThisMonth: { netCents: 0, bookedCents: 0, refundedCents: 0 },
    });
    expect(d.recommendations).toEqual([]);
    expect(d.alerts).toEqual({ total: 0, bySeverity: [], items: [] });
    expect(d.opportunities).toEqual({ expansion: [], caseStudies: [] });
    const trends = await caller.dashboard.trends({ range: { days: 30 } });
    expect(trends.points.every((p) => p.successRate === null && p.csat === null && p.bookedCents === 0)).toBe(true);
    const rows = await caller.dashboard.kpi({ id: "net_promoter_score", range: { days: 30 } });
    expect([rows.total, rows.rows, rows.kpi.display]).toEqual([0, [], "no data"]);
    expect(JSON.stringify([d, trends, rows])).not.toMatch(/NaN|Infinity/);
  });
});

describe("bad input", () => {
  const ask = () => callerFor(northwind, () => now).dashboard;
  const refusal = async (call: Promise<unknown>, path: string) => {
    const shape = await shapeOf(call, path);
    return { code: shape?.data.code, message: shape?.message };
  };

  it("a reversed or absurd range is a 400 that says what is wrong", async () => {
    const day = (n: number) => new Date(now.getTime() - n * DAY);
    expect(await refusal(ask().summary({ range: { from: day(1), to: day(30) } }), "dashboard.summary")).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^The range is reversed: it starts on .* but ends on .*/) as string,
    });
    expect(
      await refusal(
        ask().trends({ range: { from: new Date("1900-01-01"), to: new Date("1900-03-01") } }),
        "dashboard.trends",
      ),
    ).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/more than 10 years ago/) as string });
    expect(await refusal(ask().summary({ range: { from: day(1000), to: now } }), "dashboard.summary")).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at most 731 days/) as string,
    });
    expect(
      await refusal(
        ask().summary({ range: { from: day(10), to: new Date(now.getTime() + 30 * DAY) } }),
        "dashboard.summary",
      ),
    ).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/ends in the future/) as string });
    expect(await refusal(ask().summary({ range: { days: 45 } }), "dashboard.summary")).toEqual({
      code: "BAD_REQUEST",
      message: "Choose a range of 30, 90, 365 days (got 45).",
    });
    expect(
      await refusal(ask().summary({ range: { days: 30, from: day(5), to: now } }), "dashboard.summary"),
    ).toMatchObject({ code: "BAD_REQUEST", message: "range.days: Give either days or from and to, not both" });
    expect(
      await refusal(ask().summary({ range: { from: new Date("not a date"), to: now } }), "dashboard.summary"),
    ).toMatchObject({ code: "BAD_REQUEST", message: "range.from: from must be a valid date" });
    expect(await refusal(ask().kpi({ id: "csat", range: { days: -1 } }), "dashboard.kpi")).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("an unknown KPI id is a 400 listing the known ones", async () => {
    const r = await refusal(ask().kpi({ id: "happiness", range: { days: 90 } }), "dashboard.kpi");
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toBe(`Unknown KPI "happiness". Known KPIs: ${KPI_IDS.join(", ")}.`);
    expect((await refusal(ask().kpi({ id: "", range: { days: 90 } }), "dashboard.kpi")).code).toBe("BAD_REQUEST");
    expect(
      (await refusal(ask().kpi({ id: "net_promoter_score", range: { days: 90 }, page: 0 }), "dashboard.kpi")).code,
    ).toBe("BAD_REQUEST");
  });

  it("only executives and admins may read it", async () => {
    const csm = await sessionUserOf({ email: "csm@northwind.test" }, "dashboard-test");
    await expect(callerFor(csm, () => now).dashboard.summary({ range: { days: 90 } })).rejects.toBeInstanceOf(
      TRPCError,
    );
    const admin = await sessionUserOf({ email: "admin@northwind.test" }, "dashboard-test");
    expect((await callerFor(admin, () => now).dashboard.summary({ range: { days: 90 } })).tenant.name).toBe(
      "Northwind Labs",
    );
  });
});
