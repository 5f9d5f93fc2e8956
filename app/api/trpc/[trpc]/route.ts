import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestIdFrom } from "@/lib/request-id";
import { appRouter } from "@/server/api/root";
import { createTRPCContext, sessionCallsWait } from "@/server/api/trpc";
import { tryAgainIn } from "@/server/auth/rate-limit";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { readBody } from "@/server/http/rest";
import { crossSite } from "@/server/http/same-origin";

/** No procedure takes more than a few kB; a larger body is refused before it is parsed or buffered further. */
const TRPC_MAX_BODY_BYTES = 512 * 1024;

/** Calls in one batched request; the app's client never sends more (trpc/client.tsx, maxItems). docs/security.md */
const TRPC_MAX_BATCH = 10;

const pathsOf = (req: Request) =>
  decodeURIComponent(new URL(req.url).pathname.replace(/^\/api\/trpc\//, "")).split(",");

/** A refusal in tRPC's own error shape (superjson-wrapped, one entry per batched call) so the client shows the message. */
function refuse(req: Request, status: number, code: string, message: string, requestId: string) {
  const url = new URL(req.url);
  const paths = pathsOf(req);
  const error = (path: string) => ({
    error: { json: { message, code: -32600, data: { code, httpStatus: status, path } } },
  });
  const body = url.searchParams.get("batch") === "1" ? paths.map(error) : error(paths[0] ?? "");
  return Response.json(body, { status, headers: { "x-request-id": requestId, "cache-control": "no-store" } });
}

/** One access line per call: request id, procedures, status, duration (docs/security.md). */
function logRequest(req: Request, requestId: string, status: number, startedAt: number) {
  const paths = pathsOf(req).slice(0, 20);
  logger.info({ requestId, method: req.method, paths, status, durationMs: Date.now() - startedAt }, "trpc request");
}

async function handler(req: Request) {
  const startedAt = Date.now();
  const requestId = requestIdFrom(req.headers);
  const response = await handle(req, requestId);
  logRequest(req, requestId, response.status, startedAt);
  return response;
}

async function handle(req: Request, requestId: string) {
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  let request = new Request(req.url, { method: req.method, headers });
  const calls = pathsOf(req).length;
  if (calls > TRPC_MAX_BATCH)
    return refuse(
      req,
      400,
      "BAD_REQUEST",
      `Too many calls in one request (${calls}); send at most ${TRPC_MAX_BATCH}.`,
      requestId,
    );
  if (req.method === "POST") {
    if (crossSite(req))
      return refuse(
        req,
        403,
        "FORBIDDEN",
        "Cross-site requests are not accepted. Open Onward itself and try again.",
        requestId,
      );
    const type = req.headers.get("content-type") ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type))
      return refuse(
        req,
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the request as JSON (Content-Type: application/json).",
        requestId,
      );
    const text = await readBody(req, TRPC_MAX_BODY_BYTES);
    if (text === null)
      return refuse(
        req,
        413,
        "PAYLOAD_TOO_LARGE",
        `The request is larger than ${TRPC_MAX_BODY_BYTES / 1024} KB. Shorten the text you entered and try again.`,
        requestId,
      );
    request = new Request(req.url, { method: req.method, headers, body: text });
  }
  const ctx = await createTRPCContext({ headers: request.headers });
  const wait = await sessionCallsWait(ctx, calls);
  if (wait > 0) {
    const refused = refuse(
      req,
      429,
      "TOO_MANY_REQUESTS",
      `Too many requests from this session. ${tryAgainIn(wait)}`,
      requestId,
    );
    refused.headers.set("retry-after", String(wait));
    return refused;
  }
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => ctx,
    responseMeta: ({ errors }) => {
      // tRPC answers TOO_MANY_REQUESTS with 429 itself; the wait comes from the AppError (server/auth/rate-limit.ts)
      const wait = Math.max(
        0,
        ...errors.map((e) => (e.cause instanceof AppError ? (e.cause.retryAfterSeconds ?? 0) : 0)),
      );
      return wait > 0 ? { headers: { "retry-after": String(wait) } } : {};
    },
  });
  response.headers.set("x-request-id", requestId);
  return response;
}

export { handler as GET, handler as POST };
