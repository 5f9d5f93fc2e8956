import type { Db } from "@/server/db/client";
import { projectsWithSignOffs } from "@/server/db/integrity";
import { verifyProjectSignOffs } from "./signoffs";

/**
 * The hash chains of a database, all verified — after a restore (issue 10 item 7), a restored database
 * must verify exactly as the original did. One entry per kind of chain: another chain (e.g. the
 * per-tenant audit chain's `verifyAuditChain`) is one more line in CHAIN_VERIFIERS.
 */
export type ChainReport = { name: string; chains: number; entries: number; broken: string[] };

type Verifier = { name: string; verify: (db: Db, now: Date) => Promise<ChainReport> };

const signOffChains: Verifier = {
  name: "sign-off chains",
  verify: async (db, now) => {
    const report: ChainReport = { name: "sign-off chains", chains: 0, entries: 0, broken: [] };
    for (const p of await projectsWithSignOffs(db)) {
      const ctx = { db, tenantId: p.tenantId, actorId: "integrity-check", ip: "127.0.0.1", requestId: "integrity-check", now };
      const v = await verifyProjectSignOffs(ctx, p.id);
      report.chains += 1;
      report.entries += v.entries;
      if (!v.intact) report.broken.push(`project ${p.id}: ${v.firstBroken?.reason ?? "broken"}`);
    }
    return report;
  },
};

export const CHAIN_VERIFIERS: readonly Verifier[] = [signOffChains];

export async function verifyAllChains(db: Db, now = new Date()): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const v of CHAIN_VERIFIERS) reports.push(await v.verify(db, now));
  return reports;
}
