import { encode } from "next-auth/jwt";

/**
 * The Auth.js session cookie for an existing UserSession row, as the app's jwt callback writes it
 * (server/auth/config.ts: the JWT carries only `sid`, checked against the row on every request). For
 * scripts that drive a real server over HTTP with many users without signing each one in; the
 * sign-in itself is covered by tests/security/session-cookies.int.test.ts. Plain http → unprefixed name.
 */
export const SESSION_COOKIE = "authjs.session-token";

export async function sessionCookieFor(
  session: { sessionId: string; userId: string },
  secret: string,
  maxAgeSeconds = 86_400,
): Promise<string> {
  const value = await encode({
    token: { sid: session.sessionId, sub: session.userId },
    secret,
    salt: SESSION_COOKIE,
    maxAge: maxAgeSeconds,
  });
  return `${SESSION_COOKIE}=${value}`;
}
