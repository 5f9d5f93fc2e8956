import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "@/lib/schemas/webhooks";
import { WEBHOOK_EVENT_CATALOGUE, type CatalogueEvent } from "@/lib/schemas/webhook-events";
import { JOBS } from "@/server/jobs/registry";
import { runJob } from "@/server/jobs/runner";
import { emitWebhookEvent } from "@/server/messaging/events";
import { deliverDueMessages } from "@/server/messaging/worker";
import {
  callerFor,
  createTenantFixture,
  decidedGuaranteeFor,
  journeyFor,
  kickedOffProject,
  openSurveyFor,
  refundAt,
  shapeOf,
  signOffCriterionOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { startStub, type Stub, type StubRequest } from "../helpers/stub-server";

// the receivers are a local stub on 127.0.0.1: allow private addresses for this file (SSRF guard)
process.env.ALLOW_PRIVATE_WEBHOOKS = "1";

const CONFIG = { email: null, allowPrivateNetworks: true, appUrl: "http://onward.test" };
const DAY = 86_400_000;

let stub: Stub;
let f: TenantFixture;
const admin = () => callerFor(f.users.ADMIN);

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under ESM its plugin may sit on `default`
((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
const validators = new Map<string, ValidateFunction>();
function publishedSchema(event: string): ValidateFunction {
  let v = validators.get(event);
  if (!v) {
    const file = path.join(import.meta.dirname, "..", "..", "docs", "webhooks", `${event}.json`);
    v = ajv.compile(JSON.parse(readFileSync(file, "utf8")) as object);
    validators.set(event, v);
  }
  return v;
}

function headersOf(req: StubRequest) {
  return {
    "webhook-id": String(req.headers["webhook-id"]),
    "webhook-timestamp": String(req.headers["webhook-timestamp"]),
    "webhook-signature": String(req.headers["webhook-signature"]),
  };
}

function verified(secret: string, req: StubRequest) {
  return new Webhook(secret).verify(req.body, headersOf(req)) as {
    type: string;
    timestamp: string;
    data: Record<string, unknown>;
  };
}

const deliver = (now: Date) => deliverDueMessages(testDb(), { now, config: CONFIG, tenantId: f.tenant.id });

/** Queues one event of `type` with the catalogue's example data, as the service that makes it would. */
function emitExample(type: CatalogueEvent, key: string, at: Date) {
  return testDb().$transaction((tx) =>
    emitWebhookEvent(tx, {
      tenantId: f.tenant.id,
      event: type,
      key,
      at,
      data: WEBHOOK_EVENT_CATALOGUE[type].example,
    }),
  );
}

beforeAll(async () => {
  stub = await startStub();
  f = await createTenantFixture("hook-cat");
});
afterAll(async () => stub.stop());
beforeEach(() => stub.reset());

describe("the event catalogue, delivered", () => {
  it("every event type is emitted by its service, signed, and matches its published JSON Schema", async () => {
    const all = await admin().webhooks.create({ url: `${stub.url}/hooks/all`, events: [] });
    const leadsOnly = await admin().webhooks.create({ url: `${stub.url}/hooks/leads`, events: ["lead.qualified"] });
    expect(all.endpoint.events).toEqual([]);

    // the services, through their procedures and the fixtures' real flows
    await journeyFor(f); // lead.qualified, journey.phase_changed
    await kickedOffProject(f); // project.kicked_off
    const { criterionId } = await signOffCriterionOf(f.projectA.id);
    await callerFor(f.users.CUSTOMER).portal.signOff({ criterionId, decision: "APPROVED" }); // signoff.recorded
    const week = await testDb().milestone.findFirstOrThrow({
      where: { projectId: f.projectA.id, weekNumber: 3 },
      select: { id: true, criteria: { select: { id: true } } },
    });
    await callerFor(f.users.TECH_LEAD).projects.validateMilestone({
      milestoneId: week.id,
      scores: week.criteria.map((c) => ({ criterionId: c.id, score: 90 })),
    }); // milestone.validated
    await callerFor(f.users.TECH_LEAD).quality.validate({ projectId: f.projectA.id, type: "DELIVERY" });
    const survey = await openSurveyFor(f);
    await callerFor(f.users.CUSTOMER).portal.answerSurvey({ surveyId: survey.surveyId, score: 9 });
    await decidedGuaranteeFor(f, "success"); // guarantee.decided
    const approved = await refundAt(f, "APPROVED"); // refund.requested, refund.approved
    await callerFor(f.users.EXECUTIVE).refunds.markPaid({
      refundId: approved.refundId,
      expectedVersion: approved.expectedVersion,
      amountCents: 100,
      reference: "TRX-1",
      paidAt: new Date(),
    });
    const reviewed = await refundAt(f, "UNDER_REVIEW");
    await callerFor(f.users.EXECUTIVE).refunds.reject({
      refundId: reviewed.refundId,
      expectedVersion: reviewed.expectedVersion,
      reason: "The delay was agreed.",
    });
    // the jobs: overdue weeks and progress updates; then the outbox sweep sends alert.created too
    const later = new Date(Date.now() + 40 * DAY);
    await runJob(testDb(), JOBS["milestone-check"], { now: later, tenantId: f.tenant.id });
    await runJob(testDb(), JOBS["progress-digests"], { now: later, tenantId: f.tenant.id });
    await runJob(testDb(), JOBS.outbox, { now: later, tenantId: f.tenant.id });
    await deliver(later);

    const received = new Set<string>();
    for (const req of stub.to("/hooks/all")) {
      const payload = verified(all.secret, req);
      const validate = publishedSchema(payload.type);
      expect(validate(payload), `${payload.type}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      received.add(payload.type);
    }
    expect([...received].sort()).toEqual([...WEBHOOK_EVENTS].sort());

    // the filter: only the chosen event
    const leadEvents = stub.to("/hooks/leads").map((r) => verified(leadsOnly.secret, r).type);
    expect(leadEvents.length).toBeGreaterThan(0);
    expect(new Set(leadEvents)).toEqual(new Set(["lead.qualified"]));
    await admin().webhooks.remove({ endpointId: all.endpoint.id });
    await admin().webhooks.remove({ endpointId: leadsOnly.endpoint.id });
  });

  it("the timestamp is when it happened, and retries send the same bytes under the same id", async () => {
    const { endpoint, secret } = await admin().webhooks.create({
      url: `${stub.url}/hooks/late`,
      events: ["lead.qualified"],
    });
    stub.script("/hooks/late", [{ status: 503 }, { status: 200 }]);
    const happened = new Date(Date.now() - 60_000);
    await emitExample("lead.qualified", "late/1", happened);
    await deliver(new Date());
    await deliver(new Date(Date.now() + 10 * 60_000));
    const [first, second] = stub.to("/hooks/late");
    expect(first && second).toBeTruthy();
    if (!first || !second) return;
    expect(second.body).toBe(first.body);
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(verified(secret, second).timestamp).toBe(happened.toISOString());
    await admin().webhooks.remove({ endpointId: endpoint.id });
  });
});

describe("secret rotation", () => {
  it("both secrets sign for 24 hours, each verifies alone; then only the new one", async () => {
    const created = await admin().webhooks.create({ url: `${stub.url}/hooks/rotate`, events: [] });
    const rotated = await admin().webhooks.rotateSecret({ endpointId: created.endpoint.id });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.endpoint).not.toHaveProperty("secret");
    expect(rotated.endpoint).not.toHaveProperty("previousSecret");
    expect(rotated.endpoint.previousSecretValidUntil).not.toBeNull();

    await admin().webhooks.sendTest({ endpointId: created.endpoint.id });
    const during = stub.to("/hooks/rotate").at(-1);
    if (!during) throw new Error("nothing received");
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verified(created.secret, during).type).toBe("test.ping");
    expect(verified(rotated.secret, during).type).toBe("test.ping");
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(during.body, headersOf(during)),
    ).toThrow();

    // 25 hours later, by the delivery's clock: the old secret no longer signs
    const later = new Date(Date.now() + 25 * 3_600_000);
    await callerFor(f.users.ADMIN, () => later).webhooks.sendTest({ endpointId: created.endpoint.id });
    const after = stub.to("/hooks/rotate").at(-1);
    if (!after) throw new Error("nothing received");
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verified(rotated.secret, after).type).toBe("test.ping");
    expect(() => verified(created.secret, after)).toThrow();
    expect(
      (await callerFor(f.users.ADMIN, () => later).webhooks.get({ endpointId: created.endpoint.id }))
        .previousSecretValidUntil,
    ).toBeNull();

    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { tenantId: f.tenant.id, action: "webhook.secret_rotated", entityId: created.endpoint.id },
    });
    expect(JSON.stringify(audit)).not.toContain(rotated.secret);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
    await admin().webhooks.remove({ endpointId: created.endpoint.id });
  });

  it("unknown and other tenants' endpoints are not found", async () => {
    const other = await createTenantFixture("hook-cat-b");
    const theirs = await callerFor(other.users.ADMIN).webhooks.create({ url: `${stub.url}/hooks/b`, events: [] });
    for (const endpointId of [theirs.endpoint.id, "nope", ""]) {
      const rotate = await shapeOf(admin().webhooks.rotateSecret({ endpointId }), "webhooks.rotateSecret");
      const reenable = await shapeOf(admin().webhooks.reenable({ endpointId }), "webhooks.reenable");
      expect([rotate?.data.code, reenable?.data.code], endpointId).toEqual(
        endpointId ? ["NOT_FOUND", "NOT_FOUND"] : ["BAD_REQUEST", "BAD_REQUEST"],
      );
    }
  });
});

describe("disabling and re-enabling endpoints", () => {
  const adminNotices = (endpointId: string) =>
    testDb().outboxMessage.findMany({
      where: { tenantId: f.tenant.id, idempotencyKey: { startsWith: `webhook-disabled/${endpointId}/` } },
      select: { channel: true, recipient: true },
    });

  it("410 Gone disables the endpoint at once, audits it and tells the admins once in the app and by email", async () => {
    const { endpoint } = await admin().webhooks.create({ url: `${stub.url}/hooks/gone`, events: [] });
    stub.script("/hooks/gone", [{ status: 410 }]);
    const result = await admin().webhooks.sendTest({ endpointId: endpoint.id });
    expect(result).toMatchObject({ result: "dead", statusCode: 410 });
    const after = await admin().webhooks.get({ endpointId: endpoint.id });
    expect(after).toMatchObject({ active: false });
    expect(after.disabledReason).toMatch(/410/);
    const notices = await adminNotices(endpoint.id);
    expect(notices.map((n) => n.channel).sort()).toEqual(["EMAIL", "IN_APP"]);
    expect(notices.find((n) => n.channel === "EMAIL")?.recipient).toBe(f.users.ADMIN.email);
    expect(
      await testDb().auditEvent.count({
        where: { tenantId: f.tenant.id, action: "webhook.disabled", entityId: endpoint.id, actorId: null },
      }),
    ).toBe(1);

    // events are no longer queued for it; a failed re-enable keeps it disabled and tells no one again
    await emitExample("lead.qualified", "gone/1", new Date());
    expect(await testDb().outboxMessage.count({ where: { idempotencyKey: `webhook/${endpoint.id}/gone/1` } })).toBe(0);
    const failed = await admin().webhooks.reenable({ endpointId: endpoint.id });
    expect(failed).toMatchObject({ enabled: false, statusCode: 410 });
    expect((await admin().webhooks.get({ endpointId: endpoint.id })).active).toBe(false);
    expect(await adminNotices(endpoint.id)).toHaveLength(2);

    // the receiver is back: the test event is delivered and the endpoint enabled
    stub.script("/hooks/gone", [{ status: 204 }]);
    const back = await admin().webhooks.reenable({ endpointId: endpoint.id });
    expect(back).toMatchObject({ enabled: true, result: "sent", statusCode: 204 });
    expect(await admin().webhooks.get({ endpointId: endpoint.id })).toMatchObject({
      active: true,
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
    });
    expect(
      await testDb().auditEvent.count({
        where: { tenantId: f.tenant.id, action: "webhook.enabled", entityId: endpoint.id },
      }),
    ).toBe(1);
    expect(
      (await shapeOf(admin().webhooks.reenable({ endpointId: endpoint.id }), "webhooks.reenable"))?.message,
    ).toMatch(/already enabled/);
    await admin().webhooks.remove({ endpointId: endpoint.id });
  });

  it("an endpoint failing for 5 days is disabled; 4 days of failures, or a success between, are not enough", async () => {
    const { endpoint } = await admin().webhooks.create({ url: `${stub.url}/hooks/down`, events: ["lead.qualified"] });
    stub.script("/hooks/down", [{ status: 500 }]);
    const t0 = new Date(Date.now() + 60 * DAY);
    await emitExample("lead.qualified", "down/1", t0);
    await deliver(t0);
    expect((await admin().webhooks.get({ endpointId: endpoint.id })).failingSince?.toISOString()).toBe(
      t0.toISOString(),
    );

    const day4 = new Date(t0.getTime() + 4 * DAY);
    await emitExample("lead.qualified", "down/2", day4);
    await deliver(day4);
    expect((await admin().webhooks.get({ endpointId: endpoint.id })).active).toBe(true);
    expect(await adminNotices(endpoint.id)).toHaveLength(0);

    const day5 = new Date(t0.getTime() + 5 * DAY);
    await emitExample("lead.qualified", "down/3", day5);
    await deliver(day5);
    const disabled = await admin().webhooks.get({ endpointId: endpoint.id });
    expect(disabled.active).toBe(false);
    expect(disabled.disabledReason).toMatch(/5 days/);
    expect(await adminNotices(endpoint.id)).toHaveLength(2);
    // a retry still queued is not sent to a disabled endpoint
    const before = stub.to("/hooks/down").length;
    await deliver(new Date(day5.getTime() + 3 * DAY));
    expect(stub.to("/hooks/down")).toHaveLength(before);
    await admin().webhooks.remove({ endpointId: endpoint.id });
  });

  it("a success resets the failing clock", async () => {
    const { endpoint } = await admin().webhooks.create({ url: `${stub.url}/hooks/flaky`, events: ["lead.qualified"] });
    const t0 = new Date(Date.now() + 80 * DAY);
    stub.script("/hooks/flaky", [{ status: 500 }, { status: 200 }, { status: 500 }]);
    await emitExample("lead.qualified", "flaky/1", t0);
    await deliver(t0);
    await emitExample("lead.qualified", "flaky/2", new Date(t0.getTime() + 3 * DAY));
    await deliver(new Date(t0.getTime() + 3 * DAY)); // the retry of flaky/1 or flaky/2 succeeds
    const day6 = new Date(t0.getTime() + 6 * DAY);
    await emitExample("lead.qualified", "flaky/3", day6);
    await deliver(day6);
    const now = await admin().webhooks.get({ endpointId: endpoint.id });
    expect(now.active).toBe(true);
    expect(now.failingSince?.getTime()).toBeGreaterThan(t0.getTime());
    await admin().webhooks.remove({ endpointId: endpoint.id });
  });
});

describe("chat channel health", () => {
  const brokenNotices = (userId: string) =>
    testDb().outboxMessage.findMany({
      where: { tenantId: f.tenant.id, idempotencyKey: { startsWith: `chat-broken/${userId}/slack/` } },
      select: { channel: true },
    });

  it("a 4xx from Slack marks the channel broken, tells the person once, and a new URL or a good test clears it", async () => {
    const me = callerFor(f.users.CSM);
    await me.preferences.updateChannels({
      channels: ["email", "slack", "in_app"],
      digest: "daily",
      slackWebhookUrl: `${stub.url}/slack/revoked`,
    });
    stub.script("/slack/revoked", [{ status: 404, body: "no_service" }]);
    const first = await me.preferences.testChat({ channel: "slack" });
    expect(first.result).toBe("dead");
    expect(first.error).toMatch(/HTTP 404/);
    expect(first.prefs.slackBroken?.error).toMatch(/HTTP 404/);
    expect((await brokenNotices(f.users.CSM.id)).map((n) => n.channel).sort()).toEqual(["EMAIL", "IN_APP"]);

    // refused again: still broken, no second notice; saving the same URL keeps the mark
    await me.preferences.testChat({ channel: "slack" });
    expect(await brokenNotices(f.users.CSM.id)).toHaveLength(2);
    const same = await me.preferences.updateChannels({
      channels: ["email", "slack", "in_app"],
      digest: "daily",
      slackWebhookUrl: `${stub.url}/slack/revoked`,
    });
    expect(same.slackBroken).not.toBeNull();

    // a successful test clears it
    stub.script("/slack/revoked", [{ status: 200 }]);
    const good = await me.preferences.testChat({ channel: "slack" });
    expect(good).toMatchObject({ result: "sent", error: null });
    expect(good.prefs.slackBroken).toBeNull();

    // broken again, then a new URL clears it
    stub.script("/slack/revoked", [{ status: 403 }]);
    await me.preferences.testChat({ channel: "slack" });
    expect((await me.preferences.channels()).slackBroken).not.toBeNull();
    const fixed = await me.preferences.updateChannels({
      channels: ["email", "slack", "in_app"],
      digest: "daily",
      slackWebhookUrl: `${stub.url}/slack/new`,
    });
    expect(fixed.slackBroken).toBeNull();
  });

  it("429 and 5xx are not a broken channel", async () => {
    const me = callerFor(f.users.TECH_LEAD);
    await me.preferences.updateChannels({
      channels: ["slack"],
      digest: "daily",
      slackWebhookUrl: `${stub.url}/slack/busy`,
    });
    for (const status of [429, 500]) {
      stub.script("/slack/busy", [{ status }]);
      const out = await me.preferences.testChat({ channel: "slack" });
      expect(out.result, String(status)).toBe("failed");
      expect(out.prefs.slackBroken, String(status)).toBeNull();
    }
    expect(await brokenNotices(f.users.TECH_LEAD.id)).toHaveLength(0);
  });

  it("bad input: an unknown channel or one not set up is a 400 naming the field", async () => {
    const me = callerFor(f.users.EXECUTIVE);
    const unknown = await shapeOf(me.preferences.testChat({ channel: "fax" as never }), "preferences.testChat");
    expect(unknown?.data.code).toBe("BAD_REQUEST");
    expect((unknown?.data as { fieldErrors?: Record<string, string> }).fieldErrors?.channel).toBeTruthy();
    const unset = await shapeOf(me.preferences.testChat({ channel: "teams" }), "preferences.testChat");
    expect(unset?.data.code).toBe("BAD_REQUEST");
    expect(unset?.message).toMatch(/Teams/);
  });
});
