import { auditChainSnapshot } from "@/server/db/audit";
import { verifyAuditChain } from "@/server/engines/audit/chain";
import type { ServiceContext } from "./context";

/**
 * Verifies the tenant's audit chain (issue 10 item 6): every entry recomputed from what the database
 * stores, linked to the one before, and the last one equal to the chain's head. Reports the first bad
 * entry; `checkedAt` says when, since an intact result only speaks for that moment.
 */
export async function verifyTenantAuditChain(ctx: Pick<ServiceContext, "db" | "tenantId" | "now">) {
  const { rows, head } = await auditChainSnapshot(ctx.db, ctx.tenantId);
  return { ...verifyAuditChain(rows, head), checkedAt: ctx.now };
}
