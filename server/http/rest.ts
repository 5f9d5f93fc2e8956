import { AppError, fromUnstorableInput } from "@/server/errors";
import { logger } from "@/server/logger";

/**
 * Shared pieces of the REST API (`/api/v1/*`): JSON problem responses, bearer-token refusals that never
 * say which tokens exist, a body reader with a hard size cap, and the error mapping (AppError → its status,
 * anything else → a logged 500 without details).
 */
export type Extra = { fieldErrors?: Record<string, string>; headers?: Record<string, string> };

export function problem(status: number, error: string, extra: Extra = {}) {
  return Response.json(extra.fieldErrors ? { error, fieldErrors: extra.fieldErrors } : { error }, {
    status,
    headers: { "cache-control": "no-store", ...extra.headers },
  });
}

/** Unknown, revoked and malformed tokens read the same, so a response never says which tokens exist. */
export function unauthorized(sent: boolean, what: string) {
  return sent
    ? problem(401, `The API token is not valid: it is unknown or revoked. ${what}`, {
        headers: { "www-authenticate": 'Bearer realm="onward", error="invalid_token"' },
      })
    : problem(401, `Send the API token in the Authorization header: Bearer onw_… ${what}`, {
        headers: { "www-authenticate": 'Bearer realm="onward"' },
      });
}

/** The body as bytes, or null when it is larger than `limit` bytes (read in chunks: a lying or absent Content-Length cannot make us buffer more). */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as text, or null when it is larger than `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<string | null> {
  const bytes = await readBodyBytes(request, limit);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** The body parsed as JSON, or a 413 / 400 response. */
export async function readJson(request: Request, limit: number): Promise<{ json: unknown } | { response: Response }> {
  const text = await readBody(request, limit);
  if (text === null) return { response: problem(413, `The body is larger than ${Math.round(limit / 1024)} KB.`) };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return {
      response: problem(400, "The body must be a JSON object (Content-Type: application/json).", {
        fieldErrors: { input: "Not valid JSON" },
      }),
    };
  }
}

/** The first x-forwarded-for hop (set by the proxy in front, docs/security.md), the key of per-IP limits. */
export function ipOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

export function clientIp(request: Request): string {
  return ipOf(request.headers);
}

/** AppErrors answer with their status and message; anything else is logged and answers a bare 500. */
export function errorResponse(thrown: unknown, requestId: string, path: string) {
  const error = fromUnstorableInput(thrown) ?? thrown;
  if (error instanceof AppError && error.code !== "INTERNAL") {
    const headers: Record<string, string> = error.retryAfterSeconds
      ? { "retry-after": String(error.retryAfterSeconds) }
      : {};
    return problem(error.status, error.message, { fieldErrors: error.fieldErrors, headers });
  }
  logger.error({ err: error, requestId, path }, "REST request failed");
  return problem(500, "Something went wrong on our side. It has been logged; please try again.");
}
