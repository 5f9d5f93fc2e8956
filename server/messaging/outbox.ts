import type { Db, DbOrTx } from "@/server/db/client";
import { upsertOutboxMessage } from "@/server/db/outbox";
import type { EmailAttachment } from "./attachments";
import { deliverMessageNow } from "./worker";

/**
 * Every email is written to the outbox first (unique idempotency key), then delivered: right away by
 * `deliverEmailNow` when the caller wants it (sign-in links, invitations), and in any case by the
 * outbox sweep (server/jobs/outbox.ts) with retries and backoff. Without RESEND_API_KEY a message
 * stays PENDING and is readable in the dev mail viewer (/dev/mail).
 */
export type EmailInput = {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  idempotencyKey: string;
  attachments?: EmailAttachment[];
};

/**
 * `now` is the caller's clock (ctx.now): the row is due at that instant, so the immediate delivery
 * that claims it with the same `now` finds it due. Left to the database's default, the row was due a
 * few milliseconds after the request's `now` and "send now" never claimed it.
 */
export function enqueueEmail(prisma: DbOrTx, email: EmailInput, now: Date) {
  return upsertOutboxMessage(prisma, {
    tenantId: email.tenantId,
    channel: "EMAIL",
    recipient: email.to,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html ?? null,
    idempotencyKey: email.idempotencyKey,
    ...(email.attachments?.length ? { payload: { attachments: email.attachments } } : {}),
    createdAt: now,
    nextAttemptAt: now,
  });
}

/** Sends one queued email now if a provider is configured; a failure stays on the row for the sweep to retry. */
export async function deliverEmailNow(prisma: Db, id: string, now: Date): Promise<"sent" | "kept" | "failed"> {
  const result = await deliverMessageNow(prisma, id, now);
  if (result === "sent") return "sent";
  if (result === "kept" || result === "lost") return "kept";
  return "failed";
}
