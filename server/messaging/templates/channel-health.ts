import type { MessageDoc } from "./render";

/**
 * The notices of a broken outgoing channel: a webhook endpoint Onward disabled (to the workspace's
 * admins) and a Slack or Teams URL that refuses messages (to its owner). docs/webhooks/README.md#retries-and-disabling,
 * docs/alerts.md#chat-channel-health.
 */
export function endpointDisabledDocument(e: { url: string; reason: string; settingsUrl: string }): MessageDoc {
  const subject = "A webhook endpoint was disabled";
  const intro = `Onward stopped sending events to ${e.url}. ${e.reason} Fix the receiver, then re-enable the endpoint: Onward sends a test event and enables it if the test is delivered.`;
  return {
    subject,
    intro,
    sections: [
      {
        title: "Webhook endpoint",
        facts: [
          { label: "URL", value: e.url },
          { label: "Why", value: e.reason },
        ],
        lists: [],
        note: null,
        link: { label: "Open the endpoint", url: e.settingsUrl },
      },
    ],
    trailer: null,
    footer: "You receive this because you administer this Onward workspace.",
    inApp: { title: subject, body: `${e.url}: ${e.reason}`, link: e.settingsUrl },
  };
}

export function chatBrokenDocument(c: { channel: string; error: string; preferencesUrl: string }): MessageDoc {
  const subject = `Your ${c.channel} notifications are not arriving`;
  const intro = `${c.channel} refused the last message Onward sent to your incoming-webhook URL (${c.error}). Until you save a working URL in your notification settings, you will not receive ${c.channel} messages.`;
  return {
    subject,
    intro,
    sections: [
      {
        title: `${c.channel} channel`,
        facts: [{ label: "Answer", value: c.error }],
        lists: [],
        note: "The URL may have been revoked, or the channel deleted. Create a new incoming webhook and save it.",
        link: { label: "Open notification settings", url: c.preferencesUrl },
      },
    ],
    trailer: null,
    footer: "You receive this because you chose this channel in your Onward notification settings.",
    inApp: { title: subject, body: intro, link: "/settings/notifications" },
  };
}

export function chatTestDocument(c: { channel: string; preferencesUrl: string }): MessageDoc {
  const subject = `Test message from Onward`;
  const intro = `Your ${c.channel} channel works: Onward's alerts and digests will arrive here.`;
  return {
    subject,
    intro,
    sections: [],
    trailer: null,
    footer: `You sent this test from your notification settings: ${c.preferencesUrl}`,
    inApp: { title: subject, body: intro, link: "/settings/notifications" },
  };
}
