import { Resend } from "resend";
import { emailAttachments } from "../attachments";
import { describeFailure, isRetryableStatus, type DeliveryOutcome } from "../retry";
import type { DeliveryConfig } from "../config";
import { HTTP_TIMEOUT_MS } from "./http";

/**
 * Email through the Resend SDK; the outbox idempotency key is Resend's Idempotency-Key. `sender` is the
 * From and Reply-To of the message's tenant (server/messaging/sender.ts, docs/branding.md#sender).
 */
export async function sendEmail(
  config: NonNullable<DeliveryConfig["email"]>,
  msg: {
    recipient: string;
    subject: string | null;
    bodyText: string;
    bodyHtml: string | null;
    idempotencyKey: string;
    payload?: unknown;
  },
  sender: { from: string; replyTo: string | null } = { from: config.from, replyTo: null },
): Promise<DeliveryOutcome> {
  const started = performance.now();
  const resend = new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : undefined);
  let error: { name?: string; message: string } | null;
  try {
    ({ error } = await resend.emails.send(
      {
        from: sender.from,
        ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
        to: msg.recipient,
        subject: msg.subject ?? "",
        text: msg.bodyText,
        ...(msg.bodyHtml ? { html: msg.bodyHtml } : {}),
        ...emailAttachments(msg.payload),
      },
      { idempotencyKey: msg.idempotencyKey, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) },
    ));
  } catch (thrown) {
    error = { name: "request_failed", message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  const durationMs = Math.round(performance.now() - started);
  if (!error) return { ok: true, statusCode: 200, durationMs };
  const raw = (error as { statusCode?: unknown }).statusCode;
  const statusCode = typeof raw === "number" ? raw : null;
  // no status: the request never got an answer (network, timeout) — worth another try
  const retryable = statusCode === null || isRetryableStatus(statusCode);
  return {
    ok: false,
    retryable,
    statusCode,
    durationMs,
    error: describeFailure(statusCode, `${error.name ?? "error"}: ${error.message}`),
  };
}
