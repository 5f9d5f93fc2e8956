"use server";

import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { InviteState } from "@/app/(auth)/invite/[token]/actions";
import { formErrors } from "@/lib/form-errors";
import { signupMode } from "@/lib/env";
import { ZAcceptInviteSchema } from "@/lib/schemas/password";
import { signIn } from "@/server/auth/config";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { clientIpFrom } from "@/server/http/client-ip";
import { completeSignup } from "@/server/services/signup";
import { randomUUID } from "node:crypto";

/**
 * The sign-up's verification link (docs/signup.md#flow): the founder chooses a password (the staff
 * invitation's policy), the workspace is created, and they are signed in the way the login page does it.
 */
export async function completeSignupAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const parsed = ZAcceptInviteSchema.safeParse({
    token: form.get("token"),
    password: form.get("password"),
    confirm: form.get("confirm"),
  });
  if (!parsed.success) {
    const fieldErrors = formErrors(parsed.error);
    return fieldErrors.token
      ? { message: "This confirmation link is invalid or has expired. Sign up again: it takes a minute." }
      : { fieldErrors };
  }
  const h = await headers();
  let email: string;
  try {
    const ctx = { db: db(), ip: clientIpFrom(h), requestId: h.get("x-request-id") ?? randomUUID(), now: new Date() };
    ({ email } = await completeSignup(ctx, parsed.data.token, parsed.data.password, signupMode()));
  } catch (error) {
    if (error instanceof AppError)
      return error.fieldErrors ? { fieldErrors: error.fieldErrors } : { message: error.message };
    throw error;
  }
  try {
    await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/" });
  } catch (error) {
    if (isRedirectError(error)) throw error;
    // the workspace exists; only the automatic sign-in failed (e.g. throttled): sign in by hand
    if (error instanceof AuthError) redirect(`/login?created=1`);
    throw error;
  }
  return {};
}
