import { beforeAll, describe, expect, it } from "vitest";
import { generateSecret } from "otplib";
import { findActiveSession, createSession } from "@/server/db/sessions";
import { isRememberedDevice, rememberDeviceToken } from "@/server/auth/remember-device";
import { recoveryCodeHash } from "@/server/auth/totp";
import { checkSecondFactor } from "@/server/services/two-factor";
import { callerFor, codeOf, createTenantFixture, sessionUserOf, testDb, type TenantFixture } from "../helpers/fixtures";
import { armTwoFactor, totpCode } from "../helpers/two-factor";

/** Two-factor sign-in (docs/security.md#two-factor-sign-in) through the real tRPC caller, otplib and an injected clock. */

const T0 = new Date("2026-12-06T10:00:05Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function auditActions(tenantId: string, entityId: string) {
  const rows = await testDb().auditEvent.findMany({
    where: { tenantId, entityId },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

function check(f: TenantFixture, userId: string, code: string, now: Date) {
  return checkSecondFactor(
    { db: testDb(), tenantId: f.tenant.id, userId, ip: "198.18.9.9", requestId: null, now },
    code,
  );
}

let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("two-factor");
});

describe("enrolment", () => {
  it("shows a QR code and the secret, turns on with a current code, and gives 10 single-use recovery codes stored hashed", async () => {
    const me = f.users.CSM;
    const caller = callerFor(me, () => T0);
    const started = await caller.twoFactor.start();
    expect(started.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(started.uri).toContain(`secret=${started.secret}`);
    expect(await codeOf(caller.twoFactor.confirm({ code: "000000" }))).toBe("BAD_REQUEST");
    const { recoveryCodes } = await caller.twoFactor.confirm({ code: await totpCode(started.secret, T0) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await testDb().twoFactorRecoveryCode.findMany({
      where: { userId: me.id },
      select: { codeHash: true },
    });
    expect(stored.map((s) => s.codeHash).sort()).toEqual(recoveryCodes.map(recoveryCodeHash).sort());
    expect(stored.some((s) => recoveryCodes.includes(s.codeHash))).toBe(false);
    const mine = await caller.twoFactor.mine();
    expect(mine).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await codeOf(caller.twoFactor.start())).toBe("CONFLICT");
    expect(await auditActions(f.tenant.id, me.id)).toEqual(["user.two_factor_failed", "user.two_factor_enabled"]);

    // the code that confirmed the set-up cannot sign in again
    const row = await testDb().user.findUniqueOrThrow({ where: { id: me.id }, select: { totpSecret: true } });
    expect(await check(f, me.id, await totpCode(row.totpSecret ?? "", T0), T0)).toEqual({
      ok: false,
      reason: "invalid",
    });

    // a recovery code works once, in any case and with spaces
    const code = recoveryCodes[0] ?? "";
    expect(await check(f, me.id, ` ${code.toLowerCase()} `, at(60))).toEqual({ ok: true, method: "recovery-code" });
    expect(await check(f, me.id, code, at(61))).toEqual({ ok: false, reason: "invalid" });
    expect((await caller.twoFactor.mine()).recoveryCodesLeft).toBe(9);
    expect(await auditActions(f.tenant.id, me.id)).toContain("user.two_factor_recovery_code_used");
  });
});

describe("codes at sign-in", () => {
  it("accepts ±1 time step, refuses ±2, and refuses a code used in its window", async () => {
    const user = f.users.EXECUTIVE;
    const secret = await armTwoFactor(user.id, "enabled", T0);
    expect(await check(f, user.id, await totpCode(secret, at(-60)), T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await check(f, user.id, await totpCode(secret, at(60)), T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await check(f, user.id, await totpCode(secret, at(-30)), T0)).toEqual({ ok: true, method: "app" });
    const now = await totpCode(secret, T0);
    expect(await check(f, user.id, now, T0)).toEqual({ ok: true, method: "app" });
    // the same code again, still within its window: refused
    expect(await check(f, user.id, now, at(10))).toEqual({ ok: false, reason: "invalid" });
    // the previous step's code after the current one was used: refused
    expect(await check(f, user.id, await totpCode(secret, at(-30)), at(5))).toEqual({ ok: false, reason: "invalid" });
    expect(await check(f, user.id, await totpCode(secret, at(30)), at(30))).toEqual({ ok: true, method: "app" });
  });

  it("counts wrong codes per user in PostgreSQL: after 5 within 15 minutes, even a right code waits", async () => {
    const user = f.users.TECH_LEAD;
    const secret = await armTwoFactor(user.id, "enabled", T0);
    for (let i = 0; i < 5; i += 1)
      expect(await check(f, user.id, "000000", T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await check(f, user.id, "000000", T0)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await check(f, user.id, await totpCode(secret, T0), T0)).toMatchObject({ ok: false, reason: "throttled" });
    const failures = (await auditActions(f.tenant.id, user.id)).filter((a) => a === "user.two_factor_failed");
    expect(failures).toHaveLength(5);
  });
});

describe("turning off and resetting", () => {
  it("turns off only with a current code or a recovery code", async () => {
    const t = await createTenantFixture("two-factor-off");
    const me = t.users.CSM;
    const secret = await armTwoFactor(me.id, "enabled", T0);
    const caller = callerFor(me, () => at(90));
    expect(await codeOf(caller.twoFactor.disable({ code: "123456" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.twoFactor.disable({ code: "" }))).toBe("BAD_REQUEST");
    await caller.twoFactor.disable({ code: await totpCode(secret, at(90)) });
    expect(await caller.twoFactor.mine()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await auditActions(t.tenant.id, me.id)).toEqual(["user.two_factor_failed", "user.two_factor_disabled"]);
  });

  it("lets an admin reset another user's two-factor sign-in (audited), which ends their remembered devices", async () => {
    const t = await createTenantFixture("two-factor-reset");
    const target = t.users.TECH_LEAD;
    await armTwoFactor(target.id, "enabled", T0);
    const before = await testDb().user.findUniqueOrThrow({ where: { id: target.id }, select: { totpEnabledAt: true } });
    const token = rememberDeviceToken(target.id, T0, at(3600), "test-secret");
    expect(isRememberedDevice(token, { id: target.id, totpEnabledAt: before.totpEnabledAt }, T0, "test-secret")).toBe(
      true,
    );

    expect(await codeOf(callerFor(t.users.CSM).twoFactor.reset({ userId: target.id }))).toBe("FORBIDDEN");
    await callerFor(t.users.ADMIN, () => at(10)).twoFactor.reset({ userId: target.id });
    const after = await testDb().user.findUniqueOrThrow({
      where: { id: target.id },
      select: { totpEnabledAt: true, totpSecret: true },
    });
    expect(after).toEqual({ totpEnabledAt: null, totpSecret: null });
    expect(isRememberedDevice(token, { id: target.id, totpEnabledAt: after.totpEnabledAt }, T0, "test-secret")).toBe(
      false,
    );
    // set up again: a new moment, the old device cookie still does not count
    await armTwoFactor(target.id, "enabled", at(20));
    expect(isRememberedDevice(token, { id: target.id, totpEnabledAt: at(20) }, at(30), "test-secret")).toBe(false);
    expect(await auditActions(t.tenant.id, target.id)).toEqual(["user.two_factor_reset"]);
  });
});

describe("remember this device", () => {
  it("is bound to the user, signed, and bounded to 30 days", () => {
    const user = { id: "user-1", totpEnabledAt: T0 };
    const day = 86_400;
    const token = rememberDeviceToken(user.id, T0, at(30 * day), "s");
    expect(isRememberedDevice(token, user, at(29 * day), "s")).toBe(true);
    expect(isRememberedDevice(token, user, at(30 * day), "s")).toBe(false);
    expect(isRememberedDevice(token, { ...user, id: "user-2" }, T0, "s")).toBe(false);
    expect(isRememberedDevice(token, user, T0, "other-secret")).toBe(false);
    expect(isRememberedDevice(token.replace("user-1", "user-2"), { ...user, id: "user-2" }, T0, "s")).toBe(false);
    // a signed expiry beyond 30 days from now is refused, whatever signed it
    const far = rememberDeviceToken(user.id, T0, at(40 * day), "s");
    expect(isRememberedDevice(far, user, T0, "s")).toBe(false);
    expect(isRememberedDevice(undefined, user, T0, "s")).toBe(false);
    expect(isRememberedDevice("a.b.c", user, T0, "s")).toBe(false);
  });
});

describe("require two-factor sign-in for staff", () => {
  it("is an admin's audited setting; staff without it can only set it up until they have", async () => {
    const t = await createTenantFixture("two-factor-rule");
    expect(await codeOf(callerFor(t.users.CSM).workspace.updateSettings({ requireTwoFactor: true }))).toBe("FORBIDDEN");
    await callerFor(t.users.ADMIN, () => T0).workspace.updateSettings({ requireTwoFactor: true });
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { tenantId: t.tenant.id, action: "workspace.settings_changed" },
      select: { before: true, after: true },
    });
    expect(audit).toEqual({ before: { requireTwoFactor: false }, after: { requireTwoFactor: true } });

    const csm = t.users.CSM;
    const sid = await createSession(testDb(), {
      tenantId: t.tenant.id,
      userId: csm.id,
      method: "credentials",
      now: T0,
      expiresAt: at(3600),
    });
    expect((await findActiveSession(testDb(), sid, T0))?.user.mustEnrolTwoFactor).toBe(true);
    const customerSid = await createSession(testDb(), {
      tenantId: t.tenant.id,
      userId: t.users.CUSTOMER.id,
      method: "email",
      now: T0,
      expiresAt: at(3600),
    });
    expect((await findActiveSession(testDb(), customerSid, T0))?.user.mustEnrolTwoFactor).toBe(false);

    const pending = { ...(await sessionUserOf({ id: csm.id }, sid)), mustEnrolTwoFactor: true };
    const caller = callerFor(pending, () => T0);
    expect(await codeOf(caller.projects.list({}))).toBe("FORBIDDEN");
    const started = await caller.twoFactor.start();
    await caller.twoFactor.confirm({ code: await totpCode(started.secret, T0) });
    expect((await findActiveSession(testDb(), sid, T0))?.user.mustEnrolTwoFactor).toBe(false);
  });

  it("refuses bad input with 400s", async () => {
    const admin = callerFor(f.users.ADMIN);
    expect(await codeOf(admin.workspace.updateSettings({ requireTwoFactor: "yes" } as never))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.twoFactor.reset({ userId: "" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.twoFactor.reset({ userId: "no-such-user" }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.twoFactor.confirm({ code: "12345a" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.twoFactor.disable({ code: "x".repeat(41) }))).toBe("BAD_REQUEST");
    expect(generateSecret()).toMatch(/^[A-Z2-7]+$/);
  });
});
