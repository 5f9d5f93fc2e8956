"use server";

import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn } from "@/server/auth/config";
import { ZCredentialsSchema } from "@/server/auth/login";
import { hit } from "@/server/auth/rate-limit";
import { ZEmailSchema } from "@/lib/schemas/common";
import { formErrors } from "@/lib/form-errors";

export type LoginState = { error?: string; fieldErrors?: Record<string, string>; email?: string };

export async function passwordSignIn(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZCredentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { fieldErrors: formErrors(parsed.error), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof AuthError) {
      const throttled = "code" in error && error.code === "throttled";
      return {
        email,
        error: throttled
          ? "Too many failed attempts. Wait 15 minutes, or reset your password with your admin."
          : "Email or password is incorrect.",
      };
    }
    throw error;
  }
}

export async function requestMagicLink(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = ZEmailSchema.safeParse(form.get("email"));
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { fieldErrors: { email: parsed.error.issues[0]?.message ?? "Enter a valid email address" }, email };
  if ((await hit("magicLink", parsed.data)) > 0) {
    return { email, error: "Too many sign-in links requested for this address. Wait 15 minutes and try again." };
  }
  try {
    await signIn("email", { email: parsed.data, redirectTo: "/portal" });
    return {};
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof AuthError) return { email, error: "We could not send a sign-in link right now. Try again in a minute." };
    throw error;
  }
}
