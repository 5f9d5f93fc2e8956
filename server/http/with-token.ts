import { createHash } from "node:crypto";
import { scopeAllows, type ApiKeyScope } from "@/lib/schemas/api-keys";
import { ZApiIdempotencyHeaderSchema } from "@/lib/schemas/api-v1";
import { hit, LIMITS, type LimitName } from "@/server/auth/rate-limit";
import { db } from "@/server/db/client";
import {
  authenticateEvidenceToken,
  authenticateTenantKey,
  type EvidenceToken,
  type TenantKey,
} from "@/server/services/api-tokens";
import type { ServiceContext } from "@/server/services/context";
import { abandonIdempotent, beginIdempotent, finishIdempotent } from "@/server/services/idempotency";
import { clientIpFrom } from "./client-ip";
import { guarded, PROBLEM_CONTENT_TYPE, problem, readBodyBytes, unauthorized, validated } from "./rest";

/**
 * The one way a bearer-token route handler (`/api/v1/*`) starts (docs/api.md#authentication): it reads
 * the token — a project's CI token (`"ci"`) or a workspace API key with the named scope — answers 401
 * for a missing, unknown or revoked one and 403 for a key without the scope, counts the call against the
 * token's rate limit, builds the service context (acting as the person who created the token, with the
 * caller's IP and the request id) and maps what the body throws. Every refusal is problem details. It
 * never looks at cookies, so these routes need no CSRF defence.
 */
export type TokenKind = "ci" | ApiKeyScope;

type Params = Record<string, string>;
type RouteContext<P extends Params> = { params: Promise<P> };
export type TokenCall<P extends Params, T> = { request: Request; params: P; ctx: ServiceContext; token: T };

const NO_PARAMS = Promise.resolve({});
type Answer = Response | Promise<Response>;
const CREATE_KEY = "An admin creates API keys under Settings → API keys.";

async function authenticate(
  kind: TokenKind,
  authorization: string | null,
): Promise<{ token: EvidenceToken | TenantKey; limit: LimitName } | { response: Response }> {
  if (kind === "ci") {
    const token = await authenticateEvidenceToken(db(), authorization);
    if (!token) return { response: unauthorized(authorization !== null, "Create a token on the project page.") };
    return { token, limit: "evidenceToken" };
  }
  const key = await authenticateTenantKey(db(), authorization);
  if (!key) return { response: unauthorized(authorization !== null, CREATE_KEY) };
  if (!scopeAllows(key.scopes, kind))
    return {
      response: problem(403, `This API key does not have the ${kind} scope. ${CREATE_KEY.replace(".", " with it.")}`),
    };
  return { token: key, limit: "journeyKey" };
}

export function withToken<P extends Params = Params>(
  kind: "ci",
  handler: (call: TokenCall<P, EvidenceToken>) => Answer,
): (request: Request, route?: RouteContext<P>) => Promise<Response>;
export function withToken<P extends Params = Params>(
  kind: ApiKeyScope,
  handler: (call: TokenCall<P, TenantKey>) => Answer,
): (request: Request, route?: RouteContext<P>) => Promise<Response>;
export function withToken<P extends Params>(
  kind: TokenKind,
  handler: (call: TokenCall<P, EvidenceToken & TenantKey>) => Answer,
) {
  return (request: Request, route?: RouteContext<P>) =>
    guarded(request, problem, async (requestId) => {
      const found = await authenticate(kind, request.headers.get("authorization"));
      if ("response" in found) return found.response;
      const { token, limit } = found;
      const wait = await hit(limit, token.id);
      if (wait > 0)
        return problem(
          429,
          `Too many requests with this ${kind === "ci" ? "token" : "key"} (at most ${LIMITS[limit].points} a minute). Try again in ${wait} s.`,
          { headers: { "retry-after": String(wait) } },
        );
      const params = (await (route?.params ?? NO_PARAMS)) as P;
      const ctx: ServiceContext = {
        db: db(),
        tenantId: token.tenantId,
        actorId: token.createdById ?? "",
        ip: clientIpFrom(request.headers),
        requestId,
        now: new Date(),
      };
      const call = { request, params, ctx, token: token as EvidenceToken & TenantKey };
      const key = request.headers.get(IDEMPOTENCY_HEADER);
      if (kind === "ci" || request.method !== "POST" || key === null) return handler(call);
      return idempotent(call, key, handler);
    });
}

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** The largest body a POST with an Idempotency-Key may carry (every such route takes a small JSON body). */
export const IDEMPOTENT_MAX_BODY_BYTES = 64 * 1024;

/** A POST with an Idempotency-Key: runs once per key and body, replays the stored answer after that (docs/api.md#idempotency). */
async function idempotent<C extends { request: Request; ctx: ServiceContext }>(
  call: C,
  key: string,
  handler: (call: C) => Answer,
): Promise<Response> {
  const header = validated(ZApiIdempotencyHeaderSchema, { "Idempotency-Key": key });
  if ("response" in header) return header.response;
  const { request, ctx } = call;
  const bytes = await readBodyBytes(request, IDEMPOTENT_MAX_BODY_BYTES);
  if (bytes === null) return problem(413, `The body is larger than ${IDEMPOTENT_MAX_BODY_BYTES / 1024} KB.`);
  const hash = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n`)
    .update(bytes);
  const start = await beginIdempotent(ctx, key, hash.digest("hex"));
  if (start.kind === "refuse") return problem(start.status, start.message);
  if (start.kind === "replay")
    return new Response(start.body, {
      status: start.status,
      headers: {
        "content-type": start.status >= 400 ? PROBLEM_CONTENT_TYPE : "application/json",
        "cache-control": "no-store",
        "idempotent-replayed": "true",
      },
    });
  const replayable = new Request(request.url, { method: request.method, headers: request.headers, body: bytes });
  let response: Response;
  try {
    response = await handler({ ...call, request: replayable });
  } catch (error) {
    await abandonIdempotent(ctx, key);
    throw error;
  }
  if (response.status >= 500 || response.status === 429) await abandonIdempotent(ctx, key);
  else await finishIdempotent(ctx, key, response.status, await response.clone().text());
  return response;
}
