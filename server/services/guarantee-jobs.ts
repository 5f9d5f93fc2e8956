import "server-only";
import type { Db } from "@/server/db/client";
import { listTenantsForJobs } from "@/server/db/workspaces";
import { guaranteesDue } from "@/server/db/guarantees";
import { logger } from "@/server/logger";
import { finalizeGuarantee } from "./guarantees";

/**
 * Guarantee enforcement (docs/domain.md#guarantee, docs/architecture.md#jobs: guarantee enforcement at day 30): every running
 * guarantee whose clock (with acknowledged delays) has ended gets its final validation recorded, the
 * remedy choice opens on failure, stakeholders are notified and an alert is raised — each guarantee in
 * its own transaction. Idempotent: the outcome is written only while the guarantee is still running, so
 * a second run (or two at once) decides, alerts and notifies nothing twice. Works in batches by id.
 */
export const ENFORCEMENT_BATCH = 50;

export type EnforcementCounts = {
  evaluated: number;
  succeeded: number;
  failed: number;
  skipped: number;
  errors: number;
};

export async function enforceGuarantees(
  db: Db,
  now: Date,
  opts: { tenantId?: string | null } = {},
): Promise<EnforcementCounts> {
  const counts: EnforcementCounts = { evaluated: 0, succeeded: 0, failed: 0, skipped: 0, errors: 0 };
  for (const tenant of await listTenantsForJobs(db, opts.tenantId ?? null)) {
    let afterId: string | null = null;
    for (;;) {
      const batch = await guaranteesDue(db, tenant.id, now, afterId, ENFORCEMENT_BATCH);
      for (const { id } of batch) {
        try {
          const out = await db.$transaction((tx) =>
            finalizeGuarantee(
              {
                db: tx,
                tenantId: tenant.id,
                actorId: null,
                ip: null,
                requestId: `job:guarantees:${now.toISOString()}`,
                now,
              },
              id,
            ),
          );
          if (!out) counts.skipped += 1;
          else {
            counts.evaluated += 1;
            counts[out.status === "SUCCEEDED" ? "succeeded" : "failed"] += 1;
          }
        } catch (error) {
          counts.errors += 1;
          logger.warn(
            { err: error, tenantId: tenant.id, guaranteeId: id },
            "guarantee enforcement failed for one guarantee",
          );
        }
        afterId = id;
      }
      if (batch.length < ENFORCEMENT_BATCH) break;
    }
  }
  return counts;
}
