import "server-only";
import type { SessionIdleInput } from "@/lib/schemas/sessions";
import { recordAudit } from "@/server/db/audit";
import { findSessionIdle, setSessionIdle } from "@/server/db/sessions";
import type { ServiceContext } from "./context";

/** The workspace's idle timeouts (docs/security.md#sessions). */
export async function sessionIdle(ctx: ServiceContext): Promise<SessionIdleInput> {
  return findSessionIdle(ctx.db, ctx.tenantId);
}

/** Admins change them; the change is audited and applies to every session at its next request. */
export async function updateSessionIdle(ctx: ServiceContext, input: SessionIdleInput): Promise<SessionIdleInput> {
  return ctx.db.$transaction(async (tx) => {
    const before = await findSessionIdle(tx, ctx.tenantId);
    const after = await setSessionIdle(tx, ctx.tenantId, input);
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      action: "workspace.session_idle_changed",
      entityType: "Tenant",
      entityId: ctx.tenantId,
      before,
      after,
      ip: ctx.ip,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    return after;
  });
}
