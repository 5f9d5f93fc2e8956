import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";
import type { z } from "zod";
import { describeZodError, toAppError } from "@/server/errors";
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";
import { withImmediateAlerts } from "@/server/services/immediate-alerts";

/**
 * Shared pieces of the route handlers: problem responses, bearer-token refusals that never say which
 * tokens exist, a body reader with a hard size cap, and the one error mapping (`guarded`: AppError and
 * the Prisma errors we can name → their status, anything else → a logged 500 without details). The
 * wrappers `withSession` and `withToken` build on these (docs/api.md#errors).
 */
export type Extra = { fieldErrors?: Record<string, string>; headers?: Record<string, string> };

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** The fields of every refusal (RFC 9457 problem details, plus `error` and `fieldErrors`), see docs/api.md#errors. */
export type ProblemBody = {
  type: "about:blank";
  title: string;
  status: number;
  detail: string;
  /** the same sentence as `detail`, the field clients of the first version read */
  error: string;
  fieldErrors?: Record<string, string>;
};

export function problemBody(status: number, detail: string, fieldErrors?: Record<string, string>): ProblemBody {
  const body: ProblemBody = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, error: detail };
  return fieldErrors ? { ...body, fieldErrors } : body;
}

export function problem(status: number, error: string, extra: Extra = {}) {
  return Response.json(problemBody(status, error, extra.fieldErrors), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...extra.headers },
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

/** The body parsed as JSON and checked against `schema`, or the 413 / 400 problem naming the fields. */
export async function readValid<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit: number,
): Promise<{ data: z.output<T> } | { response: Response }> {
  const body = await readJson(request, limit);
  if ("response" in body) return body;
  return validated(schema, body.json);
}

/** `input` checked against `schema`, or the 400 problem naming the fields. */
export function validated<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { data: z.output<T> } | { response: Response } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const { message, fieldErrors } = describeZodError(parsed.error);
  return { response: problem(400, message, { fieldErrors }) };
}

/** How a route answers a refusal: JSON problem details unless it says otherwise (the printable documents). */
export type Refuse = (status: number, message: string, extra: Extra) => Response;

/** A thrown error as a response: an AppError (or a Prisma error we can name) answers with its status and message; anything else is logged and answers a bare 500. */
export function errorResponse(thrown: unknown, requestId: string, path: string, refuse: Refuse = problem) {
  const error = toAppError(thrown);
  if (error) {
    const headers: Record<string, string> = error.retryAfterSeconds
      ? { "retry-after": String(error.retryAfterSeconds) }
      : {};
    return refuse(error.status, error.message, { fieldErrors: error.fieldErrors, headers });
  }
  logger.error({ err: thrown, requestId, path }, "REST request failed");
  return refuse(500, "Something went wrong on our side. It has been logged; please try again.", {});
}

/**
 * Runs a route's body with the request's id (the caller's `x-request-id` when sane, else a fresh one,
 * lib/request-id.ts), maps whatever it throws once, and echoes the id on the response. Alerts the body
 * raised are dispatched before the answer leaves (server/services/immediate-alerts.ts).
 */
export async function guarded(
  request: Request,
  refuse: Refuse,
  run: (requestId: string) => Promise<Response>,
): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  let response: Response;
  try {
    response = await withImmediateAlerts({ db: db(), now: () => new Date(), requestId }, () => run(requestId));
  } catch (error) {
    response = errorResponse(error, requestId, new URL(request.url).pathname, refuse);
  }
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
  } catch {
    // a response with immutable headers (Response.redirect) keeps its own
  }
  return response;
}
