import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";
import { startStub, type Stub } from "../helpers/stub-server";

/**
 * Urgent mail leaves in the request that queued it (docs/messaging.md#delivery): the real Auth.js
 * handler, the real Resend SDK pointed at a local server that records requests, the real database —
 * and no call to the outbox cron.
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
