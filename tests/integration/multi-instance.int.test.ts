import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/server/db/client";
import { JOBS } from "@/server/jobs/registry";
import { JobContext, runJob, type JobCounts, type JobError, type JobRunResult } from "@/server/jobs/runner";
import type { DeliveryConfig } from "@/server/messaging/config";
import { deliverDueMessages } from "@/server/messaging/worker";
import { withImmediateAlerts } from "@/server/services/immediate-alerts";
import {
  createTenantFixture,
  educationPlanFor,
  guaranteeProjectFor,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * Two app instances on one database (docs/architecture.md#jobs): each "instance" is a Prisma client with
 * its own connection pool, sharing nothing but the database. Every registered job is fired on both at
 * the same `now`, the work of every job is run twice at once past the run lock (what a takeover of a
 * stale run, or the scheduled run meeting a tenant's "run now", amounts to), and two outbox workers
 * deliver what was queued to a local stand-in for Resend. Nothing may be written or sent twice.
 *
 * On PostgreSQL the two instances run truly at once. The embedded PGlite is one backend session behind
 * its socket: connections share its transactions and interleave their extended-protocol messages
 * (docs/architecture.md#platform-constraints), so a second instance cannot run beside the first there;
 * "at once" is then one instance right after the other at the same `now` — still two clients, two
 * pools, one database.
 */
const concurrent = Boolean(process.env.TEST_DATABASE_URL);
const atOnce = async <A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> =>
  concurrent ? Promise.all([a(), b()]) : [await a(), await b()];

let stub: Stub;
let instanceA: Db;
let instanceB: Db;
const db = () => testDb();

function instance(): Db {
  const pool = process.env.DB_POOL_MAX;
  process.env.DB_POOL_MAX = concurrent ? "10" : "1";
  try {
    return createPrismaClient(process.env.DATABASE_URL ?? "");
  } finally {
    if (pool === undefined) delete process.env.DB_POOL_MAX;
    else process.env.DB_POOL_MAX = pool;
  }
}

beforeAll(async () => {
  stub = await startStub();
  instanceA = instance();
  instanceB = instance();
});
afterAll(async () => {
  await Promise.all([instanceA.$disconnect(), instanceB.$disconnect()]);
  await stub.stop();
});

const DAY = 86_400_000;

/** A tenant with work due for every job: an overdue week, due education items, a guarantee whose clock ended and failed. */
async function tenantWithDueWork(label: string, now: Date) {
  const f = await createTenantFixture(label, new Date(now.getTime() - DAY));
  await db().milestone.updateMany({
    where: { projectId: f.projectB.id, weekNumber: 2 },
    data: { dueDate: new Date(now.getTime() - DAY), status: "PENDING" },
  });
  const { planId } = await educationPlanFor(f);
  await db().educationDelivery.updateMany({
    where: { planId },
    data: { scheduledAt: new Date(now.getTime() - 60_000) },
  });
  const failing = await guaranteeProjectFor(f, { weeksMet: 1, coverage: 84, csat: [6], now });
  // a project that ended yesterday: its end-of-project surveys are due
  await db().project.update({
    where: { id: f.projectA.id },
    data: { status: "COMPLETED", completedAt: new Date(now.getTime() - DAY) },
  });
  return { f, failing };
}

const config = (): DeliveryConfig => ({
  email: { apiKey: "re_multi", baseUrl: stub.url, from: "Onward <no-reply@onward.test>", ratePerSecond: 50 },
  allowPrivateNetworks: true,
  appUrl: "http://localhost:3000",
});

/** Two outbox workers, one per instance, sweeping at once until nothing of the tenant is due. */
async function twoWorkers(f: TenantFixture, now: Date) {
  for (let i = 0; i < 10; i += 1) {
    await atOnce(
      () => deliverDueMessages(instanceA, { now, config: config(), tenantId: f.tenant.id }),
      () => deliverDueMessages(instanceB, { now, config: config(), tenantId: f.tenant.id }),
    );
    const left = await db().outboxMessage.count({
      where: { tenantId: f.tenant.id, status: { in: ["PENDING", "FAILED", "SENDING"] } },
    });
    if (left === 0) return;
  }
}

/** Rows that say the same thing twice: grouped on what makes each one distinct, groups of more than one. */
async function duplicates(tenantId: string) {
  const where = { tenantId };
  const twice = { _count: { _all: true } } as const;
  const many = <T extends { _count: { _all: number } }>(groups: T[]) => groups.filter((g) => g._count._all > 1);
  return {
    alerts: many(
      await db().alert.groupBy({
        by: ["kind", "projectId", "milestoneId", "guaranteeId", "customerAccountId"],
        where,
        ...twice,
      }),
    ),
    surveys: many(
      await db().survey.groupBy({
        by: ["projectId", "milestoneId", "kind", "trigger", "recipientId"],
        where,
        ...twice,
      }),
    ),
    refunds: many(await db().refund.groupBy({ by: ["guaranteeId"], where, ...twice })),
    retentionPlans: many(await db().retentionPlan.groupBy({ by: ["customerAccountId", "strategy"], where, ...twice })),
    actionItems: many(
      await db().actionItem.groupBy({ by: ["kind", "projectId", "customerAccountId", "title"], where, ...twice }),
    ),
    notifications: many(
      await db().notification.groupBy({ by: ["userId", "alertId", "title", "body", "link"], where, ...twice }),
    ),
    messages: many(
      await db().outboxMessage.groupBy({ by: ["channel", "recipient", "subject", "bodyText"], where, ...twice }),
    ),
  };
}

const none = {
  alerts: [],
  surveys: [],
  refunds: [],
  retentionPlans: [],
  actionItems: [],
  notifications: [],
  messages: [],
};

/** Every email of the tenant reached the provider exactly once (by its outbox row's key) and is SENT. */
async function deliveredOnce(f: TenantFixture) {
  const rows = await db().outboxMessage.findMany({
    where: { tenantId: f.tenant.id, channel: "EMAIL" },
    select: { id: true, idempotencyKey: true, status: true },
  });
  const keyOf = new Map(rows.map((r) => [r.id, r.idempotencyKey]));
  const received = new Map<string, number>();
  for (const { email } of stub.emails()) {
    const id = (email.tags as { name: string; value: string }[] | undefined)?.find(
      (t) => t.name === "outbox_id",
    )?.value;
    const key = id ? keyOf.get(id) : undefined;
    if (key) received.set(key, (received.get(key) ?? 0) + 1);
  }
  expect(rows.length, "the jobs queued email for this tenant").toBeGreaterThan(0);
  expect(rows.filter((r) => r.status !== "SENT" && r.status !== "DEAD")).toEqual([]);
  const sent = rows.filter((r) => r.status === "SENT").map((r) => r.idempotencyKey);
  expect([...received.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  expect([...received.keys()].sort()).toEqual(sent.sort());
  return sent.length;
}

/** What the tenant holds that the jobs write: for "the work was done" (not only "not twice"). */
async function written(f: TenantFixture, guaranteeId: string) {
  return {
    progressUpdates: await db().progressUpdate.count({ where: { tenantId: f.tenant.id } }),
    surveys: await db().survey.count({ where: { tenantId: f.tenant.id, trigger: "PROJECT_END" } }),
    snapshots: await db().healthSnapshot.count({ where: { tenantId: f.tenant.id } }),
    guarantee: (await db().guarantee.findUniqueOrThrow({ where: { id: guaranteeId } })).status,
    educationSent: await db().educationDelivery.count({ where: { tenantId: f.tenant.id, status: "SENT" } }),
    overdueAlerts: await db().alert.count({ where: { tenantId: f.tenant.id, kind: "MILESTONE_OVERDUE" } }),
  };
}

/** Each tenant's due work, done (once): what tenantWithDueWork makes due, as the jobs write it. */
const DONE = {
  progressUpdates: 2,
  surveys: 4,
  snapshots: 2,
  guarantee: "FAILED",
  educationSent: 5,
  overdueAlerts: 1,
};

describe("two instances, one database", { timeout: 300_000 }, () => {
  it("every job fired on both at the same moment runs once per period, and every message leaves once", async () => {
    // periods of their own: a scheduled run of another file in this hour, day or week would cover the
    // tenant, and both runs would rightly skip
    const now = new Date(Date.now() + 8 * DAY);
    const { f, failing } = await tenantWithDueWork("multi-runner", now);
    for (const def of Object.values(JOBS)) {
      // the tenant's run of the period (the scheduled kind covers every tenant of the test database)
      const fire = (instanceDb: Db) => runJob(instanceDb, def, { now, tenantId: f.tenant.id });
      let pair: JobRunResult[] = await atOnce(
        () => fire(instanceA),
        () => fire(instanceB),
      );
      const ran = pair.filter((r) => r.status !== "skipped");
      expect(ran, `${def.name}: ${JSON.stringify(pair)}`).toHaveLength(1);
      // a run that stopped at its time budget on a crowded database resumes on the next call
      for (let i = 0; i < 20 && pair.some((r) => r.status === "paused"); i += 1)
        pair = await atOnce(
          () => fire(instanceA),
          () => fire(instanceB),
        );
      expect(pair.some((r) => r.status === "failed")).toBe(false);
      const periodKey = ran[0]?.periodKey ?? "";
      expect(await db().jobRun.count({ where: { job: def.name, periodKey } })).toBe(1);
      expect(await db().jobRun.findFirst({ where: { job: def.name, periodKey } })).toMatchObject({
        status: "SUCCEEDED",
      });
    }
    expect(await written(f, failing.guaranteeId)).toEqual(DONE);
    await twoWorkers(f, now);
    expect(await duplicates(f.tenant.id)).toEqual(none);
    expect(await deliveredOnce(f)).toBeGreaterThan(0);
  });

  it("the work of every job, run twice at once past the run lock, writes and sends nothing twice", async () => {
    const now = new Date();
    const { f, failing } = await tenantWithDueWork("multi-work", now);
    // a run's work as runJob does it, without the JobRun row: what runs twice when a stale run is taken
    // over while its holder still works, or when the scheduled run and a tenant's "run now" meet
    const work = (instanceDb: Db, name: keyof typeof JOBS) => {
      const def = JOBS[name];
      const counts: JobCounts = {};
      const errors: JobError[] = [];
      const ctx = new JobContext(instanceDb, now, f.tenant.id, Date.now() + 120_000, null, counts, errors, () => true);
      return withImmediateAlerts({ db: instanceDb, now: () => now }, () => def.run(ctx)).then((outcome) => ({
        outcome,
        errors,
      }));
    };
    for (const name of Object.keys(JOBS) as (keyof typeof JOBS)[]) {
      const pair = await atOnce(
        () => work(instanceA, name),
        () => work(instanceB, name),
      );
      expect(
        pair.map((r) => r.outcome),
        name,
      ).toEqual(["done", "done"]);
      expect(pair.flatMap((r) => r.errors)).toEqual([]);
    }
    expect(await written(f, failing.guaranteeId)).toEqual(DONE);
    await twoWorkers(f, now);
    expect(await duplicates(f.tenant.id)).toEqual(none);
    expect(await deliveredOnce(f)).toBeGreaterThan(0);
  });
});
