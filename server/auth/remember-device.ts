import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * "Remember this device for 30 days" after a two-factor sign-in (docs/security.md#two-factor-sign-in): an
 * HMAC-signed value naming the user, the moment their two-factor sign-in was turned on and the expiry. A
 * reset or a new set-up changes that moment, so every remembered device of the old one stops counting.
 */
export const REMEMBER_DEVICE_DAYS = 30;
export const REMEMBER_DEVICE_SECONDS = REMEMBER_DEVICE_DAYS * 24 * 60 * 60;

function mac(payload: string, secret: string): string {
  return createHmac("sha256", `onward-remember-device:${secret}`).update(payload).digest("base64url");
}

export function rememberDeviceToken(userId: string, enabledAt: Date, expiresAt: Date, secret: string): string {
  const payload = `${userId}.${enabledAt.getTime()}.${expiresAt.getTime()}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** True when the value is ours, for this user and this set-up, and not past its expiry (never beyond 30 days). */
export function isRememberedDevice(
  value: string | undefined,
  user: { id: string; totpEnabledAt: Date | null },
  now: Date,
  secret: string,
): boolean {
  if (!value || !user.totpEnabledAt || value.length > 200) return false;
  const parts = value.split(".");
  if (parts.length !== 4) return false;
  const [userId, enabled, expires, signature = ""] = parts;
  const expected = Buffer.from(mac(`${userId}.${enabled}.${expires}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const expiresAt = Number(expires);
  return (
    userId === user.id &&
    Number(enabled) === user.totpEnabledAt.getTime() &&
    expiresAt > now.getTime() &&
    expiresAt <= now.getTime() + REMEMBER_DEVICE_SECONDS * 1000
  );
}
