import { serverEnv } from "@/lib/env";

/**
 * Cross-site request forgery: the session cookie is SameSite=Lax, and on top of that a POST is refused
 * when the browser says it comes from another site — an Origin that is neither APP_URL nor this host,
 * or Sec-Fetch-Site other than same-origin / none (the tRPC route also refuses any non-JSON body).
 * Server-side callers send neither header and are unaffected. Used by every cookie-authenticated POST
 * (/api/trpc, /api/import/*), see docs/security.md#web-hardening-decisions.
 */
export function crossSite(req: Request): boolean {
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, opaque redirects) and garbage
  }
  const allowed = new Set([
    new URL(serverEnv().APP_URL).host,
    new URL(req.url).host,
    req.headers.get("host"),
    req.headers.get("x-forwarded-host"),
  ]);
  return !allowed.has(host);
}
