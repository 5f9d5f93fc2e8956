import { Resend } from "resend";
import type { Db, DbOrTx } from "@/server/db/client";
import { findOutboxMessage, recordDeliveryAttempt, upsertOutboxMessage } from "@/server/db/outbox";
import { serverEnv } from "@/lib/env";

/**
 * Minimal outbox for the foundation: every email is written first (unique idempotency key), then
 * delivered through Resend when RESEND_API_KEY is set. Without a key the message stays PENDING and
 * is readable in the dev mail viewer (/dev/mail). The automation issue adds the retrying worker.
 */
export type EmailInput = {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  idempotencyKey: string;
};

const RETRY_AFTER_MS = 60_000;

export function enqueueEmail(prisma: DbOrTx, email: EmailInput) {
  return upsertOutboxMessage(prisma, {
    tenantId: email.tenantId,
    channel: "EMAIL",
    recipient: email.to,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html ?? null,
    idempotencyKey: email.idempotencyKey,
  });
}

/** Sends one queued email now if a provider is configured; a failure stays on the row for retry. */
export async function deliverEmailNow(prisma: Db, id: string, now: Date): Promise<"sent" | "kept" | "failed"> {
  const env = serverEnv();
  if (!env.RESEND_API_KEY) return "kept";
  const msg = await findOutboxMessage(prisma, id);
  if (!msg || msg.status === "SENT") return "kept";
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { error } = await resend.emails.send(
    {
      from: env.EMAIL_FROM,
      to: msg.recipient,
      subject: msg.subject ?? "",
      text: msg.bodyText,
      ...(msg.bodyHtml ? { html: msg.bodyHtml } : {}),
    },
    { idempotencyKey: msg.idempotencyKey },
  );
  await recordDeliveryAttempt(
    prisma,
    id,
    error ? { ok: false, at: now, error: error.message, retryAt: new Date(now.getTime() + RETRY_AFTER_MS) } : { ok: true, at: now },
  );
  return error ? "failed" : "sent";
}
