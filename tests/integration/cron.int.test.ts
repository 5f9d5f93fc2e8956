import { JOB_NAMES } from "@/lib/schemas/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as digestsRoute } from "@/app/api/cron/progress-digests/route";
import { GET as educationRoute } from "@/app/api/cron/education-deliveries/route";
import { GET as milestonesRoute } from "@/app/api/cron/milestone-check/route";
import { GET as outboxRoute } from "@/app/api/cron/outbox/route";
import { GET as surveysRoute } from "@/app/api/cron/survey-triggers/route";
import { hourKey } from "@/server/jobs/period";
import { JOBS } from "@/server/jobs/registry";
import { runJob, type JobRunResult } from "@/server/jobs/runner";
import { deliverDueMessages } from "@/server/messaging/worker";
import { callerFor, createTenantFixture, educationPlanFor, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * The cron routes as a scheduler calls them: Bearer $CRON_SECRET or 401; each job started twice at
 * the same moment and once more for the same period sends exactly one message per recipient. These
 * runs are the scheduled kind (every tenant in the test database); assertions look at this file's
 * tenant only. Email goes through the real Resend SDK to a local stub.
 */
const SECRET = "cron-test-secret-0123456789";
const ROUTES = { digestsRoute, educationRoute, milestonesRoute, outboxRoute, surveysRoute };
let stub: Stub;
let f: TenantFixture;
const db = () => testDb();

const call = (route: (r: Request) => Promise<Response>, authorization: string | null = `Bearer ${SECRET}`) =>
  route(new Request("http://localhost/api/cron/x", { headers: authorization ? { authorization } : {} }));
const json = async (res: Response) => (await res.json()) as JobRunResult;

/**
 * Two calls at the same moment, then one more: only one of the first two runs (the other finds the
 * period taken). On a database crowded by other test files a run may stop at its time budget; the
 * next call of the period then resumes it, so we call until the period is done.
 */
async function twiceThenAgain(route: (r: Request) => Promise<Response>) {
  const [a, b] = await Promise.all([call(route), call(route)]);
  expect([a.status, b.status]).toEqual([200, 200]);
  const pair = [await json(a), await json(b)];
  expect(
    pair.filter((r) => r.status !== "skipped"),
    JSON.stringify(pair),
  ).toHaveLength(1);
  let last = await json(await call(route));
  for (let i = 0; i < 20 && last.status === "paused"; i += 1) last = await json(await call(route));
  // (the outbox's period is a minute: a call in the next minute is a new period and may run)
  if (pair.every((r) => r.status !== "paused") && last.periodKey === pair[0]?.periodKey)
    expect(last).toMatchObject({ status: "skipped", reason: "already ran for this period" });
  return [...pair, last];
}

beforeAll(async () => {
  stub = await startStub();
  process.env.CRON_SECRET = SECRET;
  process.env.RESEND_API_KEY = "re_cron_test";
  process.env.RESEND_BASE_URL = stub.url;
  process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
  f = await createTenantFixture("cron");
});
afterAll(async () => stub.stop());

/** The outbox route runs once a minute (its period); later tests deliver with the worker itself. */
const deliver = () =>
  Promise.all([
    deliverDueMessages(db(), { now: new Date(), tenantId: f.tenant.id }),
    deliverDueMessages(db(), { now: new Date(), tenantId: f.tenant.id }),
  ]);

/** Emails the stub received for this tenant's people, by recipient and the idempotency key of their row. */
async function mailsFor(prefix: string) {
  const emails = new Set(
    (await db().user.findMany({ where: { tenantId: f.tenant.id }, select: { email: true } })).map((u) => u.email),
  );
  // one request per email or a batch of them: each email names its outbox row in the tag outbox_id
  const sent = stub.emails().map(({ email }) => ({
    to: String(email.to),
    id: (email.tags as { name: string; value: string }[] | undefined)?.find((t) => t.name === "outbox_id")?.value ?? "",
  }));
  const keys = new Map(
    (
      await db().outboxMessage.findMany({
        where: { id: { in: sent.map((m) => m.id) } },
        select: { id: true, idempotencyKey: true },
      })
    ).map((r) => [r.id, r.idempotencyKey]),
  );
  return sent
    .map((m) => ({ to: m.to, key: keys.get(m.id) ?? "" }))
    .filter((m) => emails.has(m.to) && m.key.startsWith(prefix))
    .map((m) => `${m.to} ${m.key}`);
}

// a scheduled run covers every tenant in the database, and in a full test run that is every other test
// file's tenants too: the time depends on what ran before, not on this file
describe("cron routes", { timeout: 300_000 }, () => {
  it("refuse a missing, wrong or non-bearer secret with 401 and run nothing", async () => {
    const runs = await db().jobRun.count();
    for (const route of Object.values(ROUTES)) {
      for (const auth of [null, "Bearer wrong-secret-0123456789", `Basic ${SECRET}`, `Bearer ${SECRET}x`, "Bearer "]) {
        const res = await call(route, auth);
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: "Unauthorized" });
      }
    }
    expect(await db().jobRun.count()).toBe(runs);
  });

  it("progress digests: one run per period, then exactly one email per recipient however often the outbox runs", async () => {
    const results = await twiceThenAgain(digestsRoute);
    expect(
      results.every((r) => r.job === "progress-digests" && r.periodKey === new Date().toISOString().slice(0, 10)),
    ).toBe(true);
    expect(await db().progressUpdate.count({ where: { tenantId: f.tenant.id } })).toBe(2);

    await twiceThenAgain(outboxRoute);
    const digests = await mailsFor("digest/");
    // the account A product owner, account B's member, the executive (both projects)
    expect(digests).toHaveLength(3);
    expect(new Set(digests).size).toBe(3);
    expect(digests.some((d) => d.startsWith(`${f.users.EXECUTIVE.email} digest/${f.users.EXECUTIVE.id}/`))).toBe(true);
  });

  it("milestone check: reminders once, an overdue week at risk with one alert, sent at once to the admins", async () => {
    const now = Date.now();
    await db().milestone.updateMany({
      where: { projectId: f.projectB.id, weekNumber: 2 },
      data: { dueDate: new Date(now - 86_400_000), status: "PENDING" },
    });
    await twiceThenAgain(milestonesRoute);

    const week2 = await db().milestone.findFirstOrThrow({ where: { projectId: f.projectB.id, weekNumber: 2 } });
    expect(week2.status).toBe("AT_RISK");
    expect(await db().alert.count({ where: { projectId: f.projectB.id, kind: "MILESTONE_OVERDUE" } })).toBe(1);
    expect(await db().actionItem.count({ where: { projectId: f.projectB.id, kind: "ESCALATION" } })).toBe(1);
    expect((await db().project.findUniqueOrThrow({ where: { id: f.projectB.id } })).status).toBe("AT_RISK");
    // account A's week 2 is due in 4 days: one reminder per channel to its approver
    const weekA2 = await db().milestone.findFirstOrThrow({ where: { projectId: f.projectA.id, weekNumber: 2 } });
    expect(
      await db().outboxMessage.count({ where: { idempotencyKey: { startsWith: `milestone-due/${weekA2.id}/` } } }),
    ).toBe(2);

    // the sweep turns the new urgent alert into messages, then delivers (tenant-scoped "run now", a
    // minute on: the scheduled run of this minute, above, already covered the tenant)
    await runJob(db(), JOBS.outbox, { now: new Date(Date.now() + 60_000), tenantId: f.tenant.id });
    await deliver();
    expect(await mailsFor("milestone-due/")).toEqual([
      `${f.users.CUSTOMER.email} milestone-due/${weekA2.id}/${f.users.CUSTOMER.id}/email`,
    ]);
    const alert = await db().alert.findFirstOrThrow({ where: { projectId: f.projectB.id, kind: "MILESTONE_OVERDUE" } });
    expect(await mailsFor(`alert/${alert.id}/`)).toEqual([
      `${f.users.ADMIN.email} alert/${alert.id}/${f.users.ADMIN.id}/email`,
    ]);
  });

  it("education deliveries: each due item sent once", async () => {
    const { planId } = await educationPlanFor(f);
    await db().educationDelivery.updateMany({
      where: { planId },
      data: { scheduledAt: new Date(Date.now() - 60_000) },
    });
    const deliveries = await db().educationDelivery.findMany({ where: { planId } });
    await twiceThenAgain(educationRoute);
    expect(await db().educationDelivery.count({ where: { planId, status: "SENT" } })).toBe(deliveries.length);
    await deliver();
    const sent = await mailsFor("education/");
    expect(sent).toHaveLength(deliveries.length);
    expect(new Set(sent).size).toBe(deliveries.length);
  });

  it("survey triggers run through triggerDueSurveys and are recorded", async () => {
    const [result] = await twiceThenAgain(surveysRoute);
    const all = await db().jobRun.findMany({ where: { job: "survey-triggers", periodKey: result?.periodKey ?? "" } });
    expect(all).toHaveLength(1);
    expect(all[0]?.status).toBe("SUCCEEDED");
    expect(typeof (all[0]?.counts as Record<string, Record<string, number>>)._all?.["surveys created"]).toBe("number");
  });

  it("the Jobs page shows scheduled runs with this tenant's counts, and runs a job now for this tenant only", async () => {
    const admin = callerFor(f.users.ADMIN);
    const { planId } = await educationPlanFor(f, "lead");
    await db().educationDelivery.updateMany({
      where: { planId },
      data: { scheduledAt: new Date(Date.now() - 60_000) },
    });
    // the next hour: this hour's scheduled run (the education test above) already covered the tenant
    const nextHour = new Date(Date.now() + 3_600_000);
    const later = callerFor(f.users.ADMIN, () => nextHour);
    const run = await later.jobs.runNow({ job: "education-deliveries" });
    expect(run.status).toBe("succeeded");
    expect(run.counts["items sent"]).toBeGreaterThan(0);
    expect(await later.jobs.runNow({ job: "education-deliveries" })).toMatchObject({
      status: "skipped",
      reason: "already ran for this period",
    });

    const { jobs, runs } = await admin.jobs.list({});
    expect(jobs.map((j) => j.name)).toEqual([...JOB_NAMES]);
    const manual = runs.find((r) => r.job === "education-deliveries" && r.trigger === "run now");
    expect(manual).toMatchObject({ state: "succeeded", counts: { "items sent": run.counts["items sent"] } });
    expect(manual?.periodKey).not.toContain("@");
    const scheduled = runs.find((r) => r.job === "progress-digests" && r.trigger === "scheduled");
    expect(scheduled?.counts).toMatchObject({ "progress updates": 2 });
    // another tenant's admin sees the scheduled runs, but not this tenant's counts nor its "run now"
    const other = await createTenantFixture("cron-other");
    const seen = await callerFor(other.users.ADMIN).jobs.list({});
    expect(seen.runs.some((r) => r.id === manual?.id)).toBe(false);
    expect(seen.runs.find((r) => r.id === scheduled?.id)?.counts).toEqual({});
    expect(await db().auditEvent.count({ where: { tenantId: f.tenant.id, action: "job.run_now" } })).toBe(2);
  });

  it("'run now' in a period the scheduled run already covered says so, runs nothing and records no run", async () => {
    const at = new Date("2032-03-04T10:20:00Z");
    const scheduled = {
      job: "education-deliveries",
      periodKey: hourKey(at),
      counts: {},
      startedAt: at,
      finishedAt: at,
    };
    await db().jobRun.create({ data: { ...scheduled, status: "SUCCEEDED", errors: [] } });
    const admin = callerFor(f.users.ADMIN, () => at);
    expect(await admin.jobs.runNow({ job: "education-deliveries" })).toMatchObject({
      status: "skipped",
      reason: "already ran for this period",
      counts: {},
    });
    expect(
      await db().jobRun.count({ where: { job: "education-deliveries", periodKey: `${hourKey(at)}@${f.tenant.id}` } }),
    ).toBe(0);

    // a scheduled run that failed for this tenant leaves "run now" free to retry the tenant's share
    const next = new Date(at.getTime() + 3_600_000);
    await db().jobRun.create({
      data: {
        ...scheduled,
        periodKey: hourKey(next),
        status: "SUCCEEDED",
        errors: [{ tenantId: f.tenant.id, ref: "delivery", message: "timeout" }],
      },
    });
    expect((await callerFor(f.users.ADMIN, () => next).jobs.runNow({ job: "education-deliveries" })).status).toBe(
      "succeeded",
    );
  });
});
