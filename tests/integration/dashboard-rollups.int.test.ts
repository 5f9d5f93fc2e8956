import { describe, expect, it } from "vitest";
import { KPI_ROW_RULES } from "@/domain/dashboard/definitions";
import type { KpiFacts } from "@/domain/dashboard/kpis";
import { factsQuery, toFacts } from "@/server/db/dashboard";
import { rebuildDashboardRollups } from "@/server/db/dashboard-rollups";
import type { MilestoneStatus, ProjectStatus, SurveyKind } from "@/generated/prisma/enums";
import { oracleFacts } from "../helpers/dashboard-oracle";
import { createTenantFixture, testDb } from "../helpers/fixtures";

/**
 * The dashboard's per-day rollups (docs/dashboard.md#rollups): whatever is written, changed or deleted —
 * by any writer, in any order — the rollups equal a rebuild from the rows, and the KPIs read from them
 * equal the oracle's count of the rows, for windows that end inside a day and for any on-time grace.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
type Fixture = Awaited<ReturnType<typeof createTenantFixture>>;

/** Everything the rollups keep for a tenant, in a stable order (bigints as strings). */
async function rollupsOf(tenantId: string) {
  const db = testDb();
  const [surveys, quality, milestones, bookings, accounts, guarantees, guaranteeKeys] = await Promise.all([
    db.tenantSurveyDay.findMany({ where: { tenantId }, orderBy: [{ day: "asc" }, { kind: "asc" }, { score: "asc" }] }),
    db.tenantQualityDay.findMany({ where: { tenantId }, orderBy: { day: "asc" } }),
    db.tenantMilestoneDay.findMany({
      where: { tenantId },
      orderBy: [{ day: "asc" }, { succeeded: "asc" }, { lateHours: "asc" }],
    }),
    db.tenantBookingDay.findMany({ where: { tenantId }, orderBy: { day: "asc" } }),
    db.customerAccount.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: { id: true, firstBookingAt: true, firstBookingCents: true },
    }),
    db.tenantGuaranteeDay.findMany({
      where: { tenantId },
      orderBy: [
        { day: "asc" },
        { status: "asc" },
        { qualified: "asc" },
        { claimed: "asc" },
        { caseFlag: "asc" },
        { caseScore: "asc" },
      ],
    }),
    db.guaranteeRollup.findMany({ where: { tenantId }, orderBy: { guaranteeId: "asc" } }),
  ]);
  return JSON.parse(
    JSON.stringify({ surveys, quality, milestones, bookings, accounts, guarantees, guaranteeKeys }, (_k, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v,
    ),
  ) as unknown;
}

async function rebuild(tenantId: string) {
  expect(await rebuildDashboardRollups(testDb(), tenantId)).toBe(1);
}

/** The rollups as the triggers left them equal the rollups rebuilt from the rows. */
async function expectRollupsEqualRebuild(tenantId: string) {
  const kept = await rollupsOf(tenantId);
  await rebuild(tenantId);
  expect(kept).toEqual(await rollupsOf(tenantId));
}

const sortHist = (h: { score: number; count: number }[]) => [...h].sort((a, b) => a.score - b.score);
const rolledUp = (k: KpiFacts) => ({
  guarantees: k.guarantees,
  qualification: k.qualification,
  milestones: k.milestones,
  gates: k.gates,
  csat: sortHist(k.csat),
  nps: sortHist(k.nps),
  expansion: k.expansion,
});

/** The rolled-up KPIs of the dashboard's facts statement against the oracle's count of the rows. */
async function expectFactsEqualOracle(
  tenantId: string,
  from: Date,
  to: Date,
  grace: number = KPI_ROW_RULES.timelineGraceHours,
  minScore: number = KPI_ROW_RULES.caseStudyMinSuccessScore,
) {
  const span = to.getTime() - from.getTime();
  const w = { from, to, previousFrom: new Date(from.getTime() - span), monthStart: from, successFrom: from, now: to };
  const rules = { ...KPI_ROW_RULES, timelineGraceHours: grace, caseStudyMinSuccessScore: minScore };
  const facts = toFacts((await factsQuery(testDb(), tenantId, w, rules))[0]).kpis;
  const oracle = await oracleFacts(testDb(), tenantId, w, rules);
  const what = `${from.toISOString()} → ${to.toISOString()}, grace ${grace} h, case-study score ≥ ${minScore}`;
  expect(rolledUp(facts), what).toEqual(rolledUp(oracle));
}

/** Windows that start and end at midnight, inside a day, across one midnight, and the dashboard's own. */
function windowsAround(now: Date): [Date, Date][] {
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  return [
    [new Date(now.getTime() - 90 * DAY), now],
    [new Date(now.getTime() - 7 * DAY - 5 * HOUR), new Date(now.getTime() - 2 * DAY)],
    [new Date(midnight - 20 * DAY), new Date(midnight - 3 * DAY)],
    [new Date(midnight - 4 * DAY + 10 * HOUR), new Date(midnight - 4 * DAY + 15 * HOUR)],
    [new Date(midnight - 6 * DAY - 2 * HOUR), new Date(midnight - 6 * DAY + 3 * HOUR)],
  ];
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure replays. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  };
}

let week = 100;
function milestoneData(
  f: Fixture,
  projectId: string,
  status: MilestoneStatus,
  validatedAt: Date | null,
  dueDate: Date,
) {
  week += 1;
  return {
    tenantId: f.tenant.id,
    projectId,
    weekNumber: week,
    title: `Week ${week}`,
    dueDate,
    minimumSuccessThreshold: 70,
    escalationThreshold: 50,
    status,
    validatedAt,
  };
}

function projectData(f: Fixture, accountId: string, createdAt: Date, status: ProjectStatus, cents: number) {
  return {
    tenantId: f.tenant.id,
    customerAccountId: accountId,
    name: `Rollup project ${createdAt.toISOString()}`,
    serviceType: "MVP_DEVELOPMENT" as const,
    tierKey: "startup_mvp",
    contractValueCents: cents,
    status,
    startDate: createdAt,
    targetEndDate: new Date(createdAt.getTime() + 28 * DAY),
    createdAt,
  };
}

let surveyKey = 0;
async function answer(f: Fixture, projectId: string, kind: SurveyKind, score: number, createdAt: Date) {
  surveyKey += 1;
  const survey = await testDb().survey.create({
    data: { tenantId: f.tenant.id, projectId, kind, trigger: "MANUAL", key: `rollup/${f.tag}/${surveyKey}` },
  });
  const response = await testDb().surveyResponse.create({
    data: { tenantId: f.tenant.id, surveyId: survey.id, score, createdAt },
  });
  return { survey, response };
}

describe("the dashboard's rollups", () => {
  it("equal a rebuild and the oracle after random writes, changes and deletes of every kind", async () => {
    const now = new Date();
    const f = await createTenantFixture("rollups-random", now);
    const db = testDb();
    const r = randomFrom(20_261_206);
    // any time of the last 40 days (ms included), or just around a window's end or a midnight, where
    // the rollups' whole days meet the rows read for the partial days
    const ends = windowsAround(now)
      .flat()
      .map((d) => d.getTime());
    const edgeOf = (t: number) => t + r.pick([-1, 0, 1, -HOUR, HOUR, Math.floor(DAY - (t % DAY)), -(t % DAY) - 1]);
    const at = () =>
      new Date(r.next() < 0.5 ? now.getTime() - r.next() * 40 * DAY : Math.min(edgeOf(r.pick(ends)), now.getTime()));
    const accounts = [f.accountA.id, f.accountB.id];
    const statuses: ProjectStatus[] = ["KICKOFF", "ACTIVE", "AT_RISK", "COMPLETED", "FAILED", "CANCELLED"];
    const milestoneStatuses: MilestoneStatus[] = ["PENDING", "IN_PROGRESS", "SUCCESS", "SUCCESS", "AT_RISK", "FAILED"];
    const validated = (s: MilestoneStatus) => s === "SUCCESS" || s === "AT_RISK" || s === "FAILED";
    const projects = async () =>
      (await db.project.findMany({ where: { tenantId: f.tenant.id }, select: { id: true } })).map((p) => p.id);
    const milestoneWrite = () => {
      const status = r.pick(milestoneStatuses);
      const v = validated(status) ? at() : null;
      // due around the validation, so lateness falls on both sides of every grace tried below
      const due = new Date((v ?? now).getTime() + (r.next() * 80 - 50) * HOUR + r.int(60_000));
      return { status, validatedAt: v, dueDate: due };
    };

    for (let step = 0; step < 160; step++) {
      const ps = await projects();
      const projectId = r.pick(ps);
      switch (r.int(18)) {
        case 0:
        case 12:
          await db.project.create({
            data: projectData(f, r.pick(accounts), at(), r.pick(statuses), 1_000_000 + r.int(9) * 100_000),
          });
          break;
        case 1: {
          const change = r.int(4);
          await db.project.update({
            where: { id: projectId },
            data:
              change === 0
                ? { status: r.pick(statuses) }
                : change === 1
                  ? { createdAt: at() }
                  : change === 2
                    ? { contractValueCents: 500_000 + r.int(20) * 50_000 }
                    : { customerAccountId: r.pick(accounts) },
          });
          break;
        }
        case 2:
          if (ps.length > 6) await db.project.delete({ where: { id: projectId } });
          break;
        case 3:
        case 4: {
          const m = milestoneWrite();
          await db.milestone.create({ data: milestoneData(f, projectId, m.status, m.validatedAt, m.dueDate) });
          break;
        }
        case 5: {
          const m = await db.milestone.findFirst({ where: { tenantId: f.tenant.id }, skip: r.int(5) });
          if (!m) break;
          const change = r.int(4);
          if (change === 0)
            await db.milestone.update({ where: { id: m.id }, data: milestoneWrite() }); // re-validated
          else if (change === 1)
            await db.milestone.update({ where: { id: m.id }, data: { status: "IN_PROGRESS", validatedAt: null } });
          else if (change === 2)
            await db.milestone.update({ where: { id: m.id }, data: { dueDate: milestoneWrite().dueDate } });
          else await db.milestone.delete({ where: { id: m.id } });
          break;
        }
        case 6:
        case 7:
          await answer(f, projectId, r.pick(["CSAT", "NPS"] as const), r.int(11), at());
          break;
        case 8: {
          const s = await db.survey.findFirst({ where: { tenantId: f.tenant.id }, skip: r.int(4) });
          if (!s) break;
          const change = r.int(4);
          if (change === 0)
            await db.survey.update({ where: { id: s.id }, data: { kind: s.kind === "NPS" ? "CSAT" : "NPS" } });
          else if (change === 1) await db.survey.delete({ where: { id: s.id } });
          else if (change === 2)
            await db.surveyResponse.updateMany({
              where: { surveyId: s.id },
              data: { score: r.int(11), createdAt: at() },
            });
          else await db.surveyResponse.deleteMany({ where: { surveyId: s.id } });
          break;
        }
        case 9:
        case 10:
          await db.qualityValidation.create({
            data: {
              tenantId: f.tenant.id,
              projectId,
              type: r.pick(["CODE", "DELIVERY"] as const),
              score: 80,
              gatesPassed: r.int(6),
              gatesFailed: r.int(3),
              results: {},
              createdAt: at(),
            },
          });
          break;
        case 13:
        case 17: {
          // a guarantee written or re-decided: status, decision time, outcome (flag, score on either side of a minimum)
          const decided = r.pick(["ACTIVE", "SUCCEEDED", "SUCCEEDED", "FAILED", "REMEDIED"] as const);
          const outcome = r.pick([
            undefined,
            { successScore: 95 },
            { successScore: 94.99 },
            { successScore: 50 + r.int(51) + 0.5 },
            { caseStudyPotential: true },
            { caseStudyPotential: false, successScore: 99 },
            { successScore: "97" },
          ]);
          const data = { status: decided, decidedAt: r.int(3) === 0 ? null : at(), endsAt: at(), outcome };
          await db.guarantee.upsert({
            where: { projectId },
            create: {
              tenantId: f.tenant.id,
              projectId,
              amountCents: 100_000,
              successThreshold: 80,
              startsAt: at(),
              ...data,
            },
            update: data,
          });
          break;
        }
        case 14: {
          // a refund claimed, or one withdrawn
          const g = await db.guarantee.findFirst({
            where: { tenantId: f.tenant.id },
            skip: r.int(4),
            include: { refunds: true },
          });
          if (!g) break;
          const refund = g.refunds[0];
          if (refund && r.int(2) === 0) await db.refund.delete({ where: { id: refund.id } });
          else await db.refund.create({ data: { tenantId: f.tenant.id, guaranteeId: g.id, amountCents: 50_000 } });
          break;
        }
        case 15: {
          // a project linked to a lead (qualified or not), a lead's qualification changed, or a link dropped
          const change = r.int(3);
          if (change === 0) {
            const lead = await db.lead.create({
              data: {
                tenantId: f.tenant.id,
                company: "Rollup Co",
                contactName: "R",
                contactEmail: `r${step}@rollup.test`,
                qualifiedAt: r.int(2) === 0 ? at() : null,
              },
            });
            await db.project.update({ where: { id: projectId }, data: { leadId: lead.id } });
          } else if (change === 1) {
            const lead = await db.lead.findFirst({
              where: { tenantId: f.tenant.id, projects: { some: {} } },
              skip: r.int(3),
            });
            if (lead)
              await db.lead.update({ where: { id: lead.id }, data: { qualifiedAt: lead.qualifiedAt ? null : at() } });
          } else await db.project.update({ where: { id: projectId }, data: { leadId: null } });
          break;
        }
        case 16:
          await db.guarantee.deleteMany({ where: { projectId } });
          break;
        default: {
          const q = await db.qualityValidation.findFirst({ where: { tenantId: f.tenant.id }, skip: r.int(3) });
          if (!q) break;
          if (r.int(2) === 0)
            await db.qualityValidation.update({
              where: { id: q.id },
              data: { gatesPassed: r.int(6), gatesFailed: r.int(3), createdAt: at() },
            });
          else await db.qualityValidation.delete({ where: { id: q.id } });
        }
      }
    }
    // the writes reached every rollup, so the comparisons below compare something
    const kept = (await rollupsOf(f.tenant.id)) as Record<string, unknown[]>;
    for (const table of ["surveys", "quality", "milestones", "bookings", "guarantees"])
      expect(kept[table]?.length, table).toBeGreaterThan(3);

    for (const [from, to] of windowsAround(now))
      for (const [grace, minScore] of [
        [0, 95],
        [1, 0],
        [24, 95],
        [72, 100],
        [24, 60],
      ] as const)
        await expectFactsEqualOracle(f.tenant.id, from, to, grace, minScore);
    await expectRollupsEqualRebuild(f.tenant.id);
  });

  it("move a milestone when it is re-validated, reset or re-dated, and read the grace at request time", async () => {
    const now = new Date();
    const f = await createTenantFixture("rollups-milestone", now);
    const db = testDb();
    const v = new Date(now.getTime() - 3 * DAY);
    const m = await db.milestone.create({
      data: milestoneData(f, f.projectA.id, "SUCCESS", v, new Date(v.getTime() - 30 * HOUR - 1)), // 30 h 1 ms late
    });
    const day = v.toISOString().slice(0, 10);
    const rows = () =>
      db.tenantMilestoneDay
        .findMany({ where: { tenantId: f.tenant.id }, orderBy: { day: "asc" } })
        .then((xs) => xs.map((x) => [x.day.toISOString().slice(0, 10), x.succeeded, x.lateHours, x.milestones]));
    expect(await rows()).toEqual([[day, true, 31, 1]]);
    for (const grace of [24, 30, 31])
      await expectFactsEqualOracle(f.tenant.id, new Date(now.getTime() - 30 * DAY), now, grace);

    await db.milestone.update({ where: { id: m.id }, data: { status: "IN_PROGRESS", validatedAt: null } });
    expect(await rows()).toEqual([]);
    const again = new Date(now.getTime() - DAY);
    await db.milestone.update({ where: { id: m.id }, data: { status: "AT_RISK", validatedAt: again } });
    expect(await rows()).toEqual([[again.toISOString().slice(0, 10), false, 0, 1]]);
    await db.milestone.update({
      where: { id: m.id },
      data: { status: "SUCCESS", dueDate: new Date(again.getTime() + HOUR) },
    });
    expect(await rows()).toEqual([[again.toISOString().slice(0, 10), true, 0, 1]]);
    await expectFactsEqualOracle(f.tenant.id, new Date(now.getTime() - 30 * DAY), now, 0);
    // the rollup keeps lateness up to 720 h: a longer grace is refused, not silently miscounted
    expect(() =>
      factsQuery(
        db,
        f.tenant.id,
        { from: v, to: now, previousFrom: v, monthStart: v, successFrom: v, now },
        {
          ...KPI_ROW_RULES,
          timelineGraceHours: 721,
        },
      ),
    ).toThrow(/0 to 720/);
    await expectRollupsEqualRebuild(f.tenant.id);
  });

  it("renumber an account's bookings when an earlier project is cancelled, deleted, back-dated or moved", async () => {
    const now = new Date();
    const f = await createTenantFixture("rollups-bookings", now);
    const db = testDb();
    // the fixture's projects (2 500 000 each, one per account) were created just after `now`
    const window: [Date, Date] = [new Date(now.getTime() - 60 * DAY), new Date(now.getTime() + DAY)];
    const expansion = async () => {
      const [from, to] = window;
      const w = { from, to, previousFrom: from, monthStart: from, successFrom: from, now: to };
      return toFacts((await factsQuery(db, f.tenant.id, w, KPI_ROW_RULES))[0]).kpis.expansion.expansionCents;
    };
    expect(await expansion()).toBe(0); // each account's only project is its first
    const earlier = await db.project.create({
      data: projectData(f, f.accountA.id, new Date(now.getTime() - 2 * DAY), "ACTIVE", 4_000_000),
    });
    expect(await expansion()).toBe(2_500_000); // A's fixture project is now its second

    await db.project.update({ where: { id: earlier.id }, data: { status: "CANCELLED" } });
    expect(await expansion()).toBe(0); // …and its first again
    await db.project.update({ where: { id: earlier.id }, data: { status: "COMPLETED" } });
    expect(await expansion()).toBe(2_500_000);

    const late = await db.project.create({
      data: projectData(f, f.accountA.id, new Date(now.getTime() - 20 * DAY), "ACTIVE", 1_000_000),
    });
    expect(await expansion()).toBe(4_000_000 + 2_500_000);
    await db.project.update({ where: { id: late.id }, data: { createdAt: new Date(now.getTime() - 300 * DAY) } }); // back-dated out of the window
    expect(await expansion()).toBe(4_000_000 + 2_500_000);
    await expectFactsEqualOracle(f.tenant.id, ...window);

    await db.project.delete({ where: { id: late.id } });
    expect(await expansion()).toBe(2_500_000);
    await db.project.update({ where: { id: earlier.id }, data: { customerAccountId: f.accountB.id } }); // B's first, before B's fixture project
    expect(await expansion()).toBe(2_500_000);
    await expectFactsEqualOracle(f.tenant.id, ...window);
    await db.project.delete({ where: { id: f.projectB.id } });
    expect(await expansion()).toBe(0);
    await expectFactsEqualOracle(f.tenant.id, ...window);
    await expectRollupsEqualRebuild(f.tenant.id);
  });

  it("re-decide a guarantee when it is decided, claimed, its lead qualified or unlinked, and read the case-study minimum at request time", async () => {
    const now = new Date();
    const f = await createTenantFixture("rollups-guarantees", now);
    const db = testDb();
    const from = new Date(now.getTime() - 30 * DAY);
    const to = new Date(now.getTime() + DAY);
    const facts = async (minScore = 95) => {
      const w = { from, to, previousFrom: from, monthStart: from, successFrom: from, now: to };
      const k = toFacts(
        (await factsQuery(db, f.tenant.id, w, { ...KPI_ROW_RULES, caseStudyMinSuccessScore: minScore }))[0],
      ).kpis;
      return { ...k.guarantees, qualified: [k.qualification.decided, k.qualification.succeeded] };
    };
    const g = await db.guarantee.update({
      where: { projectId: f.projectA.id },
      data: { status: "SUCCEEDED", decidedAt: new Date(now.getTime() - 2 * DAY), outcome: { successScore: 95.5 } },
    });
    expect(await facts()).toEqual({ decided: 1, succeeded: 1, claimed: 0, caseStudies: 1, qualified: [0, 0] });
    expect((await facts(96)).caseStudies).toBe(0); // 95.5 is below a minimum of 96
    expect(() =>
      factsQuery(
        db,
        f.tenant.id,
        { from, to, previousFrom: from, monthStart: from, successFrom: from, now: to },
        {
          ...KPI_ROW_RULES,
          caseStudyMinSuccessScore: 95.5,
        },
      ),
    ).toThrow(/whole number from 0 to 100/);

    const lead = await db.lead.create({
      data: { tenantId: f.tenant.id, company: "Q Co", contactName: "Q", contactEmail: `q-${f.tag}@rollup.test` },
    });
    await db.project.update({ where: { id: f.projectA.id }, data: { leadId: lead.id } });
    expect((await facts()).qualified).toEqual([0, 0]); // linked, not qualified
    await db.lead.update({ where: { id: lead.id }, data: { qualifiedAt: new Date(now.getTime() - 40 * DAY) } });
    expect((await facts()).qualified).toEqual([1, 1]);
    await db.project.update({ where: { id: f.projectA.id }, data: { leadId: null } });
    expect((await facts()).qualified).toEqual([0, 0]);
    await db.project.update({ where: { id: f.projectA.id }, data: { leadId: lead.id } });
    expect((await facts()).qualified).toEqual([1, 1]);

    const refund = await db.refund.create({ data: { tenantId: f.tenant.id, guaranteeId: g.id, amountCents: 10_000 } });
    expect((await facts()).claimed).toBe(1);
    await db.refund.delete({ where: { id: refund.id } });
    expect((await facts()).claimed).toBe(0);
    await db.guarantee.update({
      where: { id: g.id },
      data: { outcome: { caseStudyPotential: false, successScore: 99 } },
    });
    expect((await facts()).caseStudies).toBe(0); // the stored flag wins over the score
    await expectFactsEqualOracle(f.tenant.id, from, to);
    await db.guarantee.update({ where: { id: g.id }, data: { status: "FAILED" } });
    expect(await facts()).toEqual({ decided: 1, succeeded: 0, claimed: 0, caseStudies: 0, qualified: [1, 0] });
    await db.guarantee.update({ where: { id: g.id }, data: { status: "ACTIVE", decidedAt: null } });
    expect((await facts()).decided).toBe(0);
    await expectRollupsEqualRebuild(f.tenant.id);
  });

  it("follow an answer edited, its survey's kind changed and its survey deleted", async () => {
    const now = new Date();
    const f = await createTenantFixture("rollups-answers", now);
    const db = testDb();
    const { survey, response } = await answer(f, f.projectA.id, "CSAT", 4, new Date(now.getTime() - 5 * DAY));
    const hist = () =>
      db.tenantSurveyDay
        .findMany({ where: { tenantId: f.tenant.id } })
        .then((xs) => xs.map((x) => [x.kind, x.score, x.answers]));
    expect(await hist()).toEqual([["CSAT", 4, 1]]);
    await db.surveyResponse.update({ where: { id: response.id }, data: { score: 5 } });
    expect(await hist()).toEqual([["CSAT", 5, 1]]);
    await db.survey.update({ where: { id: survey.id }, data: { kind: "NPS" } });
    expect(await hist()).toEqual([["NPS", 5, 1]]);
    await expectFactsEqualOracle(f.tenant.id, new Date(now.getTime() - 30 * DAY), now);
    await db.survey.delete({ where: { id: survey.id } });
    expect(await hist()).toEqual([]);
    await expectRollupsEqualRebuild(f.tenant.id);
  });

  it("go with their tenant: a tenant's cascade delete leaves no rollup row and trips no foreign key", async () => {
    const now = new Date();
    const f = await createTenantFixture("rollups-cascade", now);
    const db = testDb();
    await db.project.create({
      data: projectData(f, f.accountA.id, new Date(now.getTime() - 3 * DAY), "ACTIVE", 3_000_000),
    });
    await answer(f, f.projectA.id, "NPS", 9, now);
    await db.milestone.create({ data: milestoneData(f, f.projectB.id, "SUCCESS", now, now) });
    await db.qualityValidation.create({
      data: {
        tenantId: f.tenant.id,
        projectId: f.projectA.id,
        type: "CODE",
        score: 90,
        gatesPassed: 3,
        gatesFailed: 0,
        results: {},
      },
    });
    await db.tenant.delete({ where: { id: f.tenant.id } });
    expect(await rollupsOf(f.tenant.id)).toEqual({
      surveys: [],
      quality: [],
      milestones: [],
      bookings: [],
      accounts: [],
      guarantees: [],
      guaranteeKeys: [],
    });
  });

  it("agree with a rebuild for every tenant in the database (seeded, job-written and test-written alike)", async () => {
    const tenants = await testDb().tenant.findMany({ select: { id: true } });
    for (const t of tenants) await expectRollupsEqualRebuild(t.id);
  });
});
