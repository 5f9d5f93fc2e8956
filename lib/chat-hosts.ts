import { z } from "zod";

/**
 * Where Slack and Teams messages may go (docs/security.md#chat-webhook-hosts): each channel's own webhook
 * hosts, plus the hosts an admin adds for the workspace. A pattern is a host name, or `*.` and a domain of
 * at least two labels for any host below it (not the domain itself).
 */
export type ChatChannelName = "slack" | "teams";

export const DEFAULT_CHAT_HOSTS: Record<ChatChannelName, readonly string[]> = {
  slack: ["hooks.slack.com"],
  // incoming webhooks (Microsoft 365 connectors), then Workflows / Power Automate: the older Logic Apps
  // URLs, Power Automate's own, and the Power Platform environment URLs that replace them
  teams: ["*.webhook.office.com", "*.logic.azure.com", "*.powerautomate.com", "*.environment.api.powerplatform.com"],
};

const CHANNEL_NAME: Record<ChatChannelName, string> = { slack: "Slack", teams: "Microsoft Teams" };
export const MAX_CHAT_HOSTS = 20;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** True when `host` (a URL's host name) is the pattern's host, or below the pattern's `*.` domain. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return pattern.startsWith("*.") ? h.endsWith(pattern.slice(1)) : h === pattern;
}

export function chatHostAllowed(host: string, channel: ChatChannelName, workspaceHosts: readonly string[]): boolean {
  return [...DEFAULT_CHAT_HOSTS[channel], ...workspaceHosts].some((p) => hostMatches(host, p));
}

/** The refusal, in the person's words: which hosts the channel takes, and who can add more. */
export function chatHostRefusal(channel: ChatChannelName): string {
  const hosts = DEFAULT_CHAT_HOSTS[channel];
  const list = hosts.length === 1 ? hosts[0] : `${hosts.slice(0, -1).join(", ")} or ${hosts.at(-1)}`;
  return `${CHANNEL_NAME[channel]} URLs must be on ${list}. An admin can allow more hosts under Settings → Workspace.`;
}

/** One host pattern as an admin types it: trimmed, lower-case, a host name or `*.` + a domain of two labels or more. */
export const ZChatHostPattern = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "A host name is at most 253 characters")
  .refine((v) => {
    const labels = (v.startsWith("*.") ? v.slice(2) : v).split(".");
    return labels.length >= 2 && labels.every((l) => LABEL.test(l));
  }, "Enter a host name such as chat.example.com, or *.example.com for every host below example.com");

export const ZChatHostsSchema = z
  .array(ZChatHostPattern)
  .max(MAX_CHAT_HOSTS, `At most ${MAX_CHAT_HOSTS} hosts`)
  .transform((hosts) => [...new Set(hosts)]);
