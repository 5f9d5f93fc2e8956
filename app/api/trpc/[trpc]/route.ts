import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { readBody } from "@/server/http/rest";

/** No procedure takes more than a few kB; a larger body is refused before it is parsed or buffered further. */
const TRPC_MAX_BODY_BYTES = 512 * 1024;

/** A refusal in tRPC's own error shape (superjson-wrapped, one entry per batched call) so the client shows the message. */
function tooLarge(req: Request) {
  const url = new URL(req.url);
  const paths = decodeURIComponent(url.pathname.replace(/^\/api\/trpc\//, "")).split(",");
  const message = `The request is larger than ${TRPC_MAX_BODY_BYTES / 1024} KB. Shorten the text you entered and try again.`;
  const error = (path: string) => ({ error: { json: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path } } } });
  const body = url.searchParams.get("batch") === "1" ? paths.map(error) : error(paths[0] ?? "");
  return Response.json(body, { status: 413 });
}

async function handler(req: Request) {
  let request = req;
  if (req.method === "POST") {
    const text = await readBody(req, TRPC_MAX_BODY_BYTES);
    if (text === null) return tooLarge(req);
    request = new Request(req.url, { method: req.method, headers: req.headers, body: text });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: request.headers }),
  });
}

export { handler as GET, handler as POST };
