import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, codeOf, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * docs/security.md#chat-webhook-hosts: a Slack or Teams URL a person saves must be on the channel's own hosts
 * (hooks.slack.com; Teams' incoming webhooks and Workflows) or on a host an admin added for the workspace;
 * a stored URL elsewhere is not called at send time. Private receivers stay allowed only where
 * ALLOW_PRIVATE_WEBHOOKS=1 (tests, local development), so no DNS is needed here.
 */
process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
let f: TenantFixture;
const fieldErrorsOf = (shape: Awaited<ReturnType<typeof shapeOf>>) =>
  (shape?.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {};

beforeAll(async () => {
  f = await createTenantFixture("chat-hosts");
});

describe("chat webhook hosts", () => {
  it("refuses a Slack or Teams URL on any other host, for every role, and saves nothing", async () => {
    for (const user of [f.users.CSM, f.users.CUSTOMER, f.users.ADMIN]) {
      const me = callerFor(user);
      const before = await me.preferences.channels();
      const slack = await shapeOf(
        me.preferences.updateChannels({
          channels: ["slack"],
          digest: "daily",
          slackWebhookUrl: "https://attacker.example.com/collect",
        }),
        "preferences.updateChannels",
      );
      expect(slack?.data.code, user.role).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(slack).slackWebhookUrl).toBe(
        "Slack URLs must be on hooks.slack.com. An admin can allow more hosts under Settings → Workspace.",
      );
      // a Slack host is not a Teams host
      const teams = await shapeOf(
        me.preferences.updateChannels({
          channels: ["teams"],
          digest: "daily",
          teamsWebhookUrl: "https://hooks.slack.com/services/T0/B0/x",
        }),
        "preferences.updateChannels",
      );
      expect(fieldErrorsOf(teams).teamsWebhookUrl).toMatch(/^Microsoft Teams URLs must be on /);
      // a look-alike is not a subdomain
      expect(
        await codeOf(
          me.preferences.updateChannels({
            channels: ["teams"],
            digest: "daily",
            teamsWebhookUrl: "https://evilwebhook.office.com/webhookb2/x",
          }),
        ),
      ).toBe("BAD_REQUEST");
      expect(await me.preferences.channels()).toEqual(before);
    }
  });

  it("accepts Slack's and Teams' own hosts (incoming webhooks, Workflows / Power Automate)", async () => {
    const me = callerFor(f.users.TECH_LEAD);
    for (const teamsWebhookUrl of [
      "https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi",
      "https://prod-23.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x",
      "https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=x",
      "https://prod-01.westus.powerautomate.com/workflows/abc",
    ]) {
      const saved = await me.preferences.updateChannels({
        channels: ["slack", "teams"],
        digest: "daily",
        slackWebhookUrl: "https://hooks.slack.com/services/T0/B0/secret",
        teamsWebhookUrl,
      });
      expect(saved.teamsWebhookUrl).toBe(new URL(teamsWebhookUrl).toString());
    }
  });

  it("an admin adds hosts for the workspace (audited); other roles cannot; bad hosts are refused", async () => {
    for (const user of [f.users.EXECUTIVE, f.users.CSM, f.users.TECH_LEAD, f.users.CUSTOMER])
      expect(
        await codeOf(callerFor(user).workspace.updateSettings({ chatWebhookHosts: ["chat.example.org"] })),
        user.role,
      ).toBe("FORBIDDEN");
    const admin = callerFor(f.users.ADMIN);
    for (const bad of [
      "*",
      "*.com",
      "https://chat.example.org/x",
      "chat example.org",
      "-x.example.org",
      "a".repeat(254),
    ])
      expect(await codeOf(admin.workspace.updateSettings({ chatWebhookHosts: [bad] })), bad).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        admin.workspace.updateSettings({ chatWebhookHosts: Array.from({ length: 21 }, (_, i) => `h${i}.example.org`) }),
      ),
    ).toBe("BAD_REQUEST");

    const saved = await admin.workspace.updateSettings({
      chatWebhookHosts: [" Chat.Example.org ", "*.hooks.example.net"],
    });
    expect(saved.chatWebhookHosts).toEqual(["chat.example.org", "*.hooks.example.net"]);
    expect(
      await testDb().auditEvent.findMany({
        where: { tenantId: f.tenant.id, action: "workspace.settings_changed" },
        select: { actorId: true, before: true, after: true },
      }),
    ).toEqual([
      {
        actorId: f.users.ADMIN.id,
        before: { chatWebhookHosts: [] },
        after: { chatWebhookHosts: ["chat.example.org", "*.hooks.example.net"] },
      },
    ]);
    const me = callerFor(f.users.CSM);
    const saved2 = await me.preferences.updateChannels({
      channels: ["slack", "teams"],
      digest: "daily",
      slackWebhookUrl: "https://chat.example.org/hooks/1",
      teamsWebhookUrl: "https://eu.hooks.example.net/t/1",
    });
    expect(saved2.slackWebhookUrl).toBe("https://chat.example.org/hooks/1");
    // another workspace's hosts are not this one's
    const other = await createTenantFixture("chat-hosts-other");
    expect(
      await codeOf(
        callerFor(other.users.CSM).preferences.updateChannels({
          channels: ["slack"],
          digest: "daily",
          slackWebhookUrl: "https://chat.example.org/hooks/1",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("a stored URL on another host is not called at send time", async () => {
    await testDb().user.update({
      where: { id: f.users.EXECUTIVE.id },
      data: { channelPrefs: { slack: true, slackWebhookUrl: "https://attacker.example.com/collect" } },
    });
    const sent = await callerFor(f.users.EXECUTIVE).preferences.testChat({ channel: "slack" });
    expect(sent.result).not.toBe("sent");
    expect(sent.error).toMatch(/^Slack URLs must be on hooks\.slack\.com/);
  });
});
