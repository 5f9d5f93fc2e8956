import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { createWorkspaceForOperator } from "@/server/services/workspaces";
import {
  ALL_FULL_ANSWERS,
  callerFor,
  codeOf,
  createTenantFixture,
  sessionUserOf,
  testDb,
  type TenantFixture,
} from "../helpers/fixtures";

/**
 * The setup checklist (docs/onboarding.md) on a brand-new workspace: every item is read from data, so
 * each real step — through the same procedures the pages use — ticks exactly its item, and nothing of
 * the other workspaces in this database counts.
 */
// a local receiver address for the Slack step (read once by the server environment, like the other channel tests)
process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
const NOW = new Date();
let admin: SessionUser;
let tenantId: string;
let fixture: TenantFixture;

beforeAll(async () => {
  fixture = await createTenantFixture("onboarding-fixture");
  const slug = `onb-${Date.now().toString(36)}`;
  const created = await createWorkspaceForOperator(
    testDb(),
    { name: "Harbor Digital", slug, adminEmail: `founder@${slug}.example.com`, adminName: "Hana Harbor" },
    "http://localhost:3000",
    NOW,
  );
  tenantId = created.tenant.id;
  admin = await sessionUserOf({ email: `founder@${slug}.example.com` });
});

const done = async (user: SessionUser) => {
  const list = await callerFor(user).onboarding.checklist();
  return {
    count: list.done,
    items: list.items
      .filter((i) => i.done)
      .map((i) => i.key)
      .sort(),
    dismissed: list.dismissed,
  };
};

describe("the setup checklist", () => {
  it("starts at 0 of 8 in a new workspace although other workspaces here have everything", async () => {
    const list = await callerFor(admin).onboarding.checklist();
    expect([list.done, list.total, list.complete, list.dismissed]).toEqual([0, 8, false, false]);
  });

  it("ticks each item when its step is really done, through the app's own procedures", async () => {
    const me = callerFor(admin);
    await me.users.invite({ email: `casey-${tenantId}@example.com`, name: "Casey", role: "CSM" });
    expect((await done(admin)).items).toEqual(["teamInvited"]);

    await me.branding.update({
      displayName: "",
      accentColor: "#0e7490",
      supportEmail: "",
      fromName: "",
      fromEmail: "",
      replyTo: "",
    });
    expect((await done(admin)).items).toEqual(["portalBranded", "teamInvited"]);
    await me.branding.update({
      displayName: "",
      accentColor: "#0e7490",
      supportEmail: "",
      fromName: "Harbor Digital",
      fromEmail: "",
      replyTo: "",
    });
    expect((await done(admin)).items).toContain("senderSet");

    await me.preferences.updateChannels({
      channels: ["email", "slack"],
      digest: "daily",
      slackWebhookUrl: "http://127.0.0.1:9/slack",
    });
    expect((await done(admin)).items).toContain("chatConnected");

    const lead = await me.leads.create({
      company: "Pier Nine Logistics",
      contactName: "Pia",
      contactEmail: "pia@piernine.example.com",
    });
    expect((await done(admin)).items).toContain("hasLeads");
    expect((await done(admin)).items).not.toContain("qualificationRun");
    await me.qualification.save({ leadId: lead.id, answers: ALL_FULL_ANSWERS, context: {} });
    const now = await done(admin);
    expect(now.items).toEqual([
      "chatConnected",
      "hasLeads",
      "portalBranded",
      "qualificationRun",
      "senderSet",
      "teamInvited",
    ]);
    expect(now.count).toBe(6);
  });

  it("reads projects and CI tokens: a kickoff's project ticks the kickoff, a project's CI token the token", async () => {
    const fixtureAdmin = fixture.users.ADMIN;
    const before = await done(fixtureAdmin);
    expect(before.items).toContain("kickoffStarted");
    expect(before.items).not.toContain("ciTokenCreated");
    await callerFor(fixture.users.TECH_LEAD).apiTokens.create({ projectId: fixture.projectA.id, name: "CI" });
    expect((await done(fixtureAdmin)).items).toContain("ciTokenCreated");
    // the new workspace still has neither
    expect((await done(admin)).items).not.toContain("kickoffStarted");
    expect((await done(admin)).items).not.toContain("ciTokenCreated");
  });

  it("is hidden and brought back by the admin, audited both ways; bad input writes nothing", async () => {
    const me = callerFor(admin);
    const audits = () =>
      testDb().auditEvent.findMany({
        where: { tenantId, action: { startsWith: "onboarding." } },
        orderBy: { seq: "asc" },
        select: { action: true, actorId: true },
      });
    expect(await codeOf(me.onboarding.setDismissed({ dismissed: "yes" } as unknown as { dismissed: boolean }))).toBe(
      "BAD_REQUEST",
    );
    expect(await audits()).toEqual([]);
    expect(await me.onboarding.setDismissed({ dismissed: true })).toEqual({ dismissed: true });
    expect((await done(admin)).dismissed).toBe(true);
    expect(await me.onboarding.setDismissed({ dismissed: false })).toEqual({ dismissed: false });
    expect((await done(admin)).dismissed).toBe(false);
    expect(await audits()).toEqual([
      { action: "onboarding.dismissed", actorId: admin.id },
      { action: "onboarding.reopened", actorId: admin.id },
    ]);
    // another workspace's admin changes only their own
    await callerFor(fixture.users.ADMIN).onboarding.setDismissed({ dismissed: true });
    expect((await done(admin)).dismissed).toBe(false);
  });
});
