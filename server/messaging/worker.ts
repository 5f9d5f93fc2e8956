import { createHash } from "node:crypto";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { RECURRING_MAIL_KINDS, readChannelPrefs } from "@/lib/schemas/channel-prefs";
import type { Db } from "@/server/db/client";
import type { OutboxChannel } from "@/generated/prisma/enums";
import { insertNotifications } from "@/server/db/notifications";
import { findPrefsOfPeople, findPrefsOwner } from "@/server/db/notification-prefs";
import { MAIL_KIND_LABEL } from "@/lib/labels/mail-kind";
import { claimDueMessages, finishClaimedMessage, type ClaimedMessage, type FinishOutcome } from "@/server/db/outbox";
import { findEndpoint, insertWebhookDelivery } from "@/server/db/webhooks";
import { readWorkspaceSettings } from "@/server/db/workspace-settings";
import { logger } from "@/server/logger";
import { sendChatMessage } from "./channels/chat";
import { recordChatAttempt } from "./chat-health";
import { chatUrlRefusal } from "./chat-hosts";
import { BATCH_LIMIT, sendEmail, sendEmailBatch, type OutgoingEmail } from "./channels/email";
import { undeliverable } from "./channels/outcome";
import { sendSignedWebhook } from "./channels/webhook";
import { recordEndpointAttempt } from "./endpoint-health";
import { webhookNextStep } from "./webhook-schedule";
import { emailSenderOf } from "./sender";
import { deliveryConfig, type DeliveryConfig } from "./config";
import { nextStep, type DeliveryOutcome } from "./retry";
import { giveBackSendToken, pauseSending, takeSendToken } from "./pacing";
import { unsubscribeHeaders } from "./unsubscribe";
import type { ResolvedSender } from "@/domain/branding/sender";

/**
 * The outbox worker: claims due rows (FOR UPDATE SKIP LOCKED + a lease), sends each through its
 * channel, and finishes it as SENT, FAILED (retried later with backoff) or DEAD (final), keeping the
 * error on the row. Any number of workers may run at once: a row is held by one lease at a time, and
 * only the lease holder can finish it. On the embedded database every connection shares one session,
 * so SKIP LOCKED alone could not separate workers there — the lease, taken in the same single
 * statement, does.
 *
 * Email is paced (docs/messaging.md#pacing): every request to the provider takes a token from the
 * bucket all instances share, and a sweep sends due email in batches of up to BATCH_LIMIT, one
 * request each; a message with attachments goes alone. Urgent mail (`deliverMessageNow`) waits at
 * most URGENT_TOKEN_WAIT_MS for a token, then goes anyway.
 */
export const LEASE_MS = 3 * 60_000;
export const CLAIM_BATCH = 10;
export const URGENT_TOKEN_WAIT_MS = 5_000;

const ALL_CHANNELS: readonly OutboxChannel[] = ["EMAIL", "SLACK", "TEAMS", "WEBHOOK", "IN_APP"];

const ZChatPayload = z.object({ userId: z.string(), message: z.unknown() });
const ZInAppPayload = z.object({ userId: z.string(), title: z.string(), body: z.string(), link: z.string() });
const ZWebhookPayload = z.object({ endpointId: z.string(), event: z.string() });
const ZEmailPayload = z.object({
  userId: z.string().optional(),
  mailKind: z.enum(RECURRING_MAIL_KINDS).optional(),
  attachments: z.array(z.object({ filename: z.string(), content: z.string(), contentType: z.string() })).optional(),
});

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
  // a URL saved before the workspace's hosts changed (docs/security.md#chat-webhook-hosts) is not called
  const { chatWebhookHosts } = await readWorkspaceSettings(db, msg.tenantId);
  const refusal = chatUrlRefusal(url, slack ? "slack" : "teams", chatWebhookHosts, config.allowPrivateNetworks);
  if (refusal) return undeliverable(refusal);
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

/** Finishes a claimed row with the outcome of its attempt; "lost" when another worker took the lease meanwhile. */
async function finishAttempt(
  db: Db,
  msg: ClaimedMessage,
  now: Date,
  outcome: DeliveryOutcome,
): Promise<DeliveryResult> {
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
}

const NO_PROVIDER: DeliveryOutcome = {
  ok: false,
  retryable: true,
  statusCode: null,
  durationMs: 0,
  error: "No email provider is configured (RESEND_API_KEY)",
};

type SenderOf = (tenantId: string | null) => Promise<ResolvedSender>;

/** Sender lookups for one sweep: each tenant's branding is read once. */
function senderCache(db: Db, email: NonNullable<DeliveryConfig["email"]>): SenderOf {
  const known = new Map<string, Promise<ResolvedSender>>();
  return (tenantId) => {
    const key = tenantId ?? "";
    let found = known.get(key);
    if (!found) {
      found = emailSenderOf(db, tenantId, email);
      known.set(key, found);
    }
    return found;
  };
}

/** A queued email as it goes out: the sender now, List-Unsubscribe on recurring mail, its attachments. */
async function outgoing(msg: ClaimedMessage, config: DeliveryConfig, senderOf: SenderOf): Promise<OutgoingEmail> {
  const payload = ZEmailPayload.safeParse(msg.payload ?? {});
  const p = payload.success ? payload.data : {};
  const headers =
    p.userId && p.mailKind && msg.tenantId
      ? unsubscribeHeaders(config.appUrl, serverEnv().AUTH_SECRET, {
          tenantId: msg.tenantId,
          userId: p.userId,
          kind: p.mailKind,
        })
      : undefined;
  return {
    outboxId: msg.id,
    recipient: msg.recipient,
    subject: msg.subject,
    bodyText: msg.bodyText,
    bodyHtml: msg.bodyHtml,
    sender: await senderOf(msg.tenantId),
    ...(headers ? { headers } : {}),
    ...(p.attachments?.length ? { attachments: p.attachments } : {}),
  };
}

/**
 * Recurring mail whose person unsubscribed from its kind after it was queued: not sent (final, with
 * the reason), so an unsubscribe takes effect at once (docs/messaging.md#headers).
 */
async function unsubscribedSince(db: Db, msgs: ClaimedMessage[]): Promise<Map<string, string>> {
  const recurring = msgs.flatMap((m) => {
    const p = ZEmailPayload.safeParse(m.payload ?? {});
    return p.success && p.data.userId && p.data.mailKind && m.tenantId
      ? [{ id: m.id, tenantId: m.tenantId, userId: p.data.userId, kind: p.data.mailKind }]
      : [];
  });
  const stopped = new Map<string, string>();
  for (const tenantId of new Set(recurring.map((r) => r.tenantId))) {
    const mine = recurring.filter((r) => r.tenantId === tenantId);
    const people = await findPrefsOfPeople(db, tenantId, [...new Set(mine.map((r) => r.userId))]);
    const optOuts = new Map(people.map((u) => [u.id, readChannelPrefs(u.channelPrefs).emailOptOuts]));
    for (const r of mine)
      if (optOuts.get(r.userId)?.includes(r.kind))
        stopped.set(r.id, `Not sent: the person unsubscribed from ${MAIL_KIND_LABEL[r.kind]} emails`);
  }
  return stopped;
}

const hasAttachments = (msg: ClaimedMessage) => {
  const p = ZEmailPayload.safeParse(msg.payload ?? {});
  return p.success && (p.data.attachments?.length ?? 0) > 0;
};

/** After a 429 with Retry-After, every instance holds off until it has passed. */
async function heedProvider(db: Db, email: NonNullable<DeliveryConfig["email"]>, outcome: DeliveryOutcome) {
  if (!outcome.ok && outcome.statusCode === 429 && outcome.retryAfterSeconds != null)
    await pauseSending(db, email, outcome.retryAfterSeconds);
}

/** One email, one request: a token first (waiting until `tokenDeadline`, then going anyway). */
async function deliverOneEmail(
  db: Db,
  msg: ClaimedMessage,
  now: Date,
  config: DeliveryConfig,
  opts: { tokenDeadline: number; haveToken?: boolean; senderOf?: SenderOf },
): Promise<DeliveryResult> {
  const email = config.email;
  if (!email) return finishAttempt(db, msg, now, NO_PROVIDER);
  if (!msg.recipient) return finishAttempt(db, msg, now, undeliverable("No email address for this person"));
  const stopped = (await unsubscribedSince(db, [msg])).get(msg.id);
  if (stopped) {
    if (opts.haveToken) await giveBackSendToken(db, email);
    return finishAttempt(db, msg, now, undeliverable(stopped));
  }
  if (!opts.haveToken) await takeSendToken(db, email, opts.tokenDeadline);
  const outcome = await sendEmail(
    email,
    await outgoing(msg, config, opts.senderOf ?? senderCache(db, email)),
    msg.idempotencyKey,
  );
  await heedProvider(db, email, outcome);
  return finishAttempt(db, msg, now, outcome);
}

/**
 * Claimed emails of one sweep, a token already taken for the first request: those without
 * attachments in one batch request (one key: the hash of the messages' keys, so a retry of the same
 * batch is the same request to the provider), the others one by one.
 */
async function deliverEmails(
  db: Db,
  msgs: ClaimedMessage[],
  now: Date,
  config: DeliveryConfig,
  deadline: number,
  onResult: (msg: ClaimedMessage, result: DeliveryResult) => void,
) {
  const email = config.email;
  if (!email) return;
  const senderOf = senderCache(db, email);
  const stopped = await unsubscribedSince(db, msgs);
  for (const m of msgs) {
    const why = m.recipient ? stopped.get(m.id) : "No email address for this person";
    if (why) onResult(m, await finishAttempt(db, m, now, undeliverable(why)));
  }
  const sendable = msgs.filter((m) => m.recipient && !stopped.has(m.id));
  const alone = sendable.filter(hasAttachments);
  const bulk = sendable.filter((m) => !hasAttachments(m));
  let haveToken = true;
  if (bulk.length === 1) alone.unshift(...bulk.splice(0, 1));
  if (bulk.length > 1) {
    const key = `batch/${createHash("sha256")
      .update(
        bulk
          .map((m) => m.idempotencyKey)
          .sort()
          .join("\n"),
      )
      .digest("hex")}`;
    const outcomes = await sendEmailBatch(
      email,
      await Promise.all(bulk.map((m) => outgoing(m, config, senderOf))),
      key,
    );
    haveToken = false;
    if (outcomes[0]) await heedProvider(db, email, outcomes[0]);
    for (const [i, m] of bulk.entries()) onResult(m, await finishAttempt(db, m, now, outcomes[i] ?? NO_PROVIDER));
  }
  for (const m of alone) {
    onResult(m, await deliverOneEmail(db, m, now, config, { tokenDeadline: deadline, haveToken, senderOf }));
    haveToken = false;
  }
  if (haveToken) await giveBackSendToken(db, email);
}

/** Delivers one claimed row and finishes it; "lost" when another worker took the lease meanwhile. */
export async function deliverClaimed(
  db: Db,
  msg: ClaimedMessage,
  now: Date,
  config: DeliveryConfig,
  tokenDeadline = Date.now() + URGENT_TOKEN_WAIT_MS,
): Promise<DeliveryResult> {
  const finish = (outcome: DeliveryOutcome) => finishAttempt(db, msg, now, outcome);

  try {
    switch (msg.channel) {
      case "EMAIL":
        return await deliverOneEmail(db, msg, now, config, { tokenDeadline });
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
  const deadline = opts.deadline ?? Number.POSITIVE_INFINITY;
  const onResult = (msg: ClaimedMessage, result: DeliveryResult) => {
    counts[result] += 1;
    opts.onResult?.(msg, result);
  };
  const claim = (channels: OutboxChannel[], limit: number) =>
    claimDueMessages(db, {
      now: opts.now,
      leaseUntil: new Date(opts.now.getTime() + LEASE_MS),
      limit,
      channels,
      tenantId: opts.tenantId ?? null,
    });
  const others = deliverableChannels(config).filter((c) => c !== "EMAIL");
  let emailDone = config.email === null;
  while (counts.claimed < max && Date.now() < deadline) {
    let claimedNow = 0;
    // email: a token first (the wait happens before anything is claimed), then up to a batch's worth
    if (!emailDone && config.email) {
      if (!(await takeSendToken(db, config.email, deadline))) break;
      const emails = await claim(["EMAIL"], Math.min(BATCH_LIMIT, max - counts.claimed));
      if (emails.length === 0) {
        emailDone = true;
        await giveBackSendToken(db, config.email);
      } else {
        counts.claimed += emails.length;
        claimedNow += emails.length;
        await deliverEmails(db, emails, opts.now, config, deadline, onResult);
      }
    }
    if (counts.claimed < max && others.length > 0) {
      const batch = await claim(others, Math.min(CLAIM_BATCH, max - counts.claimed));
      counts.claimed += batch.length;
      claimedNow += batch.length;
      for (const msg of batch) onResult(msg, await deliverClaimed(db, msg, opts.now, config));
    }
    if (claimedNow === 0) break;
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
