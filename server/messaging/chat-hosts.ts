import { isIP } from "node:net";
import { chatHostAllowed, chatHostRefusal, type ChatChannelName } from "@/lib/chat-hosts";
import { isPrivateAddress, parseOutgoingUrl } from "./ssrf";

/**
 * Whether a Slack or Teams URL may be called (docs/security.md#chat-webhook-hosts): the channel's own hosts or
 * the workspace's; where private networks are allowed (tests, local development) a local receiver too. The
 * refusal in the person's words, or null. A URL the SSRF guard refuses for its shape (scheme, credentials,
 * a private address) is the guard's to refuse, in its own words.
 */
export function chatUrlRefusal(
  raw: string,
  channel: ChatChannelName,
  workspaceHosts: readonly string[],
  allowPrivate: boolean,
): string | null {
  let url: URL;
  try {
    url = parseOutgoingUrl(raw, allowPrivate);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowPrivate && (host === "localhost" || (isIP(host) !== 0 && isPrivateAddress(host)))) return null;
  return chatHostAllowed(host, channel, workspaceHosts) ? null : chatHostRefusal(channel);
}
