"use server";

import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn, ThrottledSignIn } from "@/server/auth/config";
import { ZCredentialsSchema, ZMagicLinkSchema, type ActionRefusal } from "@/lib/schemas/auth";
import { ThrottledMagicLink } from "@/server/auth/magic-link";
import { tryAgainIn } from "@/server/auth/rate-limit";
import { formErrors } from "@/lib/form-errors";

/** retryAfterSeconds: set when the attempt was refused by a rate limit (server/auth/rate-limit.ts) */
export type LoginState = ActionRefusal & { retryAfterSeconds?: number };

export async function passwordSignIn(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZCredentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: formErrors(parsed.error) };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof ThrottledSignIn) {
      const wait = error.retryAfterSeconds;
      return {
        retryAfterSeconds: wait,
        message: `Too many failed sign-in attempts. ${tryAgainIn(wait)} Or ask your admin to reset your password.`,
      };
    }
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
