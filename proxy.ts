import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";

/**
 * Runs before every page: a fresh CSP nonce per request, handed to Next.js (request CSP header) and to the
 * layout (x-nonce), and the policy on the response. Access control is NOT done here: pages and procedures
 * check it themselves, so a request that skips the proxy reaches nothing protected.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // pages only: API routes answer JSON, static assets need no nonce
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }] }],
};
