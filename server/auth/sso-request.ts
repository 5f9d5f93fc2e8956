import "server-only";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import { db } from "@/server/db/client";
import { clientIpFrom } from "@/server/http/client-ip";
import { deliveryConfig } from "@/server/messaging/config";
import type { SsoEnv } from "@/server/services/sso";

/** The browser's cookie holding the state of the single sign-on it started (docs/security.md#single-sign-on). */
export const SSO_STATE_COOKIE = "onward-sso-state";

/** What the single sign-on service needs from a request; private addresses as for webhooks (ALLOW_PRIVATE_WEBHOOKS). */
export function ssoEnv(headers: Headers, now: Date): SsoEnv {
  const config = deliveryConfig();
  return {
    db: db(),
    now,
    ip: clientIpFrom(headers),
    requestId: headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
    appUrl: config.appUrl,
    allowPrivateNetworks: config.allowPrivateNetworks,
  };
}

export function stateCookieOptions(appUrl: string) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: appUrl.startsWith("https:"),
    path: "/api/sso",
    maxAge: 10 * 60,
  };
}
