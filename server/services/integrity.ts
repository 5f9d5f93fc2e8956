import "server-only";
import type { Db } from "@/server/db/client";
import { auditChainSnapshot } from "@/server/db/audit";
import { projectsWithSignOffs, tenantIdsOf } from "@/server/db/integrity";
import { verifyAuditChain } from "@/domain/audit/chain";
import { verifyProjectSignOffs } from "./signoffs";

/**
 * The hash chains of a database, all verified — after a restore (docs/security.md#audit-chain), a restored database
 * must verify exactly as the original did. One entry per kind of chain: the per-project sign-off
 * chains and the per-tenant audit chains (plus the platform chain of tenant-less audit events when
 * the whole database is checked). `tenantIds` narrows the check to those tenants.
 */
export type ChainReport = { name: string; chains: number; entries: number; broken: string[] };

type Verifier = { name: string; verify: (db: Db, now: Date, tenantIds?: readonly string[]) => Promise<ChainReport> };

const signOffChains: Verifier = {
  name: "sign-off chains",
  verify: async (db, now, tenantIds) => {
    const report: ChainReport = { name: "sign-off chains", chains: 0, entries: 0, broken: [] };
    for (const p of await projectsWithSignOffs(db, tenantIds)) {
      const ctx = {
        db,
        tenantId: p.tenantId,
        actorId: "integrity-check",
        ip: "127.0.0.1",
        requestId: "integrity-check",
        now,
      };
      const v = await verifyProjectSignOffs(ctx, p.id);
      report.chains += 1;
      report.entries += v.entries;
      if (!v.intact) report.broken.push(`project ${p.id}: ${v.firstBroken?.reason ?? "broken"}`);
    }
    return report;
  },
};

const auditChains: Verifier = {
  name: "audit chains",
  verify: async (db, _now, tenantIds) => {
    const report: ChainReport = { name: "audit chains", chains: 0, entries: 0, broken: [] };
    const chains: (string | null)[] = [...(await tenantIdsOf(db, tenantIds)), ...(tenantIds ? [] : [null])];
    for (const tenantId of chains) {
      const { rows, head } = await auditChainSnapshot(db, tenantId);
      const v = verifyAuditChain(rows, head);
      report.chains += 1;
      report.entries += v.entries;
      if (!v.ok) report.broken.push(`tenant ${tenantId ?? "(platform)"}: ${v.firstBad?.reason ?? "broken"}`);
    }
    return report;
  },
};

export const CHAIN_VERIFIERS: readonly Verifier[] = [signOffChains, auditChains];

export async function verifyAllChains(db: Db, now: Date, tenantIds?: readonly string[]): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const v of CHAIN_VERIFIERS) reports.push(await v.verify(db, now, tenantIds));
  return reports;
}
