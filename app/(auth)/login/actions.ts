"use server";

import { formText } from "@/lib/form-data";
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { headers } from "next/headers";
import { signIn, ThrottledSignIn } from "@/server/auth/config";
import { ZCredentialsSchema } from "@/server/auth/login";
import { hit, tryAgainIn } from "@/server/auth/rate-limit";
import { ipOf } from "@/server/http/rest";
import { ZEmailSchema } from "@/lib/schemas/common";
import { formErrors } from "@/lib/form-errors";

/** retryAfterSeconds: set when the attempt was refused by a rate limit (server/auth/rate-limit.ts) */
export type LoginState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
  retryAfterSeconds?: number;
};

export async function passwordSignIn(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZCredentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = formText(form.get("email"));
  if (!parsed.success) return { fieldErrors: formErrors(parsed.error), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof ThrottledSignIn) {
      const wait = error.retryAfterSeconds;
      return {
        email,
        retryAfterSeconds: wait,
        error: `Too many failed sign-in attempts. ${tryAgainIn(wait)} Or ask your admin to reset your password.`,
      };
    }
    if (error instanceof AuthError) return { email, error: "Email or password is incorrect." };
    throw error;
  }
}

export async function requestMagicLink(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZEmailSchema.safeParse(form.get("email"));
  const email = formText(form.get("email"));
  if (!parsed.success)
    return { fieldErrors: { email: parsed.error.issues[0]?.message ?? "Enter a valid email address" }, email };
  // per network first, so a refused request does not also use up the address's allowance
  const ipWait = await hit("magicLinkIp", ipOf(await headers()));
  if (ipWait > 0)
    return {
      email,
      retryAfterSeconds: ipWait,
      error: `Too many sign-in links requested from your network. ${tryAgainIn(ipWait)}`,
    };
  const wait = await hit("magicLink", parsed.data);
  if (wait > 0)
    return {
      email,
      retryAfterSeconds: wait,
      error: `Too many sign-in links requested for this address. ${tryAgainIn(wait)}`,
    };
  try {
    await signIn("email", { email: parsed.data, redirectTo: "/portal" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof AuthError)
      return { email, error: "We could not send a sign-in link right now. Try again in a minute." };
    throw error;
  }
}
