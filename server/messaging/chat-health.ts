import type { ChatChannel } from "@/lib/schemas/channel-prefs";
import { readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db } from "@/server/db/client";
import { clearChatBroken, markChatBrokenIf } from "@/server/db/notification-prefs";
import { insertOutboxMessages } from "@/server/db/outbox";
import { rowsForPerson } from "./fan-out";
import type { DeliveryOutcome } from "./retry";
import { chatBrokenDocument } from "./templates/channel-health";
import { renderMessage } from "./templates/render";

/**
 * Chat channel health (docs/alerts.md#chat-channel-health): Slack or Teams answering a 4xx other than
 * 429 means the URL itself is wrong (revoked, channel deleted) — retrying cannot help — so the
 * person's channel is marked broken and they are told once, in the app and by email; a message that
 * gets through clears the mark.
 */
export function isBrokenChatAnswer(outcome: DeliveryOutcome): boolean {
  return !outcome.ok && outcome.statusCode !== null && outcome.statusCode >= 400 && outcome.statusCode < 500
    ? outcome.statusCode !== 429
    : false;
}

export async function recordChatAttempt(
  db: Db,
  person: { id: string; tenantId: string; email: string; channelPrefs: unknown },
  channel: ChatChannel,
  url: string,
  outcome: DeliveryOutcome,
  now: Date,
  appUrl: string,
): Promise<void> {
  const prefs = readChannelPrefs(person.channelPrefs);
  const broken = channel === "slack" ? prefs.slackBroken : prefs.teamsBroken;
  if (outcome.ok) {
    if (broken) await clearChatBroken(db, person.tenantId, person.id, channel);
    return;
  }
  if (!isBrokenChatAnswer(outcome) || broken) return;
  await db.$transaction(async (tx) => {
    const mark = { at: now.toISOString(), error: outcome.error };
    if (!(await markChatBrokenIf(tx, person.tenantId, person.id, channel, url, mark))) return;
    const label = channel === "slack" ? "Slack" : "Microsoft Teams";
    const message = renderMessage(
      chatBrokenDocument({ channel: label, error: outcome.error, preferencesUrl: `${appUrl}/settings/notifications` }),
    );
    await insertOutboxMessages(
      tx,
      rowsForPerson(
        { id: person.id, tenantId: person.tenantId, email: person.email, prefs },
        message,
        `chat-broken/${person.id}/${channel}/${now.getTime()}`,
        { now, channels: ["in_app", "email"] },
      ),
    );
  });
}
