import { Resend } from "resend";
import type { Db } from "@/server/db/client";
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

export async function enqueueEmail(prisma: Db, email: EmailInput) {
  return prisma.outboxMessage.upsert({
    where: { idempotencyKey: email.idempotencyKey },
    create: {
      tenantId: email.tenantId,
      channel: "EMAIL",
      recipient: email.to,
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html ?? null,
      idempotencyKey: email.idempotencyKey,
    },
    update: {},
    select: { id: true, status: true },
  });
}

/** Sends one queued email now if a provider is configured; failures stay on the row for retry. */
export async function deliverEmailNow(prisma: Db, id: string, now: Date): Promise<"sent" | "kept" | "failed"> {
  const env = serverEnv();
  if (!env.RESEND_API_KEY) return "kept";
  const msg = await prisma.outboxMessage.findUnique({ where: { id } });
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
  await prisma.outboxMessage.update({
    where: { id },
    data: error
      ? { status: "FAILED", attempts: { increment: 1 }, lastError: error.message, nextAttemptAt: new Date(now.getTime() + 60_000) }
      : { status: "SENT", attempts: { increment: 1 }, sentAt: now, lastError: null },
  });
  return error ? "failed" : "sent";
}

export function listRecentEmails(prisma: Db, tenantId: string, take = 50) {
  return prisma.outboxMessage.findMany({
    where: { tenantId, channel: "EMAIL" },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, recipient: true, subject: true, bodyText: true, status: true, createdAt: true, sentAt: true },
  });
}
