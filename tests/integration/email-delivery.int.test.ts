import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import { type ChannelPrefs, type RecurringMailKind } from "@/lib/schemas/channel-prefs";
import { settleMagicLinks } from "@/server/auth/magic-link";
import { insertOutboxMessages } from "@/server/db/outbox";
import { unsubscribeToken } from "@/server/messaging/unsubscribe";
import type { DeliveryConfig } from "@/server/messaging/config";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { JITTER_FRACTION } from "@/server/messaging/retry";
import { renderMessage } from "@/server/messaging/templates/render";
import { deliverDueMessages } from "@/server/messaging/worker";
import { createPerson, createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * Urgent mail leaves in the request that queued it (docs/messaging.md#delivery): the real Auth.js
 * handler, the real Resend SDK pointed at a local server that records requests, the real database —
 * and no call to the outbox cron. Then the bulk path (docs/messaging.md#pacing): batches, 429 with
 * Retry-After; and the headers of recurring mail with the one-click unsubscribe, end to end
 * (docs/messaging.md#headers).
 */
let stub: Stub;
let f: TenantFixture;

beforeAll(async () => {
  stub = await startStub();
  // read once by serverEnv(), on its first use in this file (after this)
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  f = await createTenantFixture("email-delivery");
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await stub.stop();
});
beforeEach(() => stub.reset());

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .join("; ");
}

async function requestMagicLink(base: string, email: string) {
  const csrf = await GET(new NextRequest(`${base}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return POST(
    new NextRequest(`${base}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${base}/portal` }).toString(),
    }),
  );
}

async function until<T>(probe: () => T | undefined, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined || Date.now() > end) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("send now", () => {
  it("a magic link reaches the provider within 5 s of the request, with no cron call", async () => {
    const email = f.users.CUSTOMER.email;
    const started = Date.now();
    const res = await requestMagicLink("http://localhost:3000", email);
    expect(res.status).toBe(302);
    const sent = await until(() => stub.to("/emails").find((r) => (r.json as { to?: unknown }).to === email), 5_000);
    expect(sent, "the magic link reached the provider").toBeDefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((sent?.json as { text: string }).text).toContain("/api/auth/callback/email?");
    // the mail leaves after the answer (docs/security.md#magic-links): wait for its row's update
    await settleMagicLinks();
    const row = await testDb().outboxMessage.findFirstOrThrow({ where: { recipient: email, channel: "EMAIL" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    expect(sent?.headers["idempotency-key"]).toBe(row.idempotencyKey);
  });

  it("an invitation leaves at once too, once, under its idempotency key", async () => {
    const { callerFor } = await import("../helpers/fixtures");
    const to = `invitee-${randomUUID().slice(0, 8)}@example.com`;
    await callerFor(f.users.ADMIN).users.invite({ email: to, name: "New Person", role: "CSM" });
    const sent = stub.to("/emails").filter((r) => (r.json as { to?: unknown }).to === to);
    expect(sent).toHaveLength(1);
    const row = await testDb().outboxMessage.findFirstOrThrow({ where: { recipient: to } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
  });
});

describe("urgent alerts leave at once", () => {
  it("a failed week reaches the technical lead within 5 s of the validation, once, with no cron call", async () => {
    const { callerFor, kickedOffProject } = await import("../helpers/fixtures");
    const { runJob } = await import("@/server/jobs/runner");
    const { outboxJob } = await import("@/server/jobs/outbox");
    const { projectId } = await kickedOffProject(f, [], "MVP_DEVELOPMENT");
    const week = await testDb().milestone.findFirstOrThrow({
      where: { projectId, weekNumber: 1 },
      select: { id: true, criteria: { select: { id: true } } },
    });
    const lead = f.users.TECH_LEAD;
    const started = Date.now();
    const answer = await callerFor(lead).projects.validateMilestone({
      milestoneId: week.id,
      scores: week.criteria.map((c) => ({ criterionId: c.id, score: 10 })),
    });
    expect(answer.result.status).toBe("failed");
    const alert = await testDb().alert.findFirstOrThrow({ where: { projectId, kind: "MILESTONE_FAILED" } });
    const mine = () =>
      stub.to("/emails").filter((r) => {
        const body = r.json as { to?: unknown; subject?: unknown };
        return body.to === lead.email && String(body.subject).includes("Week failed");
      });
    // sent in the request itself: nothing to wait for once the call returned
    expect(mine(), "the alert email reached the provider").toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    const ofAlert = { idempotencyKey: { startsWith: `alert/${alert.id}/` } };
    const rows = await testDb().outboxMessage.findMany({ where: ofAlert });
    expect(rows.find((r) => r.recipient === lead.email)).toMatchObject({ status: "SENT", attempts: 1 });
    // the sweep that used to carry it finds nothing left to write or send for this alert
    await runJob(testDb(), outboxJob, { now: new Date(), tenantId: f.tenant.id });
    expect(mine()).toHaveLength(1);
    expect(await testDb().outboxMessage.count({ where: ofAlert })).toBe(rows.length);
  });
});

// ------------------------------------------------------------------ bulk mail and headers

const APP = "https://onward.example.com";
const config = (): DeliveryConfig => ({
  email: { apiKey: "re_test_key", baseUrl: stub.url, from: "Onward <no-reply@onward.test>", ratePerSecond: 50 },
  allowPrivateNetworks: true,
  appUrl: APP,
});

const message = renderMessage({
  subject: "Your daily digest",
  intro: "Hello",
  trailer: null,
  footer: "footer",
  sections: [],
  inApp: { title: "Digest", body: "Nothing new", link: "/projects" },
});

const person = (prefs: Partial<ChannelPrefs> = {}) => createPerson(f.tenant.id, prefs);

type Person = Awaited<ReturnType<typeof person>>;
const rowsFor = (p: Person, kind: RecurringMailKind | undefined, now: Date, extra: Record<string, unknown> = {}) =>
  rowsForPerson(p, message, `test/${randomUUID()}`, {
    now,
    channels: ["email"],
    ...(kind ? { mailKind: kind } : {}),
  }).map((r) => ({ ...r, ...extra }));

const sweep = (now: Date) => deliverDueMessages(testDb(), { now, config: config(), tenantId: f.tenant.id });

const oneClick = (token: string, body: string) =>
  unsubscribeRoute.POST(
    new Request(`${APP}/api/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
    { params: Promise.resolve({ token }) },
  );

/** Sends one email of `kind` to the person and returns the token of its List-Unsubscribe link. */
async function tokenSentTo(p: Person, kind: RecurringMailKind, now: Date) {
  await insertOutboxMessages(testDb(), rowsFor(p, kind, now));
  await sweep(now);
  const header = String((stub.emails()[0]?.email.headers as Record<string, string>)["List-Unsubscribe"]);
  return header.slice(header.lastIndexOf("/") + 1, -1);
}

const optOutsOf = async (userId: string) =>
  ((await testDb().user.findUniqueOrThrow({ where: { id: userId } })).channelPrefs as { emailOptOuts?: unknown })
    .emailOptOuts;

describe("bulk mail", () => {
  it("goes in batch requests of at most 100 emails, one idempotency key each, every email once", async () => {
    const now = new Date();
    const people = await Promise.all(Array.from({ length: 3 }, () => person()));
    const rows = Array.from({ length: 150 }, (_, i) => rowsFor(people[i % 3] as Person, "digest", now)).flat();
    expect(await insertOutboxMessages(testDb(), rows)).toBe(150);
    expect(await sweep(now)).toMatchObject({ claimed: 150, sent: 150 });
    const batches = stub.to("/emails/batch");
    expect(batches.map((b) => (b.json as unknown[]).length)).toEqual([100, 50]);
    for (const b of batches) expect(String(b.headers["idempotency-key"])).toMatch(/^batch\/[0-9a-f]{64}$/);
    expect(new Set(batches.map((b) => b.headers["idempotency-key"])).size).toBe(2);
    const tagged = stub
      .emails()
      .map(({ email }) => (email.tags as { name: string; value: string }[])[0]?.value)
      .sort();
    const sent = await testDb().outboxMessage.findMany({
      where: { idempotencyKey: { in: rows.map((r) => r.idempotencyKey) } },
      select: { id: true, status: true },
    });
    expect(tagged).toEqual(sent.map((r) => r.id).sort());
    expect(sent.every((r) => r.status === "SENT")).toBe(true);
  });

  it("a 429 with Retry-After pauses every sender and retries the batch after it, with jitter", async () => {
    const now = new Date();
    const p = await person();
    const rows = [...rowsFor(p, "digest", now), ...rowsFor(p, "reminder", now)];
    await insertOutboxMessages(testDb(), rows);
    stub.script("/emails/batch", [
      {
        status: 429,
        headers: { "retry-after": "2" },
        body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      },
      { status: 200, body: { data: [{ id: "a" }, { id: "b" }] } },
    ]);
    // the 429 pauses the shared bucket: this sweep waits it out before it claims anything more
    const pausedFrom = Date.now();
    expect(await sweep(now)).toMatchObject({ claimed: 2, failed: 2 });
    expect(Date.now() - pausedFrom).toBeGreaterThanOrEqual(1900);
    const failed = await testDb().outboxMessage.findMany({
      where: { idempotencyKey: { in: rows.map((r) => r.idempotencyKey) } },
    });
    for (const r of failed) {
      expect(r.status).toBe("FAILED");
      expect(r.lastError).toMatch(/HTTP 429/);
      const wait = r.nextAttemptAt.getTime() - now.getTime();
      expect(wait).toBeGreaterThanOrEqual(2000);
      expect(wait).toBeLessThanOrEqual(2000 * (1 + JITTER_FRACTION));
    }
    // once due again, the same batch under the same key
    const retryAt = new Date(Math.max(...failed.map((r) => r.nextAttemptAt.getTime())));
    expect(await sweep(retryAt)).toMatchObject({ claimed: 2, sent: 2 });
    const [first, second] = stub.to("/emails/batch");
    expect(second?.headers["idempotency-key"]).toBe(first?.headers["idempotency-key"]);
  });

  it("mail with attachments goes one by one (the batch endpoint takes none), with its own key", async () => {
    const now = new Date();
    const p = await person();
    const attachments = [
      {
        filename: "invite.ics",
        content: Buffer.from("BEGIN:VCALENDAR").toString("base64"),
        contentType: "text/calendar",
      },
    ];
    const rows = [
      ...rowsFor(p, undefined, now, { payload: { attachments } }),
      ...rowsFor(p, undefined, now, { payload: { attachments } }),
      ...rowsFor(p, "digest", now),
    ];
    await insertOutboxMessages(testDb(), rows);
    expect(await sweep(now)).toMatchObject({ claimed: 3, sent: 3 });
    const single = stub.to("/emails");
    expect(single).toHaveLength(3);
    expect(single.map((r) => r.headers["idempotency-key"]).sort()).toEqual(rows.map((r) => r.idempotencyKey).sort());
    const withFile = single.filter((r) => (r.json as { attachments?: unknown[] }).attachments);
    expect(withFile).toHaveLength(2);
    expect((withFile[0]?.json as { attachments: unknown[] }).attachments[0]).toMatchObject({
      filename: "invite.ics",
      content_type: "text/calendar",
    });
    expect(stub.to("/emails/batch")).toHaveLength(0);
  });
});

describe("List-Unsubscribe and the one-click endpoint", () => {
  it("transactional mail carries no List-Unsubscribe", async () => {
    await requestMagicLink("http://localhost:3000", f.users.CUSTOMER.email);
    await settleMagicLinks();
    const [sent] = stub.emails();
    expect(sent).toBeDefined();
    expect(sent?.email.headers).toBeUndefined();
  });

  it("a digest carries the RFC 8058 headers; the provider's POST unsubscribes, once, audited; no more digest email", async () => {
    const now = new Date();
    const p = await person();
    await insertOutboxMessages(testDb(), rowsFor(p, "digest", now));
    await sweep(now);
    const [sent] = stub.emails();
    const headers = sent?.email.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(https:\/\/onward\.example\.com\/api\/unsubscribe\/([^>]+))>$/.exec(
      headers["List-Unsubscribe"] ?? "",
    );
    expect(url, headers["List-Unsubscribe"]).not.toBeNull();
    const token = url?.[2] ?? "";
    expect(sent?.email.text).toBeTruthy();

    // as Gmail or Yahoo send it: a form POST, no cookie, no login
    const res = await oneClick(token, "List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true, kind: "progress digest" });
    expect(await optOutsOf(p.id)).toEqual(["digest"]);
    expect((await oneClick(token, "List-Unsubscribe=One-Click")).status).toBe(200);
    const audits = await testDb().auditEvent.findMany({ where: { tenantId: f.tenant.id, entityId: p.id } });
    expect(audits.map((a) => a.action)).toEqual(["email.unsubscribed"]);
    expect(audits[0]?.actorId).toBe(p.id);

    // the next digest writes no email row; other kinds still go
    const later = { ...p, prefs: { ...p.prefs, emailOptOuts: ["digest" as const] } };
    expect(rowsFor(later, "digest", now)).toEqual([]);
    expect(rowsFor(later, "reminder", now)).toHaveLength(1);
  });

  it("mail already queued when the person unsubscribes is not sent; other kinds still are", async () => {
    const now = new Date();
    const p = await person();
    const rows = [...rowsFor(p, "digest", now), ...rowsFor(p, "digest", now), ...rowsFor(p, "reminder", now)];
    await insertOutboxMessages(testDb(), rows);
    const token = unsubscribeToken(process.env.AUTH_SECRET ?? "", {
      tenantId: f.tenant.id,
      userId: p.id,
      kind: "digest",
    });
    expect((await oneClick(token, "List-Unsubscribe=One-Click")).status).toBe(200);
    expect(await sweep(now)).toMatchObject({ claimed: 3, sent: 1, dead: 2 });
    expect(stub.emails().map((m) => m.email.to)).toEqual([p.email]);
    const dead = await testDb().outboxMessage.findMany({
      where: { idempotencyKey: { in: rows.map((r) => r.idempotencyKey) }, status: "DEAD" },
    });
    expect(dead.map((r) => r.lastError)).toEqual([
      "Not sent: the person unsubscribed from progress digest emails",
      "Not sent: the person unsubscribed from progress digest emails",
    ]);
  });

  it("a GET changes nothing: it leads to the page; the page's button posts back and can undo it", async () => {
    const p = await person();
    const now = new Date();
    const token = await tokenSentTo(p, "alert", now);
    const get = await unsubscribeRoute.GET(new Request(`${APP}/api/unsubscribe/${token}`), {
      params: Promise.resolve({ token }),
    });
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`http://localhost:3000/unsubscribe/${token}`);
    expect(await optOutsOf(p.id)).toEqual([]);
    const page = await oneClick(token, "List-Unsubscribe=One-Click&from=page");
    expect(page.status).toBe(303);
    const undo = await oneClick(token, "action=resubscribe&from=page");
    expect(undo.status).toBe(303);
    expect(await optOutsOf(p.id)).toEqual([]);
    const audits = await testDb().auditEvent.findMany({
      where: { tenantId: f.tenant.id, entityId: p.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["email.resubscribed", "email.unsubscribed"]);
  });

  it("refuses a forged, altered or malformed token as not found, and a POST without the one-click body with 400", async () => {
    const p = await person();
    const now = new Date();
    const token = await tokenSentTo(p, "digest", now);
    const [payload = "", signature = ""] = token.split(".");
    const other = Buffer.from(JSON.stringify([f.tenant.id, f.users.ADMIN.id, "digest"])).toString("base64url");
    for (const bad of [
      `${other}.${signature}`,
      `${payload}.${signature.slice(1)}x`,
      "nonsense",
      `${payload}.`,
      "a.b.c",
    ]) {
      const res = await oneClick(bad, "List-Unsubscribe=One-Click");
      expect(res.status, bad).toBe(404);
    }
    for (const body of ["", "List-Unsubscribe=Yes", "unsubscribe"]) {
      const res = await oneClick(token, body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain("List-Unsubscribe=One-Click");
    }
    expect(await optOutsOf(p.id)).toEqual([]);
    const tooBig = await oneClick(token, `List-Unsubscribe=One-Click&x=${"a".repeat(2000)}`);
    expect(tooBig.status).toBe(413);
  });
});

describe("recurring emails in the notification settings", () => {
  it("shows what the links turned off, switches kinds back on or off (audited), and keeps them when not sent", async () => {
    const { callerFor, sessionUserOf } = await import("../helpers/fixtures");
    const p = await person();
    const me = callerFor(await sessionUserOf({ id: p.id }));
    const token = unsubscribeToken(process.env.AUTH_SECRET ?? "", {
      tenantId: f.tenant.id,
      userId: p.id,
      kind: "alert",
    });
    await oneClick(token, "List-Unsubscribe=One-Click");
    expect(await me.preferences.channels()).toMatchObject({ emailOptOuts: ["alert"] });
    // a form without the list (an older client) keeps the choice
    await me.preferences.updateChannels({ channels: ["email"], digest: "weekly" });
    expect(await optOutsOf(p.id)).toEqual(["alert"]);
    const saved = await me.preferences.updateChannels({
      channels: ["email"],
      digest: "weekly",
      emailOptOuts: ["digest"],
    });
    expect(saved.emailOptOuts).toEqual(["digest"]);
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { actorId: p.id, action: "channel_prefs.updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ emailOptOuts: ["digest"] });
  });

  it("refuses an unknown kind of email, naming it, and changes nothing", async () => {
    const { callerFor, sessionUserOf, shapeOf } = await import("../helpers/fixtures");
    const p = await person();
    const me = callerFor(await sessionUserOf({ id: p.id }));
    const bad = await shapeOf(
      me.preferences.updateChannels({ channels: ["email"], digest: "daily", emailOptOuts: ["newsletter"] as never }),
      "preferences.updateChannels",
    );
    expect(bad?.data.code).toBe("BAD_REQUEST");
    expect(bad?.message).toMatch(/Unknown kind of email "newsletter"/);
    expect(await optOutsOf(p.id)).toEqual([]);
  });
});
