import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * The workspace's own settings (docs/security.md#workspace-settings): one read and one update procedure for the
 * time zone, the two-factor rule, sign-out after inactivity, the refund four-eyes relaxation and chat hosts. What
 * each setting does is checked where it acts (calendar, two-factor, session-idle, refunds, chat-hosts tests).
 */
let f: TenantFixture;
beforeAll(async () => {
  f = await createTenantFixture("workspace-settings");
});

const admin = () => callerFor(f.users.ADMIN);
const changes = () =>
  testDb().auditEvent.findMany({
    where: { tenantId: f.tenant.id, action: "workspace.settings_changed" },
    orderBy: { createdAt: "asc" },
    select: { actorId: true, before: true, after: true },
  });
const stored = () =>
  testDb().tenant.findUniqueOrThrow({
    where: { id: f.tenant.id },
    select: {
      timezone: true,
      requireTwoFactor: true,
      staffIdleHours: true,
      customerIdleHours: true,
      refundsByOnePerson: true,
      chatWebhookHosts: true,
    },
  });

describe("workspace settings", () => {
  it("reads every setting in one answer", async () => {
    expect(await callerFor(f.users.CSM).workspace.settings()).toEqual({
      timeZone: "UTC",
      requireTwoFactor: false,
      staffIdleHours: 12,
      customerIdleHours: 168,
      refundsByOnePerson: false,
      chatWebhookHosts: [],
    });
  });

  it("saves the whole form at once: one audit entry naming only what changed", async () => {
    const saved = await admin().workspace.updateSettings({
      timeZone: "Europe/Berlin",
      requireTwoFactor: false,
      staffIdleHours: 8,
      customerIdleHours: 168,
      refundsByOnePerson: true,
      chatWebhookHosts: [],
    });
    expect(saved).toEqual({
      timeZone: "Europe/Berlin",
      requireTwoFactor: false,
      staffIdleHours: 8,
      customerIdleHours: 168,
      refundsByOnePerson: true,
      chatWebhookHosts: [],
      projectsUpdated: 0,
    });
    expect(await changes()).toEqual([
      {
        actorId: f.users.ADMIN.id,
        before: { timeZone: "UTC", staffIdleHours: 12, refundsByOnePerson: false },
        after: { timeZone: "Europe/Berlin", staffIdleHours: 8, refundsByOnePerson: true },
      },
    ]);
    // the same values again change nothing and record nothing
    await admin().workspace.updateSettings({ timeZone: "Europe/Berlin", staffIdleHours: 8 });
    expect(await changes()).toHaveLength(1);
    // a field left out keeps its value
    await admin().workspace.updateSettings({ customerIdleHours: 48 });
    expect(await stored()).toMatchObject({ timezone: "Europe/Berlin", staffIdleHours: 8, customerIdleHours: 48 });
    expect((await changes()).at(-1)).toMatchObject({
      before: { customerIdleHours: 168 },
      after: { customerIdleHours: 48 },
    });
  });

  it.each([
    ["timeZone", { timeZone: "Mars/Olympus_Mons" }, /time zone/],
    ["timeZone", { timeZone: "" }, /time zone/],
    ["requireTwoFactor", { requireTwoFactor: "yes" }, /two-factor/],
    ["staffIdleHours", { staffIdleHours: 0 }, /at least 1 hour for team members/],
    ["staffIdleHours", { staffIdleHours: 73 }, /at most 72 hours for team members/],
    ["staffIdleHours", { staffIdleHours: 1.5 }, /whole hours for team members/],
    ["staffIdleHours", { staffIdleHours: "soon" }, /as a number/],
    ["customerIdleHours", { customerIdleHours: 721 }, /at most 720 hours for customers/],
    ["refundsByOnePerson", { refundsByOnePerson: "yes" }, /one person/],
    ["chatWebhookHosts", { chatWebhookHosts: ["https://chat.example.org/x"] }, /host/i],
  ])("refuses a bad %s with 400, its reason on the field, and writes nothing", async (field, bad, reason) => {
    const [before, audits] = [await stored(), await changes()];
    // the rest of the form is valid and different: nothing of it is saved either
    const shape = await shapeOf(
      admin().workspace.updateSettings({ staffIdleHours: 9, refundsByOnePerson: false, ...bad } as never),
      "workspace.updateSettings",
    );
    expect(shape?.data.httpStatus).toBe(400);
    // a list's error is on its entry ("chatWebhookHosts.0"), which the form shows on the box
    const [, message] =
      Object.entries(shape?.data.fieldErrors ?? {}).find(([key]) => key === field || key.startsWith(`${field}.`)) ?? [];
    expect(message).toMatch(reason);
    expect(shape?.message).not.toMatch(/_|\{/);
    expect([await stored(), await changes()]).toEqual([before, audits]);
  });
});
