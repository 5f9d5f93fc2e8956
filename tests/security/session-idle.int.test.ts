import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { createSession, findActiveSession, revokeSession } from "@/server/db/sessions";
import {
  callerFor,
  codeOf,
  createCustomer,
  createTenantFixture,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";
import { sessionCookieFor } from "../helpers/session-cookie";

/**
 * Sessions end after a while without requests (docs/security.md#sessions): staff after the tenant's
 * staffIdleHours (12), customers after customerIdleHours (168). Auth.js's own /api/auth/session, through
 * the app's route handler, answers null for a revoked or idle session, like every page and procedure.
 */
let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("session-idle");
});

const HOUR = 3_600_000;
async function sessionOf(userId: string, lastSeenHoursAgo: number) {
  const now = new Date();
  const id = await createSession(testDb(), {
    tenantId: f.tenant.id,
    userId,
    method: "test",
    now: new Date(now.getTime() - lastSeenHoursAgo * HOUR),
    expiresAt: new Date(now.getTime() + 30 * 24 * HOUR),
  });
  return id;
}
async function sessionAnswer(sessionId: string, userId: string) {
  const cookie = await sessionCookieFor({ sessionId, userId }, process.env.AUTH_SECRET ?? "");
  const res = await GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie } }));
  expect(res.status).toBe(200);
  return (await res.json()) as { sid?: string } | null;
}

describe("/api/auth/session", () => {
  it("answers for a live session and null once it is revoked", async () => {
    const id = await sessionOf(f.users.CSM.id, 0);
    expect(await sessionAnswer(id, f.users.CSM.id)).toMatchObject({ sid: id });
    await revokeSession(testDb(), id, new Date());
    expect(await sessionAnswer(id, f.users.CSM.id)).toBeNull();
  });

  it("answers null for a staff session idle longer than 12 hours, and a customer's after 7 days", async () => {
    const staffIdle = await sessionOf(f.users.CSM.id, 13);
    expect(await sessionAnswer(staffIdle, f.users.CSM.id)).toBeNull();
    const staffActive = await sessionOf(f.users.CSM.id, 11);
    expect(await sessionAnswer(staffActive, f.users.CSM.id)).toMatchObject({ sid: staffActive });
    const c = await createCustomer(f, "idle-customer");
    const customerRecent = await sessionOf(c.id, 13);
    expect(await sessionAnswer(customerRecent, c.id)).toMatchObject({ sid: customerRecent });
    const customerIdle = await sessionOf(c.id, 7 * 24 + 1);
    expect(await sessionAnswer(customerIdle, c.id)).toBeNull();
  });
});

describe("idle timeout per tenant", () => {
  it("follows the tenant's hours for staff and customers", async () => {
    const g = await createTenantFixture("session-idle-custom");
    await testDb().tenant.update({ where: { id: g.tenant.id }, data: { staffIdleHours: 24, customerIdleHours: 2 } });
    const now = new Date();
    const staff = await createSession(testDb(), {
      tenantId: g.tenant.id,
      userId: g.users.ADMIN.id,
      method: "test",
      now: new Date(now.getTime() - 13 * HOUR),
      expiresAt: new Date(now.getTime() + 24 * HOUR),
    });
    const customer = await createSession(testDb(), {
      tenantId: g.tenant.id,
      userId: g.users.CUSTOMER.id,
      method: "test",
      now: new Date(now.getTime() - 3 * HOUR),
      expiresAt: new Date(now.getTime() + 24 * HOUR),
    });
    expect(await findActiveSession(testDb(), staff, now)).not.toBeNull();
    expect(await findActiveSession(testDb(), customer, now)).toBeNull();
  });
});

describe("the setting (workspace.updateSettings)", () => {
  it("an admin changes it, audited; bad hours are a 400 with a message; others may not", async () => {
    const g = await createTenantFixture("session-idle-setting");
    const admin = callerFor(g.users.ADMIN);
    expect(await admin.workspace.settings()).toMatchObject({ staffIdleHours: 12, customerIdleHours: 168 });
    expect(await admin.workspace.updateSettings({ staffIdleHours: 8, customerIdleHours: 48 })).toMatchObject({
      staffIdleHours: 8,
      customerIdleHours: 48,
    });
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { tenantId: g.tenant.id, action: "workspace.settings_changed" },
    });
    expect(audit).toMatchObject({
      actorId: g.users.ADMIN.id,
      before: { staffIdleHours: 12, customerIdleHours: 168 },
      after: { staffIdleHours: 8, customerIdleHours: 48 },
    });
    for (const bad of [
      { staffIdleHours: 0, customerIdleHours: 48 },
      { staffIdleHours: 73, customerIdleHours: 48 },
      { staffIdleHours: 8, customerIdleHours: 721 },
      { staffIdleHours: 1.5, customerIdleHours: 48 },
    ])
      expect(await codeOf(admin.workspace.updateSettings(bad))).toBe("BAD_REQUEST");
    expect(
      await codeOf(callerFor(g.users.CSM).workspace.updateSettings({ staffIdleHours: 1, customerIdleHours: 1 })),
    ).toBe("FORBIDDEN");
    expect(await callerFor(g.users.ADMIN).workspace.settings()).toMatchObject({
      staffIdleHours: 8,
      customerIdleHours: 48,
    });
  });
});
