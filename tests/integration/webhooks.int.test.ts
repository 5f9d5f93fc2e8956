import { TRPCError } from "@trpc/server";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JOBS } from "@/server/jobs/registry";
import { runJob } from "@/server/jobs/runner";
import { callerFor, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

// the receivers are a local stub on 127.0.0.1: allow private addresses for this file (SSRF guard)
process.env.ALLOW_PRIVATE_WEBHOOKS = "1";

let stub: Stub;
let a: TenantFixture;
let b: TenantFixture;
const admin = () => callerFor(a.users.ADMIN);

beforeAll(async () => {
  stub = await startStub();
  a = await createTenantFixture("hooks-a");
  b = await createTenantFixture("hooks-b");
});
afterAll(async () => stub.stop());
beforeEach(() => stub.reset());

const endpointCount = () => testDb().webhookEndpoint.count({ where: { tenantId: a.tenant.id } });

function verify(secret: string, path: string) {
  const req = stub.to(path).at(-1);
  if (!req) throw new Error(`nothing received at ${path}`);
  const headers = {
    "webhook-id": String(req.headers["webhook-id"]),
    "webhook-timestamp": String(req.headers["webhook-timestamp"]),
    "webhook-signature": String(req.headers["webhook-signature"]),
  };
  return {
    payload: new Webhook(secret).verify(req.body, headers) as { type: string; data: Record<string, unknown> },
    headers,
  };
}

describe("webhook endpoints", () => {
  it("creates an endpoint with a generated secret shown once, audited without the secret", async () => {
    const { endpoint, secret } = await admin().webhooks.create({
      url: `${stub.url}/hooks/created`,
      events: ["alert.created"],
    });
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: `${stub.url}/hooks/created`, events: ["alert.created"], active: true });
    expect(endpoint).not.toHaveProperty("secret");
    expect(endpoint.secretHint).toBe(`${secret.slice(0, 10)}…`);
    const listed = await admin().webhooks.list();
    expect(listed.find((e) => e.id === endpoint.id)).not.toHaveProperty("secret");
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { tenantId: a.tenant.id, action: "webhook.created", entityId: endpoint.id },
    });
    expect(JSON.stringify(audit.after)).not.toContain(secret);
  });

  it("refuses malformed URLs, other schemes, short secrets and unknown events, writing nothing", async () => {
    const before = await endpointCount();
    const cases: [unknown, string, RegExp][] = [
      [{ url: "not a url", events: ["alert.created"] }, "url", /full URL/],
      [{ url: "ftp://example.com/hook", events: ["alert.created"] }, "url", /http/],
      [{ url: `${stub.url}/hooks/x`, events: ["alert.created"], secret: "whsec_c2hvcnQ=" }, "secret", /too short/],
      [{ url: `${stub.url}/hooks/x`, events: ["alert.created"], secret: "my-password-123" }, "secret", /whsec_/],
      [
        { url: `${stub.url}/hooks/x`, events: ["alert.created", "lunch.ordered"] },
        "events.1",
        /Unknown event "lunch.ordered"/,
      ],
      [{ url: `${stub.url}/hooks/x`, events: "alert.created" }, "events", /array/],
    ];
    for (const [input, field, message] of cases) {
      const shape = await shapeOf(admin().webhooks.create(input as never), "webhooks.create");
      expect(shape?.data.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(
        (shape?.data as { fieldErrors?: Record<string, string> }).fieldErrors?.[field],
        JSON.stringify(input),
      ).toMatch(message);
    }
    expect(await endpointCount()).toBe(before);
  });

  it("sends a signed test event that verifies with the Standard Webhooks library, and logs it", async () => {
    const { endpoint, secret } = await admin().webhooks.create({
      url: `${stub.url}/hooks/test`,
      events: ["progress_update.created"],
    });
    const result = await admin().webhooks.sendTest({ endpointId: endpoint.id });
    expect(result).toMatchObject({ result: "sent", statusCode: 200, error: null });
    const { payload, headers } = verify(secret, "/hooks/test");
    expect(payload.type).toBe("test.ping");
    expect(payload.data.endpointId).toBe(endpoint.id);
    expect(headers["webhook-id"]).toBe(`msg_${result.messageId}`);
    const log = await admin().webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.total).toBe(1);
    expect(log.rows[0]).toMatchObject({
      event: "test.ping",
      statusCode: 200,
      attempt: 1,
      error: null,
      outboxMessage: { status: "SENT" },
    });
  });

  it("a 500 is logged and retryable; redelivery sends the same message again under the same id", async () => {
    const { endpoint, secret } = await admin().webhooks.create({
      url: `${stub.url}/hooks/flaky`,
      events: ["alert.created"],
    });
    stub.script("/hooks/flaky", [{ status: 500, body: { error: "down" } }, { status: 204 }]);
    const first = await admin().webhooks.sendTest({ endpointId: endpoint.id });
    expect(first).toMatchObject({ result: "failed", statusCode: 500 });
    expect(first.error).toMatch(/HTTP 500/);
    const log = await admin().webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.rows[0]).toMatchObject({ statusCode: 500, outboxMessage: { status: "FAILED", attempts: 1 } });

    const again = await admin().webhooks.redeliver({ deliveryId: log.rows[0]?.id ?? "" });
    expect(again).toMatchObject({ result: "sent", statusCode: 204 });
    expect(verify(secret, "/hooks/flaky").payload.type).toBe("test.ping");
    const ids = stub.to("/hooks/flaky").map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect((await admin().webhooks.deliveries({ endpointId: endpoint.id })).total).toBe(2);
    expect(await testDb().auditEvent.count({ where: { tenantId: a.tenant.id, action: "webhook.redelivered" } })).toBe(
      1,
    );
  });

  it("a 4xx is final: the message is dead and not retried", async () => {
    const { endpoint } = await admin().webhooks.create({ url: `${stub.url}/hooks/gone`, events: ["alert.created"] });
    stub.script("/hooks/gone", [{ status: 410, body: { error: "gone" } }]);
    const result = await admin().webhooks.sendTest({ endpointId: endpoint.id });
    expect(result).toMatchObject({ result: "dead", statusCode: 410 });
    await runJob(testDb(), JOBS.outbox, { now: new Date(Date.now() + 7 * 86_400_000), tenantId: a.tenant.id });
    expect(stub.to("/hooks/gone")).toHaveLength(1);
  });

  it("delivers subscribed events from the outbox sweep, once, signed", async () => {
    const alerts = await admin().webhooks.create({ url: `${stub.url}/hooks/alerts`, events: ["alert.created"] });
    await admin().webhooks.create({ url: `${stub.url}/hooks/progress-only`, events: ["progress_update.created"] });
    // a minute no scheduled outbox run (cron.int.test.ts) can have covered: "run now" would say it already ran
    const now = new Date(Date.now() + 2 * 60_000);
    const alert = await testDb().alert.create({
      data: {
        tenantId: a.tenant.id,
        projectId: a.projectA.id,
        severity: "WARNING",
        kind: "MILESTONE_AT_RISK",
        message: "Week 2 is at risk",
        link: `/projects/${a.projectA.id}`,
        createdAt: now,
      },
    });
    const first = await runJob(testDb(), JOBS.outbox, { now, tenantId: a.tenant.id });
    expect(first.status).toBe("succeeded");
    const { payload } = verify(alerts.secret, "/hooks/alerts");
    expect(payload).toMatchObject({
      type: "alert.created",
      data: { alertId: alert.id, severity: "WARNING", kind: "MILESTONE_AT_RISK", label: "Week at risk" },
    });
    expect(stub.to("/hooks/progress-only")).toHaveLength(0);
    await runJob(testDb(), JOBS.outbox, { now: new Date(now.getTime() + 5 * 60_000), tenantId: a.tenant.id });
    expect(stub.to("/hooks/alerts")).toHaveLength(1);
  });

  it("disable, edit, delete; other tenants' endpoints are not found", async () => {
    const { endpoint } = await admin().webhooks.create({ url: `${stub.url}/hooks/edit`, events: ["alert.created"] });
    await admin().webhooks.update({ endpointId: endpoint.id, active: false });
    expect(
      (await shapeOf(admin().webhooks.sendTest({ endpointId: endpoint.id }), "webhooks.sendTest"))?.message,
    ).toMatch(/disabled/);
    expect(
      (await shapeOf(admin().webhooks.update({ endpointId: endpoint.id, url: "mailto:x@y.z" }), "webhooks.update"))
        ?.data.code,
    ).toBe("BAD_REQUEST");
    const edited = await admin().webhooks.update({
      endpointId: endpoint.id,
      events: ["milestone.overdue", "alert.created"],
      active: true,
    });
    expect(edited).toMatchObject({ events: ["milestone.overdue", "alert.created"], active: true });

    const outsider = callerFor(b.users.ADMIN);
    // one call at a time: a call started before the previous one is awaited can reject unawaited (an unhandled rejection)
    for (const call of [
      () => outsider.webhooks.get({ endpointId: endpoint.id }),
      () => outsider.webhooks.sendTest({ endpointId: endpoint.id }),
      () => outsider.webhooks.remove({ endpointId: endpoint.id }),
    ]) {
      await expect(call()).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND");
    }
    await admin().webhooks.remove({ endpointId: endpoint.id });
    expect((await shapeOf(admin().webhooks.get({ endpointId: endpoint.id }), "webhooks.get"))?.data.code).toBe(
      "NOT_FOUND",
    );
  });
});
