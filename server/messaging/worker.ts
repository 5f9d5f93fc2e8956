import { z } from "zod";
import { readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db } from "@/server/db/client";
import type { OutboxChannel } from "@/generated/prisma/enums";
import { insertNotifications } from "@/server/db/notifications";
import { findPrefsOwner } from "@/server/db/notification-prefs";
import { claimDueMessages, finishClaimedMessage, type ClaimedMessage, type FinishOutcome } from "@/server/db/outbox";
import { findEndpoint, insertWebhookDelivery } from "@/server/db/webhooks";
import { logger } from "@/server/logger";
import { sendChatMessage } from "./channels/chat";
import { recordChatAttempt } from "./chat-health";
import { sendEmail } from "./channels/email";
import { undeliverable } from "./channels/outcome";
import { sendSignedWebhook } from "./channels/webhook";
import { recordEndpointAttempt } from "./endpoint-health";
import { webhookNextStep } from "./webhook-schedule";
import { emailSenderOf } from "./sender";
import { deliveryConfig, type DeliveryConfig } from "./config";
import { nextStep, type DeliveryOutcome } from "./retry";

/**
 * The outbox worker: claims due rows (FOR UPDATE SKIP LOCKED + a lease), sends each through its
 * channel, and finishes it as SENT, FAILED (retried later with backoff) or DEAD (final), keeping the
 * error on the row. Any number of workers may run at once: a row is held by one lease at a time, and
 * only the lease holder can finish it. On the embedded database every connection shares one session,
 * so SKIP LOCKED alone could not separate workers there — the lease, taken in the same single
 * statement, does.
 */
export const LEASE_MS = 3 * 60_000;
export const CLAIM_BATCH = 10;

const ALL_CHANNELS: readonly OutboxChannel[] = ["EMAIL", "SLACK", "TEAMS", "WEBHOOK", "IN_APP"];

const ZChatPayload = z.object({ userId: z.string(), message: z.unknown() });
const ZInAppPayload = z.object({ userId: z.string(), title: z.string(), body: z.string(), link: z.string() });
const ZWebhookPayload = z.object({ endpointId: z.string(), event: z.string() });

export type DeliveryResult = "sent" | "failed" | "dead" | "lost";
export type SweepCounts = { claimed: number; sent: number; failed: number; dead: number; lost: number };

/** Channels this process can deliver: email only with a provider (else it stays for /dev/mail). */
export function deliverableChannels(config: DeliveryConfig): OutboxChannel[] {
  return ALL_CHANNELS.filter((c) => c !== "EMAIL" || config.email !== null);
}

async function chatOutcome(db: Db, msg: ClaimedMessage, config: DeliveryConfig, now: Date): Promise<DeliveryOutcome> {
  const payload = ZChatPayload.safeParse(msg.payload);
  if (!payload.success || !msg.tenantId) return undeliverable("The message has no recipient");
  const owner = await findPrefsOwner(db, msg.tenantId, payload.data.userId);
  if (!owner || owner.disabledAt) return undeliverable("The recipient no longer exists or is disabled");
  const prefs = readChannelPrefs(owner.channelPrefs);
  const slack = msg.channel === "SLACK";
  const label = slack ? "Slack" : "Teams";
  if (!(slack ? prefs.slack : prefs.teams)) return undeliverable(`The recipient turned ${label} off`);
  const url = slack ? prefs.slackWebhookUrl : prefs.teamsWebhookUrl;
  if (!url) return undeliverable(`No ${label} incoming-webhook URL is set for the recipient`);
  const outcome = await sendChatMessage(url, payload.data.message, config.allowPrivateNetworks);
  // the message went out (or not) whatever happens to the bookkeeping: a failure here must not resend it
  await recordChatAttempt(
    db,
    { ...owner, tenantId: msg.tenantId },
    slack ? "slack" : "teams",
    url,
    outcome,
    now,
    config.appUrl,
  ).catch((err: unknown) => logger.error({ err, outboxId: msg.id }, "chat channel health not recorded"));
  return outcome;
}

/** Delivers one claimed row and finishes it; "lost" when another worker took the lease meanwhile. */
export async function deliverClaimed(
  db: Db,
  msg: ClaimedMessage,
  now: Date,
  config: DeliveryConfig,
): Promise<DeliveryResult> {
  const finish = async (outcome: DeliveryOutcome): Promise<DeliveryResult> => {
    const step =
      msg.channel === "WEBHOOK"
        ? webhookNextStep(outcome, msg.attempts, now, Math.random())
        : nextStep(outcome, msg.attempts, now);
    const data: FinishOutcome =
      step.status === "SENT"
        ? { status: "SENT", at: now }
        : step.status === "FAILED"
          ? { status: "FAILED", error: outcome.ok ? "" : outcome.error, nextAttemptAt: step.nextAttemptAt }
          : { status: "DEAD", error: outcome.ok ? "" : outcome.error };
    const ok = await finishClaimedMessage(db, msg, data);
    if (!ok) return "lost";
    if (!outcome.ok)
      logger.warn(
        { outboxId: msg.id, channel: msg.channel, attempt: msg.attempts, status: step.status, error: outcome.error },
        "outbox delivery failed",
      );
    return step.status === "SENT" ? "sent" : step.status === "FAILED" ? "failed" : "dead";
  };

  try {
    switch (msg.channel) {
      case "EMAIL":
        if (!config.email)
          return finish({
            ok: false,
            retryable: true,
            statusCode: null,
            durationMs: 0,
            error: "No email provider is configured (RESEND_API_KEY)",
          });
        if (!msg.recipient) return finish(undeliverable("No email address for this person"));
        return finish(await sendEmail(config.email, msg, await emailSenderOf(db, msg.tenantId, config.email)));
      case "SLACK":
      case "TEAMS":
        return finish(await chatOutcome(db, msg, config, now));
      case "IN_APP": {
        const p = ZInAppPayload.safeParse(msg.payload);
        if (!p.success || !msg.tenantId) return finish(undeliverable("The notification has no recipient"));
        const tenantId = msg.tenantId;
        // the notification and the SENT mark commit together: exactly one notification per row
        return await db.$transaction(async (tx) => {
          const ok = await finishClaimedMessage(tx, msg, { status: "SENT", at: now });
          if (!ok) return "lost" as const;
          await insertNotifications(tx, [
            { tenantId, userId: p.data.userId, title: p.data.title, body: p.data.body, link: p.data.link, at: now },
          ]);
          return "sent" as const;
        });
      }
      case "WEBHOOK": {
        const p = ZWebhookPayload.safeParse(msg.payload);
        const endpoint = p.success && msg.tenantId ? await findEndpoint(db, msg.tenantId, p.data.endpointId) : null;
        if (!p.success || !endpoint || !msg.tenantId) return finish(undeliverable("The webhook endpoint was deleted"));
        // a test event is sent to a disabled endpoint too: it is how an admin re-enables one
        const attempted = endpoint.active || p.data.event === "test.ping";
        const outcome = attempted
          ? await sendSignedWebhook(endpoint, { id: msg.id, body: msg.bodyText }, config.allowPrivateNetworks, now)
          : undeliverable("The endpoint is disabled");
        const result = await finish(outcome);
        if (result !== "lost") {
          await insertWebhookDelivery(db, {
            tenantId: msg.tenantId,
            endpointId: endpoint.id,
            outboxMessageId: msg.id,
            event: p.data.event,
            attempt: msg.attempts,
            statusCode: outcome.statusCode,
            durationMs: outcome.durationMs,
            error: outcome.ok ? null : outcome.error,
            at: now,
          });
          if (attempted) await recordEndpointAttempt(db, msg.tenantId, endpoint, outcome, now, config.appUrl);
        }
        return result;
      }
    }
  } catch (error) {
    // our own failure (database, a bug): keep the row retryable with the reason, never crash the sweep
    logger.error({ err: error, outboxId: msg.id }, "outbox delivery crashed");
    return finish({
      ok: false,
      retryable: true,
      statusCode: null,
      durationMs: 0,
      error: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/**
 * Delivers due messages in batches until the queue is empty, `maxMessages` were claimed, or the
 * wall-clock `deadline` passed (what is left waits for the next sweep).
 */
export async function deliverDueMessages(
  db: Db,
  opts: {
    now: Date;
    config?: DeliveryConfig;
    tenantId?: string | null;
    deadline?: number;
    maxMessages?: number;
    onResult?: (msg: ClaimedMessage, result: DeliveryResult) => void;
  },
): Promise<SweepCounts> {
  const config = opts.config ?? deliveryConfig();
  const counts: SweepCounts = { claimed: 0, sent: 0, failed: 0, dead: 0, lost: 0 };
  const max = opts.maxMessages ?? Number.POSITIVE_INFINITY;
  while (counts.claimed < max && (opts.deadline === undefined || Date.now() < opts.deadline)) {
    const batch = await claimDueMessages(db, {
      now: opts.now,
      leaseUntil: new Date(opts.now.getTime() + LEASE_MS),
      limit: Math.min(CLAIM_BATCH, max - counts.claimed),
      channels: deliverableChannels(config),
      tenantId: opts.tenantId ?? null,
    });
    if (batch.length === 0) break;
    counts.claimed += batch.length;
    for (const msg of batch) {
      const result = await deliverClaimed(db, msg, opts.now, config);
      counts[result] += 1;
      opts.onResult?.(msg, result);
    }
  }
  return counts;
}

/** Sends one queued message right away (invitations, sign-in links, test events) if it is due. */
export async function deliverMessageNow(
  db: Db,
  id: string,
  now: Date,
  config: DeliveryConfig = deliveryConfig(),
): Promise<DeliveryResult | "kept"> {
  const [msg] = await claimDueMessages(db, {
    now,
    leaseUntil: new Date(now.getTime() + LEASE_MS),
    limit: 1,
    channels: deliverableChannels(config),
    id,
  });
  if (!msg) return "kept";
  return deliverClaimed(db, msg, now, config);
}
