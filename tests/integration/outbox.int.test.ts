import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChannelPrefs } from "@/lib/schemas/channel-prefs";
import { claimDueMessages, insertOutboxMessages } from "@/server/db/outbox";
import type { DeliveryConfig } from "@/server/messaging/config";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { deliverEmailNow, enqueueEmail } from "@/server/messaging/outbox";
import { BASE_DELAY_MS, JITTER_FRACTION, MAX_ATTEMPTS } from "@/server/messaging/retry";
import { renderMessage } from "@/server/messaging/templates/render";
import { LEASE_MS, deliverDueMessages, deliverMessageNow } from "@/server/messaging/worker";
import { createPerson, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * The outbox worker against a local stub standing in for Resend, Slack and Teams: the real Resend SDK
 * (pointed at the stub), real HTTP, the real database (embedded PGlite or PostgreSQL).
 */
let stub: Stub;
let f: TenantFixture;
let config: DeliveryConfig;
const db = () => testDb();

beforeAll(async () => {
  stub = await startStub();
  f = await createTenantFixture("outbox");
  config = {
    email: { apiKey: "re_test_key", baseUrl: stub.url, from: "Onward <no-reply@onward.test>" },
    allowPrivateNetworks: true,
    appUrl: "http://localhost:3000",
  };
});
afterAll(async () => stub.stop());
beforeEach(() => stub.reset());

const sweep = (now: Date, over: Partial<DeliveryConfig> = {}) =>
  deliverDueMessages(db(), { now, config: { ...config, ...over }, tenantId: f.tenant.id });

async function email(now: Date, key = `test/${randomUUID()}`) {
  await enqueueEmail(
    db(),
    {
      tenantId: f.tenant.id,
      to: "pat@example.com",
      subject: "Hello",
      text: "Plain body",
      html: "<p>Hello</p>",
      idempotencyKey: key,
    },
    now,
  );
  return key;
}

const row = (key: string) => db().outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });

const message = renderMessage({
  subject: "Project Apollo - Week 2 Executive Summary",
  intro: "Hello <Sam> & team",
  trailer: null,
  footer: "footer",
  sections: [
    {
      title: "Apollo",
      facts: [{ label: "Progress", value: "50.0% complete" }],
      lists: [{ heading: "Upcoming", items: ["Week 3"] }],
      note: null,
      link: { label: "Open", url: "http://localhost:3000/dashboard" },
    },
  ],
  inApp: { title: "Digest", body: "Two projects", link: "/projects" },
});

const person = (prefs: Partial<ChannelPrefs> = {}) => createPerson(f.tenant.id, prefs);

describe("email through Resend", () => {
  it("sends with the idempotency key as Resend's Idempotency-Key, text and HTML, and marks the row sent", async () => {
    const now = new Date();
    const key = await email(now);
    expect(await sweep(now)).toMatchObject({ claimed: 1, sent: 1 });
    const [req] = stub.to("/emails");
    expect(req?.headers["idempotency-key"]).toBe(key);
    expect(req?.headers.authorization).toBe("Bearer re_test_key");
    expect(req?.json).toMatchObject({
      to: "pat@example.com",
      subject: "Hello",
      text: "Plain body",
      html: "<p>Hello</p>",
    });
    expect(await row(key)).toMatchObject({ status: "SENT", attempts: 1, lastError: null, lockedUntil: null });
    expect(await sweep(now)).toMatchObject({ claimed: 0 });
    expect(stub.to("/emails")).toHaveLength(1);
  });

  it("retries after a 500 once the backoff has passed, with the same idempotency key", async () => {
    const now = new Date();
    stub.script("/emails", [
      { status: 500, body: { statusCode: 500, name: "internal_server_error", message: "boom" } },
      { status: 200, body: { id: "e1" } },
    ]);
    const key = await email(now);
    expect(await sweep(now)).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await row(key);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/HTTP 500.*boom/);
    const wait = failed.nextAttemptAt.getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(BASE_DELAY_MS);
    expect(wait).toBeLessThanOrEqual(BASE_DELAY_MS * (1 + JITTER_FRACTION));

    expect(await sweep(new Date(failed.nextAttemptAt.getTime() - 1))).toMatchObject({ claimed: 0 });
    expect(await sweep(failed.nextAttemptAt)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(key)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    const sent = stub.to("/emails");
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers["idempotency-key"])).toEqual([key, key]);
  });

  it("does not retry a 400: dead at once with the reason kept", async () => {
    const now = new Date();
    stub.script("/emails", [
      { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } },
    ]);
    const key = await email(now);
    expect(await sweep(now)).toMatchObject({ dead: 1 });
    const dead = await row(key);
    expect(dead).toMatchObject({ status: "DEAD", attempts: 1 });
    expect(dead.lastError).toContain("Invalid `to` field");
    expect(await sweep(new Date(now.getTime() + 24 * 3_600_000))).toMatchObject({ claimed: 0 });
    expect(stub.to("/emails")).toHaveLength(1);
  });

  it("gives up after MAX_ATTEMPTS on a server that keeps failing", async () => {
    let now = new Date();
    stub.script("/emails", [{ status: 503, body: { statusCode: 503, name: "unavailable", message: "down" } }]);
    const key = await email(now);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await sweep(now);
      now = (await row(key)).nextAttemptAt;
    }
    expect(await row(key)).toMatchObject({ status: "DEAD", attempts: MAX_ATTEMPTS });
    expect(await sweep(new Date(now.getTime() + 7 * 86_400_000))).toMatchObject({ claimed: 0 });
    expect(stub.to("/emails")).toHaveLength(MAX_ATTEMPTS);
  });

  it("without a provider an email stays pending for the dev mail viewer", async () => {
    const now = new Date();
    const key = await email(now);
    expect(await sweep(now, { email: null })).toMatchObject({ claimed: 0 });
    const { id } = await row(key);
    expect(await deliverEmailNow(db(), id, now)).toBe("kept");
    expect(await row(key)).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await deliverMessageNow(db(), id, now, config)).toBe("sent");
  });
});

describe("claiming", () => {
  it("overlapping sweeps deliver every message exactly once", async () => {
    const now = new Date();
    const keys: string[] = [];
    for (let i = 0; i < 24; i += 1) keys.push(await email(now));
    const results = await Promise.all([sweep(now), sweep(now), sweep(now)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(24);
    // the bulk goes in batch requests: every message once, and no request more than the provider's batch limit
    const delivered = stub.emails();
    expect(delivered).toHaveLength(24);
    const rows = await db().outboxMessage.findMany({ where: { idempotencyKey: { in: keys } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("a row whose worker died mid-send is taken again only after its lease ran out", async () => {
    const now = new Date();
    const key = await email(now);
    const { id } = await row(key);
    const [claimed] = await claimDueMessages(db(), {
      now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      limit: 1,
      channels: ["EMAIL"],
      id,
    });
    expect(claimed).toMatchObject({ id, attempts: 1 });
    expect(await sweep(new Date(now.getTime() + LEASE_MS - 1))).toMatchObject({ claimed: 0 });
    expect(await sweep(new Date(now.getTime() + LEASE_MS + 1))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(key)).toMatchObject({ status: "SENT", attempts: 2 });
  });
});

describe("Slack, Teams and in-app", () => {
  it("posts Slack blocks and a Teams adaptive card to the person's incoming webhooks", async () => {
    const now = new Date();
    const p = await person({
      email: false,
      slack: true,
      teams: true,
      inApp: false,
      slackWebhookUrl: `${stub.url}/slack/hook`,
      teamsWebhookUrl: `${stub.url}/teams/hook`,
    });
    const key = `digest-test/${p.id}`;
    expect(await insertOutboxMessages(db(), rowsForPerson(p, message, key, { now }))).toBe(2);
    expect(await insertOutboxMessages(db(), rowsForPerson(p, message, key, { now }))).toBe(0);
    expect(await sweep(now)).toMatchObject({ sent: 2 });
    const slack = stub.to("/slack/hook")[0]?.json as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(slack.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "Project Apollo - Week 2 Executive Summary" },
    });
    expect(slack.blocks[1]?.text?.text).toBe("Hello &lt;Sam&gt; &amp; team");
    const teams = stub.to("/teams/hook")[0]?.json as {
      type: string;
      attachments: { contentType: string; content: { type: string; body: { type: string }[] } }[];
    };
    expect(teams.type).toBe("message");
    expect(teams.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(teams.attachments[0]?.content.body.some((b) => b.type === "FactSet")).toBe(true);
  });

  it("a chosen channel without a URL is stored dead with the reason; a private URL is refused when not allowed", async () => {
    const now = new Date();
    const p = await person({
      email: false,
      inApp: false,
      slack: true,
      teams: true,
      teamsWebhookUrl: `${stub.url}/teams/private`,
    });
    const key = `contact-test/${p.id}`;
    await insertOutboxMessages(db(), rowsForPerson(p, message, key, { now }));
    expect(await row(`${key}/slack`)).toMatchObject({
      status: "DEAD",
      lastError: "slack is chosen but no incoming-webhook URL is set".replace("slack", "Slack"),
    });
    expect(await sweep(now, { allowPrivateNetworks: false })).toMatchObject({ dead: 1 });
    expect((await row(`${key}/teams`)).lastError).toMatch(/private|https/);
    expect(stub.requests).toHaveLength(0);
  });

  it("an in-app message becomes exactly one notification", async () => {
    const now = new Date();
    const p = await person({ email: false, inApp: true });
    const key = `inapp-test/${p.id}`;
    await insertOutboxMessages(db(), rowsForPerson(p, message, key, { now }));
    await Promise.all([sweep(now), sweep(now)]);
    const notes = await db().notification.findMany({ where: { userId: p.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ title: "Digest", body: "Two projects", link: "/projects" });
    expect(await row(`${key}/in_app`)).toMatchObject({ status: "SENT" });
  });
});
