import type { SsoProvisioning, SsoRefusal } from "@/lib/schemas/sso";

export const SSO_PROVISIONING_LABEL: Record<SsoProvisioning, string> = {
  jit: "Add people at their first sign-in",
  invite: "Only people already invited",
};

/** What the login page says when a single sign-on is refused (docs/security.md#single-sign-on). */
export const SSO_REFUSAL_MESSAGE: Record<SsoRefusal, string> = {
  state:
    "This sign-in could not be matched to the one started in this browser (it may have expired or been opened in another browser). Start again.",
  audience: "Your identity provider answered for a different application. Ask your admin to check the client ID.",
  expired: "Your identity provider's answer has expired. Start again.",
  token: "Your identity provider's answer could not be verified. Start again, or ask your admin to check the settings.",
  domain: "Your email domain does not sign in with this workspace's single sign-on.",
  not_invited: "You have not been added to this workspace yet. Ask your admin for an invitation.",
  account: "This account cannot sign in with single sign-on. Ask your admin.",
  provider: "Your identity provider could not be reached or refused the request. Try again in a minute.",
  cancelled: "Sign-in was cancelled at your identity provider.",
};

/** The message for the login page's `sso_error` parameter; null when absent or unknown. */
export function ssoRefusalMessage(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(SSO_REFUSAL_MESSAGE, code)
    ? SSO_REFUSAL_MESSAGE[code as SsoRefusal]
    : null;
}
