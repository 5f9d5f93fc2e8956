import { chosenChannels, type Channel, type ChannelPrefs, type RecurringMailKind } from "@/lib/schemas/channel-prefs";
import type { Prisma } from "@/server/db/client";
import type { OutboxInsert } from "@/server/db/outbox";
import type { OutboxChannel } from "@/generated/prisma/enums";
import type { RenderedMessage } from "./templates/render";

/**
 * One message for one person → one outbox row per channel they chose, each with its own idempotency
 * key (`<keyBase>/<channel>`), so a repeat of the same job writes nothing new. Slack and Teams rows
 * name the person, not the URL: the URL is read from their preferences when the row is sent. A
 * channel they chose but cannot receive on (no webhook URL) is stored DEAD with the reason, visible
 * to admins, instead of failing the job. Recurring mail names its `mailKind`: the email row then
 * carries who and what, so it is sent with a List-Unsubscribe link (docs/messaging.md#headers), and
 * nobody gets an email of a kind they unsubscribed from.
 */
export type Person = { id: string; tenantId: string; email: string; prefs: ChannelPrefs };

const OUTBOX_CHANNEL: Record<Channel, OutboxChannel> = {
  email: "EMAIL",
  slack: "SLACK",
  teams: "TEAMS",
  in_app: "IN_APP",
};

export function recipientRef(userId: string): string {
  return `user:${userId}`;
}

export function rowsForPerson(
  person: Person,
  message: RenderedMessage,
  keyBase: string,
  opts: { now: Date; channels?: readonly Channel[]; mailKind?: RecurringMailKind },
): OutboxInsert[] {
  const kind = opts.mailKind;
  const channels = (opts.channels ?? chosenChannels(person.prefs)).filter(
    (c) => c !== "email" || !kind || !person.prefs.emailOptOuts.includes(kind),
  );
  return channels.map((channel): OutboxInsert => {
    const base = {
      tenantId: person.tenantId,
      channel: OUTBOX_CHANNEL[channel],
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: null,
      idempotencyKey: `${keyBase}/${channel}`,
      createdAt: opts.now,
      nextAttemptAt: opts.now,
    };
    if (channel === "email") {
      if (!person.email)
        return { ...base, recipient: "", status: "DEAD", lastError: "No email address for this person" };
      return {
        ...base,
        recipient: person.email,
        bodyHtml: message.html,
        ...(kind ? { payload: { userId: person.id, mailKind: kind } } : {}),
      };
    }
    if (channel === "in_app")
      return { ...base, recipient: recipientRef(person.id), payload: { userId: person.id, ...message.inApp } };
    const url = channel === "slack" ? person.prefs.slackWebhookUrl : person.prefs.teamsWebhookUrl;
    const row = {
      ...base,
      recipient: recipientRef(person.id),
      payload: {
        userId: person.id,
        message: (channel === "slack" ? message.slack : message.teams) as Prisma.InputJsonValue,
      },
    };
    if (!url)
      return {
        ...row,
        status: "DEAD",
        lastError: `${channel === "slack" ? "Slack" : "Teams"} is chosen but no incoming-webhook URL is set`,
      };
    return row;
  });
}
