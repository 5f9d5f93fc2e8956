import { NextRequest } from "next/server";
import { handlers } from "@/server/auth/config";
import { db } from "@/server/db/client";
import { findActiveSession } from "@/server/db/sessions";
import { readBodyBytes } from "@/server/http/rest";

/** Sign-in forms post a few hundred bytes; anything larger is refused before Auth.js reads it (docs/security.md). */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

/**
 * Auth.js's own /api/auth/session answers from the cookie alone; the app's session row decides
 * (docs/security.md#sessions): a revoked, expired or idle session answers null and loses its cookie.
 */
export async function GET(request: NextRequest) {
  const response = await handlers.GET(request);
  if (!request.nextUrl.pathname.endsWith("/session") || response.status !== 200) return response;
  const body = (await response.clone().json()) as { sid?: unknown } | null;
  if (body === null) return response;
  const live = typeof body.sid === "string" && (await findActiveSession(db(), body.sid, new Date())) !== null;
  if (live) return response;
  const ended = new Headers({ "cache-control": "private, no-store" });
  for (const line of response.headers.getSetCookie()) {
    const name = line.slice(0, line.indexOf("="));
    if (name.includes("session-token"))
      ended.append(
        "set-cookie",
        `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
      );
  }
  return Response.json(null, { headers: ended });
}

export async function POST(request: NextRequest) {
  const body = await readBodyBytes(request, AUTH_MAX_BODY_BYTES);
  if (body === null) {
    return Response.json(
      { message: `The request is larger than ${AUTH_MAX_BODY_BYTES / 1024} KB.` },
      { status: 413, headers: { "cache-control": "no-store" } },
    );
  }
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
}
