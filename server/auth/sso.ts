import "server-only";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/server/db/client";
import { passwordSignInOff, redeemTicket } from "@/server/services/sso";

/**
 * How a single sign-on ends (docs/security.md#single-sign-on): the callback route verified the provider's
 * answer and holds a one-time ticket; this Auth.js provider redeems it, so the session is made exactly like a
 * password sign-in's (the JWT carries a UserSession id, method "sso").
 */
export const ssoProvider = Credentials({
  id: "sso",
  credentials: { ticket: { type: "text" } },
  async authorize(raw) {
    const userId = await redeemTicket(db(), raw?.ticket, new Date());
    return userId ? { id: userId } : null;
  },
});

/** A password sign-in refused because the address's domain signs in with single sign-on only. */
export class SsoRequiredSignIn extends CredentialsSignin {
  code = "sso_required";
}

/** Throws SsoRequiredSignIn when the workspace turned password sign-in off for this address's domain. */
export async function refusePasswordForSsoDomain(raw: Partial<Record<string, unknown>> | undefined) {
  const email = typeof raw?.email === "string" ? raw.email.trim().toLowerCase() : "";
  if (email.includes("@") && (await passwordSignInOff(db(), email))) throw new SsoRequiredSignIn();
}
