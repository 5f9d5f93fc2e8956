import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StakeholderRole } from "@/generated/prisma/enums";
import { JOBS } from "@/server/jobs/registry";
import { runJob } from "@/server/jobs/runner";
import { deliverDueMessages } from "@/server/messaging/worker";
import { callerFor, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * Daily progress digests (docs/domain.md#progress-updates): one progress update per project and day, one role-specific
 * digest per person and day however many events happened, urgent alerts at once, preferences.
 * A fixed Tuesday keeps the calendar deterministic; every run is scoped to the file's tenant.
 */
const NOW = new Date("2031-03-04T07:00:00.000Z"); // a Tuesday
const DAY = "2031-03-04";
let stub: Stub;
let f: TenantFixture;
const db = () => testDb();
const people: Record<string, string> = {};

async function customer(role: StakeholderRole, label: string, prefs: Record<string, unknown> = {}) {
  const u = await db().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `${label}-${f.tag}@acme.test`,
      name: label,
      role: "CUSTOMER",
      customerAccountId: f.accountA.id,
      stakeholderRole: role,
      channelPrefs: prefs as never,
    },
  });
  people[label] = u.id;
  return u;
}

const digestRows = (userId: string) =>
  db().outboxMessage.findMany({
    where: { idempotencyKey: { startsWith: `digest/${userId}/` } },
    orderBy: { idempotencyKey: "asc" },
  });
const sweep = (now = NOW) => deliverDueMessages(db(), { now, tenantId: f.tenant.id });

beforeAll(async () => {
  stub = await startStub();
  // the real Resend SDK, pointed at the local stub (read by the worker through lib/env)
  process.env.RESEND_API_KEY = "re_digest_test";
  process.env.RESEND_BASE_URL = stub.url;
  process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
  f = await createTenantFixture("digests", NOW);
  people.po = f.users.CUSTOMER.id;
  await customer("EXECUTIVE_SPONSOR", "sponsor");
  await customer("TECHNICAL_LEAD", "cto");
  await customer("MEMBER", "member");
  await customer("MEMBER", "weekly", { digest: "weekly" });
  await customer("MEMBER", "quiet", { digest: "off" });
  await customer("MEMBER", "slacker", { email: false, inApp: false, slack: true });
});
afterAll(async () => stub.stop());

describe("progress-digests job", () => {
  it("runs once per period even when started twice at the same moment, then again", async () => {
    const results = await Promise.all([
      runJob(db(), JOBS["progress-digests"], { now: NOW, tenantId: f.tenant.id }),
      runJob(db(), JOBS["progress-digests"], { now: NOW, tenantId: f.tenant.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["skipped", "succeeded"]);
    const again = await runJob(db(), JOBS["progress-digests"], {
      now: new Date(NOW.getTime() + 3_600_000),
      tenantId: f.tenant.id,
    });
    expect(again).toMatchObject({ status: "skipped", reason: "already ran for this period" });
    const done = results.find((r) => r.status === "succeeded");
    expect(done?.counts[f.tenant.id]).toMatchObject({ "progress updates": 2 });

    const updates = await db().progressUpdate.findMany({ where: { tenantId: f.tenant.id } });
    expect(updates.map((u) => u.periodKey)).toEqual([DAY, DAY]);
    const runs = await db().jobRun.findMany({
      where: { job: "progress-digests", periodKey: { endsWith: `@${f.tenant.id}` } },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "SUCCEEDED", cursor: null });
  });

  it("writes one digest per person and channel, in the format of their role", async () => {
    const subject = async (label: string) => (await digestRows(people[label] ?? ""))[0]?.subject;
    const projectA = f.projectA.name;
    expect(await subject("sponsor")).toBe(`Project ${projectA} - Week 2 Executive Summary`);
    expect(await subject("cto")).toBe(`Project ${projectA} - Week 2 Technical Update`);
    expect(await subject("po")).toBe(`Project ${projectA} - Week 2 Product Update`);
    expect(await subject("member")).toBe(`Project ${projectA} - Week 2 Progress Update`);
    expect((await digestRows(f.users.EXECUTIVE.id))[0]?.subject).toBe(`Daily executive summary: 2 projects, ${DAY}`);

    const sponsor = await digestRows(people.sponsor ?? "");
    expect(sponsor.map((r) => [r.channel, r.idempotencyKey])).toEqual([
      ["EMAIL", `digest/${people.sponsor}/${DAY}/email`],
      ["IN_APP", `digest/${people.sponsor}/${DAY}/in_app`],
    ]);
    expect(sponsor[0]?.bodyText).toMatch(/Budget: Within budget \(fixed price\)/);
    expect(sponsor[0]?.bodyHtml).toContain("Open the executive view");
    const cto = (await digestRows(people.cto ?? ""))[0]?.bodyText ?? "";
    expect(cto).toMatch(/Quality gates: Not validated yet/);
    expect(cto).toMatch(/Environments:/);
    const po = (await digestRows(people.po ?? ""))[0]?.bodyText ?? "";
    expect(po).toMatch(/Sign-offs pending:\n {2}- Week 2: Requirements Analysis Complete/);

    // weekly on a Tuesday, or off: nothing; Slack chosen without a URL: a dead row with the reason
    expect(await digestRows(people.weekly ?? "")).toEqual([]);
    expect(await digestRows(people.quiet ?? "")).toEqual([]);
    const slack = await digestRows(people.slacker ?? "");
    expect(slack.map((r) => [r.channel, r.status, r.lastError])).toEqual([
      ["SLACK", "DEAD", "Slack is chosen but no incoming-webhook URL is set"],
    ]);
  });

  it("10 events in a day still make 1 digest, delivered once through Resend", async () => {
    const po = people.po ?? "";
    for (let i = 1; i <= 10; i += 1) {
      await db().notification.create({
        data: {
          tenantId: f.tenant.id,
          userId: po,
          title: `Event ${i}`,
          createdAt: new Date(NOW.getTime() - i * 60_000),
        },
      });
      await db().alert.create({
        data: {
          tenantId: f.tenant.id,
          projectId: f.projectA.id,
          severity: "WARNING",
          kind: "MILESTONE_AT_RISK",
          message: `Warning ${i}`,
          createdAt: NOW,
        },
      });
    }
    const { queueDigest } = await import("@/server/services/digests");
    const person = await db().user.findUniqueOrThrow({ where: { id: po } });
    const tenant = { id: f.tenant.id, name: f.tenant.name, timezone: "UTC", currency: "USD" };
    expect(await queueDigest(db(), tenant, person, NOW, "http://localhost:3000")).toBe("already_queued");
    await runJob(db(), JOBS.outbox, { now: NOW, tenantId: f.tenant.id });
    await runJob(db(), JOBS["progress-digests"], { now: NOW, tenantId: f.tenant.id });
    await Promise.all([sweep(), sweep()]);
    // digests go out in batch requests with the other due mail: count emails, not requests
    const mails = stub.emails().filter((m) => m.email.to === f.users.CUSTOMER.email);
    expect(mails).toHaveLength(1);
    expect(String(mails[0]?.email.subject)).toContain("Product Update");
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `digest/${po}/${DAY}/email` } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("an urgent alert goes out at once, even to someone whose digest is off", async () => {
    await db().user.update({
      where: { id: f.users.EXECUTIVE.id },
      data: { channelPrefs: { email: true, inApp: true, digest: "off" } },
    });
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const alert = await db().alert.create({
      data: {
        tenantId: f.tenant.id,
        projectId: f.projectB.id,
        severity: "CRITICAL",
        kind: "REFUND_AWAITING_APPROVAL",
        message: "A refund was claimed",
        link: `/projects/${f.projectB.id}`,
        createdAt: later,
      },
    });
    await runJob(db(), JOBS.outbox, { now: later, tenantId: f.tenant.id });
    const mail = stub
      .to("/emails")
      .filter((r) => r.headers["idempotency-key"] === `alert/${alert.id}/${f.users.EXECUTIVE.id}/email`);
    expect(mail).toHaveLength(1);
    expect((mail[0]?.json as { subject: string }).subject).toBe(
      `[Critical] ${f.projectB.name}: Refund awaiting approval`,
    );
    await runJob(db(), JOBS.outbox, { now: new Date(later.getTime() + 5 * 60_000), tenantId: f.tenant.id });
    expect(
      stub.requests.filter((r) => r.headers["idempotency-key"] === `alert/${alert.id}/${f.users.EXECUTIVE.id}/email`),
    ).toHaveLength(1);
  });

  it("raises one risk alert for a project at high risk, and resumes a run cut by its time budget", async () => {
    const next = new Date(NOW.getTime() + 86_400_000);
    await db().milestone.updateMany({ where: { projectId: f.projectB.id, weekNumber: 2 }, data: { status: "FAILED" } });
    await db().alert.updateMany({ where: { projectId: f.projectA.id }, data: { resolvedAt: NOW } });
    const first = await runJob(db(), JOBS["progress-digests"], { now: next, tenantId: f.tenant.id, budgetMs: 0 });
    expect(first.status).toBe("paused");
    const paused = await db().jobRun.findFirstOrThrow({ where: { id: first.runId } });
    expect(paused).toMatchObject({ status: "RUNNING" });
    expect(paused.finishedAt).not.toBeNull();
    expect(paused.cursor).toMatch(/^projects\|/);
    let result = first;
    for (let i = 0; i < 5 && result.status === "paused"; i += 1)
      result = await runJob(db(), JOBS["progress-digests"], { now: next, tenantId: f.tenant.id, budgetMs: 0 });
    expect(result.status).toBe("succeeded");
    expect(result.counts[f.tenant.id]).toMatchObject({ "progress updates": 2, "risk alerts": 1 });
    expect(await db().progressUpdate.count({ where: { tenantId: f.tenant.id, periodKey: "2031-03-05" } })).toBe(2);
    const risk = await db().alert.findMany({
      where: { projectId: f.projectB.id, kind: { in: ["PROJECT_OFF_TRACK", "PROJECT_CRITICAL_RISK"] } },
    });
    expect(risk).toHaveLength(1);
    expect(risk[0]?.message).toMatch(/off track: Risk (high|critical)/);
    expect(
      await db().outboxMessage.count({ where: { idempotencyKey: `digest/${people.sponsor}/2031-03-05/email` } }),
    ).toBe(1);
  });
});

describe("preferences", () => {
  const me = () => callerFor(f.users.CSM);

  it("reads the defaults and saves channels and frequency, audited without URLs", async () => {
    expect(await me().preferences.channels()).toMatchObject({
      channels: ["email", "in_app"],
      digest: "daily",
      slackWebhookUrl: "",
    });
    const saved = await me().preferences.updateChannels({
      channels: ["email", "slack"],
      digest: "weekly",
      slackWebhookUrl: `${stub.url}/slack/me`,
    });
    expect(saved).toMatchObject({
      channels: ["email", "slack"],
      digest: "weekly",
      slackWebhookUrl: `${stub.url}/slack/me`,
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { actorId: f.users.CSM.id, action: "channel_prefs.updated" },
    });
    expect(JSON.stringify(audit.after)).not.toContain(stub.url);
  });

  it("refuses unknown channels and a chat channel without its URL, changing nothing", async () => {
    const before = await me().preferences.channels();
    const unknown = await shapeOf(
      me().preferences.updateChannels({ channels: ["email", "fax"] as never, digest: "daily" }),
      "preferences.updateChannels",
    );
    expect(unknown?.data.code).toBe("BAD_REQUEST");
    expect(unknown?.message).toMatch(/Unknown channel "fax"/);
    const noUrl = await shapeOf(
      me().preferences.updateChannels({ channels: ["teams"], digest: "daily" }),
      "preferences.updateChannels",
    );
    expect((noUrl?.data as { fieldErrors?: Record<string, string> }).fieldErrors?.teamsWebhookUrl).toMatch(
      /Teams incoming-webhook URL/,
    );
    const badUrl = await shapeOf(
      me().preferences.updateChannels({
        channels: ["slack"],
        digest: "daily",
        slackWebhookUrl: "ftp://hooks.example/x",
      }),
      "preferences.updateChannels",
    );
    expect((badUrl?.data as { fieldErrors?: Record<string, string> }).fieldErrors?.slackWebhookUrl).toMatch(/http/);
    const frequency = await shapeOf(
      me().preferences.updateChannels({ channels: [], digest: "hourly" as never }),
      "preferences.updateChannels",
    );
    expect(frequency?.message).toMatch(/daily or weekly/);
    expect(await me().preferences.channels()).toEqual(before);
  });
});
