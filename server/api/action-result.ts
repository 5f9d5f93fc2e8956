import { TRPCError } from "@trpc/server";
import type { ActionResult } from "@/lib/form-errors";
import { logger } from "@/server/logger";
import { describeTRPCError } from "./trpc";

/**
 * A Server Action's answer from one procedure call through the server caller (`@/trpc/server`): the same
 * input schema, access check, rate limits and service as over /api/trpc, and the same words on refusal
 * (`describeTRPCError`). The browser gets `{ ok: true }` or `{ ok: false, message, fieldErrors }`, which
 * `readError` (lib/form-errors.ts) reads like a tRPC error, so a form that must not ship the tRPC client can
 * still call a procedure (bench/README.md, P3).
 */
export async function actionResult(call: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    // the caller wraps whatever a procedure throws in a TRPCError; anything else failed before it ran
    if (!(error instanceof TRPCError)) logger.error({ err: error }, "server action failed");
    const trpcError =
      error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
    const { message, fieldErrors } = describeTRPCError(trpcError);
    return { ok: false, message, fieldErrors: fieldErrors ?? {} };
  }
}
