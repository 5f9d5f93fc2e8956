import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/server/auth/login";
import { sendMagicLink } from "@/server/auth/magic-link";
import { hashPassword } from "@/server/auth/password";
import { createSession, findActiveSession, revokeSession } from "@/server/db/sessions";
import type { Role } from "@/generated/prisma/enums";
import { createTenantFixture, testDb, type TenantFixture } from "../helpers/fixtures";

const PASSWORD = "correct horse battery";
let f: TenantFixture;
let passwordHash: string;
let seq = 0;

beforeAll(async () => {
  f = await createTenantFixture("auth");
  passwordHash = await hashPassword(PASSWORD);
});

/** A user with a unique email (rate limits are keyed by email and persist for the run). */
async function userWithPassword(label: string, opts: { role?: Role; disabled?: boolean } = {}) {
  const role = opts.role ?? "CSM";
  return testDb().user.create({
    data: {
      tenantId: f.tenant.id,
      email: `${label}-${randomUUID().slice(0, 8)}@${f.tenant.slug}.test`,
      name: label,
      role,
      passwordHash,
      customerAccountId: role === "CUSTOMER" ? f.accountA.id : null,
      disabledAt: opts.disabled ? new Date() : null,
    },
  });
}

/** A unique IP per call site, so the per-IP limit never leaks between tests. */
function freshIp(): string {
  seq += 1;
  return `10.${Math.floor(Math.random() * 250)}.${seq}.${Math.floor(Math.random() * 250)}`;
}

describe("checkCredentials", () => {
  it("accepts the right password, with the email in any case or surrounding spaces", async () => {
    const u = await userWithPassword("right");
    expect(await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp())).toEqual({
      ok: true,
      userId: u.id,
      tenantId: f.tenant.id,
    });
    expect(
      await checkCredentials(testDb(), { email: `  ${u.email.toUpperCase()} `, password: PASSWORD }, freshIp()),
    ).toMatchObject({ ok: true });
  });

  it("refuses a wrong password, an unknown email and malformed input alike", async () => {
    const u = await userWithPassword("wrong");
    const invalid = { ok: false, reason: "invalid" };
    expect(await checkCredentials(testDb(), { email: u.email, password: "correct horse battery!" }, freshIp())).toEqual(
      invalid,
    );
    expect(
      await checkCredentials(testDb(), { email: `nobody-${randomUUID()}@example.com`, password: PASSWORD }, freshIp()),
    ).toEqual(invalid);
    expect(await checkCredentials(testDb(), { email: u.email }, freshIp())).toEqual(invalid);
    expect(await checkCredentials(testDb(), "not an object", freshIp())).toEqual(invalid);
  });

  it("refuses a customer even with the right password (customers sign in by magic link)", async () => {
    const u = await userWithPassword("cust", { role: "CUSTOMER" });
    expect(await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a disabled user even with the right password", async () => {
    const u = await userWithPassword("disabled", { disabled: true });
    expect(await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  // sign-in throttling (docs/security.md#sign-in-throttling): a lock per (account, address), a delay per account
  const SEC = 1000;
  async function fail(email: string, times: number, at: Date, ip?: string) {
    for (let i = 0; i < times; i += 1) {
      expect(await checkCredentials(testDb(), { email, password: `guess ${i}` }, ip ?? freshIp(), at)).toEqual({
        ok: false,
        reason: "invalid",
      });
      at = new Date(at.getTime() + 61 * SEC);
    }
    return at;
  }

  it("failures from many addresses never lock the account: the right password works once the short delay passed", async () => {
    const u = await userWithPassword("no-lockout");
    const last = new Date((await fail(u.email, 30, new Date())).getTime() - 61 * SEC);
    const during = await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp(), last);
    expect(during).toMatchObject({ ok: false, reason: "throttled" });
    expect(during.ok === false && during.retryAfterSeconds).toBe(60);
    const after = new Date(last.getTime() + 60 * SEC);
    expect(await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp(), after)).toMatchObject({
      ok: true,
      userId: u.id,
    });
  });

  it("the delay grows from the 5th failure (1 s, 2 s, 4 s …) and is capped at 60 s; attempts while waiting do not count", async () => {
    const u = await userWithPassword("progressive");
    let at = new Date();
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const first = await checkCredentials(testDb(), { email: u.email, password: `guess ${i}` }, freshIp(), at);
      const wait = first.ok === false && first.reason === "throttled" ? (first.retryAfterSeconds ?? -1) : 0;
      waits.push(wait);
      if (wait === 0) continue;
      at = new Date(at.getTime() + wait * SEC);
      expect(await checkCredentials(testDb(), { email: u.email, password: `guess ${i}` }, freshIp(), at)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60]);
  });

  it("10 failures from one address lock that address out of that account only, even with the right password", async () => {
    const u = await userWithPassword("pair-lock");
    const attacker = freshIp();
    const at = await fail(u.email, 10, new Date(), attacker);
    const refused = await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, attacker, at);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(refused.ok === false && (refused.retryAfterSeconds ?? 0) > 60).toBe(true);
    expect(await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp(), at)).toMatchObject({
      ok: true,
    });
  });

  it("a successful sign-in clears the account's delay", async () => {
    const u = await userWithPassword("reset");
    const t0 = new Date();
    const at = await fail(u.email, 9, t0);
    expect(await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp(), at)).toMatchObject({
      ok: true,
    });
    const later = new Date((await fail(u.email, 5, at)).getTime() - 61 * SEC);
    const refused = await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, freshIp(), later);
    expect(refused.ok === false && refused.retryAfterSeconds).toBe(1); // counted from 0 again, not from 9
  });

  // the per-IP limit (LIMITS.loginIp) is driven through the sign-in action in tests/security/rate-limits.int.test.ts

  it("the limit is per account: another account is not throttled by someone else's failures", async () => {
    const victim = await userWithPassword("victim");
    const other = await userWithPassword("bystander");
    for (let i = 0; i < 12; i += 1)
      await checkCredentials(testDb(), { email: victim.email, password: `guess ${i}` }, freshIp());
    expect(await checkCredentials(testDb(), { email: other.email, password: PASSWORD }, freshIp())).toMatchObject({
      ok: true,
    });
  });
});

// server/auth/current-user.ts (loadSessionUser) cannot be imported under vitest: next-auth's ESM
// build imports "next/server" without an extension. Its validity rule lives in findActiveSession.
describe("sessions (findActiveSession / revokeSession)", () => {
  async function session(label: string, now: Date, ttlMs = 3_600_000) {
    const u = await userWithPassword(label);
    const id = await createSession(testDb(), {
      tenantId: f.tenant.id,
      userId: u.id,
      method: "password",
      expiresAt: new Date(now.getTime() + ttlMs),
      now,
    });
    return { u, id, expiresAt: new Date(now.getTime() + ttlMs) };
  }

  it("returns the session with its user, tenant and role while valid, and records the login", async () => {
    const now = new Date();
    const { u, id } = await session("valid", now);
    const active = await findActiveSession(testDb(), id, now);
    expect(active).toMatchObject({
      id,
      lastSeenAt: now,
      user: {
        id: u.id,
        email: u.email,
        role: "CSM",
        tenantId: f.tenant.id,
        disabledAt: null,
        tenant: { name: f.tenant.name, slug: f.tenant.slug },
      },
    });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: u.id } })).lastLoginAt).toEqual(now);
  });

  it("returns null after the session is revoked (sign-out), and revoking twice keeps the first time", async () => {
    const now = new Date();
    const { id } = await session("revoked", now);
    expect((await revokeSession(testDb(), id, now)).count).toBe(1);
    expect(await findActiveSession(testDb(), id, now)).toBeNull();
    expect((await revokeSession(testDb(), id, new Date(now.getTime() + 1000))).count).toBe(0);
    expect((await testDb().userSession.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(now);
  });

  it("returns null from the moment the session expires", async () => {
    const now = new Date();
    const { id, expiresAt } = await session("expiry", now);
    expect(await findActiveSession(testDb(), id, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await findActiveSession(testDb(), id, expiresAt)).toBeNull();
  });

  it("returns null when the user is disabled, and for an unknown session id", async () => {
    const now = new Date();
    const { u, id } = await session("disabled-session", now);
    await testDb().user.update({ where: { id: u.id }, data: { disabledAt: now } });
    expect(await findActiveSession(testDb(), id, now)).toBeNull();
    expect(await findActiveSession(testDb(), "no-such-session", now)).toBeNull();
  });
});

describe("sendMagicLink", () => {
  const outboxFor = (email: string) => testDb().outboxMessage.findMany({ where: { recipient: email } });
  const now = new Date();
  const in15min = new Date(now.getTime() + 15 * 60_000);

  it("emails a customer once per link, with the link and its validity", async () => {
    const email = f.users.CUSTOMER.email;
    const url = `http://localhost:3000/api/auth/callback/email?token=${randomUUID()}`;
    expect(await sendMagicLink(testDb(), email, url, in15min, now)).toBe(true);
    expect(await sendMagicLink(testDb(), email, url, in15min, now)).toBe(true);
    const rows = await outboxFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "EMAIL", tenantId: f.tenant.id, status: "PENDING" });
    expect(rows[0]?.bodyText).toContain(url);
    expect(rows[0]?.bodyText).toContain("expires in 15 minutes");

    await sendMagicLink(testDb(), email, `${url}-second`, new Date(now.getTime() + 24 * 3_600_000), now);
    const after = await outboxFor(email);
    expect(after).toHaveLength(2);
    expect(after.some((m) => m.bodyText.includes("expires in 24 hours"))).toBe(true);
  });

  it("sends nothing to staff, unknown or disabled addresses", async () => {
    const disabled = await userWithPassword("disabled-cust", { role: "CUSTOMER", disabled: true });
    for (const email of [
      f.users.CSM.email,
      f.users.ADMIN.email,
      `nobody-${randomUUID()}@example.com`,
      disabled.email,
    ]) {
      expect(await sendMagicLink(testDb(), email, `http://localhost:3000/x?token=${randomUUID()}`, in15min, now)).toBe(
        false,
      );
      expect(await outboxFor(email)).toEqual([]);
    }
  });
});

describe("sign-in audit trail (docs/security.md#sign-in-audit)", () => {
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  const rows = (where: object) => testDb().auditEvent.findMany({ where, orderBy: { seq: "asc" } });

  it("records sign-ins, failures (address hashed when there is no account) and lockouts, with the IP", async () => {
    const u = await userWithPassword("audited");
    const ip = freshIp();
    await checkCredentials(testDb(), { email: u.email, password: "wrong one" }, ip);
    await checkCredentials(testDb(), { email: u.email, password: PASSWORD }, ip);
    const mine = await rows({ tenantId: f.tenant.id, entityId: u.id });
    expect(mine.map((r) => [r.action, r.ip])).toEqual([
      ["auth.sign_in_failed", ip],
      ["auth.sign_in", ip],
    ]);
    const nobody = `nobody-${randomUUID()}@example.com`;
    await checkCredentials(testDb(), { email: nobody, password: PASSWORD }, ip);
    const [unknown] = await rows({
      tenantId: null,
      action: "auth.sign_in_failed",
      after: { path: ["emailSha256"], equals: sha(nobody) },
    });
    expect(unknown?.ip).toBe(ip);
    expect(JSON.stringify(unknown)).not.toContain(nobody);

    const attacker = freshIp();
    let at = new Date();
    for (let i = 0; i < 10; i += 1) {
      await checkCredentials(testDb(), { email: u.email, password: `guess ${i}` }, attacker, at);
      at = new Date(at.getTime() + 61_000);
    }
    const lockouts = await rows({ tenantId: f.tenant.id, entityId: u.id, action: "auth.lockout" });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ ip: attacker });
  });
});
