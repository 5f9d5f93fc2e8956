import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentResponse,
} from "@/server/db/idempotency";
import type { ServiceContext } from "./context";

/**
 * Idempotency-Key on the API's POSTs (docs/api.md#idempotency): the first request with a key claims it
 * and its response is stored for 24 hours; a repeat with the same body gets that response again
 * without running twice; the same key with another body is refused (422); a repeat while the first is
 * still running is told to wait (409). A request that failed on our side frees its key.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyStart =
  | { kind: "run" }
  | { kind: "replay"; status: number; body: string }
  | { kind: "refuse"; status: 409 | 422; message: string };

export async function beginIdempotent(
  ctx: ServiceContext,
  key: string,
  requestHash: string,
): Promise<IdempotencyStart> {
  await releaseIdempotencyKey(ctx.db, ctx.tenantId, key, new Date(ctx.now.getTime() - IDEMPOTENCY_TTL_MS));
  if (await claimIdempotencyKey(ctx.db, { tenantId: ctx.tenantId, key, requestHash, at: ctx.now }))
    return { kind: "run" };
  const row = await findIdempotencyKey(ctx.db, ctx.tenantId, key);
  if (row && row.requestHash !== requestHash)
    return {
      kind: "refuse",
      status: 422,
      message: "This Idempotency-Key was used with a different request. Use a new key for a new request.",
    };
  if (!row || row.status === null || row.body === null)
    return {
      kind: "refuse",
      status: 409,
      message: "A request with this Idempotency-Key is still being processed. Try again in a moment.",
    };
  return { kind: "replay", status: row.status, body: row.body };
}

export async function finishIdempotent(ctx: ServiceContext, key: string, status: number, body: string) {
  await storeIdempotentResponse(ctx.db, ctx.tenantId, key, status, body);
}

export async function abandonIdempotent(ctx: ServiceContext, key: string) {
  await releaseIdempotencyKey(ctx.db, ctx.tenantId, key);
}
