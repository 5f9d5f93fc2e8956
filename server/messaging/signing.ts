import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks signing (standardwebhooks.com): secret "whsec_" + base64 key; headers
 * webhook-id, webhook-timestamp (Unix seconds) and webhook-signature "v1,<base64 HMAC-SHA256 of
 * `${id}.${timestamp}.${body}`>". Receivers verify with any Standard Webhooks library and reject
 * stale timestamps, so a captured request cannot be replayed later.
 */
export const SECRET_PREFIX = "whsec_";
export const MIN_SECRET_BYTES = 24;
export const MAX_SECRET_BYTES = 64;

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** Why a secret is unusable, or null when it is fine. */
export function secretProblem(secret: string): string | null {
  if (!secret.startsWith(SECRET_PREFIX)) return `Secrets start with ${SECRET_PREFIX} (leave it empty to generate one)`;
  const body = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return `After ${SECRET_PREFIX} a secret is base64`;
  const bytes = Buffer.from(body, "base64").length;
  if (bytes < MIN_SECRET_BYTES)
    return `The secret is too short: at least ${MIN_SECRET_BYTES} random bytes (${Math.ceil(MIN_SECRET_BYTES / 3) * 4} base64 characters)`;
  if (bytes > MAX_SECRET_BYTES) return `The secret is too long: at most ${MAX_SECRET_BYTES} bytes`;
  return null;
}

/** The headers of one request; several secrets (during a rotation) give one `v1,` signature each, space-separated. */
export function signWebhook(
  secrets: string | readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const signatures = (typeof secrets === "string" ? [secrets] : secrets).map((secret) => {
    const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
    return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
  });
  return { "webhook-id": id, "webhook-timestamp": String(timestampSeconds), "webhook-signature": signatures.join(" ") };
}

/** What the admin list shows of a secret. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, SECRET_PREFIX.length + 4)}…`;
}
