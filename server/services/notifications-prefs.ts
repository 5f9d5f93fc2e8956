import "server-only";
import { randomUUID } from "node:crypto";
import {
  CHANNEL_LABEL,
  type ChatChannel,
  chosenChannels,
  readChannelPrefs,
  type ChannelPrefs,
  type UpdateChannelPrefsInput,
} from "@/lib/schemas/channel-prefs";
import { recordAudit } from "@/server/db/audit";
import { findPrefsOwner, writeChannelPrefs } from "@/server/db/notification-prefs";
import { AppError, notFound } from "@/server/errors";
import { deliveryConfig } from "@/server/messaging/config";
import { UnsafeUrlError, assertSafeOutgoingUrl } from "@/server/messaging/ssrf";
import { chatUrlRefusal } from "@/server/messaging/chat-hosts";
import { readWorkspaceSettings } from "@/server/db/workspace-settings";
import { outboxStatusOf, upsertOutboxMessage } from "@/server/db/outbox";
import { rowsForPerson } from "@/server/messaging/fan-out";
import { chatTestDocument } from "@/server/messaging/templates/channel-health";
import { renderMessage } from "@/server/messaging/templates/render";
import { deliverMessageNow } from "@/server/messaging/worker";
import type { ServiceContext } from "./context";

/**
 * A person's own channels and digest frequency (docs/domain.md#progress-updates): email, Slack, Teams, in-app; a daily or
 * weekly digest, or none — urgent alerts come anyway. Slack and Teams URLs must be on the channel's own hosts
 * or the workspace's (docs/security.md#chat-webhook-hosts) and are checked like webhook endpoints (https,
 * public addresses) when saved, so a bad one is refused here, not at send time.
 */
export async function myChannelPrefs(ctx: ServiceContext) {
  const owner = await findPrefsOwner(ctx.db, ctx.tenantId, ctx.actorId);
  if (!owner) throw notFound("User");
  const prefs = readChannelPrefs(owner.channelPrefs);
  return {
    email: owner.email,
    channels: chosenChannels(prefs),
    digest: prefs.digest,
    slackWebhookUrl: prefs.slackWebhookUrl ?? "",
    teamsWebhookUrl: prefs.teamsWebhookUrl ?? "",
    slackBroken: prefs.slackBroken,
    teamsBroken: prefs.teamsBroken,
    emailOptOuts: prefs.emailOptOuts,
  };
}

/** The URL's host (the channel's or the workspace's), then the SSRF guard (shape, where it resolves). */
async function checked(
  channel: ChatChannel,
  raw: string | undefined,
  workspaceHosts: readonly string[],
): Promise<string | null> {
  if (!raw) return null;
  const field = channel === "slack" ? "slackWebhookUrl" : "teamsWebhookUrl";
  const allowPrivate = deliveryConfig().allowPrivateNetworks;
  try {
    const refusal = chatUrlRefusal(raw, channel, workspaceHosts, allowPrivate);
    if (refusal) throw new AppError("BAD_REQUEST", refusal, { fieldErrors: { [field]: refusal } });
    return (await assertSafeOutgoingUrl(raw, allowPrivate)).toString();
  } catch (error) {
    if (error instanceof UnsafeUrlError)
      throw new AppError("BAD_REQUEST", `This URL cannot receive messages: ${error.message}.`, {
        fieldErrors: { [field]: error.message },
      });
    throw error;
  }
}

export async function updateMyChannelPrefs(ctx: ServiceContext, input: UpdateChannelPrefsInput) {
  const owner = await findPrefsOwner(ctx.db, ctx.tenantId, ctx.actorId);
  if (!owner) throw notFound("User");
  const before = readChannelPrefs(owner.channelPrefs);
  const chosen = new Set(input.channels);
  const { chatWebhookHosts } = await readWorkspaceSettings(ctx.db, ctx.tenantId);
  const slackWebhookUrl = await checked("slack", input.slackWebhookUrl, chatWebhookHosts);
  const teamsWebhookUrl = await checked("teams", input.teamsWebhookUrl, chatWebhookHosts);
  const next: ChannelPrefs = {
    email: chosen.has("email"),
    slack: chosen.has("slack"),
    teams: chosen.has("teams"),
    inApp: chosen.has("in_app"),
    digest: input.digest,
    slackWebhookUrl,
    teamsWebhookUrl,
    // a broken channel stays marked until its URL changes or a test gets through (docs/alerts.md#chat-channel-health)
    slackBroken: slackWebhookUrl === before.slackWebhookUrl ? before.slackBroken : null,
    teamsBroken: teamsWebhookUrl === before.teamsWebhookUrl ? before.teamsBroken : null,
    // a form that does not send the list keeps what the unsubscribe links set (docs/messaging.md#headers)
    emailOptOuts: input.emailOptOuts ? [...new Set(input.emailOptOuts)] : before.emailOptOuts,
  };
  // webhook URLs are credentials: the audit trail records that they changed, not what they are
  const summary = (p: ChannelPrefs) => ({
    channels: chosenChannels(p),
    digest: p.digest,
    emailOptOuts: p.emailOptOuts,
    slackUrlSet: p.slackWebhookUrl !== null,
    teamsUrlSet: p.teamsWebhookUrl !== null,
  });
  await ctx.db.$transaction(async (tx) => {
    if (!(await writeChannelPrefs(tx, ctx.tenantId, ctx.actorId, next))) throw notFound("User");
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "channel_prefs.updated",
      entityType: "User",
      entityId: ctx.actorId,
      before: summary(before),
      after: {
        ...summary(next),
        slackUrlChanged: before.slackWebhookUrl !== next.slackWebhookUrl,
        teamsUrlChanged: before.teamsWebhookUrl !== next.teamsWebhookUrl,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return myChannelPrefs(ctx);
}

/**
 * Sends a test message to the person's own Slack or Teams URL now, through the outbox like any
 * message; one that gets through clears the channel's broken mark, a refusal sets it.
 */
export async function testMyChatChannel(ctx: ServiceContext, channel: ChatChannel) {
  const owner = await findPrefsOwner(ctx.db, ctx.tenantId, ctx.actorId);
  if (!owner) throw notFound("User");
  const prefs = readChannelPrefs(owner.channelPrefs);
  const label = CHANNEL_LABEL[channel];
  if (!(channel === "slack" ? prefs.slackWebhookUrl : prefs.teamsWebhookUrl) || !prefs[channel])
    throw new AppError("BAD_REQUEST", `Turn ${label} on with its incoming-webhook URL and save before testing it.`, {
      fieldErrors: { channel: `${label} is not set up` },
    });
  const message = renderMessage(
    chatTestDocument({ channel: label, preferencesUrl: `${deliveryConfig().appUrl}/settings/notifications` }),
  );
  const [row] = rowsForPerson(
    { id: owner.id, tenantId: ctx.tenantId, email: owner.email, prefs },
    message,
    `chat-test/${owner.id}/${randomUUID()}`,
    { now: ctx.now, channels: [channel] },
  );
  if (!row) throw new AppError("BAD_REQUEST", `${label} is not set up.`);
  const queued = await upsertOutboxMessage(ctx.db, row);
  const result = await deliverMessageNow(ctx.db, queued.id, ctx.now);
  const after = await outboxStatusOf(ctx.db, queued.id);
  return { result, error: result === "sent" ? null : (after?.lastError ?? null), prefs: await myChannelPrefs(ctx) };
}
