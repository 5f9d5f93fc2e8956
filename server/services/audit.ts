import "server-only";
import { auditChainSnapshot } from "@/server/db/audit";
import { projectsWithSignOffs } from "@/server/db/integrity";
import { verifyAuditChain } from "@/domain/audit/chain";
import type { ServiceContext } from "./context";
import { verifyProjectSignOffs } from "./signoffs";

/**
 * Verifies the tenant's audit chain (docs/security.md#audit-chain): every entry recomputed from what the database
 * stores, linked to the one before, and the last one equal to the chain's head. Reports the first bad
 * entry; `checkedAt` says when, since an intact result only speaks for that moment.
 */
export async function verifyTenantAuditChain(ctx: Pick<ServiceContext, "db" | "tenantId" | "now">) {
  const { rows, head } = await auditChainSnapshot(ctx.db, ctx.tenantId);
  return { ...verifyAuditChain(rows, head), checkedAt: ctx.now };
}

/**
 * Every chain the product keeps for the tenant, as the admin's "verify" on Settings shows it: the audit
 * chain and each project's sign-off chain. `ok` only when all are intact; each broken sign-off chain
 * names its project and first bad entry (docs/security.md#audit-chain).
 */
export async function verifyTenantChains(ctx: ServiceContext) {
  const audit = await verifyTenantAuditChain(ctx);
  const signOffs = {
    chains: 0,
    entries: 0,
    broken: [] as { projectId: string; projectName: string; seq: number; entryId: string | null; reason: string }[],
  };
  for (const p of await projectsWithSignOffs(ctx.db, [ctx.tenantId])) {
    const v = await verifyProjectSignOffs(ctx, p.id);
    signOffs.chains += 1;
    signOffs.entries += v.entries;
    if (v.firstBroken)
      signOffs.broken.push({
        projectId: p.id,
        projectName: p.name,
        seq: v.firstBroken.seq,
        entryId: v.firstBroken.id ?? null,
        reason: v.firstBroken.reason,
      });
  }
  return { ...audit, ok: audit.ok && signOffs.broken.length === 0, auditOk: audit.ok, signOffs };
}
