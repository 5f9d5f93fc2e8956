import { Resend } from "resend";
import type { EmailAttachment } from "../attachments";
import { describeFailure, isRetryableStatus, parseRetryAfter, type DeliveryOutcome } from "../retry";
import type { DeliveryConfig } from "../config";
import { HTTP_TIMEOUT_MS } from "./http";

/**
 * Email through the Resend SDK (docs/messaging.md#delivery); the outbox idempotency key is Resend's
 * Idempotency-Key. `sender` is the From and Reply-To of the message's tenant (server/messaging/sender.ts,
 * docs/branding.md#sender); `headers` carry List-Unsubscribe on recurring mail (docs/messaging.md#headers).
 * Bulk mail goes through the batch endpoint, up to BATCH_LIMIT emails a request under one key; mail
 * with attachments cannot (the batch endpoint takes none) and goes one by one.
 */
export const BATCH_LIMIT = 100;

export type OutgoingEmail = {
  /** the outbox row's id, sent as the tag `outbox_id` so the provider's events name the row */
  outboxId?: string;
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  sender: { from: string; replyTo: string | null };
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
};

type ResendError = { name?: string; message: string; statusCode?: unknown };

function client(config: NonNullable<DeliveryConfig["email"]>) {
  return new Resend(config.apiKey, config.baseUrl ? { baseUrl: config.baseUrl } : undefined);
}

function apiEmail(email: OutgoingEmail) {
  return {
    from: email.sender.from,
    ...(email.sender.replyTo ? { replyTo: email.sender.replyTo } : {}),
    to: email.recipient,
    subject: email.subject ?? "",
    text: email.bodyText,
    ...(email.bodyHtml ? { html: email.bodyHtml } : {}),
    ...(email.headers && Object.keys(email.headers).length > 0 ? { headers: email.headers } : {}),
    ...(email.outboxId ? { tags: [{ name: "outbox_id", value: email.outboxId }] } : {}),
  };
}

function failure(error: ResendError, headers: Record<string, string> | null, durationMs: number): DeliveryOutcome {
  const raw = error.statusCode;
  const statusCode = typeof raw === "number" ? raw : null;
  // no status: the request never got an answer (network, timeout) — worth another try
  const retryable = statusCode === null || isRetryableStatus(statusCode);
  return {
    ok: false,
    retryable,
    statusCode,
    durationMs,
    retryAfterSeconds: parseRetryAfter(headers?.["retry-after"], new Date()),
    error: describeFailure(statusCode, `${error.name ?? "error"}: ${error.message}`),
  };
}

const thrownError = (thrown: unknown): ResendError => ({
  name: "request_failed",
  message: thrown instanceof Error ? thrown.message : String(thrown),
});

export async function sendEmail(
  config: NonNullable<DeliveryConfig["email"]>,
  email: OutgoingEmail,
  idempotencyKey: string,
): Promise<DeliveryOutcome> {
  const started = performance.now();
  let error: ResendError | null;
  let headers: Record<string, string> | null = null;
  try {
    ({ error, headers } = await client(config).emails.send(
      {
        ...apiEmail(email),
        ...(email.attachments?.length
          ? {
              attachments: email.attachments.map((a) => ({
                filename: a.filename,
                content: a.content,
                ...(a.contentType ? { contentType: a.contentType } : {}),
              })),
            }
          : {}),
      },
      { idempotencyKey, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) },
    ));
  } catch (thrown) {
    error = thrownError(thrown);
  }
  const durationMs = Math.round(performance.now() - started);
  if (!error) return { ok: true, statusCode: 200, durationMs };
  return failure(error, headers, durationMs);
}

/**
 * Up to BATCH_LIMIT emails in one request under one idempotency key. Permissive validation: an email
 * the provider refuses (a malformed address) fails alone, final; the others are sent. A failure of
 * the request itself (429, 5xx, network) is every email's outcome.
 */
export async function sendEmailBatch(
  config: NonNullable<DeliveryConfig["email"]>,
  emails: OutgoingEmail[],
  idempotencyKey: string,
): Promise<DeliveryOutcome[]> {
  if (emails.length > BATCH_LIMIT) throw new Error(`a batch holds at most ${BATCH_LIMIT} emails`);
  const started = performance.now();
  let error: ResendError | null;
  let headers: Record<string, string> | null = null;
  let refused: { index: number; message: string }[] = [];
  try {
    const res = await client(config).batch.send(emails.map(apiEmail), {
      idempotencyKey,
      batchValidation: "permissive",
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
    ({ error, headers } = res);
    refused = (res.data as { errors?: { index: number; message: string }[] } | null)?.errors ?? [];
  } catch (thrown) {
    error = thrownError(thrown);
  }
  const durationMs = Math.round(performance.now() - started);
  if (error) {
    const outcome = failure(error, headers, durationMs);
    return emails.map(() => outcome);
  }
  return emails.map((_, index): DeliveryOutcome => {
    const why = refused.find((r) => r.index === index);
    if (!why) return { ok: true, statusCode: 200, durationMs };
    return { ok: false, retryable: false, statusCode: 422, durationMs, error: describeFailure(422, why.message) };
  });
}
