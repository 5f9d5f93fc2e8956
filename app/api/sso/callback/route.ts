import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { signIn } from "@/server/auth/config";
import { SSO_STATE_COOKIE, ssoEnv } from "@/server/auth/sso-request";
import { completeSsoSignIn } from "@/server/services/sso";

/**
 * Where the identity provider sends the browser back (docs/security.md#single-sign-on). Anyone may call it:
 * the state cookie, the pending attempt and the provider's signed answer are the credential. A refusal
 * lands on the login page with its reason; a success opens the session through Auth.js.
 */
export async function GET(request: NextRequest) {
  const result = await completeSsoSignIn(ssoEnv(request.headers, new Date()), {
    search: request.nextUrl.search,
    cookieState: request.cookies.get(SSO_STATE_COOKIE)?.value ?? null,
  });
  if (!result.ok) {
    const to = new URL(`/login?mode=sso&sso_error=${result.reason}`, request.nextUrl.origin);
    const response = new Response(null, { status: 303, headers: { location: to.pathname + to.search } });
    response.headers.append("set-cookie", `${SSO_STATE_COOKIE}=; Path=/api/sso; Max-Age=0; HttpOnly; SameSite=Lax`);
    return response;
  }
  (await cookies()).set(SSO_STATE_COOKIE, "", { path: "/api/sso", maxAge: 0 });
  // the ticket is redeemed once by the "sso" provider (server/auth/sso.ts); signIn redirects
  await signIn("sso", { ticket: result.ticket, redirectTo: "/" });
  return new Response(null, { status: 303, headers: { location: "/login?mode=sso&sso_error=token" } });
}
