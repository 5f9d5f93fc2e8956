"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formErrors } from "@/lib/form-errors";
import type { ActionRefusal } from "@/lib/schemas/auth";
import { ZSsoStartSchema } from "@/lib/schemas/sso";
import { SSO_STATE_COOKIE, ssoEnv, stateCookieOptions } from "@/server/auth/sso-request";
import { AppError } from "@/server/errors";
import { startSsoSignIn } from "@/server/services/sso";

/**
 * "Sign in with SSO": finds the workspace by the email's domain and sends the browser to its provider. Starts are
 * limited per network and per address (docs/security.md#single-sign-on): a refusal carries the wait.
 */
export async function ssoSignIn(
  _prev: ActionRefusal,
  form: FormData,
): Promise<ActionRefusal & { retryAfterSeconds?: number }> {
  const parsed = ZSsoStartSchema.safeParse({ email: form.get("email") });
  if (!parsed.success) return { fieldErrors: formErrors(parsed.error) };
  const env = ssoEnv(await headers(), new Date());
  let url: string;
  try {
    const started = await startSsoSignIn(env, parsed.data.email);
    (await cookies()).set(SSO_STATE_COOKIE, started.state, stateCookieOptions(env.appUrl));
    url = started.url;
  } catch (error) {
    if (error instanceof AppError)
      return { message: error.message, fieldErrors: error.fieldErrors, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  redirect(url);
}
