import { describe, expect, it } from "vitest";
import { ZWorkspaceSettingsFormSchema } from "@/lib/schemas/workspace-settings";
import { chatHostAllowed, chatHostRefusal, hostMatches } from "./chat-hosts";

describe("chat webhook hosts (docs/security.md#chat-webhook-hosts)", () => {
  it("matches a host exactly, or any host below a *. domain but not the domain or a look-alike", () => {
    expect(hostMatches("hooks.slack.com", "hooks.slack.com")).toBe(true);
    expect(hostMatches("HOOKS.slack.com.", "hooks.slack.com")).toBe(true);
    expect(hostMatches("evil.hooks.slack.com", "hooks.slack.com")).toBe(false);
    expect(hostMatches("prod-23.westeurope.logic.azure.com", "*.logic.azure.com")).toBe(true);
    expect(hostMatches("logic.azure.com", "*.logic.azure.com")).toBe(false);
    expect(hostMatches("evillogic.azure.com", "*.logic.azure.com")).toBe(false);
  });
  it("takes each channel's own hosts and the workspace's, and says which in the refusal", () => {
    expect(chatHostAllowed("hooks.slack.com", "slack", [])).toBe(true);
    expect(chatHostAllowed("hooks.slack.com", "teams", [])).toBe(false);
    expect(chatHostAllowed("x.environment.api.powerplatform.com", "teams", [])).toBe(true);
    expect(chatHostAllowed("chat.example.org", "slack", ["chat.example.org"])).toBe(true);
    expect(chatHostRefusal("teams")).toBe(
      "Microsoft Teams URLs must be on *.webhook.office.com, *.logic.azure.com, *.powerautomate.com or *.environment.api.powerplatform.com. An admin can allow more hosts under Settings → Workspace.",
    );
  });
  it("reads the settings form's hosts one per line, naming the first bad one", () => {
    const ok = ZWorkspaceSettingsFormSchema.safeParse({
      chatWebhookHosts: " Chat.Example.org \n\n*.x.example.net\nchat.example.org",
    });
    expect(ok.success && ok.data.chatWebhookHosts).toEqual(["chat.example.org", "*.x.example.net"]);
    const bad = ZWorkspaceSettingsFormSchema.safeParse({ chatWebhookHosts: "chat.example.org\n*.com" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "chatWebhookHosts",
        "*.com: Enter a host name such as chat.example.com, or *.example.com for every host below example.com",
      ],
    ]);
  });
});
