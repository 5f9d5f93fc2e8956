import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";

/**
 * Runs before every page: a fresh CSP nonce per request, handed to Next.js (request CSP header) and to the
 * layout (x-nonce), and the policy on the response. It also gives the request its id (x-request-id, on the
 * request for the page's log lines and on the response) and passes the path on (x-request-path) for the
 * page-denial log in server/auth/guard.ts. Access control is NOT done here: pages and procedures
 * check it themselves, so a request that skips the proxy reaches nothing protected.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const requestId = requestIdFrom(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("x-request-path", request.nextUrl.pathname.slice(0, 512));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  // sign-out lands here (app/actions/sign-out.ts): the browser drops what it cached or stored for Onward
  if (request.nextUrl.pathname === "/login" && request.nextUrl.searchParams.has("signed-out"))
    response.headers.set("clear-site-data", '"cache", "storage"');
  return response;
}

export const config = {
  // pages only: API routes answer JSON, static assets need no nonce
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
