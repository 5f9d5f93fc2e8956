import { createHmac, timingSafeEqual } from "node:crypto";
import { RECURRING_MAIL_KINDS, type RecurringMailKind } from "@/lib/schemas/channel-prefs";

/**
 * One-click unsubscribe links (RFC 8058, docs/messaging.md#headers). The token names the workspace,
 * the person and the kind of mail, signed with HMAC-SHA256 under a key derived from AUTH_SECRET: it
 * needs no login and no stored row, cannot be forged or pointed at someone else, and keeps working as
 * long as the secret does (mailbox providers may call it days later).
 */
export type UnsubscribeClaim = { tenantId: string; userId: string; kind: RecurringMailKind };

const LABEL = "onward/unsubscribe/v1";

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`${LABEL}\n${payload}`).digest("base64url");

export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([claim.tenantId, claim.userId, claim.kind])).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim of a genuine token; null for anything else (malformed, tampered, another secret). */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  if (token.length > 512) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === "string")) return null;
    const [tenantId, userId, kind] = value as [string, string, string];
    if (!(RECURRING_MAIL_KINDS as readonly string[]).includes(kind)) return null;
    return { tenantId, userId, kind: kind as RecurringMailKind };
  } catch {
    return null;
  }
}

/** The one-click endpoint: POST unsubscribes, GET (a person clicking) shows the page with a button. */
export function unsubscribeUrl(appUrl: string, token: string): string {
  return `${appUrl}/api/unsubscribe/${token}`;
}

export function unsubscribePageUrl(appUrl: string, token: string): string {
  return `${appUrl}/unsubscribe/${token}`;
}

/** The headers of a recurring email (RFC 2369 + RFC 8058). */
export function unsubscribeHeaders(appUrl: string, secret: string, claim: UnsubscribeClaim): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(appUrl, unsubscribeToken(secret, claim))}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
