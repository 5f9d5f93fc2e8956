"use server";

import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn, ThrottledSignIn } from "@/server/auth/config";
import { TwoFactorInvalid, TwoFactorRequired, TwoFactorThrottled } from "@/server/auth/two-factor-sign-in";
import { SsoRequiredSignIn } from "@/server/auth/sso";
import { ZCredentialsSchema, ZMagicLinkSchema, type ActionRefusal } from "@/lib/schemas/auth";
import { ThrottledMagicLink } from "@/server/auth/magic-link";
import { tryAgainIn } from "@/server/auth/rate-limit";
import { formErrors } from "@/lib/form-errors";

/**
 * retryAfterSeconds: set when the attempt was refused by a rate limit (server/auth/rate-limit.ts);
 * twoFactor: the password was right and a code is needed next (docs/security.md#two-factor-sign-in)
 */
export type LoginState = ActionRefusal & { retryAfterSeconds?: number; twoFactor?: true };

/** The code step's answers: the refusal a wrong, missing or throttled code gets. */
function twoFactorRefusal(error: unknown): LoginState | null {
  if (error instanceof TwoFactorRequired) return { twoFactor: true };
  if (error instanceof TwoFactorThrottled)
    return {
      twoFactor: true,
      retryAfterSeconds: error.retryAfterSeconds,
      message: `Too many wrong codes. ${tryAgainIn(error.retryAfterSeconds)}`,
    };
  if (error instanceof TwoFactorInvalid) {
    const message = "That code is not valid. Enter the current code from your app, or a recovery code.";
    return { twoFactor: true, message, fieldErrors: { code: message } };
  }
  return null;
}

export async function passwordSignIn(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZCredentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: formErrors(parsed.error) };
  try {
    const code = form.get("code");
    const secondStep = typeof code === "string" ? { code, remember: String(form.get("remember") === "true") } : {};
    await signIn("credentials", { ...parsed.data, ...secondStep, redirectTo: "/" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    const refusal = twoFactorRefusal(error);
    if (refusal) return refusal;
    if (error instanceof ThrottledSignIn) {
      const wait = error.retryAfterSeconds;
      return {
        retryAfterSeconds: wait,
        message: `Too many failed sign-in attempts. ${tryAgainIn(wait)} Or ask your admin to reset your password.`,
      };
    }
    if (error instanceof SsoRequiredSignIn)
      return { message: "Your workspace signs in with single sign-on. Use “Sign in with SSO” below." };
    if (error instanceof AuthError) return { message: "Email or password is incorrect." };
    throw error;
  }
}

export async function requestMagicLink(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZMagicLinkSchema.safeParse({ email: form.get("email") });
  if (!parsed.success) return { fieldErrors: formErrors(parsed.error) };
  const { email } = parsed.data;
  try {
    await signIn("email", { email, redirectTo: "/portal" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    // the limits are counted where every link is issued (server/auth/magic-link.ts)
    if (error instanceof ThrottledMagicLink) {
      const wait = error.retryAfterSeconds;
      const what = error.scope === "network" ? "from your network" : "for this address";
      return { retryAfterSeconds: wait, message: `Too many sign-in links requested ${what}. ${tryAgainIn(wait)}` };
    }
    if (error instanceof AuthError)
      return { message: "We could not send a sign-in link right now. Try again in a minute." };
    throw error;
  }
}
