import { NextRequest } from "next/server";
import { handlers } from "@/server/auth/config";
import { readBodyBytes } from "@/server/http/rest";

/** Sign-in forms post a few hundred bytes; anything larger is refused before Auth.js reads it (docs/security.md). */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

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
