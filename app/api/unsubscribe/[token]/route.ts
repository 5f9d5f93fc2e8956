import { serverEnv } from "@/lib/env";
import { requestIdFrom } from "@/lib/request-id";
import { db } from "@/server/db/client";
import { clientIpFrom } from "@/server/http/client-ip";
import { errorResponse, problem, readBody } from "@/server/http/rest";
import { unsubscribePageUrl } from "@/server/messaging/unsubscribe";
import { parseOneClickBody, setSubscriptionByToken } from "@/server/services/unsubscribe";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024;

/**
 * The List-Unsubscribe URL of recurring mail (docs/messaging.md#headers). POST with the body
 * `List-Unsubscribe=One-Click` (RFC 8058, as mailbox providers send it) unsubscribes at once, no
 * login: the signed token is the credential. GET never changes anything — a person who opens the link
 * is sent to the page with a button. The page's form posts here too, with `from=page`, and is sent
 * back to the page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return new Response(null, {
    status: 303,
    headers: {
      location: unsubscribePageUrl(serverEnv().APP_URL.replace(/\/$/, ""), token),
      "cache-control": "no-store",
    },
  });
}

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const requestId = requestIdFrom(request.headers);
  try {
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) return problem(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    const action = parseOneClickBody(body);
    const result = await setSubscriptionByToken(
      { db: db(), secret: serverEnv().AUTH_SECRET, now: new Date(), ip: clientIpFrom(request.headers), requestId },
      token,
      action,
    );
    if (new URLSearchParams(body).get("from") === "page")
      return new Response(null, {
        status: 303,
        headers: {
          location: unsubscribePageUrl(serverEnv().APP_URL.replace(/\/$/, ""), token),
          "cache-control": "no-store",
        },
      });
    return Response.json(
      { unsubscribed: result.unsubscribed, kind: result.kindLabel },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, requestId, "/api/unsubscribe/[token]");
  }
}
